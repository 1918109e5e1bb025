import { describe, expect, it } from 'vitest';
import { Role } from '../../auth/roles.js';
import { viewerWith as as } from '../../auth/viewer.testing.js';
import { canReviewReport, canWriteReport } from './reports.policy.js';

const a = { organisationId: 'org-ommat', countyId: 'county-amol' };

describe('quarterly report policy', () => {
  it('lets the organisation write and its supervisor or the province review', () => {
    expect(canWriteReport(as({ role: Role.BASE_STAFF, organisationId: 'org-ommat' }), a)).toBe(true);
    expect(canReviewReport(as({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-amol' }), a)).toBe(true);
    expect(canReviewReport(as({ role: Role.PROVINCE_ADMIN }), a)).toBe(true);
  });

  it('must not let the organisation review its own report, nor a supervisor write it', () => {
    expect(canReviewReport(as({ role: Role.BASE_STAFF, organisationId: 'org-ommat' }), a)).toBe(false);
    expect(canWriteReport(as({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-amol' }), a)).toBe(false);
    expect(canWriteReport(as({ role: Role.PROVINCE_ADMIN }), a)).toBe(false);
  });

  it('must not let another base or another county touch it', () => {
    expect(canWriteReport(as({ role: Role.BASE_STAFF, organisationId: 'org-abbas' }), a)).toBe(false);
    expect(canReviewReport(as({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-neka' }), a)).toBe(false);
    expect(canReviewReport(null, a)).toBe(false);
  });
});
