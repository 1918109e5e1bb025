import { describe, expect, it } from 'vitest';
import { Role } from '../../auth/roles.js';
import { viewerWith } from '../../auth/viewer.testing.js';
import type { Neighbourhood } from './geography.entity.js';
import { canCreateNeighbourhood, canEditNeighbourhood } from './geography.policy.js';

const amol = 'county-amol';
const neka = 'county-neka';
const ommatAbad = { id: 'n-ommat', county: { id: amol } } as Neighbourhood;

const as = viewerWith;

describe('neighbourhood policy', () => {
  it('lets base staff serving it, its county supervisor and province admins edit', () => {
    expect(
      canEditNeighbourhood(
        as({ role: Role.BASE_STAFF, organisationId: 'o', neighbourhoodIds: ['n-ommat'] }),
        ommatAbad,
      ),
    ).toBe(true);
    expect(canEditNeighbourhood(as({ role: Role.COUNTY_SUPERVISOR, countyId: amol }), ommatAbad)).toBe(true);
    expect(canEditNeighbourhood(as({ role: Role.PROVINCE_ADMIN }), ommatAbad)).toBe(true);
  });

  it('must not let anonymous callers, residents, volunteers or donors edit', () => {
    expect(canEditNeighbourhood(null, ommatAbad)).toBe(false);
    for (const role of [Role.RESIDENT, Role.VOLUNTEER, Role.DONOR]) {
      expect(canEditNeighbourhood(as({ role }), ommatAbad)).toBe(false);
    }
  });

  it('must not let base staff of another neighbourhood or the supervisor of another county edit', () => {
    expect(
      canEditNeighbourhood(
        as({ role: Role.BASE_STAFF, organisationId: 'o2', neighbourhoodIds: ['n-abbas'] }),
        ommatAbad,
      ),
    ).toBe(false);
    expect(canEditNeighbourhood(as({ role: Role.COUNTY_SUPERVISOR, countyId: neka }), ommatAbad)).toBe(false);
    // A resident grant never widens into staff rights, even when it names the neighbourhood.
    expect(canEditNeighbourhood(as({ role: Role.RESIDENT, neighbourhoodIds: ['n-ommat'] }), ommatAbad)).toBe(false);
  });

  it('must not let anyone but province admins create neighbourhoods', () => {
    expect(canCreateNeighbourhood(as({ role: Role.PROVINCE_ADMIN }))).toBe(true);
    expect(canCreateNeighbourhood(as({ role: Role.COUNTY_SUPERVISOR, countyId: amol }))).toBe(false);
    expect(canCreateNeighbourhood(null)).toBe(false);
  });
});
