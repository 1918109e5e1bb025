import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { csvFile } from '../../server/csv.js';
import { isoDayOf, jalaliOf, parseDay, todayInTehran, type IsoDay } from '../../server/days.js';
import { parseRials } from '../../server/digits.js';
import { groupBy } from '../../server/group-by.js';
import { badInput, notFound, type FieldProblem, type Lang } from '../../server/errors.js';
import { User } from '../accounts/accounts.entity.js';
import { AssessmentStatus, Need, NeedStatus, NeedsAssessment } from '../assessments/assessments.entity.js';
import type { PlaceRefType } from '../assessments/assessments.types.js';
import type { AuditChange } from '../audit/audit.service.js';
import { isUuid } from '../geography/geography.service.js';
import { Organisation } from '../organisations/organisation.entity.js';
import {
  ActionPlan,
  PlanMilestone,
  PlanStatus,
  PlanTask,
  PlanUpdate,
  ResourceKind,
  TaskResource,
  TaskStatus,
} from './plans.entity.js';
import type {
  CreatePlanInput,
  MilestoneInput,
  PlanUpdateInput,
  ResourceInput,
  TaskInput,
  UpdatePlanInput,
} from './plans.inputs.js';
import { planStatusLabels, resourceKindLabels, taskStatusLabels } from './plans.labels.js';
import { canManagePlan, canSeePlan, canSeePlanAuthors } from './plans.policy.js';
import type { ActionPlanType, PlanMilestoneType, PlanNeedType, PlanTaskType, PlanUpdateType } from './plans.types.js';

export interface PlanWrite {
  result: ActionPlanType;
  change: AuditChange;
}

const place = (x: { id: string; slug: string; nameFa: string; nameEn: string }): PlaceRefType => ({
  id: x.id,
  slug: x.slug,
  nameFa: x.nameFa,
  nameEn: x.nameEn,
});

const planFacts = (p: ActionPlan) => ({
  neighbourhood: { id: p.neighbourhood.id, countyId: p.neighbourhood.county.id },
  status: p.status,
});

/** Progress a task counts for: done is 100 whatever was typed; cancelled tasks do not count. */
export const effectiveProgress = (t: { status: TaskStatus; progress: number }) =>
  t.status === TaskStatus.DONE ? 100 : t.progress;

export const isOverdue = (t: { status: TaskStatus; endOn: string }, today: IsoDay) =>
  t.status !== TaskStatus.DONE && t.status !== TaskStatus.CANCELLED && isoDayOf(t.endOn)! < today;

interface PlanRow {
  id: string;
  title: string;
  goal: string;
  expected_results: string | null;
  indicators: { name: string; target: string | null }[];
  status: PlanStatus;
  assessment_id: string | null;
  created_at: Date;
  updated_at: Date;
  n_id: string;
  n_slug: string;
  n_fa: string;
  n_en: string;
  county_id: string;
  o_id: string;
  o_slug: string;
  o_fa: string;
  o_en: string;
  total: string | number;
  done: string | number;
  in_progress: string | number;
  blocked: string | number;
  overdue: string | number;
  progress: string | number;
  budget_rials: string;
  start_on: string | Date | null;
  end_on: string | Date | null;
}

/**
 * Plans with their place, lead organisation and task figures in one statement, newest first:
 * cancelled tasks do not count, done counts as 100% progress whatever was typed (as
 * `effectiveProgress`), overdue as `isOverdue`. Parameters: today in Tehran, then those of `where`.
 */
