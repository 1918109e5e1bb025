import { describe, expect, it } from 'vitest';
import { Role } from '../../auth/roles.js';
import { viewerWith } from '../../auth/viewer.testing.js';
import { canReadLedger, canReceiveFor, canSeeDonorIdentity, canSeeDonorName } from './pledges.policy.js';

const here = { id: 'n-1', countyId: 'c-1' };
const org = { id: 'o-1', countyId: 'c-1' };
const anonymousPledge = { anonymous: true, pledgerId: 'donor-1' };

describe('pledges policy: who must not', () => {
  it('residents, volunteers and other donors must not see donor contacts or anonymous names', () => {
    for (const role of [Role.RESIDENT, Role.VOLUNTEER, Role.DONOR]) {
      const v = viewerWith({ role });
      expect(canSeeDonorIdentity(v, here)).toBe(false);
      expect(canSeeDonorName(v, here, anonymousPledge)).toBe(false);
      expect(canReceiveFor(v, here)).toBe(false);
      expect(canReadLedger(v, org)).toBe(false);
    }
    expect(canSeeDonorName(null, here, anonymousPledge)).toBe(false);
    expect(canSeeDonorName(null, here, { anonymous: false, pledgerId: 'donor-1' })).toBe(true);
  });

  it('base staff of another neighbourhood must not see identities, receive, or read another organisation', () => {
    const other = viewerWith({ role: Role.BASE_STAFF, organisationId: 'o-2', neighbourhoodIds: ['n-2'] });
    expect(canSeeDonorIdentity(other, here)).toBe(false);
    expect(canReceiveFor(other, here)).toBe(false);
    expect(canReadLedger(other, org)).toBe(false);
  });

  it('a supervisor sees identities in the county but must not receive; the donor sees their own name', () => {
    const sup = viewerWith({ role: Role.COUNTY_SUPERVISOR, countyId: 'c-1' });
    expect(canSeeDonorIdentity(sup, here)).toBe(true);
    expect(canReceiveFor(sup, here)).toBe(false);
    expect(canReadLedger(sup, org)).toBe(true);
    expect(canReadLedger(viewerWith({ role: Role.COUNTY_SUPERVISOR, countyId: 'c-2' }), org)).toBe(false);
    expect(canSeeDonorName({ ...viewerWith({ role: Role.DONOR }), userId: 'donor-1' }, here, anonymousPledge)).toBe(
      true,
    );
  });
});
