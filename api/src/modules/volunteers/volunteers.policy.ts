import { anyone, only, signedIn, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';
import type { Viewer } from '../../auth/viewer.js';
import { canRunInNeighbourhood, type NeighbourhoodFacts } from '../assessments/assessments.policy.js';

export const volunteersOperations = {
  taskSlots: anyone,
  myVolunteerHistory: signedIn,
  myVolunteerProfile: signedIn,
  saveVolunteerProfile: signedIn,
  addTaskSlot: only(Role.BASE_STAFF, Role.PROVINCE_ADMIN),
  signUpForSlot: signedIn,
  cancelSignup: signedIn,
  reviewSignup: only(Role.BASE_STAFF, Role.PROVINCE_ADMIN),
  logHours: signedIn,
  reviewHours: only(Role.BASE_STAFF, Role.PROVINCE_ADMIN),
} satisfies OperationPolicies;

/**
 * Staff who confirm sign-ups and hours, and see who is coming and how to reach them: base staff
 * of the task's neighbourhood and province admins. Never residents, donors or other volunteers.
 */
export const canCoordinate = (viewer: Viewer | null, n: NeighbourhoodFacts): boolean =>
  canRunInNeighbourhood(viewer, n);