const planSql = (where: string) => `
  select p.id, p.title, p.goal, p.expected_results, p.indicators, p.status, p.assessment_id,
         p.created_at, p.updated_at,
         n.id as n_id, n.slug as n_slug, n.name_fa as n_fa, n.name_en as n_en, n.county_id,
         o.id as o_id, o.slug as o_slug, o.name_fa as o_fa, o.name_en as o_en,
         f.total, f.done, f.in_progress, f.blocked, f.overdue, f.progress, f.budget_rials, f.start_on, f.end_on
    from action_plan p
    join neighbourhood n on n.id = p.neighbourhood_id
    join organisation o on o.id = p.lead_organisation_id
    cross join lateral (
      select count(*) as total,
             count(*) filter (where t.status = 'DONE') as done,
             count(*) filter (where t.status = 'IN_PROGRESS') as in_progress,
             count(*) filter (where t.status = 'BLOCKED') as blocked,
             count(*) filter (where t.status <> 'DONE' and t.end_on < ?::date) as overdue,
             coalesce(round(avg(case when t.status = 'DONE' then 100 else t.progress end)), 0) as progress,
             coalesce(sum(t.budget_rials), 0)::text as budget_rials,
             min(t.start_on) as start_on,
             max(t.end_on) as end_on
        from plan_task t
       where t.plan_id = p.id and t.status <> 'CANCELLED'
    ) f
   where ${where}
   order by p.created_at desc, p.id desc`;

const rowFacts = (r: PlanRow) => ({ neighbourhood: { id: r.n_id, countyId: r.county_id }, status: r.status });

export class PlansService {
  constructor(private readonly em: EntityManager) {}

  async list(viewer: Viewer | null, neighbourhoodId: string): Promise<ActionPlanType[]> {
    if (!isUuid(neighbourhoodId)) return [];
    const rows = await this.em.execute<PlanRow[]>(`${planSql('p.neighbourhood_id = ?')} limit 200`, [
      todayInTehran(),
      neighbourhoodId,
    ]);
    return this.presentRows(viewer, rows);
  }

  async byId(viewer: Viewer | null, id: string): Promise<ActionPlanType | null> {
    if (!isUuid(id)) return null;
    const [plan] = await this.present(viewer, [id]);
    return plan ?? null;
  }

  async create(viewer: Viewer | null, input: CreatePlanInput): Promise<PlanWrite> {
    const problems: FieldProblem[] = [];
    const ids = [...new Set(input.needIds)];
    const needs = ids.every(isUuid)
      ? await this.em.find(Need, { id: { $in: ids } }, { populate: ['assessment.neighbourhood'] })
      : [];
    if (needs.length !== ids.length) problems.push({ field: 'needIds', reason: 'UNKNOWN_NEED' });
    const neighbourhood = needs[0]?.assessment.neighbourhood;
    // Needs of a neighbourhood the viewer does not run are reported as unknown, like everything else there.
    if (
      !neighbourhood ||
      !canManagePlan(viewer, {
        neighbourhood: { id: neighbourhood.id, countyId: neighbourhood.county.id },
        status: PlanStatus.ACTIVE,
      })
    ) {
      throw notFound();
    }
    if (needs.some((n) => n.assessment.neighbourhood.id !== neighbourhood.id)) {
      problems.push({ field: 'needIds', reason: 'OTHER_NEIGHBOURHOOD' });
    }
    if (needs.some((n) => n.status !== NeedStatus.ACCEPTED || n.assessment.status !== AssessmentStatus.CLOSED)) {
      problems.push({ field: 'needIds', reason: 'NOT_RANKED' });
    }
    const lead = await this.organisation(input.leadOrganisationId, 'leadOrganisationId', problems);
    const title = input.title.trim();
    const goal = input.goal.trim();
    if (!title) problems.push({ field: 'title', reason: 'REQUIRED' });
    if (!goal) problems.push({ field: 'goal', reason: 'REQUIRED' });
    if (input.status && ![PlanStatus.DRAFT, PlanStatus.ACTIVE].includes(input.status)) {
      problems.push({ field: 'status', reason: 'ILLEGAL_STATUS' });
    }
    if (problems.length) throw badInput(problems);
    const assessments = new Set(needs.map((n) => n.assessment.id));
    const plan = this.em.create(ActionPlan, {
      neighbourhood,
      assessment: assessments.size === 1 ? needs[0]!.assessment : null,
      leadOrganisation: lead!,
      createdBy: this.em.getReference(User, viewer!.userId),
      title,
      goal,
      expectedResults: input.expectedResults?.trim() || null,
      indicators: indicators(input.indicators),
      status: input.status ?? PlanStatus.ACTIVE,
    });
    plan.needs.set(needs);
    await this.em.flush();
    return this.written(viewer, plan.id, null, { title, needIds: ids, status: plan.status });
  }

