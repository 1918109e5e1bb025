import { describe, expect, it } from 'vitest';
import { Role } from '../../auth/roles.js';
import { viewerWith as as } from '../../auth/viewer.testing.js';
import { AgreementState } from './agreements.machine.js';
import { actorsOf, canEditDraft, canSeeAgreement } from './agreements.policy.js';

const draft = { organisationId: 'org-ommat', countyId: 'county-amol', state: AgreementState.DRAFT };
const staff = as({ role: Role.BASE_STAFF, organisationId: 'org-ommat' });
const supervisor = as({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-amol' });
const admin = as({ role: Role.PROVINCE_ADMIN });

describe('agreement policy', () => {
  it('names each party’s part', () => {
    expect([...actorsOf(staff, draft)]).toEqual(['organisation']);
    expect([...actorsOf(supervisor, draft)]).toEqual(['supervisor']);
    expect([...actorsOf(admin, draft)]).toEqual(['deputy']);
  });

  it('must not give another base, another county’s supervisor or residents any part', () => {
    for (const v of [
      as({ role: Role.BASE_STAFF, organisationId: 'org-abbas' }),
      as({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-neka' }),
      as({ role: Role.RESIDENT }),
      as({ role: Role.DONOR }),
      null,
    ]) {
      expect(actorsOf(v, draft).size).toBe(0);
      expect(canSeeAgreement(v, draft)).toBe(false);
    }
  });

  it('lets the organisation edit its draft, and must not let anyone edit it once submitted', () => {
    expect(canEditDraft(staff, draft)).toBe(true);
    expect(canEditDraft(supervisor, draft)).toBe(false);
    for (const state of Object.values(AgreementState).filter((s) => s !== AgreementState.DRAFT)) {
      expect(canEditDraft(staff, { ...draft, state })).toBe(false);
      expect(canEditDraft(admin, { ...draft, state })).toBe(false);
    }
  });
});
