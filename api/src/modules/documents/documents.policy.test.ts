import { describe, expect, it } from 'vitest';
import { Role } from '../../auth/roles.js';
import { viewerWith as as } from '../../auth/viewer.testing.js';
import { canReadDocument } from './documents.policy.js';

const doc = { organisationId: 'org-ommat', countyId: 'county-amol' };

describe('document policy', () => {
  it('lets the organisation’s staff, its county supervisor and province admins read its files', () => {
    expect(canReadDocument(as({ role: Role.BASE_STAFF, organisationId: 'org-ommat' }), doc)).toBe(true);
    expect(canReadDocument(as({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-amol' }), doc)).toBe(true);
    expect(canReadDocument(as({ role: Role.PROVINCE_ADMIN }), doc)).toBe(true);
  });

  it('must not let staff of another organisation, another county’s supervisor or the public read them', () => {
    expect(canReadDocument(as({ role: Role.BASE_STAFF, organisationId: 'org-abbas' }), doc)).toBe(false);
    expect(canReadDocument(as({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-neka' }), doc)).toBe(false);
    expect(canReadDocument(null, doc)).toBe(false);
    for (const role of [Role.RESIDENT, Role.VOLUNTEER, Role.DONOR])
      expect(canReadDocument(as({ role }), doc)).toBe(false);
  });
});