  async update(viewer: Viewer | null, id: string, input: UpdatePlanInput): Promise<PlanWrite> {
    const plan = await this.managed(viewer, id);
    const problems: FieldProblem[] = [];
    const before = { title: plan.title, status: plan.status };
    if (input.title !== undefined && input.title !== null) {
      if (!input.title.trim()) problems.push({ field: 'title', reason: 'REQUIRED' });
      plan.title = input.title.trim();
    }
    if (input.goal !== undefined && input.goal !== null) {
      if (!input.goal.trim()) problems.push({ field: 'goal', reason: 'REQUIRED' });
      plan.goal = input.goal.trim();
    }
    if (input.expectedResults !== undefined) plan.expectedResults = input.expectedResults?.trim() || null;
    if (input.indicators) plan.indicators = indicators(input.indicators);
    if (input.leadOrganisationId) {
      const lead = await this.organisation(input.leadOrganisationId, 'leadOrganisationId', problems);
      if (lead) plan.leadOrganisation = lead;
    }
    if (input.status) plan.status = input.status;
    if (problems.length) throw badInput(problems);
    await this.em.flush();
    return this.written(viewer, plan.id, before, { title: plan.title, status: plan.status });
  }

  async addTask(viewer: Viewer | null, planId: string, input: TaskInput): Promise<PlanWrite> {
    const plan = await this.managed(viewer, planId, true);
    const problems: FieldProblem[] = [];
    if (!input.title?.trim()) problems.push({ field: 'title', reason: 'REQUIRED' });
    if (!input.startOn) problems.push({ field: 'startOn', reason: 'REQUIRED' });
    if (!input.endOn) problems.push({ field: 'endOn', reason: 'REQUIRED' });
    const [{ next }] = await this.em.execute<{ next: number }[]>(
      `select coalesce(max(position), 0) + 1 as next from plan_task where plan_id = ?`,
      [plan.id],
    );
    // Not persisted until it has passed every check.
    const task = this.em.create(
      PlanTask,
      { plan, position: Number(next), title: input.title?.trim() ?? '', startOn: '', endOn: '' },
      { persist: false },
    );
    const resources = await this.applyTask(task, input, problems);
    if (problems.length) throw badInput(problems);
    this.em.persist(task);
    resources.forEach((r, position) => this.em.create(TaskResource, { ...r, position, task }));
    await this.em.flush();
    return this.written(viewer, plan.id, null, {
      task: task.id,
      title: task.title,
      startOn: task.startOn,
      endOn: task.endOn,
    });
  }

  async updateTask(viewer: Viewer | null, taskId: string, input: TaskInput): Promise<PlanWrite> {
    const task = isUuid(taskId) ? await this.em.findOne(PlanTask, { id: taskId }) : null;
    if (!task) throw notFound();
    const plan = await this.managed(viewer, task.plan.id, true);
    const before = { status: task.status, progress: task.progress, startOn: task.startOn, endOn: task.endOn };
    const problems: FieldProblem[] = [];
    if (input.title !== undefined && input.title !== null && !input.title.trim()) {
      problems.push({ field: 'title', reason: 'REQUIRED' });
    }
    const resources = await this.applyTask(task, input, problems);
    // Nothing of a refused edit reaches the database: the mutation's transaction rolls back.
    if (problems.length) throw badInput(problems);
    if (input.resources) {
      await this.em.nativeDelete(TaskResource, { task: task.id });
      resources.forEach((r, position) => this.em.create(TaskResource, { ...r, position, task }));
    }
    await this.em.flush();
    return this.written(
      viewer,
      plan.id,
      { task: task.id, ...before },
      {
        task: task.id,
        status: task.status,
        progress: task.progress,
        startOn: task.startOn,
        endOn: task.endOn,
      },
    );
  }

  async addMilestone(viewer: Viewer | null, planId: string, input: MilestoneInput): Promise<PlanWrite> {
    const plan = await this.managed(viewer, planId, true);
    const dueOn = parseDay(input.dueOn);
    const problems: FieldProblem[] = [];
    if (!input.title.trim()) problems.push({ field: 'title', reason: 'REQUIRED' });
    if (!dueOn) problems.push({ field: 'dueOn', reason: 'INVALID_DATE' });
    if (problems.length) throw badInput(problems);
    const m = this.em.create(PlanMilestone, { plan, title: input.title.trim(), dueOn: dueOn! });
    await this.em.flush();
    return this.written(viewer, plan.id, null, { milestone: m.id, dueOn });
  }

