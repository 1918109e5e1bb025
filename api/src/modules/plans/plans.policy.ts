import { anyone, only, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';
import type { Viewer } from '../../auth/viewer.js';
import {
  canReadAllInNeighbourhood,
  canRunInNeighbourhood,
  type NeighbourhoodFacts,
} from '../assessments/assessments.policy.js';
import { PlanStatus } from './plans.entity.js';

const runners = [Role.BASE_STAFF, Role.PROVINCE_ADMIN] as const;

export const plansOperations = {
  actionPlans: anyone,
  actionPlan: anyone,
  planExport: anyone,
  createActionPlan: only(...runners),
  updateActionPlan: only(...runners),
  addPlanTask: only(...runners),
  updatePlanTask: only(...runners),
  addPlanMilestone: only(...runners),
  setMilestoneReached: only(...runners),
  addPlanUpdate: only(...runners),
} satisfies OperationPolicies;

interface PlanFacts {
  neighbourhood: NeighbourhoodFacts;
  status: PlanStatus;
}

/** Plans are the community's: public once out of draft; drafts stay with those who run or supervise. */
export const canSeePlan = (viewer: Viewer | null, p: PlanFacts): boolean =>
  p.status !== PlanStatus.DRAFT || canReadAllInNeighbourhood(viewer, p.neighbourhood);

export const canManagePlan = (viewer: Viewer | null, p: PlanFacts): boolean =>
  canRunInNeighbourhood(viewer, p.neighbourhood);

/** Names of the staff who wrote progress notes are for those who run or supervise the plan. */
export const canSeePlanAuthors = (viewer: Viewer | null, p: PlanFacts): boolean =>
  canReadAllInNeighbourhood(viewer, p.neighbourhood);
