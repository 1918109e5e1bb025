import { describe, expect, it } from 'vitest';
import { Role } from '../../auth/roles.js';
import { viewerWith } from '../../auth/viewer.testing.js';
import { AssessmentStatus } from './assessments.entity.js';
import {
  canManageAssessment,
  canProposeNeed,
  canSeeAssessment,
  canSeeCode,
  canSeeInternals,
  canVote,
} from './assessments.policy.js';

const here = { id: 'n-1', countyId: 'c-1' };
const draft = { neighbourhood: here, status: AssessmentStatus.DRAFT };
const voting = { neighbourhood: here, status: AssessmentStatus.VOTING };
const closed = { neighbourhood: here, status: AssessmentStatus.CLOSED };

const staffHere = viewerWith({ role: Role.BASE_STAFF, neighbourhoodIds: ['n-1'] });
const staffElsewhere = viewerWith({ role: Role.BASE_STAFF, neighbourhoodIds: ['n-2'] });
const supervisorHere = viewerWith({ role: Role.COUNTY_SUPERVISOR, countyId: 'c-1' });
const supervisorElsewhere = viewerWith({ role: Role.COUNTY_SUPERVISOR, countyId: 'c-2' });
const admin = viewerWith({ role: Role.PROVINCE_ADMIN });
const resident = viewerWith({ role: Role.RESIDENT });

describe('assessments policy: who must not', () => {
  it('a resident who did not join must not see an open assessment, its code, or vote', () => {
    expect(canSeeAssessment(resident, draft, false)).toBe(false);
    expect(canSeeAssessment(null, voting, false)).toBe(false);
    expect(canSeeCode(resident, voting, false)).toBe(false);
    expect(canVote(resident, false)).toBe(false);
    expect(canProposeNeed(resident, draft, false)).toBe(false);
  });

  it('a member must not propose needs once voting has started, nor see evidence or named people', () => {
    expect(canProposeNeed(resident, draft, true)).toBe(true);
    expect(canProposeNeed(resident, voting, true)).toBe(false);
    expect(canSeeInternals(resident, voting)).toBe(false);
    expect(canManageAssessment(resident, voting)).toBe(false);
  });

  it('a county supervisor reads the county but must not run an assessment or see the join code', () => {
    expect(canSeeAssessment(supervisorHere, draft, false)).toBe(true);
    expect(canSeeInternals(supervisorHere, draft)).toBe(true);
    expect(canManageAssessment(supervisorHere, draft)).toBe(false);
    expect(canSeeCode(supervisorHere, draft, false)).toBe(false);
    expect(canSeeAssessment(supervisorElsewhere, draft, false)).toBe(false);
  });

  it('base staff of another neighbourhood must not see or run it', () => {
    expect(canSeeAssessment(staffElsewhere, voting, false)).toBe(false);
    expect(canManageAssessment(staffElsewhere, voting)).toBe(false);
    expect(canSeeInternals(staffElsewhere, closed)).toBe(false);
  });

  it('nobody must see the code of a closed assessment or propose into it', () => {
    expect(canSeeCode(staffHere, closed, true)).toBe(false);
    expect(canProposeNeed(staffHere, closed, false)).toBe(false);
    expect(canProposeNeed(admin, closed, false)).toBe(false);
  });

  it('staff here and province admins run it; a closed ranking is public', () => {
    expect(canManageAssessment(staffHere, draft)).toBe(true);
    expect(canManageAssessment(admin, draft)).toBe(true);
    expect(canSeeAssessment(null, closed, false)).toBe(true);
    expect(canSeeInternals(null, closed)).toBe(false);
  });
});