  async setMilestoneReached(viewer: Viewer | null, id: string, reachedOn: string | null): Promise<PlanWrite> {
    const m = isUuid(id) ? await this.em.findOne(PlanMilestone, { id }) : null;
    if (!m) throw notFound();
    const plan = await this.managed(viewer, m.plan.id, true);
    let day: IsoDay | null = null;
    if (reachedOn?.trim()) {
      day = parseDay(reachedOn);
      if (!day) throw badInput([{ field: 'reachedOn', reason: 'INVALID_DATE' }]);
    }
    const before = { reachedOn: m.reachedOn ?? null };
    m.reachedOn = day;
    await this.em.flush();
    return this.written(viewer, plan.id, { milestone: m.id, ...before }, { milestone: m.id, reachedOn: day });
  }

  async addUpdate(viewer: Viewer | null, planId: string, input: PlanUpdateInput): Promise<PlanWrite> {
    const plan = await this.managed(viewer, planId);
    const problems: FieldProblem[] = [];
    const on = parseDay(input.on);
    if (!on) problems.push({ field: 'on', reason: 'INVALID_DATE' });
    else if (on > todayInTehran()) problems.push({ field: 'on', reason: 'IN_THE_FUTURE' });
    const text = input.text.trim();
    if (!text) problems.push({ field: 'text', reason: 'REQUIRED' });
    let task: PlanTask | null = null;
    if (input.taskId) {
      task = isUuid(input.taskId) ? await this.em.findOne(PlanTask, { id: input.taskId, plan: plan.id }) : null;
      if (!task) problems.push({ field: 'taskId', reason: 'UNKNOWN_TASK' });
    }
    if (problems.length) throw badInput(problems);
    const u = this.em.create(PlanUpdate, {
      plan,
      task,
      author: this.em.getReference(User, viewer!.userId),
      day: on!,
      text,
    });
    await this.em.flush();
    return this.written(viewer, plan.id, null, { update: u.id, on });
  }

  /** The plan's tasks as CSV (BOM for spreadsheets); dates Jalali in Persian. */
  async exportCsv(viewer: Viewer | null, id: string, lang: Lang): Promise<string> {
    const plan = await this.byId(viewer, id);
    if (!plan) throw notFound();
    const [tasks] = await this.tasksOf([plan.id]);
    const day = (d: string) => (lang === 'fa' ? jalaliOf(d) : d);
    const head =
      lang === 'fa'
        ? [
            'ردیف',
            'کار',
            'سازمان مسئول',
            'شروع',
            'پایان',
            'وضعیت',
            'پیشرفت (٪)',
            'دیرکرد',
            'بودجه (ریال)',
            'منابع لازم',
          ]
        : [
            '#',
            'Task',
            'Lead organisation',
            'Start',
            'End',
            'Status',
            'Progress (%)',
            'Overdue',
            'Budget (rials)',
            'Resources needed',
          ];
    const yes = lang === 'fa' ? 'بله' : 'yes';
    const rows = tasks!.map((t) => [
      t.position,
      t.title,
      t.leadOrganisation ? (lang === 'fa' ? t.leadOrganisation.nameFa : t.leadOrganisation.nameEn) : '',
      day(t.startOn),
      day(t.endOn),
      taskStatusLabels[t.status][lang],
      t.progress,
      t.overdue ? yes : '',
      t.budgetRials,
      t.resources.map((r) => resourceText(r, lang)).join('؛ '),
    ]);
    const total = [
      '',
      `${plan.title} (${planStatusLabels[plan.status][lang]})`,
      '',
      '',
      '',
      '',
      plan.progress,
      '',
      plan.budgetRials,
      '',
    ];
    return csvFile(head, [...rows, total]);
  }

  // ---- helpers -------------------------------------------------------------

