import { only, signedIn, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';
import { canManageNeighbourhood, type Viewer } from '../../auth/viewer.js';

export const workshopsOperations = {
  workshop: signedIn,
  workshops: only(Role.BASE_STAFF, Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN),
  openWorkshop: only(Role.BASE_STAFF, Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN),
  setWorkshopStatus: only(Role.BASE_STAFF, Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN),
  joinWorkshop: signedIn,
} satisfies OperationPolicies;

interface WorkshopFacts {
  facilitatorId: string;
  neighbourhood: { id: string; countyId: string };
}

/** Facilitating is moderating the neighbourhood's map: its base staff, supervisor, province admins. */
export const canOpenWorkshop = (viewer: Viewer | null, neighbourhood: { id: string; countyId: string }): boolean =>
  canManageNeighbourhood(viewer, neighbourhood);

/** The facilitator, or anyone who may moderate that neighbourhood, runs the meeting. */
export const canRunWorkshop = (viewer: Viewer | null, w: WorkshopFacts): boolean =>
  !!viewer && (viewer.userId === w.facilitatorId || canManageNeighbourhood(viewer, w.neighbourhood));

/** Insiders see a workshop (and its code): those who run it and those who joined it. */
export const canSeeWorkshop = (viewer: Viewer | null, w: WorkshopFacts, participant: boolean): boolean =>
  canRunWorkshop(viewer, w) || (!!viewer && participant);
