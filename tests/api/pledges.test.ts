import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestNeighbourhood, createUser, type TestUser } from '../support/factories.js';
import { appUrl, demo, errorCode, gql, login, ok, fieldReasons } from '../support/gql.js';
import { addTask, createPlan, rankedNeeds } from '../support/plans.js';

const PLEDGE = `id status kind amountRials item quantity unit anonymous donorName donorContact { email phone }
  receivedRials receivedQuantity overdue mine resourceId taskId instalments { dueOn amountRials overdue }`;
const CREATE = `mutation($i: PledgeInput!) { createPledge(input: $i) { replayed pledge { ${PLEDGE} } } }`;
const RECEIVE = `mutation($i: ReceiptInput!) { recordReceipt(input: $i) { replayed receipt { id amountRials quantity receivedOn }
  pledge { id status receivedRials receivedQuantity } } }`;

interface PledgeView {
  id: string;
  status: string;
  amountRials: string | null;
  quantity: number | null;
  anonymous: boolean;
  donorName: string | null;
  donorContact: { email: string; phone: string | null } | null;
  receivedRials: string;
  receivedQuantity: number;
  overdue: boolean;
  instalments: { dueOn: string; amountRials: string | null; overdue: boolean }[];
}

let admin: string;
let donor: TestUser;
let n: { id: string; slug: string };
let planId: string;
let cash: string;
let goods: string;

const pledge = (token: string, input: Record<string, unknown>) =>
  gql<{ createPledge: { replayed: boolean; pledge: PledgeView } }>(CREATE, { i: { planId, ...input } }, { token });
const receive = (token: string, input: Record<string, unknown>) =>
  gql<{ recordReceipt: { replayed: boolean; receipt: { id: string }; pledge: PledgeView } }>(
    RECEIVE,
    { i: input },
    { token },
  );
const planPledges = async (token: string | null) =>
  ok(
    await gql<{ planPledges: PledgeView[] }>(
      `query($p: ID!) { planPledges(planId: $p) { ${PLEDGE} } }`,
      { p: planId },
      { token },
    ),
  ).planPledges;

/** Sends one GraphQL request and drops the connection before reading the answer. */
function sendAndDrop(query: string, variables: Record<string, unknown>, token: string): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL('/graphql', appUrl());
    const req = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    req.on('error', () => resolve());
    req.end(JSON.stringify({ query, variables }), () => {
      req.destroy();
      resolve();
    });
  });
}

beforeAll(async () => {
  admin = await login(demo.province_admin);
  donor = await createUser([], ['DONOR']);
  ok(
    await gql(
      'mutation($i: DonorProfileInput!) { saveDonorProfile(input: $i) }',
      { i: { kind: 'INDIVIDUAL', phone: '۰۹۱۱ ۱۲۳ ۴۵۶۷' } },
      { token: donor.token },
    ),
  );
  n = await createTestNeighbourhood([52.372, 36.432]);
  const needs = await rankedNeeds(admin, n.id, ['آب آشامیدنی', 'کتابخانه']);
  const plan = await createPlan(admin, [needs[0]!]);
  planId = plan.id;
  const withTask = ok(
    await addTask(admin, planId, {
      title: 'لوله‌کشی',
      startOn: '1405/09/01',
      endOn: '1405/12/01',
      resources: [
        { kind: 'CASH', amountRials: '999999999999999999' },
        { kind: 'IN_KIND', item: 'لوله', quantity: 100, unit: 'متر' },
      ],
    }),
  ).addPlanTask;
  const resources = (withTask.tasks[0]!.resources as { kind: string }[]).map((r, i) => ({ ...r, i }));
  const ids = ok(
    await gql<{ planSupport: { resources: { resourceId: string; kind: string }[] } }>(
      'query($p: ID!) { planSupport(planId: $p) { resources { resourceId kind } } }',
      { p: planId },
    ),
  ).planSupport.resources;
  cash = ids.find((r) => r.kind === 'CASH')!.resourceId;
  goods = ids.find((r) => r.kind === 'IN_KIND')!.resourceId;
  expect(resources).toHaveLength(2);
});

