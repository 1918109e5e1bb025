import { describe, expect, it } from 'vitest';
import { Role } from '../../auth/roles.js';
import { viewerWith } from '../../auth/viewer.testing.js';
import { WorkshopStatus } from '../workshops/workshop.entity.js';
import { MapFeatureKind, MapFeatureStatus } from './mapping.entity.js';
import {
  canEditFeature,
  canEditMap,
  canSeeAuthor,
  canSeeFeature,
  mapAccessFor,
  seesExactHarms,
  visibleFeatureSql,
  type JoinedWorkshop,
} from './mapping.policy.js';

const ommat = { id: 'n-ommat', countyId: 'county-amol' };
const staffHere = viewerWith({ role: Role.BASE_STAFF, organisationId: 'o', neighbourhoodIds: ['n-ommat'] });
const staffElsewhere = viewerWith({ role: Role.BASE_STAFF, organisationId: 'o2', neighbourhoodIds: ['n-abbas'] });
const supervisorHere = viewerWith({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-amol' });
const supervisorElsewhere = viewerWith({ role: Role.COUNTY_SUPERVISOR, countyId: 'county-neka' });
const admin = viewerWith({ role: Role.PROVINCE_ADMIN });
const resident = viewerWith({ role: Role.RESIDENT });
const open: JoinedWorkshop = { id: 'w', status: WorkshopStatus.OPEN };
const paused: JoinedWorkshop = { id: 'w', status: WorkshopStatus.PAUSED };

const harm = (status = MapFeatureStatus.CONFIRMED, authorId: string | null = 'someone') => ({
  kind: MapFeatureKind.HARM,
  status,
  authorId,
});
const asset = (status = MapFeatureStatus.CONFIRMED, authorId: string | null = 'someone') => ({
  kind: MapFeatureKind.ASSET,
  status,
  authorId,
});

describe('map policy', () => {
  it('gives exact harms to the neighbourhood’s base staff, its county supervisor and province admins', () => {
    for (const v of [staffHere, supervisorHere, admin]) {
      const a = mapAccessFor(v, ommat, null);
      expect(seesExactHarms(a)).toBe(true);
      expect(canSeeFeature(a, harm())).toBe(true);
    }
  });

  it('must not give exact harms to the public, residents, workshop participants or staff elsewhere', () => {
    for (const [v, w] of [
      [null, null],
      [resident, null],
      [resident, open],
      [staffElsewhere, null],
      [supervisorElsewhere, null],
    ] as const) {
      const a = mapAccessFor(v, ommat, w);
      expect(seesExactHarms(a)).toBe(false);
      expect(canSeeFeature(a, harm())).toBe(false);
      expect(canSeeFeature(a, harm(MapFeatureStatus.PROPOSED))).toBe(false);
    }
  });

  it('shows confirmed assets to everyone, proposals only to the workshop room, archived ones only to moderators', () => {
    const publicAccess = mapAccessFor(null, ommat, null);
    expect(canSeeFeature(publicAccess, asset())).toBe(true);
    expect(canSeeFeature(publicAccess, asset(MapFeatureStatus.PROPOSED))).toBe(false);
    expect(canSeeFeature(mapAccessFor(resident, ommat, open), asset(MapFeatureStatus.PROPOSED))).toBe(true);
    expect(canSeeFeature(mapAccessFor(resident, ommat, open), asset(MapFeatureStatus.ARCHIVED))).toBe(false);
    expect(canSeeFeature(mapAccessFor(staffHere, ommat, null), asset(MapFeatureStatus.ARCHIVED))).toBe(true);
  });

  it('lets authors see their own live features, harms included, but must not show them who drew others', () => {
    const a = mapAccessFor(resident, ommat, open);
    expect(canSeeFeature(a, harm(MapFeatureStatus.PROPOSED, 'u'))).toBe(true);
    expect(canSeeFeature(a, harm(MapFeatureStatus.ARCHIVED, 'u'))).toBe(false);
    expect(canSeeAuthor(a, 'u')).toBe(true);
    expect(canSeeAuthor(a, 'someone')).toBe(false);
    expect(canSeeAuthor(mapAccessFor(null, ommat, null), 'someone')).toBe(false);
    expect(canSeeAuthor(mapAccessFor(staffHere, ommat, null), 'someone')).toBe(true);
  });

  it('lets residents edit only in an open workshop, and only their own proposals', () => {
    expect(canEditMap(mapAccessFor(resident, ommat, null))).toBe(false);
    expect(canEditMap(mapAccessFor(resident, ommat, paused))).toBe(false);
    const a = mapAccessFor(resident, ommat, open);
    expect(canEditMap(a)).toBe(true);
    expect(canEditFeature(a, asset(MapFeatureStatus.PROPOSED, 'u'))).toBe(true);
    expect(canEditFeature(a, asset(MapFeatureStatus.PROPOSED, 'someone'))).toBe(false);
    expect(canEditFeature(a, asset(MapFeatureStatus.CONFIRMED, 'u'))).toBe(false);
    expect(canEditFeature(mapAccessFor(resident, ommat, paused), asset(MapFeatureStatus.PROPOSED, 'u'))).toBe(false);
    expect(canEditFeature(mapAccessFor(staffElsewhere, ommat, null), asset())).toBe(false);
    expect(canEditFeature(mapAccessFor(staffHere, ommat, null), harm())).toBe(true);
  });

  it('must not let a workshop grant to an anonymous caller survive', () => {
    expect(mapAccessFor(null, ommat, open).workshop).toBeNull();
  });

  it('says the same thing in SQL as in code', () => {
    expect(visibleFeatureSql(mapAccessFor(staffHere, ommat, null)).sql).toBe('true');
    expect(visibleFeatureSql(mapAccessFor(null, ommat, null))).toEqual({
      sql: "(f.kind = 'ASSET' and f.status in ('CONFIRMED'))",
      params: [],
    });
    const participant = visibleFeatureSql(mapAccessFor(resident, ommat, open));
    expect(participant.sql).toContain("('CONFIRMED', 'PROPOSED')");
    expect(participant.sql).toContain("f.author_id = ? and f.status <> 'ARCHIVED'");
    expect(participant.sql).not.toContain("'HARM'");
    expect(participant.params).toEqual(['u']);
  });
});
