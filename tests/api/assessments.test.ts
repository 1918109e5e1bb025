import { beforeAll, describe, expect, it } from 'vitest';
import {
  addNeed,
  assessmentCall,
  createAssessment,
  readAssessment,
  vote,
  type AssessmentView,
} from '../support/assessments.js';
import { createTestNeighbourhood, createUser, organisationId, type TestUser } from '../support/factories.js';
import { demo, errorCode, gql, login, ok, fieldReasons } from '../support/gql.js';
import { createFeature, point } from '../support/mapping.js';
import { subscribe } from '../support/ws.js';

let admin: string;
let n: { id: string; slug: string };
let residents: TestUser[];

beforeAll(async () => {
  admin = await login(demo.province_admin);
  n = await createTestNeighbourhood([52.331, 36.452]);
  residents = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
});

/** A dot-voting assessment with needs A..E, open for voting. */
async function votingOn(
  titles = ['A', 'B', 'C', 'D', 'E'],
): Promise<{ a: AssessmentView; ids: Record<string, string> }> {
  let a = await createAssessment(admin, n.id, { dotsPerParticipant: 3 });
  for (const t of titles) a = await addNeed(admin, a.id, t);
  const ids = Object.fromEntries(a.needs.map((x) => [x.title, x.id]));
  a = ok(await assessmentCall('openVoting', 'id: $id', { id: a.id }, admin)).openVoting!;
  return { a, ids };
}