  /**
   * Applies an edit to a task and checks it as a whole: dates in order, progress 0-100, status and
   * progress agreeing. Returns the resources to store, when given.
   */
  private async applyTask(task: PlanTask, input: TaskInput, problems: FieldProblem[]) {
    // Looked up before anything is assigned, so no query ever runs with a half-edited task pending.
    const lead =
      input.leadOrganisationId === undefined
        ? undefined
        : input.leadOrganisationId
          ? await this.organisation(input.leadOrganisationId, 'leadOrganisationId', problems)
          : null;
    if (lead !== undefined) task.leadOrganisation = lead;
    if (input.title?.trim()) task.title = input.title.trim();
    if (input.description !== undefined) task.description = input.description?.trim() || null;
    for (const field of ['startOn', 'endOn'] as const) {
      const raw = input[field];
      if (!raw) continue;
      const day = parseDay(raw);
      if (!day) problems.push({ field, reason: 'INVALID_DATE' });
      else task[field] = day;
    }
    if (task.startOn && task.endOn && isoDayOf(task.endOn)! < isoDayOf(task.startOn)!) {
      problems.push({ field: 'endOn', reason: 'DATE_ORDER' });
    }
    if (input.budgetRials !== undefined && input.budgetRials !== null) {
      const amount = parseRials(input.budgetRials);
      if (amount === null) problems.push({ field: 'budgetRials', reason: 'INVALID_AMOUNT' });
      else task.budgetRials = amount;
    }
    if (input.progress !== undefined && input.progress !== null) {
      if (!Number.isInteger(input.progress) || input.progress < 0 || input.progress > 100) {
        problems.push({ field: 'progress', reason: 'OUT_OF_RANGE' });
      } else {
        task.progress = input.progress;
      }
    }
    if (input.status) {
      if (
        input.status === TaskStatus.DONE &&
        input.progress !== undefined &&
        input.progress !== null &&
        input.progress < 100
      ) {
        problems.push({ field: 'progress', reason: 'DONE_MEANS_100' });
      }
      task.status = input.status;
    } else if (input.progress !== undefined && input.progress !== null) {
      // Typing progress moves the status along the way people expect; it never cancels or blocks.
      if (task.progress === 100) task.status = TaskStatus.DONE;
      else if (task.status === TaskStatus.DONE || (task.status === TaskStatus.PLANNED && task.progress > 0)) {
        task.status = TaskStatus.IN_PROGRESS;
      }
    }
    if (task.status === TaskStatus.DONE) {
      task.progress = 100;
      task.completedOn ??= todayInTehran();
    } else {
      task.completedOn = null;
    }
    return (input.resources ?? []).map((r, i) => resource(r, i, problems));
  }

  private async organisation(id: string, field: string, problems: FieldProblem[]) {
    const o = isUuid(id) ? await this.em.findOne(Organisation, { id }) : null;
    if (!o) problems.push({ field, reason: 'UNKNOWN_ORGANISATION' });
    return o;
  }

  private async managed(viewer: Viewer | null, id: string, editingTasks = false): Promise<ActionPlan> {
    const plan = isUuid(id) ? await this.em.findOne(ActionPlan, { id }, { populate: ['neighbourhood'] }) : null;
    if (!plan || !canManagePlan(viewer, planFacts(plan))) throw notFound();
    if (editingTasks && plan.status === PlanStatus.CANCELLED)
      throw badInput([{ field: 'planId', reason: 'PLAN_CANCELLED' }]);
    return plan;
  }

  private async written(
    viewer: Viewer | null,
    id: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): Promise<PlanWrite> {
    const result = await this.byId(viewer, id);
    if (!result) throw notFound();
    return { result, change: { entityType: 'ActionPlan', entityId: id, before, after } };
  }

  /**
   * Plans as this viewer may see them, with their figures: one statement whatever their number.
   * Tasks, milestones, updates and needs are fields of their own, loaded once per response by the
   * resolver's loaders (`tasksOf` and the others), so a list of plan cards reads no task rows.
   */
  async present(viewer: Viewer | null, ids: readonly string[]): Promise<ActionPlanType[]> {
    if (!ids.length) return [];
    const rows = await this.em.execute<PlanRow[]>(planSql(`p.id = any(string_to_array(?, ',')::uuid[])`), [
      todayInTehran(),
      ids.join(','),
    ]);
    return this.presentRows(viewer, rows);
  }

