import { anyone, only, signedIn, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';
import { isProvinceAdmin, staffNeighbourhoodIds, supervisedCountyIds, type Viewer } from '../../auth/viewer.js';
import { AssessmentStatus } from './assessments.entity.js';

const runners = [Role.BASE_STAFF, Role.PROVINCE_ADMIN] as const;

export const assessmentsOperations = {
  needsAssessments: anyone,
  needsAssessment: anyone,
  assessmentExport: anyone,
  assessmentChanged: anyone,
  createNeedsAssessment: only(...runners),
  updateNeedsAssessment: only(...runners),
  addNamedParticipant: only(...runners),
  removeNamedParticipant: only(...runners),
  joinNeedsAssessment: signedIn,
  proposeNeed: signedIn,
  updateNeed: only(...runners),
  reviewNeed: only(...runners),
  scoreNeed: only(...runners),
  openVoting: only(...runners),
  castDots: signedIn,
  closeVoting: only(...runners),
} satisfies OperationPolicies;

export interface NeighbourhoodFacts {
  id: string;
  countyId: string;
}

/** Base staff serving the neighbourhood run its assessments and plans; province admins everything. */
export const canRunInNeighbourhood = (viewer: Viewer | null, n: NeighbourhoodFacts): boolean =>
  isProvinceAdmin(viewer) || staffNeighbourhoodIds(viewer).has(n.id);

/** Those who run it, and the county supervisor who reads everything in the county. */
export const canReadAllInNeighbourhood = (viewer: Viewer | null, n: NeighbourhoodFacts): boolean =>
  canRunInNeighbourhood(viewer, n) || supervisedCountyIds(viewer).has(n.countyId);

interface AssessmentFacts {
  neighbourhood: NeighbourhoodFacts;
  status: AssessmentStatus;
}

/**
 * Readers of an assessment: those who read the neighbourhood's records and people who joined the
 * session; once closed, its ranking is public, as the community's own result.
 */
export const canSeeAssessment = (viewer: Viewer | null, a: AssessmentFacts, member: boolean): boolean =>
  a.status === AssessmentStatus.CLOSED || canReadAllInNeighbourhood(viewer, a.neighbourhood) || member;

/** Evidence, named participants and needs still waiting for review stay with those who read it all. */
export const canSeeInternals = (viewer: Viewer | null, a: AssessmentFacts): boolean =>
  canReadAllInNeighbourhood(viewer, a.neighbourhood);

/** The join code goes to those who run it and to members, and only while it still opens something. */
export const canSeeCode = (viewer: Viewer | null, a: AssessmentFacts, member: boolean): boolean =>
  a.status !== AssessmentStatus.CLOSED && (canRunInNeighbourhood(viewer, a.neighbourhood) || member);

export const canManageAssessment = (viewer: Viewer | null, a: AssessmentFacts): boolean =>
  canRunInNeighbourhood(viewer, a.neighbourhood);

/** Residents propose needs in sessions they joined, before voting starts; staff at any time before close. */
export const canProposeNeed = (viewer: Viewer | null, a: AssessmentFacts, member: boolean): boolean =>
  canManageAssessment(viewer, a)
    ? a.status !== AssessmentStatus.CLOSED
    : !!viewer && member && a.status === AssessmentStatus.DRAFT;

/** Voting is for people who joined the session; that it is open is a state rule, not an access rule. */
export const canVote = (viewer: Viewer | null, member: boolean): boolean => !!viewer && member;