describe('idempotent pledges and receipts', () => {
  it('makes exactly one pledge from three concurrent sends and a retry after a dropped connection', async () => {
    const key = `pledge-${randomUUID()}`;
    const input = { idempotencyKey: key, resourceId: cash, kind: 'CASH', amountRials: '5000000' };
    const results = await Promise.all([1, 2, 3].map(() => pledge(donor.token, input)));
    const pledges = results.map((r) => ok(r).createPledge);
    expect(new Set(pledges.map((p) => p.pledge.id)).size).toBe(1);
    expect(pledges.filter((p) => !p.replayed)).toHaveLength(1);
    await sendAndDrop(CREATE, { i: { planId, ...input } }, donor.token);
    const retry = ok(await pledge(donor.token, input)).createPledge;
    expect(retry).toMatchObject({ replayed: true, pledge: { id: pledges[0]!.pledge.id } });
    const mine = (await planPledges(admin)).filter(
      (p) => p.donorContact?.email === donor.email && p.amountRials === '5000000',
    );
    expect(mine).toHaveLength(1);
    // The same key for a different pledge is refused, not silently answered with the first.
    expect(fieldReasons(await pledge(donor.token, { ...input, amountRials: '6000000' }))).toEqual([
      'idempotencyKey:KEY_REUSED',
    ]);
  });

  it('records exactly one receipt from three concurrent sends and a retry after a dropped connection', async () => {
    const p = ok(
      await pledge(donor.token, { idempotencyKey: `p-${randomUUID()}`, kind: 'CASH', amountRials: '3000000' }),
    ).createPledge.pledge;
    const input = {
      idempotencyKey: `r-${randomUUID()}`,
      pledgeId: p.id,
      amountRials: '1000000',
      receivedOn: '1405/09/02',
    };
    const results = (await Promise.all([1, 2, 3].map(() => receive(admin, input)))).map((r) => ok(r).recordReceipt);
    expect(new Set(results.map((r) => r.receipt.id)).size).toBe(1);
    await sendAndDrop(RECEIVE, { i: input }, admin);
    const retry = ok(await receive(admin, input)).recordReceipt;
    expect(retry.replayed).toBe(true);
    expect(retry.pledge).toMatchObject({ status: 'PARTLY_RECEIVED', receivedRials: '1000000' });
  });
});

describe('ledger', () => {
  it('totals per task, plan and organisation equal the sum of receipts, exactly, with rials beyond 2^53', async () => {
    const big = ok(
      await pledge(donor.token, {
        idempotencyKey: `big-${randomUUID()}`,
        resourceId: cash,
        kind: 'CASH',
        amountRials: '900000000000000003',
      }),
    ).createPledge.pledge;
    ok(
      await receive(admin, {
        idempotencyKey: `r-${randomUUID()}`,
        pledgeId: big.id,
        amountRials: '400000000000000001',
        receivedOn: '1405/09/01',
      }),
    );
    const done = ok(
      await receive(admin, {
        idempotencyKey: `r-${randomUUID()}`,
        pledgeId: big.id,
        amountRials: '500000000000000002',
        receivedOn: '1405/09/02',
      }),
    ).recordReceipt.pledge;
    expect(done).toMatchObject({ status: 'FULFILLED', receivedRials: '900000000000000003' });

    const org = ok(await gql<{ organisation: { id: string } }>('{ organisation(slug: "base-ommat-abad") { id } }'))
      .organisation.id;
    const ledger = ok(
      await gql<{
        organisationLedger: {
          totals: { receivedRials: string; receiptCount: number };
          byPlan: { id: string; receivedRials: string }[];
          byTask: { id: string; title: string; receivedRials: string }[];
          lines: { receipt: { amountRials: string | null }; planId: string }[];
        };
      }>(
        `query($o: ID!) { organisationLedger(organisationId: $o) { totals { receivedRials receiptCount }
           byPlan { id receivedRials } byTask { id title receivedRials } lines { planId receipt { amountRials } } } }`,
        { o: org },
        { token: admin },
      ),
    ).organisationLedger;
    const sum = (lines: { receipt: { amountRials: string | null } }[]) =>
      lines.reduce((s, l) => s + BigInt(l.receipt.amountRials ?? 0), 0n).toString();
    expect(ledger.totals.receivedRials).toBe(sum(ledger.lines));
    expect(ledger.totals.receiptCount).toBe(ledger.lines.length);
    const ours = ledger.lines.filter((l) => l.planId === planId);
    expect(ledger.byPlan.find((p) => p.id === planId)!.receivedRials).toBe(sum(ours));
    // This plan's receipts so far: 1,000,000 (the idempotency test, if it ran first) and the two big ones.
    expect(BigInt(sum(ours)) >= 900000000000000003n).toBe(true);
    expect(ledger.byTask.find((t) => t.title === 'لوله‌کشی')!.receivedRials).toBe('900000000000000003');

    const pilots = ok(
      await gql<{ pilotDashboard: { neighbourhood: { id: string }; pledgedRials: string; receivedRials: string }[] }>(
        '{ pilotDashboard { neighbourhood { id } pledgedRials receivedRials } }',
        {},
        { token: admin },
      ),
    ).pilotDashboard.find((r) => r.neighbourhood.id === n.id)!;
    expect(pilots.receivedRials).toBe(sum(ours));
  });
});

