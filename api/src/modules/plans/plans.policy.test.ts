import { describe, expect, it } from 'vitest';
import { Role } from '../../auth/roles.js';
import { viewerWith } from '../../auth/viewer.testing.js';
import { PlanStatus } from './plans.entity.js';
import { canManagePlan, canSeePlan, canSeePlanAuthors } from './plans.policy.js';

const here = { id: 'n-1', countyId: 'c-1' };
const draft = { neighbourhood: here, status: PlanStatus.DRAFT };
const active = { neighbourhood: here, status: PlanStatus.ACTIVE };

describe('plans policy: who must not', () => {
  it('residents, volunteers, donors and strangers must not see drafts or authors, nor manage', () => {
    for (const role of [Role.RESIDENT, Role.VOLUNTEER, Role.DONOR]) {
      const v = viewerWith({ role });
      expect(canSeePlan(v, draft)).toBe(false);
      expect(canSeePlanAuthors(v, active)).toBe(false);
      expect(canManagePlan(v, active)).toBe(false);
    }
    expect(canSeePlan(null, draft)).toBe(false);
    expect(canSeePlan(null, active)).toBe(true);
  });

  it('a county supervisor reads drafts of the county but must not manage them', () => {
    const sup = viewerWith({ role: Role.COUNTY_SUPERVISOR, countyId: 'c-1' });
    expect(canSeePlan(sup, draft)).toBe(true);
    expect(canManagePlan(sup, draft)).toBe(false);
    expect(canSeePlan(viewerWith({ role: Role.COUNTY_SUPERVISOR, countyId: 'c-2' }), draft)).toBe(false);
  });

  it('base staff of another neighbourhood must not manage or see drafts', () => {
    const other = viewerWith({ role: Role.BASE_STAFF, neighbourhoodIds: ['n-2'] });
    expect(canManagePlan(other, active)).toBe(false);
    expect(canSeePlan(other, draft)).toBe(false);
    const mine = viewerWith({ role: Role.BASE_STAFF, neighbourhoodIds: ['n-1'] });
    expect(canManagePlan(mine, draft)).toBe(true);
    expect(canManagePlan(viewerWith({ role: Role.PROVINCE_ADMIN }), draft)).toBe(true);
  });
});