  private presentRows(viewer: Viewer | null, rows: PlanRow[]): ActionPlanType[] {
    return rows
      .filter((r) => canSeePlan(viewer, rowFacts(r)))
      .map((r) => ({
        id: r.id,
        neighbourhood: { id: r.n_id, slug: r.n_slug, nameFa: r.n_fa, nameEn: r.n_en },
        assessmentId: r.assessment_id,
        title: r.title,
        goal: r.goal,
        expectedResults: r.expected_results,
        indicators: r.indicators.map((i) => ({ name: i.name, target: i.target })),
        leadOrganisation: { id: r.o_id, slug: r.o_slug, nameFa: r.o_fa, nameEn: r.o_en },
        status: r.status,
        progress: Number(r.progress),
        budgetRials: r.budget_rials,
        taskCounts: {
          total: Number(r.total),
          done: Number(r.done),
          inProgress: Number(r.in_progress),
          blocked: Number(r.blocked),
          overdue: Number(r.overdue),
        },
        startOn: isoDayOf(r.start_on),
        endOn: isoDayOf(r.end_on),
        showAuthors: canSeePlanAuthors(viewer, rowFacts(r)),
        canManage: canManagePlan(viewer, rowFacts(r)),
        createdAt: new Date(r.created_at),
        updatedAt: new Date(r.updated_at),
      }));
  }

  /** The tasks of plans already presented, in position order, with what each needs; two statements. */
  async tasksOf(planIds: readonly string[]): Promise<PlanTaskType[][]> {
    const [tasks, resources] = await Promise.all([
      this.em.find(
        PlanTask,
        { plan: { $in: [...planIds] } },
        { populate: ['leadOrganisation'], orderBy: { position: 'asc', id: 'asc' } },
      ),
      this.em.find(
        TaskResource,
        { task: { plan: { $in: [...planIds] } } },
        { orderBy: { position: 'asc', id: 'asc' } },
      ),
    ]);
    const today = todayInTehran();
    const needs = groupBy(resources, (r) => r.task.id);
    const byPlan = groupBy(tasks, (t) => t.plan.id);
    return planIds.map((planId) =>
      (byPlan.get(planId) ?? []).map((t) => ({
        id: t.id,
        position: t.position,
        title: t.title,
        description: t.description ?? null,
        leadOrganisation: t.leadOrganisation ? place(t.leadOrganisation) : null,
        startOn: isoDayOf(t.startOn)!,
        endOn: isoDayOf(t.endOn)!,
        status: t.status,
        progress: effectiveProgress(t),
        overdue: isOverdue(t, today),
        budgetRials: String(t.budgetRials),
        resources: (needs.get(t.id) ?? []).map((r) => ({
          id: r.id,
          kind: r.kind,
          amountRials: r.amountRials === null || r.amountRials === undefined ? null : String(r.amountRials),
          item: r.item ?? null,
          quantity: r.quantity ?? null,
          unit: r.unit ?? null,
          hours: r.hours ?? null,
        })),
      })),
    );
  }

  /** The milestones of plans already presented, by due day; one statement. */
  async milestonesOf(planIds: readonly string[]): Promise<PlanMilestoneType[][]> {
    const rows = await this.em.find(
      PlanMilestone,
      { plan: { $in: [...planIds] } },
      { orderBy: { dueOn: 'asc', id: 'asc' } },
    );
    const today = todayInTehran();
    const byPlan = groupBy(rows, (m) => m.plan.id);
    return planIds.map((planId) =>
      (byPlan.get(planId) ?? []).map((m) => ({
        id: m.id,
        title: m.title,
        dueOn: isoDayOf(m.dueOn)!,
        reachedOn: isoDayOf(m.reachedOn),
        overdue: !m.reachedOn && isoDayOf(m.dueOn)! < today,
      })),
    );
  }