describe('dot-voting through the API', () => {
  it('ranks by dots as computed by hand, shows ties, updates the shared screen live, and freezes on close', async () => {
    const { a, ids } = await votingOn();
    expect(a.status).toBe('VOTING');
    expect(a.code).toMatch(/^\d{6}$/);
    const screen = subscribe<{ assessmentChanged: AssessmentView }>(
      'subscription($id: ID!) { assessmentChanged(id: $id) { voterCount ranking { position rank tied dots voters need { title } } } }',
      { id: a.id },
      admin,
    );
    const initial = await screen.next();
    expect(initial.assessmentChanged.voterCount).toBe(0);

    // v1: A2 B1; v2: B3; v3: A1 C2 => A=3 (2 voters), B=4 (2), C=2 (1), D=0, E=0.
    // Joining is a change too (member count); read on until the state with the vote arrives.
    const until = async (voters: number) => {
      let state = (await screen.next()).assessmentChanged;
      while (state.voterCount < voters) state = (await screen.next()).assessmentChanged;
      return state;
    };
    ok(await vote(residents[0]!.token, a, { [ids.A!]: 2, [ids.B!]: 1 }));
    let live = await until(1);
    expect(live.voterCount).toBe(1);
    expect(live.ranking.map((r) => `${r.need.title}${r.dots}`)).toEqual(['A2', 'B1', 'C0', 'D0', 'E0']);
    ok(await vote(residents[1]!.token, a, { [ids.B!]: 3 }));
    ok(await vote(residents[2]!.token, a, { [ids.A!]: 1, [ids.C!]: 2 }));
    live = await until(3);
    await screen.close();
    expect(live.ranking.map((r) => [r.need.title, r.position, r.rank, r.tied, r.dots, r.voters])).toEqual([
      ['B', 1, 1, false, 4, 2],
      ['A', 2, 2, false, 3, 2],
      ['C', 3, 3, false, 2, 1],
      ['D', 4, 4, true, 0, 0],
      ['E', 5, 4, true, 0, 0],
    ]);

    const second = await assessmentCall(
      'castDots',
      'assessmentId: $a, dots: $dots',
      { a: a.id, dots: [{ needId: ids.E, dots: 1 }] },
      residents[0]!.token,
    );
    expect(errorCode(second)).toBe('ALREADY_VOTED');
    expect((await readAssessment(a.id, admin))!.voterCount).toBe(3);

    const closed = ok(await assessmentCall('closeVoting', 'id: $id', { id: a.id }, admin)).closeVoting!;
    expect(closed.status).toBe('CLOSED');
    expect(closed.code).toBeNull();
    const late = await assessmentCall('joinNeedsAssessment', 'code: $code', { code: a.code }, residents[3]!.token);
    // The code no longer opens anything, and a member voting after close is told so.
    expect(fieldReasons(late)).toEqual(['code:UNKNOWN_CODE']);
    const member = await assessmentCall(
      'castDots',
      'assessmentId: $a, dots: $dots',
      { a: a.id, dots: [{ needId: ids.E, dots: 1 }] },
      residents[1]!.token,
    );
    expect(errorCode(member)).toBe('VOTING_CLOSED');
    const after = (await readAssessment(a.id, null))!;
    expect(after.ranking.map((r) => `${r.need.title}:${r.dots}`)).toEqual(['B:4', 'A:3', 'C:2', 'D:0', 'E:0']);
    expect(errorCode(await assessmentCall('closeVoting', 'id: $id', { id: a.id }, admin))).toBe('VOTING_CLOSED');
  });

  it('stores one ballot when the same participant votes three times at once', async () => {
    const { a, ids } = await votingOn(['X', 'Y']);
    const voter = residents[3]!;
    ok(await assessmentCall('joinNeedsAssessment', 'code: $code', { code: a.code }, voter.token));
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        assessmentCall(
          'castDots',
          'assessmentId: $a, dots: $dots',
          { a: a.id, dots: [{ needId: ids.X, dots: 2 }] },
          voter.token,
        ),
      ),
    );
    expect(results.filter((r) => !r.body.errors).length).toBe(1);
    expect(results.filter((r) => errorCode(r) === 'ALREADY_VOTED').length).toBe(2);
    const now = (await readAssessment(a.id, admin))!;
    expect(now.voterCount).toBe(1);
    expect(now.ranking[0]).toMatchObject({ dots: 2, need: { title: 'X' } });
  });

  it('refuses bad ballots with reasons and stores nothing', async () => {
    const { a, ids } = await votingOn(['P', 'Q']);
    const voter = residents[0]!;
    ok(await assessmentCall('joinNeedsAssessment', 'code: $code', { code: a.code }, voter.token));
    const cast = (dots: unknown[]) =>
      assessmentCall('castDots', 'assessmentId: $a, dots: $dots', { a: a.id, dots }, voter.token);
    expect(fieldReasons(await cast([{ needId: ids.P, dots: 4 }]))).toEqual(['dots:TOO_MANY_DOTS']);
    expect(fieldReasons(await cast([{ needId: ids.P, dots: 0 }]))).toEqual(['dots.0.dots:OUT_OF_RANGE']);
    expect(fieldReasons(await cast([]))).toEqual(['dots:REQUIRED']);
    expect(fieldReasons(await cast([{ needId: crypto.randomUUID(), dots: 1 }]))).toEqual([
      'dots.0.needId:UNKNOWN_NEED',
    ]);
    expect((await readAssessment(a.id, admin))!.voterCount).toBe(0);
    // Someone who did not join cannot vote at all, and the assessment does not exist for them.
    const stranger = await assessmentCall(
      'castDots',
      'assessmentId: $a, dots: $dots',
      { a: a.id, dots: [{ needId: ids.P, dots: 1 }] },
      residents[1]!.token,
    );
    expect(errorCode(stranger)).toBe('NOT_FOUND');
  });

  it('joins with Persian digits, and throttles guessing', async () => {
    const { a } = await votingOn(['R', 'S']);
    const persian = a.code!.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
    const joined = ok(
      await assessmentCall('joinNeedsAssessment', 'code: $code', { code: persian }, residents[2]!.token),
    );
    expect(joined.joinNeedsAssessment!.joined).toBe(true);
    expect(joined.joinNeedsAssessment!.code).toBe(a.code);
  });
});

describe('scoring matrix through the API', () => {
  it('ranks by weighted mean with typed weights, ties shown, and freezes scores on close', async () => {
    let a = await createAssessment(admin, n.id, {
      method: 'MATRIX',
      criteria: [
        { key: 'severity', weight: '۳' },
        { key: 'prevalence', weight: '2' },
        { key: 'cost', label: 'هزینه', weight: '1٫0' },
      ],
    });
    expect(a.criteria.map((c) => `${c.key}=${c.weight}`)).toEqual(['severity=3', 'prevalence=2', 'cost=1']);
    for (const t of ['A', 'B', 'C']) a = await addNeed(admin, a.id, t);
    const id = (t: string) => a.needs.find((x) => x.title === t)!.id;
    const score = (t: string, s: [number, number, number]) =>
      assessmentCall(
        'scoreNeed',
        'needId: $n, scores: $scores',
        {
          n: id(t),
          scores: [
            { criterionKey: 'severity', score: s[0] },
            { criterionKey: 'prevalence', score: s[1] },
            { criterionKey: 'cost', score: s[2] },
          ],
        },
        admin,
      );
    // A: 3*4+2*1+1*4 = 18; B: 3*2+2*5+1*2 = 18; C: 3*5+2*5+1*5 = 30. C = 5, A and B tie at 3 (A on severity).
    ok(await score('A', [4, 1, 4]));
    ok(await score('B', [2, 5, 2]));
    ok(await score('C', [5, 5, 5]));
    expect(fieldReasons(await score('A', [6, 1, 1]))).toEqual(['scores.0.score:OUT_OF_RANGE']);
    ok(await assessmentCall('openVoting', 'id: $id', { id: a.id }, admin));
    const closed = ok(await assessmentCall('closeVoting', 'id: $id', { id: a.id }, admin)).closeVoting!;
    expect(closed.ranking.map((r) => [r.need.title, r.rank, r.tied, r.score])).toEqual([
      ['C', 1, false, 5],
      ['A', 2, true, 3],
      ['B', 2, true, 3],
    ]);
    expect(errorCode(await score('B', [5, 5, 5]))).toBe('VOTING_CLOSED');
  });
});

