import { addNeed, assessmentCall, createAssessment, vote } from './assessments.js';
import { createUser, organisationId } from './factories.js';
import { gql, ok } from './gql.js';

export const PLAN_FIELDS = `id title status progress budgetRials canManage startOn endOn assessmentId
  needs { id title rank tied }
  taskCounts { total done inProgress blocked overdue }
  tasks { id title status progress overdue startOn endOn budgetRials resources { kind amountRials item quantity unit hours } }
  milestones { id title dueOn reachedOn overdue }
  updates { id on text taskId authorName }`;

export interface PlanView {
  id: string;
  title: string;
  status: string;
  progress: number;
  budgetRials: string;
  canManage: boolean;
  startOn: string | null;
  endOn: string | null;
  assessmentId: string | null;
  needs: { id: string; title: string; rank: number | null; tied: boolean }[];
  taskCounts: { total: number; done: number; inProgress: number; blocked: number; overdue: number };
  tasks: {
    id: string;
    title: string;
    status: string;
    progress: number;
    overdue: boolean;
    startOn: string;
    endOn: string;
    budgetRials: string;
    resources: Record<string, unknown>[];
  }[];
  milestones: { id: string; title: string; dueOn: string; reachedOn: string | null; overdue: boolean }[];
  updates: { id: string; on: string; text: string; taskId: string | null; authorName: string | null }[];
}

/** A closed dot-voting assessment whose needs rank in the order given (up to five). */
export async function rankedNeeds(
  token: string,
  neighbourhoodId: string,
  titles: string[],
  input: Record<string, unknown> = {},
): Promise<string[]> {
  const n = titles.length;
  let a = await createAssessment(token, neighbourhoodId, { dotsPerParticipant: (n * (n + 1)) / 2, ...input });
  for (const t of titles) a = await addNeed(token, a.id, t);
  a = ok(await assessmentCall('openVoting', 'id: $id', { id: a.id }, token)).openVoting!;
  const voter = await createUser();
  // The first need gets n dots, the last one dot.
  ok(await vote(voter.token, a, Object.fromEntries(a.needs.map((need, i) => [need.id, n - i]))));
  ok(await assessmentCall('closeVoting', 'id: $id', { id: a.id }, token));
  return a.needs.map((need) => need.id);
}

export async function createPlan(token: string, needIds: string[], extra: Record<string, unknown> = {}) {
  return ok(
    await gql<{ createActionPlan: PlanView }>(
      `mutation($i: CreatePlanInput!) { createActionPlan(input: $i) { ${PLAN_FIELDS} } }`,
      {
        i: {
          needIds,
          title: 'برنامهٔ روشنایی کوچه‌ها',
          goal: 'کاهش ناامنی شبانه',
          leadOrganisationId: await organisationId('base-ommat-abad'),
          ...extra,
        },
      },
      { token },
    ),
  ).createActionPlan;
}

export const addTask = (token: string, planId: string, input: Record<string, unknown>) =>
  gql<{ addPlanTask: PlanView }>(
    `mutation($p: ID!, $i: TaskInput!) { addPlanTask(planId: $p, input: $i) { ${PLAN_FIELDS} } }`,
    { p: planId, i: input },
    { token },
  );

export const updateTask = (token: string, id: string, input: Record<string, unknown>) =>
  gql<{ updatePlanTask: PlanView }>(
    `mutation($id: ID!, $i: TaskInput!) { updatePlanTask(id: $id, input: $i) { ${PLAN_FIELDS} } }`,
    { id, i: input },
    { token },
  );

export async function readPlan(id: string, token: string | null): Promise<PlanView | null> {
  return ok(
    await gql<{ actionPlan: PlanView | null }>(
      `query($id: ID!) { actionPlan(id: $id) { ${PLAN_FIELDS} } }`,
      { id },
      { token },
    ),
  ).actionPlan;
}
