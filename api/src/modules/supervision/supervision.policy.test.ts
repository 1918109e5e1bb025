import { describe, expect, it } from 'vitest';
import { Role } from '../../auth/roles.js';
import { viewerWith as as } from '../../auth/viewer.testing.js';
import { canSupervise } from './supervision.policy.js';

const a = { countyId: 'county-amol' };

describe('supervision policy', () => {
  it('lets the county supervisor and province admins record visits and complaints', () => {
    expect(canSupervise(as({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-amol' }), a)).toBe(true);
    expect(canSupervise(as({ role: Role.PROVINCE_ADMIN }), a)).toBe(true);
  });

  it('must not let the supervised base, another county or the public supervise or see complainants', () => {
    expect(canSupervise(as({ role: Role.BASE_STAFF, organisationId: 'org-ommat' }), a)).toBe(false);
    expect(canSupervise(as({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-neka' }), a)).toBe(false);
    expect(canSupervise(null, a)).toBe(false);
    for (const role of [Role.RESIDENT, Role.VOLUNTEER, Role.DONOR]) expect(canSupervise(as({ role }), a)).toBe(false);
  });
});