describe('bad input leaves nothing behind', () => {
  it('refuses weights that do not parse and dates out of order, and stores no assessment', async () => {
    const before = ok(
      await gql<{ needsAssessments: unknown[] }>(
        'query($n: ID!) { needsAssessments(neighbourhoodId: $n) { id } }',
        { n: n.id },
        { token: admin },
      ),
    ).needsAssessments.length;
    const r1 = await gql(
      'mutation($i: CreateAssessmentInput!) { createNeedsAssessment(input: $i) { id } }',
      {
        i: {
          neighbourhoodId: n.id,
          organisationId: await orgId(),
          title: 'x',
          heldFrom: '1405/09/10',
          heldTo: '1405/09/01',
          method: 'MATRIX',
          criteria: [
            { key: 'severity', weight: 'زیاد' },
            { key: 'urgency', weight: '0' },
            { key: 'mine', weight: '1' },
          ],
        },
      },
      { token: admin },
    );
    expect(errorCode(r1)).toBe('BAD_USER_INPUT');
    expect(fieldReasons(r1)).toEqual([
      'heldTo:DATE_ORDER',
      'criteria.0.weight:INVALID_WEIGHT',
      'criteria.1.weight:INVALID_WEIGHT',
      'criteria.2.label:REQUIRED',
    ]);
    const r2 = await gql(
      'mutation($i: CreateAssessmentInput!) { createNeedsAssessment(input: $i) { id } }',
      {
        i: { neighbourhoodId: n.id, organisationId: await orgId(), title: 'x', heldFrom: '1404/12/30', method: 'DOTS' },
      },
      { token: admin },
    );
    expect(fieldReasons(r2)).toEqual(['heldFrom:INVALID_DATE']);
    const after = ok(
      await gql<{ needsAssessments: unknown[] }>(
        'query($n: ID!) { needsAssessments(neighbourhoodId: $n) { id } }',
        { n: n.id },
        { token: admin },
      ),
    ).needsAssessments.length;
    expect(after).toBe(before);
  });

  it('names participants only with consent', async () => {
    const a = await createAssessment(admin, n.id);
    const r = await assessmentCall(
      'addNamedParticipant',
      'assessmentId: $a, input: $participant',
      { a: a.id, participant: { name: 'مریم', group: 'INFORMANT', consent: false } },
      admin,
    );
    expect(fieldReasons(r)).toEqual(['consent:CONSENT_REQUIRED']);
    expect((await readAssessment(a.id, admin))!.namedParticipants).toEqual([]);
  });

  it('refuses to open voting with fewer than two needs, and criteria changes once voting started', async () => {
    let a = await createAssessment(admin, n.id);
    a = await addNeed(admin, a.id, 'only one');
    expect(fieldReasons(await assessmentCall('openVoting', 'id: $id', { id: a.id }, admin))).toEqual([
      'needs:TOO_FEW_NEEDS',
    ]);
    await addNeed(admin, a.id, 'second');
    ok(await assessmentCall('openVoting', 'id: $id', { id: a.id }, admin));
    const r = await assessmentCall(
      'updateNeedsAssessment',
      'id: $id, input: $input',
      { id: a.id, input: { dotsPerParticipant: 9 } },
      admin,
    );
    expect(fieldReasons(r)).toEqual(['dotsPerParticipant:VOTING_STARTED']);
    expect((await readAssessment(a.id, admin))!.dotsPerParticipant).toBe(3);
  });
});

const orgId = () => organisationId('base-ommat-abad');

