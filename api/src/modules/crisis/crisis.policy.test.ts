import { describe, expect, it } from 'vitest';
import { Role } from '../../auth/roles.js';
import { viewerWith } from '../../auth/viewer.testing.js';
import { canHandleReferral } from './crisis.policy.js';

const izadshahr = { id: 'n-izad', countyId: 'county-nur' };

describe('crisis referral policy', () => {
  it('lets the base staff of the neighbourhood and its county supervisor handle a referral', () => {
    expect(
      canHandleReferral(
        viewerWith({ role: Role.BASE_STAFF, organisationId: 'o', neighbourhoodIds: ['n-izad'] }),
        izadshahr,
      ),
    ).toBe(true);
    expect(canHandleReferral(viewerWith({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-nur' }), izadshahr)).toBe(
      true,
    );
  });

  it('must not let residents, volunteers, donors, staff elsewhere, other supervisors or province admins see it', () => {
    expect(canHandleReferral(null, izadshahr)).toBe(false);
    for (const role of [Role.RESIDENT, Role.VOLUNTEER, Role.DONOR, Role.PROVINCE_ADMIN]) {
      expect(canHandleReferral(viewerWith({ role, neighbourhoodIds: ['n-izad'] }), izadshahr)).toBe(false);
    }
    expect(
      canHandleReferral(
        viewerWith({ role: Role.BASE_STAFF, organisationId: 'o', neighbourhoodIds: ['n-ommat'] }),
        izadshahr,
      ),
    ).toBe(false);
    expect(canHandleReferral(viewerWith({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-amol' }), izadshahr)).toBe(
      false,
    );
  });
});
