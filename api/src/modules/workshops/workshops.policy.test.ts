import { describe, expect, it } from 'vitest';
import { Role } from '../../auth/roles.js';
import { viewerWith } from '../../auth/viewer.testing.js';
import { canOpenWorkshop, canRunWorkshop, canSeeWorkshop } from './workshops.policy.js';

const ommat = { id: 'n-ommat', countyId: 'county-amol' };
const workshop = { facilitatorId: 'f', neighbourhood: ommat };
const staffHere = viewerWith({ role: Role.BASE_STAFF, organisationId: 'o', neighbourhoodIds: ['n-ommat'] });

describe('workshop policy', () => {
  it('lets the neighbourhood’s moderators open and run a workshop', () => {
    expect(canOpenWorkshop(staffHere, ommat)).toBe(true);
    expect(canOpenWorkshop(viewerWith({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-amol' }), ommat)).toBe(true);
    expect(canRunWorkshop(viewerWith({ role: Role.PROVINCE_ADMIN }), workshop)).toBe(true);
    expect(canRunWorkshop({ ...viewerWith(), userId: 'f' }, workshop)).toBe(true);
  });

  it('must not let residents, staff elsewhere or other supervisors open or run one', () => {
    for (const v of [
      null,
      viewerWith({ role: Role.RESIDENT, neighbourhoodIds: ['n-ommat'] }),
      viewerWith({ role: Role.BASE_STAFF, organisationId: 'o2', neighbourhoodIds: ['n-abbas'] }),
      viewerWith({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-neka' }),
    ]) {
      expect(canOpenWorkshop(v, ommat)).toBe(false);
      expect(canRunWorkshop(v, workshop)).toBe(false);
    }
  });

  it('shows a workshop to participants, and must not show it to anyone else', () => {
    const resident = viewerWith({ role: Role.RESIDENT });
    expect(canSeeWorkshop(resident, workshop, true)).toBe(true);
    expect(canSeeWorkshop(resident, workshop, false)).toBe(false);
    expect(canSeeWorkshop(null, workshop, true)).toBe(false);
  });
});
