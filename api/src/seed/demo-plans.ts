import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { repoRoot } from '../config/config.js';
import { User } from '../modules/accounts/accounts.entity.js';
import {
  AssessmentStatus,
  Need,
  NeedFeatureLink,
  NeedScore,
  NeedsAssessment,
  type NeedCategory,
  type PrioritisationMethod,
} from '../modules/assessments/assessments.entity.js';
import { parseWeight, rankByMatrix } from '../modules/assessments/ranking.js';
import type { Neighbourhood } from '../modules/geography/geography.entity.js';
import { MapFeature } from '../modules/mapping/mapping.entity.js';
import type { Organisation } from '../modules/organisations/organisation.entity.js';
import {
  ActionPlan,
  PlanMilestone,
  PlanTask,
  PlanUpdate,
  ResourceKind,
  TaskResource,
  type TaskStatus,
} from '../modules/plans/plans.entity.js';
import { normaliseDigits } from '../server/digits.js';
import { Pledge, PledgeKind, Receipt, type PledgeStatus } from '../modules/pledges/pledges.entity.js';
import {
  HoursLog,
  SlotSignup,
  TaskSlot,
  type HoursStatus,
  type SignupStatus,
  type VolunteerSkill,
} from '../modules/volunteers/volunteers.entity.js';

interface NeedSeed {
  id: string;
  category: NeedCategory;
  title: string;
  description: string;
  evidence?: string;
  harms?: string[];
  strengths?: string[];
  scores: Record<string, number>;
}

interface DemoPlansSeed {
  facilitator: string;
  assessments: {
    id: string;
    neighbourhood: string;
    organisation: string;
    title: string;
    heldFrom: string;
    heldTo?: string;
    method: PrioritisationMethod;
    criteria: { key: string; weight: string }[];
    counts: Record<'residents' | 'informants' | 'trustedPersons' | 'youth' | 'women' | 'officials', number>;
    closed: boolean;
    needs: NeedSeed[];
  }[];
  plans: {
    id: string;
    neighbourhood: string;
    needs: string[];
    leadOrganisation: string;
    title: string;
    goal: string;
    expectedResults?: string;
    indicators: { name: string; target: string | null }[];
    tasks: {
      title: string;
      startOn: string;
      endOn: string;
      status: TaskStatus;
      progress: number;
      budgetRials: string;
      resources: {
        kind: ResourceKind;
        amountRials?: string;
        item?: string;
        quantity?: number;
        unit?: string;
        hours?: number;
      }[];
    }[];
    milestones: { title: string; dueOn: string }[];
    updates: { on: string; text: string }[];
  }[];
  support: {
    plan: string;
    /** 1-based position of the task the pledges and slots are for. */
    task: number;
    pledges: {
      id: string;
      donor: string;
      kind: PledgeKind;
      amountRials?: string;
      item?: string;
      quantity?: number;
      unit?: string;
      status: PledgeStatus;
      dueOn: string;
      anonymous: boolean;
      receipts: { amountRials?: string; quantity?: number; receivedOn: string }[];
    }[];
    slots: {
      id: string;
      title: string;
      peopleNeeded: number;
      skills: VolunteerSkill[];
      startsOn: string;
      endsOn: string;
      hoursEach: number;
      signups: {
        volunteer: string;
        status: SignupStatus;
        hours: { day: string; hours: number; status: HoursStatus }[];
      }[];
    }[];
  };
}

/**
 * A scored, closed needs assessment and an action plan from its top need, so a demo shows the
 * whole path from the map to a plan. Demo mode only; skipped when already there.
 */