describe('bad input stores nothing', () => {
  it('refuses negative and zero amounts, goods without a unit, and pledges to a plan not open', async () => {
    const before = (await planPledges(admin)).length;
    expect(
      fieldReasons(await pledge(donor.token, { idempotencyKey: `b-${randomUUID()}`, kind: 'CASH', amountRials: '-5' })),
    ).toEqual(['amountRials:INVALID_AMOUNT']);
    expect(
      fieldReasons(await pledge(donor.token, { idempotencyKey: `b-${randomUUID()}`, kind: 'CASH', amountRials: '0' })),
    ).toEqual(['amountRials:INVALID_AMOUNT']);
    expect(
      fieldReasons(
        await pledge(donor.token, {
          idempotencyKey: `b-${randomUUID()}`,
          resourceId: goods,
          kind: 'IN_KIND',
          quantity: 10,
        }),
      ),
    ).toEqual(['unit:UNIT_REQUIRED']);
    expect(
      fieldReasons(
        await pledge(donor.token, {
          idempotencyKey: `b-${randomUUID()}`,
          resourceId: goods,
          kind: 'CASH',
          amountRials: '10',
        }),
      ),
    ).toEqual(['resourceId:KIND_MISMATCH']);
    expect(
      fieldReasons(
        await pledge(donor.token, {
          idempotencyKey: `b-${randomUUID()}`,
          kind: 'CASH',
          amountRials: '100',
          instalments: [
            { dueOn: '1405/10/01', amountRials: '60' },
            { dueOn: '1405/11/01', amountRials: '50' },
          ],
        }),
      ),
    ).toEqual(['instalments:INSTALMENTS_DONT_ADD_UP']);
    expect(
      fieldReasons(await pledge(donor.token, { idempotencyKey: 'short', kind: 'CASH', amountRials: '10' })),
    ).toEqual(['idempotencyKey:INVALID_KEY']);
    expect((await planPledges(admin)).length).toBe(before);
  });

  it('refuses receiving beyond the pledge unless told to, and zero or future receipts', async () => {
    const p = ok(
      await pledge(donor.token, {
        idempotencyKey: `g-${randomUUID()}`,
        resourceId: goods,
        kind: 'IN_KIND',
        quantity: 40,
        unit: 'متر',
      }),
    ).createPledge.pledge;
    const r = (input: Record<string, unknown>) =>
      receive(admin, { idempotencyKey: `r-${randomUUID()}`, pledgeId: p.id, receivedOn: '1405/09/01', ...input });
    ok(await r({ quantity: 30 }));
    expect(fieldReasons(await r({ quantity: 11 }))).toEqual(['quantity:OVER_RECEIVED']);
    expect(fieldReasons(await r({ quantity: 0 }))).toEqual(['quantity:OUT_OF_RANGE']);
    expect(fieldReasons(await r({ quantity: 5, receivedOn: '1499/01/01' }))).toEqual(['receivedOn:IN_THE_FUTURE']);
    const still = (await planPledges(admin)).find((x) => x.id === p.id)!;
    expect(still).toMatchObject({ status: 'PARTLY_RECEIVED', receivedQuantity: 30 });
    const over = ok(await r({ quantity: 15, override: true })).recordReceipt.pledge;
    expect(over).toMatchObject({ status: 'FULFILLED', receivedQuantity: 45 });
    expect(fieldReasons(await r({ quantity: 1 }))).toEqual(['pledgeId:PLEDGE_NOT_OPEN']);
  });
});