  /** Progress notes of plans already presented, newest first; authors only where the plan allows. */
  async updatesOf(plans: readonly ActionPlanType[]): Promise<PlanUpdateType[][]> {
    const rows = await this.em.find(
      PlanUpdate,
      { plan: { $in: plans.map((p) => p.id) } },
      { populate: ['author'], orderBy: { day: 'desc', createdAt: 'desc' } },
    );
    const byPlan = groupBy(rows, (u) => u.plan.id);
    return plans.map((p) =>
      (byPlan.get(p.id) ?? []).map((u) => ({
        id: u.id,
        on: isoDayOf(u.day)!,
        text: u.text,
        taskId: u.task?.id ?? null,
        authorName: p.showAuthors ? u.author.displayName : null,
        createdAt: u.createdAt,
      })),
    );
  }

  /** The ranked needs plans answer, with their rank when the assessment closed; two statements. */
  async needsOf(planIds: readonly string[]): Promise<PlanNeedType[][]> {
    const plans = await this.em.find(ActionPlan, { id: { $in: [...planIds] } }, { populate: ['needs'] });
    const assessmentIds = [...new Set(plans.flatMap((p) => p.needs.getItems().map((n) => n.assessment.id)))];
    const assessments = assessmentIds.length
      ? await this.em.find(NeedsAssessment, { id: { $in: assessmentIds } }, { fields: ['id', 'frozenRanking'] })
      : [];
    const frozen = new Map(assessments.flatMap((a) => (a.frozenRanking ?? []).map((r) => [r.needId, r] as const)));
    const byId = new Map(plans.map((p) => [p.id, p]));
    return planIds.map((planId) =>
      (byId.get(planId)?.needs.getItems() ?? []).map((n) => {
        const r = frozen.get(n.id);
        return {
          id: n.id,
          assessmentId: n.assessment.id,
          title: n.title,
          category: n.category,
          rank: r?.rank ?? null,
          tied: r?.tied ?? false,
        };
      }),
    );
  }
}

function indicators(input: { name: string; target?: string | null }[] | null | undefined) {
  return (input ?? []).map((i) => ({ name: i.name.trim(), target: i.target?.trim() || null })).filter((i) => i.name);
}

/** One resource need, checked for its kind: cash has an amount, goods a quantity and unit, time hours. */
function resource(r: ResourceInput, i: number, problems: FieldProblem[]) {
  const field = (name: string) => `resources.${i}.${name}`;
  const row = {
    kind: r.kind,
    amountRials: null as string | null,
    item: null as string | null,
    quantity: null as number | null,
    unit: null as string | null,
    hours: null as number | null,
  };
  if (r.kind === ResourceKind.CASH) {
    const amount = r.amountRials ? parseRials(r.amountRials) : null;
    if (amount === null || amount === '0') problems.push({ field: field('amountRials'), reason: 'INVALID_AMOUNT' });
    row.amountRials = amount;
  } else if (r.kind === ResourceKind.IN_KIND) {
    row.item = r.item?.trim() || null;
    row.unit = r.unit?.trim() || null;
    row.quantity = r.quantity ?? null;
    if (!row.item) problems.push({ field: field('item'), reason: 'REQUIRED' });
    if (!row.quantity || !Number.isInteger(row.quantity) || row.quantity < 1 || row.quantity > 1_000_000_000) {
      problems.push({ field: field('quantity'), reason: 'OUT_OF_RANGE' });
    }
    if (!row.unit) problems.push({ field: field('unit'), reason: 'UNIT_REQUIRED' });
  } else {
    row.hours = r.hours ?? null;
    if (!row.hours || !Number.isInteger(row.hours) || row.hours < 1 || row.hours > 1_000_000) {
      problems.push({ field: field('hours'), reason: 'OUT_OF_RANGE' });
    }
  }
  return row;
}

function resourceText(
  r: {
    kind: ResourceKind;
    amountRials: string | null;
    item: string | null;
    quantity: number | null;
    unit: string | null;
    hours: number | null;
  },
  lang: Lang,
): string {
  const kind = resourceKindLabels[r.kind][lang];
  if (r.kind === ResourceKind.CASH) return `${kind}: ${r.amountRials}`;
  if (r.kind === ResourceKind.IN_KIND) return `${kind}: ${r.item} ${r.quantity} ${r.unit}`;
  return `${kind}: ${r.hours}`;
}
