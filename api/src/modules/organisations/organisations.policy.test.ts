import { describe, expect, it } from 'vitest';
import { Role } from '../../auth/roles.js';
import { viewerWith } from '../../auth/viewer.testing.js';
import { canEditRegistry, canManageOrganisation } from './organisations.policy.js';

const base = { id: 'org-ommat', countyId: 'county-amol' };
const as = viewerWith;

describe('organisation policy', () => {
  it('lets its own staff, its county supervisor and province admins manage it', () => {
    expect(canManageOrganisation(as({ role: Role.BASE_STAFF, organisationId: 'org-ommat' }), base)).toBe(true);
    expect(canManageOrganisation(as({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-amol' }), base)).toBe(true);
    expect(canManageOrganisation(as({ role: Role.PROVINCE_ADMIN }), base)).toBe(true);
  });

  it('must not let others manage it', () => {
    expect(canManageOrganisation(null, base)).toBe(false);
    for (const role of [Role.RESIDENT, Role.VOLUNTEER, Role.DONOR])
      expect(canManageOrganisation(as({ role }), base)).toBe(false);
    expect(canManageOrganisation(as({ role: Role.BASE_STAFF, organisationId: 'org-abbas' }), base)).toBe(false);
    expect(canManageOrganisation(as({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-neka' }), base)).toBe(false);
  });
});

describe('registry policy', () => {
  it('lets the county supervisor and province admins edit the registry', () => {
    expect(canEditRegistry(as({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-amol' }), base)).toBe(true);
    expect(canEditRegistry(as({ role: Role.PROVINCE_ADMIN }), base)).toBe(true);
  });

  it('must not let the organisation’s own staff, another county’s supervisor or the public edit the registry', () => {
    expect(canEditRegistry(as({ role: Role.BASE_STAFF, organisationId: 'org-ommat' }), base)).toBe(false);
    expect(canEditRegistry(as({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-neka' }), base)).toBe(false);
    expect(canEditRegistry(null, base)).toBe(false);
    for (const role of [Role.RESIDENT, Role.VOLUNTEER, Role.DONOR])
      expect(canEditRegistry(as({ role }), base)).toBe(false);
  });
});