describe('who sees what', () => {
  it('links needs to map features; exact harms only for those who read the neighbourhood', async () => {
    const harm = ok(
      await createFeature(
        {
          neighbourhoodId: n.id,
          category: 'unsafe-place',
          geometry: point(52.331, 36.452),
          title: 'کوچهٔ تاریک',
          severity: 3,
        },
        admin,
      ),
    ).createMapFeature;
    const asset = ok(
      await createFeature(
        { neighbourhoodId: n.id, category: 'mosque', geometry: point(52.332, 36.452), title: 'مسجد محل' },
        admin,
      ),
    ).createMapFeature;
    let a = await createAssessment(admin, n.id);
    a = await addNeed(admin, a.id, 'روشنایی', {
      evidence: 'گزارش شورایاری',
      harmFeatureIds: [harm.id],
      strengthFeatureIds: [asset.id],
    });
    const wrongKind = await gql(
      'mutation($a: ID!, $i: NeedInput!) { proposeNeed(assessmentId: $a, input: $i) { id } }',
      {
        a: a.id,
        i: {
          category: 'OTHER',
          title: 'x',
          description: '',
          harmFeatureIds: [asset.id],
          strengthFeatureIds: [crypto.randomUUID()],
        },
      },
      { token: admin },
    );
    expect(fieldReasons(wrongKind)).toEqual(['harmFeatureIds.0:NOT_A_HARM', 'strengthFeatureIds.0:UNKNOWN_FEATURE']);

    const asAdmin = (await readAssessment(a.id, admin))!.needs[0]!;
    expect(asAdmin.linkedFeatures.map((f) => f.kind).sort()).toEqual(['ASSET', 'HARM']);
    expect(asAdmin.evidence).toBe('گزارش شورایاری');

    const member = residents[0]!;
    ok(await assessmentCall('joinNeedsAssessment', 'code: $code', { code: a.code }, member.token));
    const asMember = (await readAssessment(a.id, member.token))!;
    const need = asMember.needs[0]!;
    expect(need.harmLinkCount).toBe(1);
    expect(need.linkedFeatures.map((f) => f.title)).toEqual(['مسجد محل']);
    expect(need.evidence).toBeNull();
    expect(asMember.canManage).toBe(false);

    // A member proposes; the need waits for review and is hidden from other members until accepted.
    const proposed = await addNeed(member.token, a.id, 'زمین بازی');
    expect(proposed.needs.find((x) => x.title === 'زمین بازی')).toMatchObject({
      status: 'PROPOSED',
      proposedByMe: true,
    });
    const other = residents[1]!;
    ok(await assessmentCall('joinNeedsAssessment', 'code: $code', { code: a.code }, other.token));
    expect((await readAssessment(a.id, other.token))!.needs.map((x) => x.title)).toEqual(['روشنایی']);

    // Not joined: the open assessment does not exist. Supervisor of the county: reads, but must not manage.
    expect(await readAssessment(a.id, residents[2]!.token)).toBeNull();
    expect(await readAssessment(a.id, null)).toBeNull();
    const supervisor = await login(demo.county_supervisor);
    const asSupervisor = (await readAssessment(a.id, supervisor))!;
    expect(asSupervisor.canManage).toBe(false);
    expect(asSupervisor.code).toBeNull();
    expect(asSupervisor.needs[0]!.evidence).toBe('گزارش شورایاری');
    expect(errorCode(await assessmentCall('openVoting', 'id: $id', { id: a.id }, supervisor))).toBe('FORBIDDEN');
    // Base staff of Ommat-Abad do not run this neighbourhood.
    const staff = await login(demo.base_staff);
    expect(await readAssessment(a.id, staff)).toBeNull();
    expect(errorCode(await assessmentCall('openVoting', 'id: $id', { id: a.id }, staff))).toBe('NOT_FOUND');
  });

  it('exports the ranked list as CSV in Persian with a BOM', async () => {
    const { a, ids } = await votingOn(['الف', 'ب']);
    ok(await vote(residents[0]!.token, a, { [ids['ب']!]: 3 }));
    ok(await assessmentCall('closeVoting', 'id: $id', { id: a.id }, admin));
    const csv = ok(
      await gql<{ assessmentExport: string }>(
        'query($id: ID!) { assessmentExport(id: $id) }',
        { id: a.id },
        {
          headers: { 'accept-language': 'fa' },
        },
      ),
    ).assessmentExport;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('رتبه');
    expect(lines[1]).toContain('"ب"');
    expect(lines[1]!.startsWith('1,"1"')).toBe(true);
    expect(lines[2]!.startsWith('2,"2"')).toBe(true);
  });
});
