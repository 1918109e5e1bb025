import { describe, expect, it } from 'vitest';
import { Role } from '../../auth/roles.js';
import { viewerWith } from '../../auth/viewer.testing.js';
import { canCoordinate } from './volunteers.policy.js';

const here = { id: 'n-1', countyId: 'c-1' };

describe('volunteers policy: who must not', () => {
  it('residents, donors, other volunteers and staff elsewhere must not coordinate or see contacts', () => {
    for (const v of [
      viewerWith({ role: Role.RESIDENT }),
      viewerWith({ role: Role.DONOR }),
      viewerWith({ role: Role.VOLUNTEER }),
      viewerWith({ role: Role.BASE_STAFF, neighbourhoodIds: ['n-2'] }),
      viewerWith({ role: Role.COUNTY_SUPERVISOR, countyId: 'c-1' }),
      null,
    ]) {
      expect(canCoordinate(v, here)).toBe(false);
    }
    expect(canCoordinate(viewerWith({ role: Role.BASE_STAFF, neighbourhoodIds: ['n-1'] }), here)).toBe(true);
    expect(canCoordinate(viewerWith({ role: Role.PROVINCE_ADMIN }), here)).toBe(true);
  });
});