describe('donor privacy', () => {
  it('shows contacts only to staff and supervisors, and hides anonymous names from residents, volunteers and other donors', async () => {
    const p = ok(
      await pledge(donor.token, {
        idempotencyKey: `a-${randomUUID()}`,
        kind: 'CASH',
        amountRials: '777',
        anonymous: true,
      }),
    ).createPledge.pledge;
    const asAdmin = (await planPledges(admin)).find((x) => x.id === p.id)!;
    expect(asAdmin.donorName).toBe('Test user');
    expect(asAdmin.donorContact).toEqual({ email: donor.email, phone: '0911 123 4567' });
    // The donor reads their own profile back to edit it; nobody else's.
    const profile = ok(
      await gql<{ myDonorProfile: { kind: string; phone: string | null } | null }>(
        '{ myDonorProfile { kind phone } }',
        {},
        { token: donor.token },
      ),
    );
    expect(profile.myDonorProfile).toEqual({ kind: 'INDIVIDUAL', phone: '0911 123 4567' });
    expect(
      ok(
        await gql<{ myDonorProfile: unknown }>(
          '{ myDonorProfile { kind } }',
          {},
          { token: (await createUser()).token },
        ),
      ).myDonorProfile,
    ).toBeNull();
    const supervisor = (await planPledges(await login(demo.county_supervisor))).find((x) => x.id === p.id)!;
    expect(supervisor.donorContact?.email).toBe(donor.email);
    const own = ok(
      await gql<{ myPledges: PledgeView[] }>(`{ myPledges { ${PLEDGE} } }`, {}, { token: donor.token }),
    ).myPledges.find((x) => x.id === p.id)!;
    expect(own.donorName).toBe('Test user');
    for (const other of [await createUser(), await createUser([], ['VOLUNTEER']), await createUser([], ['DONOR'])]) {
      expect(await planPledges(other.token)).toEqual([]);
      const body = JSON.stringify(
        (
          await gql(
            `query($p: ID!) { planSupport(planId: $p) { resources { pledged } donorCount } }`,
            { p: planId },
            { token: other.token },
          )
        ).body,
      );
      expect(body).not.toContain(donor.email);
      expect(body).not.toContain('0911');
    }
    // Staff of another neighbourhood's base run the lead organisation's ledger but not this neighbourhood:
    // the anonymous name stays hidden from them.
    ok(
      await receive(admin, {
        idempotencyKey: `r-${randomUUID()}`,
        pledgeId: p.id,
        amountRials: '777',
        receivedOn: '1405/09/03',
      }),
    );
    const org = ok(await gql<{ organisation: { id: string } }>('{ organisation(slug: "base-ommat-abad") { id } }'))
      .organisation.id;
    const ledgerAs = async (token: string) =>
      ok(
        await gql<{ organisationLedger: { lines: { donorName: string | null; receipt: { pledgeId: string } }[] } }>(
          'query($o: ID!) { organisationLedger(organisationId: $o) { lines { donorName receipt { pledgeId } } } }',
          { o: org },
          { token },
        ),
      ).organisationLedger.lines.find((l) => l.receipt.pledgeId === p.id)!;
    expect((await ledgerAs(await login(demo.base_staff))).donorName).toBeNull();
    expect((await ledgerAs(admin)).donorName).toBe('Test user');
    expect(
      errorCode(
        await gql(
          'query($o: ID!) { organisationLedger(organisationId: $o) { totals { receivedRials } } }',
          { o: org },
          { token: donor.token },
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('notices in the portal', () => {
  const NOTICES =
    '{ myNotifications(first: 50) { edges { node { id kind subjectId read params { key value } } } } unreadNotificationCount }';
  type Notices = {
    myNotifications: {
      edges: {
        node: { id: string; kind: string; subjectId: string; read: boolean; params: { key: string; value: string }[] };
      }[];
    };
    unreadNotificationCount: number;
  };
  const notices = async (token: string) => ok(await gql<Notices>(NOTICES, {}, { token }));

  it('tells the donor of confirmation, receipts and, once, of an overdue pledge', async () => {
    const giver = await createUser([], ['DONOR']);
    const late = ok(
      await pledge(giver.token, {
        idempotencyKey: `late-${randomUUID()}`,
        kind: 'CASH',
        amountRials: '1000',
        dueOn: '1405/08/01',
      }),
    ).createPledge.pledge;
    expect(late.overdue).toBe(true);
    ok(await gql('mutation($id: ID!) { confirmPledge(id: $id) { id } }', { id: late.id }, { token: admin }));
    ok(
      await receive(admin, {
        idempotencyKey: `r-${randomUUID()}`,
        pledgeId: late.id,
        amountRials: '400',
        receivedOn: '1405/09/01',
      }),
    );
    // The sweep runs every second in tests; wait for the reminder, then for two more sweeps.
    await expect
      .poll(async () => (await notices(giver.token)).myNotifications.edges.map((e) => e.node.kind).sort(), {
        timeout: 10_000,
      })
      .toEqual(['PLEDGE_CONFIRMED', 'PLEDGE_OVERDUE', 'RECEIPT_RECORDED']);
    await new Promise((r) => setTimeout(r, 2500));
    const all = await notices(giver.token);
    expect(all.myNotifications.edges.filter((e) => e.node.kind === 'PLEDGE_OVERDUE')).toHaveLength(1);
    expect(all.unreadNotificationCount).toBe(3);
    const overdue = all.myNotifications.edges.find((e) => e.node.kind === 'PLEDGE_OVERDUE')!.node;
    expect(overdue.params).toContainEqual({ key: 'due', value: '2026-10-23' });
    // Nobody else's notices can be marked read; one's own can.
    const other = await createUser();
    expect(
      ok(
        await gql<{ markNotificationsRead: number }>(
          'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
          { ids: [overdue.id] },
          { token: other.token },
        ),
      ).markNotificationsRead,
    ).toBe(0);
    expect(
      ok(
        await gql<{ markNotificationsRead: number }>(
          'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
          { ids: [overdue.id] },
          { token: giver.token },
        ),
      ).markNotificationsRead,
    ).toBe(1);
    expect((await notices(giver.token)).unreadNotificationCount).toBe(2);
  });
});
