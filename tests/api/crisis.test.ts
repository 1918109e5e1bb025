import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, neighbourhood, type TestUser } from '../support/factories.js';
import { demo, errorCode, gql, login, ok } from '../support/gql.js';
import { featureCount } from '../support/mapping.js';

const REPORT = 'mutation($i: ReportCrisisInput!) { reportCrisis(input: $i) { reference hotline } }';
const LIST = `query($n: ID, $s: CrisisStatus) {
  crisisReferrals(neighbourhoodId: $n, status: $s, first: 50) { totalCount edges { node { id reference kind urgency status details callbackPhone reporterName neighbourhood { slug } } } }
}`;

interface ListData {
  crisisReferrals: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        reference: string;
        details: string;
        status: string;
        callbackPhone: string | null;
        neighbourhood: { slug: string };
      };
    }[];
  };
}

describe('crisis safeguard', () => {
  let izadshahr: { id: string };
  let reporter: TestUser;
  let staff: TestUser;
  let otherStaff: TestUser;
  let admin: string;

  beforeAll(async () => {
    izadshahr = await neighbourhood('izadshahr');
    [reporter, staff, otherStaff] = await Promise.all([
      createUser(),
      createUser([{ role: 'BASE_STAFF', organisationSlug: 'base-izadshahr' }]),
      createUser([{ role: 'BASE_STAFF', organisationSlug: 'base-ommat-abad' }]),
    ]);
    admin = await login(demo.province_admin);
  });

  const input = (details: string) => ({
    neighbourhoodId: izadshahr.id,
    kind: 'CHILD_ABUSE',
    urgency: 'IMMEDIATE',
    details,
    callbackPhone: '۰۹۱۲ ۱۲۳ ۴۵۶۷',
  });

  it('creates a confidential referral and gives the hotline, never a map feature', async () => {
    const featuresBefore = await featureCount(izadshahr.id, admin);
    const receipt = ok(
      await gql<{ reportCrisis: { reference: string; hotline: string } }>(
        REPORT,
        { i: input('crisis-canary-1') },
        { token: reporter.token },
      ),
    ).reportCrisis;
    expect(receipt.hotline).toBe('123');
    expect(receipt.reference).toMatch(/^[0-9A-F]{8}$/);
    expect(await featureCount(izadshahr.id, admin)).toBe(featuresBefore);
    const exported = ok(
      await gql<{ mapExport: { content: string } }>(
        'query($n: ID!) { mapExport(neighbourhoodId: $n, format: GEOJSON) { content } }',
        { n: izadshahr.id },
        { token: admin },
      ),
    ).mapExport.content;
    expect(exported).not.toContain('crisis-canary-1');

    const seen = ok(await gql<ListData>(LIST, { n: izadshahr.id }, { token: staff.token })).crisisReferrals;
    const mine = seen.edges.find((e) => e.node.details === 'crisis-canary-1')?.node;
    expect(mine).toMatchObject({
      reference: receipt.reference,
      status: 'NEW',
      callbackPhone: '0912 123 4567',
      neighbourhood: { slug: 'izadshahr' },
    });
  });

  it('is invisible to residents, other neighbourhoods’ staff, other counties’ supervisors and province admins', async () => {
    ok(await gql(REPORT, { i: input('crisis-canary-2') }, { token: reporter.token }));
    const other = ok(await gql<ListData>(LIST, {}, { token: otherStaff.token })).crisisReferrals;
    expect(JSON.stringify(other)).not.toContain('crisis-canary-2');
    const amolSupervisor = ok(
      await gql<ListData>(LIST, { n: izadshahr.id }, { token: await login(demo.county_supervisor) }),
    ).crisisReferrals;
    expect(amolSupervisor.totalCount).toBe(0);
    expect(errorCode(await gql(LIST, {}, { token: reporter.token }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(LIST, {}, { token: admin }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(LIST, {}))).toBe('UNAUTHENTICATED');
    // The supervisor of Nur county sees it.
    const nurSupervisor = await createUser([{ role: 'COUNTY_SUPERVISOR', countySlug: 'nur' }]);
    const nur = ok(await gql<ListData>(LIST, { n: izadshahr.id }, { token: nurSupervisor.token })).crisisReferrals;
    expect(JSON.stringify(nur)).toContain('crisis-canary-2');
  });

  it('writes an audit row for every read, naming the reader', async () => {
    ok(await gql(REPORT, { i: input('crisis-canary-3') }, { token: reporter.token }));
    const list = ok(await gql<ListData>(LIST, { n: izadshahr.id }, { token: staff.token })).crisisReferrals;
    const target = list.edges.find((e) => e.node.details === 'crisis-canary-3')!.node;
    const AUDIT = `query($id: String!) { auditLog(filter: { entityType: "CrisisReferral", entityId: $id }, first: 50) { edges { node { operation actorId } } } }`;
    const readsBefore = ok(
      await gql<{ auditLog: { edges: { node: { operation: string; actorId: string } }[] } }>(
        AUDIT,
        { id: target.id },
        { token: admin },
      ),
    ).auditLog.edges.filter((e) => e.node.operation === 'crisisReferrals');
    ok(await gql(LIST, { n: izadshahr.id }, { token: staff.token }));
    const readsAfter = ok(
      await gql<{ auditLog: { edges: { node: { operation: string; actorId: string } }[] } }>(
        AUDIT,
        { id: target.id },
        { token: admin },
      ),
    ).auditLog.edges.filter((e) => e.node.operation === 'crisisReferrals');
    expect(readsAfter.length).toBe(readsBefore.length + 1);
    expect(readsAfter[0]!.node.actorId).toBe(staff.id);
    // The report itself is audited without its words.
    const all = await gql(AUDIT.replace('operation actorId', 'operation diff'), { id: target.id }, { token: admin });
    expect(JSON.stringify(all.body)).not.toContain('crisis-canary-3');
  });

  it('moves forward only: new, contacted, closed; others cannot touch it', async () => {
    ok(await gql(REPORT, { i: input('crisis-canary-4') }, { token: reporter.token }));
    const target = ok(
      await gql<ListData>(LIST, { n: izadshahr.id, s: 'NEW' }, { token: staff.token }),
    ).crisisReferrals.edges.find((e) => e.node.details === 'crisis-canary-4')!.node;
    const UPDATE =
      'mutation($id: ID!, $s: CrisisStatus!) { updateCrisisReferral(id: $id, status: $s, note: "called") { status statusNote } }';
    expect(errorCode(await gql(UPDATE, { id: target.id, s: 'CONTACTED' }, { token: otherStaff.token }))).toBe(
      'NOT_FOUND',
    );
    expect(
      ok(
        await gql<{ updateCrisisReferral: { status: string } }>(
          UPDATE,
          { id: target.id, s: 'CONTACTED' },
          { token: staff.token },
        ),
      ).updateCrisisReferral.status,
    ).toBe('CONTACTED');
    const back = await gql(UPDATE, { id: target.id, s: 'NEW' }, { token: staff.token });
    expect(back.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'status', reason: 'ILLEGAL_TRANSITION' }],
    });
  });

  it('refuses bad input clearly and stores nothing', async () => {
    const before = ok(await gql<ListData>(LIST, { n: izadshahr.id }, { token: staff.token })).crisisReferrals
      .totalCount;
    const bad = [
      [{ ...input('x'), callbackPhone: 'call me maybe' }, 'callbackPhone', 'INVALID_PHONE'],
      [
        { ...input('x'), neighbourhoodId: '00000000-0000-4000-8000-000000000000' },
        'neighbourhoodId',
        'UNKNOWN_NEIGHBOURHOOD',
      ],
      [{ ...input('   ') }, 'details', 'REQUIRED'],
    ] as const;
    for (const [i, field, reason] of bad) {
      const r = await gql(REPORT, { i }, { token: reporter.token });
      expect(r.body.errors?.[0]?.extensions, reason).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field, reason }],
      });
    }
    expect(errorCode(await gql(REPORT, { i: input('anonymous') }))).toBe('UNAUTHENTICATED');
    expect(ok(await gql<ListData>(LIST, { n: izadshahr.id }, { token: staff.token })).crisisReferrals.totalCount).toBe(
      before,
    );
  });
});
