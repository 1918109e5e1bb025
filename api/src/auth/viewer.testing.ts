import { Role } from './roles.js';
import type { Grant, Viewer } from './viewer.js';

/** A viewer holding the given grants, for policy unit tests. */
export function viewerWith(...grants: Partial<Grant>[]): Viewer {
  return {
    userId: 'u',
    email: 'u@x',
    sessionId: 's',
    grants: grants.map((g) => ({
      role: Role.RESIDENT,
      organisationId: null,
      countyId: null,
      neighbourhoodIds: [],
      ...g,
    })),
  };
}