export async function seedDemoPlans(
  tx: EntityManager,
  neighbourhoods: Map<string, Neighbourhood>,
  orgs: Map<string, Organisation>,
): Promise<void> {
  const seed = JSON.parse(readFileSync(join(repoRoot, 'db/seed/demo-plans.json'), 'utf8')) as DemoPlansSeed;
  const facilitator = await tx.findOneOrFail(User, { email: seed.facilitator });
  const place = <T>(map: Map<string, T>, key: string): T => {
    const found = map.get(key);
    if (!found) throw new Error(`seed: demo plans name an unknown place or organisation "${key}"`);
    return found;
  };
  for (const a of seed.assessments) {
    if (await tx.count(NeedsAssessment, { id: a.id })) continue;
    const criteria = a.criteria.map((c) => ({
      key: c.key,
      label: null,
      weightHundredths: parseWeight(c.weight, normaliseDigits)!,
    }));
    const assessment = tx.create(NeedsAssessment, {
      id: a.id,
      neighbourhood: place(neighbourhoods, a.neighbourhood),
      organisation: place(orgs, a.organisation),
      facilitator,
      title: a.title,
      heldFrom: a.heldFrom,
      heldTo: a.heldTo ?? null,
      method: a.method,
      criteria,
      dotsPerParticipant: 3,
      code: '000000',
      ...a.counts,
    });
    const scores = new Map<string, Map<string, number>>();
    a.needs.forEach((n, i) => {
      const need = tx.create(Need, {
        id: n.id,
        assessment,
        position: i + 1,
        category: n.category,
        title: n.title,
        description: n.description,
        evidence: n.evidence ?? null,
        proposedBy: facilitator,
      });
      for (const id of [...(n.harms ?? []), ...(n.strengths ?? [])]) {
        tx.create(NeedFeatureLink, { need, feature: tx.getReference(MapFeature, id) });
      }
      for (const [criterionKey, score] of Object.entries(n.scores)) tx.create(NeedScore, { need, criterionKey, score });
      scores.set(n.id, new Map(Object.entries(n.scores)));
    });
    if (a.closed) {
      assessment.frozenRanking = rankByMatrix(
        a.needs.map((n, i) => ({ id: n.id, position: i + 1 })),
        criteria,
        scores,
      );
      assessment.status = AssessmentStatus.CLOSED;
      assessment.closedAt = new Date(`${a.heldTo ?? a.heldFrom}T15:00:00Z`);
    }
  }
  await tx.flush();
  for (const p of seed.plans) {
    if (await tx.count(ActionPlan, { id: p.id })) continue;
    const needs = await tx.find(Need, { id: { $in: p.needs } }, { populate: ['assessment'] });
    const plan = tx.create(ActionPlan, {
      id: p.id,
      neighbourhood: place(neighbourhoods, p.neighbourhood),
      assessment: needs[0]?.assessment ?? null,
      leadOrganisation: place(orgs, p.leadOrganisation),
      createdBy: facilitator,
      title: p.title,
      goal: p.goal,
      expectedResults: p.expectedResults ?? null,
      indicators: p.indicators,
    });
    plan.needs.set(needs);
    p.tasks.forEach((t, i) => {
      const task = tx.create(PlanTask, {
        plan,
        position: i + 1,
        title: t.title,
        startOn: t.startOn,
        endOn: t.endOn,
        status: t.status,
        progress: t.progress,
        budgetRials: t.budgetRials,
        leadOrganisation: plan.leadOrganisation,
      });
      t.resources.forEach((r, position) => {
        tx.create(TaskResource, {
          task,
          position,
          kind: r.kind,
          amountRials: r.amountRials ?? null,
          item: r.item ?? null,
          quantity: r.quantity ?? null,
          unit: r.unit ?? null,
          hours: r.hours ?? null,
        });
      });
    });
    for (const m of p.milestones) tx.create(PlanMilestone, { plan, title: m.title, dueOn: m.dueOn });
    for (const u of p.updates) tx.create(PlanUpdate, { plan, author: facilitator, day: u.on, text: u.text });
  }
  await tx.flush();
  await seedDemoSupport(tx, seed.support, facilitator);
}

/** A donor's pledges (one partly received, one anonymous) and a volunteer slot with confirmed hours. */
async function seedDemoSupport(tx: EntityManager, s: DemoPlansSeed['support'], staff: User): Promise<void> {
  const plan = await tx.findOne(ActionPlan, { id: s.plan }, { populate: ['leadOrganisation'] });
  const task = await tx.findOne(PlanTask, { plan: s.plan, position: s.task });
  if (!plan || !task) return;
  const resources = await tx.find(TaskResource, { task: task.id });
  for (const p of s.pledges) {
    if (await tx.count(Pledge, { id: p.id })) continue;
    const pledger = await tx.findOneOrFail(User, { email: p.donor });
    const pledge = tx.create(Pledge, {
      id: p.id,
      pledger,
      idempotencyKey: `demo-${p.id}`,
      requestHash: 'demo',
      plan,
      task,
      resource: resources.find((r) => (r.kind === ResourceKind.CASH) === (p.kind === PledgeKind.CASH)) ?? null,
      organisation: plan.leadOrganisation,
      kind: p.kind,
      amountRials: p.amountRials ?? null,
      item: p.item ?? null,
      quantity: p.quantity ?? null,
      unit: p.unit ?? null,
      anonymous: p.anonymous,
      dueOn: p.dueOn,
      status: p.status,
    });
    p.receipts.forEach((r, i) =>
      tx.create(Receipt, {
        pledge,
        organisation: plan.leadOrganisation,
        recordedBy: staff,
        idempotencyKey: `demo-${p.id}-${i}`,
        requestHash: 'demo',
        amountRials: r.amountRials ?? null,
        quantity: r.quantity ?? null,
        receivedOn: r.receivedOn,
      }),
    );
  }
  for (const slot of s.slots) {
    if (await tx.count(TaskSlot, { id: slot.id })) continue;
    const created = tx.create(TaskSlot, {
      id: slot.id,
      task,
      title: slot.title,
      peopleNeeded: slot.peopleNeeded,
      skills: slot.skills,
      startsOn: slot.startsOn,
      endsOn: slot.endsOn,
      hoursEach: slot.hoursEach,
    });
    for (const g of slot.signups) {
      const volunteer = await tx.findOneOrFail(User, { email: g.volunteer });
      const signup = tx.create(SlotSignup, { slot: created, volunteer, status: g.status });
      for (const h of g.hours) {
        tx.create(HoursLog, { signup, day: h.day, hours: h.hours, status: h.status, reviewedBy: staff });
      }
    }
  }
  await tx.flush();
}
