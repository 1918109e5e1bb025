import { describe, expect, it } from 'vitest';
import { Role } from '../../auth/roles.js';
import { viewerWith } from '../../auth/viewer.testing.js';
import { pilotScope } from './dashboards.policy.js';

describe('pilot dashboard scope: who must not compare what', () => {
  it('a county supervisor must not see other counties; base staff must not see other neighbourhoods', () => {
    expect(pilotScope(viewerWith({ role: Role.COUNTY_SUPERVISOR, countyId: 'c-1' }))).toEqual({
      all: false,
      neighbourhoodIds: [],
      countyIds: ['c-1'],
    });
    expect(pilotScope(viewerWith({ role: Role.BASE_STAFF, neighbourhoodIds: ['n-1'] }))).toEqual({
      all: false,
      neighbourhoodIds: ['n-1'],
      countyIds: [],
    });
  });

  it('residents and the signed-out must not see any pilot; province admins see all', () => {
    expect(pilotScope(viewerWith({ role: Role.RESIDENT }))).toEqual({
      all: false,
      neighbourhoodIds: [],
      countyIds: [],
    });
    expect(pilotScope(null)).toEqual({ all: false, neighbourhoodIds: [], countyIds: [] });
    expect(pilotScope(viewerWith({ role: Role.PROVINCE_ADMIN })).all).toBe(true);
  });
});
