import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { activate, readyDraft, reasons, setupBase, thisJalaliYear, type BaseSetup } from '../support/agreements.js';
import { createAssessment } from '../support/assessments.js';
import { jalaliToday } from '../support/days.js';
import { createUser } from '../support/factories.js';
import { errorCode, gql, login, demo, ok } from '../support/gql.js';
import { createFeature, point } from '../support/mapping.js';
import { addTask, createPlan, rankedNeeds, updateTask } from '../support/plans.js';

/**
 * 1404's second quarter on the official calendar: 1 Tir to 31 Shahrivar 1404 = 22 June to
 * 22 September 2025; in Tehran (UTC+03:30) it begins at 2025-06-21T20:30Z and ends before
 * 2025-09-22T20:30Z. Hand-written here, not computed by the code under test.
 */
const Q2 = { from: '2025-06-22', to: '2025-09-22', start: '2025-06-21T20:30:00Z', end: '2025-09-22T20:30:00Z' };
const Q1 = { from: '2025-03-21', to: '2025-06-21', start: '2025-03-20T20:30:00Z', end: '2025-06-21T20:30:00Z' };

const REPORT = `id quarter state startsOn endsOn dueOn overdue canEdit canReview reviewComment interviews homeVisits clientsExited narrative
  platform { assessmentsHeld featuresAdded featuresConfirmed plansStarted tasksDone volunteers volunteerHours receipts receivedRials }`;

async function sql(text: string, params: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

/** One seeded piece of activity and where and when it happened; the expected figures are counted from these. */
interface Seeded {
  kind: 'assessment' | 'feature' | 'plan' | 'task' | 'hours' | 'receipt';
  mine: boolean;
  day?: string;
  at?: string;
  confirmed?: boolean;
  volunteer?: string;
  hours?: number;
  rials?: number;
}

function expected(seeded: Seeded[], q: { from: string; to: string; start: string; end: string }) {
  const inDays = (s: Seeded) => s.mine && s.day! >= q.from && s.day! <= q.to;
  const inTime = (s: Seeded) => s.mine && s.at! >= q.start && s.at! < q.end;
  const hours = seeded.filter((s) => s.kind === 'hours' && inDays(s));
  const receipts = seeded.filter((s) => s.kind === 'receipt' && inDays(s));
  return {
    assessmentsHeld: seeded.filter((s) => s.kind === 'assessment' && inDays(s)).length,
    featuresAdded: seeded.filter((s) => s.kind === 'feature' && inTime(s)).length,
    featuresConfirmed: seeded.filter((s) => s.kind === 'feature' && s.confirmed && inTime(s)).length,
    plansStarted: seeded.filter((s) => s.kind === 'plan' && inTime(s)).length,
    tasksDone: seeded.filter((s) => s.kind === 'task' && inDays(s)).length,
    volunteers: new Set(hours.map((h) => h.volunteer)).size,
    volunteerHours: hours.reduce((t, h) => t + h.hours!, 0),
    receipts: receipts.length,
    receivedRials: String(receipts.reduce((t, r) => t + r.rials!, 0)),
  };
}

const toJalali = (iso: string) => {
  const p = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).formatToParts(new Date(`${iso}T12:00:00Z`));
  const g = (t: string) => p.find((x) => x.type === t)!.value;
  return `${g('year')}/${g('month')}/${g('day')}`;
};

describe('quarterly reports', () => {
  let b: BaseSetup;
  let other: BaseSetup;
  let agreementId: string;
  const seeded: Seeded[] = [];

  beforeAll(async () => {
    [b, other] = await Promise.all([setupBase(), setupBase()]);
    const admin = b.admin;
    agreementId = (await readyDraft(b, 1404)).id;
    await activate(b, agreementId);

    // Needs assessments: their first day decides the quarter.
    for (const [nb, day, mine] of [
      [b, '2025-06-22', true],
      [b, '2025-09-22', true],
      [b, '2025-06-21', true],
      [b, '2025-09-23', true],
      [other, '2025-07-10', false],
    ] as const) {
      await createAssessment(admin, nb.neighbourhoodId, { heldFrom: toJalali(day) });
      seeded.push({ kind: 'assessment', mine, day });
    }

    // Map features, placed at the first and last instants of the quarter and just outside it.
    const features: { id: string; at: string; mine: boolean; confirmed: boolean }[] = [];
    for (const [nb, at, mine] of [
      [b, Q2.start, true],
      [b, '2025-09-22T20:29:59Z', true],
      [b, Q2.end, true],
      [b, '2025-06-21T20:29:59Z', true],
      [other, '2025-07-01T08:00:00Z', false],
    ] as const) {
      const f = ok(
        await createFeature(
          { neighbourhoodId: nb.neighbourhoodId, category: 'mosque', geometry: point(52.35, 36.47) },
          admin,
        ),
      ).createMapFeature;
      features.push({ id: f.id, at, mine, confirmed: true });
    }
    const archived = ok(
      await createFeature(
        { neighbourhoodId: b.neighbourhoodId, category: 'mosque', geometry: point(52.35, 36.47) },
        admin,
      ),
    ).createMapFeature;
    ok(
      await gql(
        'mutation($id: ID!) { setMapFeatureStatus(id: $id, version: 1, status: ARCHIVED) { id } }',
        { id: archived.id },
        { token: admin },
      ),
    );
    features.push({ id: archived.id, at: '2025-08-01T08:00:00Z', mine: true, confirmed: false });
    for (const f of features) {
      await sql('update map_feature set created_at = $2 where id = $1', [f.id, f.at]);
      seeded.push({ kind: 'feature', mine: f.mine, at: f.at, confirmed: f.confirmed });
    }

    // A plan started in the quarter, one started today, and one elsewhere.
    const plan = await createPlan(
      admin,
      (await rankedNeeds(admin, b.neighbourhoodId, ['روشنایی', 'پارک'])).slice(0, 1),
    );
    const later = await createPlan(admin, (await rankedNeeds(admin, b.neighbourhoodId, ['آب', 'مدرسه'])).slice(0, 1));
    const elsewhere = await createPlan(
      admin,
      (await rankedNeeds(admin, other.neighbourhoodId, ['آب', 'مدرسه'])).slice(0, 1),
    );
    for (const [p, at, mine] of [
      [plan, '2025-07-15T06:00:00Z', true],
      [elsewhere, '2025-07-15T06:00:00Z', false],
    ] as const) {
      await sql('update action_plan set created_at = $2 where id = $1', [p.id, at]);
      seeded.push({ kind: 'plan', mine, at });
    }
    seeded.push({ kind: 'plan', mine: true, at: new Date().toISOString() });
    // Assessments made for the plans above were held today.
    for (const mine of [true, true, false]) seeded.push({ kind: 'assessment', mine, day: '1405-09-01' });

    // Tasks done on the quarter's first and last days and the day after; one still in progress.
    const taskIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const after = ok(
        await addTask(admin, plan.id, { title: `کار ${i}`, startOn: '1404/04/01', endOn: '1404/12/29' }),
      ).addPlanTask;
      taskIds.push(after.tasks.at(-1)!.id);
    }
    for (const [i, day] of [
      [0, '2025-06-22'],
      [1, '2025-09-22'],
      [2, '2025-09-23'],
    ] as const) {
      ok(await updateTask(admin, taskIds[i]!, { status: 'DONE' }));
      await sql('update plan_task set completed_on = $2 where id = $1', [taskIds[i], day]);
      seeded.push({ kind: 'task', mine: true, day });
    }
    ok(await updateTask(admin, taskIds[3]!, { progress: 40 }));
    const otherTask = ok(
      await addTask(admin, later.id, { title: 'x', startOn: '1404/04/01', endOn: '1404/12/29' }),
    ).addPlanTask.tasks.at(-1)!;
    ok(await updateTask(admin, otherTask.id, { status: 'DONE' }));
    seeded.push({ kind: 'task', mine: true, day: new Date().toISOString().slice(0, 10) });

    // Volunteer hours: only confirmed hours on days in the quarter count.
    const slot = ok(
      await gql<{ addTaskSlot: { id: string } }>(
        'mutation($t: ID!, $i: TaskSlotInput!) { addTaskSlot(taskId: $t, input: $i) { id } }',
        {
          t: taskIds[3],
          i: { title: 'کمک', peopleNeeded: 5, startsOn: '1404/01/01', endsOn: '1499/01/01', hoursEach: 4, skills: [] },
        },
        { token: admin },
      ),
    ).addTaskSlot.id;
    const volunteers = await Promise.all([1, 2, 3].map(() => createUser([], ['VOLUNTEER'])));
    const signups: string[] = [];
    for (const v of volunteers) {
      const s = ok(
        await gql<{ signUpForSlot: { mySignup: { id: string } } }>(
          'mutation($s: ID!) { signUpForSlot(slotId: $s) { mySignup { id } } }',
          { s: slot },
          { token: v.token },
        ),
      ).signUpForSlot.mySignup.id;
      ok(await gql('mutation($s: ID!) { reviewSignup(id: $s, accept: true) { id } }', { s }, { token: admin }));
      signups.push(s);
    }
    for (const [vi, day, hours, confirm] of [
      [0, '2025-07-31', 4, true],
      [1, '2025-08-22', 3, true],
      [0, '2025-09-27', 2, true],
      [2, '2025-07-24', 5, false],
    ] as const) {
      const history = ok(
        await gql<{ logHours: { signups: { id: string; hours: { id: string; day: string; status: string }[] }[] } }>(
          'mutation($s: ID!, $d: String!, $h: Int!) { logHours(signupId: $s, day: $d, hours: $h) { signups { id hours { id day status } } } }',
          { s: signups[vi], d: toJalali(day), h: hours },
          { token: volunteers[vi]!.token },
        ),
      ).logHours;
      const logged = history.signups
        .find((x) => x.id === signups[vi])!
        .hours.find((h) => h.day === day && h.status === 'LOGGED')!;
      ok(
        await gql(
          'mutation($h: ID!, $a: Boolean!) { reviewHours(id: $h, accept: $a) { id } }',
          { h: logged.id, a: confirm },
          { token: admin },
        ),
      );
      if (confirm) seeded.push({ kind: 'hours', mine: true, day, volunteer: String(vi), hours });
    }

    // Cash received on the quarter's first and last days and the day after; and elsewhere.
    const donor = await createUser([], ['DONOR']);
    const pledgeOn = async (planId: string) =>
      ok(
        await gql<{ createPledge: { pledge: { id: string } } }>(
          'mutation($i: PledgeInput!) { createPledge(input: $i) { pledge { id } } }',
          { i: { idempotencyKey: randomUUID(), planId, kind: 'CASH', amountRials: '5000000' } },
          { token: donor.token },
        ),
      ).createPledge.pledge.id;
    const [mine, theirs] = [await pledgeOn(plan.id), await pledgeOn(elsewhere.id)];
    for (const [pledgeId, day, rials, isMine] of [
      [mine, '2025-06-22', 400000, true],
      [mine, '2025-09-22', 250000, true],
      [mine, '2025-09-23', 100000, true],
      [theirs, '2025-07-01', 900000, false],
    ] as const) {
      ok(
        await gql(
          'mutation($i: ReceiptInput!) { recordReceipt(input: $i) { replayed } }',
          { i: { idempotencyKey: randomUUID(), pledgeId, amountRials: String(rials), receivedOn: toJalali(day) } },
          { token: admin },
        ),
      );
      seeded.push({ kind: 'receipt', mine: isMine, day, rials });
    }
  }, 120_000);

  const start = (token: string, quarter: number, id = agreementId) =>
    gql<{ startQuarterlyReport: Record<string, unknown> & { id: string; platform: Record<string, unknown> } }>(
      `mutation($a: ID!, $q: Int!) { startQuarterlyReport(agreementId: $a, quarter: $q) { ${REPORT} } }`,
      { a: id, q: quarter },
      { token },
    );

  it('prefills the platform figures of that quarter and neighbourhood only', async () => {
    const want = expected(seeded, Q2);
    // The seeded data straddles the edges, so the figures are not trivially zero or everything.
    expect(want).toEqual({
      assessmentsHeld: 2,
      featuresAdded: 3,
      featuresConfirmed: 2,
      plansStarted: 1,
      tasksDone: 2,
      volunteers: 2,
      volunteerHours: 7,
      receipts: 2,
      receivedRials: '650000',
    });
    const q2 = ok(await start(b.staff.token, 2)).startQuarterlyReport;
    expect(q2.platform).toEqual(want);
    const q1 = ok(await start(b.staff.token, 1)).startQuarterlyReport;
    expect(q1.platform).toEqual(expected(seeded, Q1));
    // Starting again returns the same report.
    expect(ok(await start(b.staff.token, 2)).startQuarterlyReport.id).toBe(q2.id);
  });

  it('is edited and submitted by the base, then returned with a comment and accepted by the supervisor', async () => {
    const id = ok(await start(b.staff.token, 2)).startQuarterlyReport.id;
    const save = (token: string, input: Record<string, unknown>) =>
      gql<{ saveQuarterlyReport: { state: string; interviews: number; homeVisits: number } }>(
        `mutation($id: ID!, $i: QuarterlyReportInput!) { saveQuarterlyReport(id: $id, input: $i) { ${REPORT} } }`,
        { id, i: input },
        { token },
      );
    const review = (token: string, accept: boolean, comment: string | null) =>
      gql<{ reviewQuarterlyReport: { state: string; reviewComment: string | null } }>(
        `mutation($id: ID!, $a: Boolean!, $c: String) { reviewQuarterlyReport(id: $id, accept: $a, comment: $c) { ${REPORT} } }`,
        { id, a: accept, c: comment },
        { token },
      );
    const submit = (token: string) =>
      gql<{ submitQuarterlyReport: { state: string } }>(
        `mutation($id: ID!) { submitQuarterlyReport(id: $id) { ${REPORT} } }`,
        { id },
        { token },
      );

    expect(errorCode(await save(b.supervisor, { interviews: 3 }))).toBe('FORBIDDEN');
    expect(errorCode(await save(b.staff.token, { interviews: -1 }))).toBe('BAD_USER_INPUT');
    const saved = ok(
      await save(b.staff.token, { interviews: 12, homeVisits: 7, narrative: 'دو کارگاه مهارت زندگی' }),
    ).saveQuarterlyReport;
    expect(saved).toMatchObject({ interviews: 12, homeVisits: 7, state: 'DRAFT' });
    expect(errorCode(await review(b.supervisor, true, null))).toBe('ILLEGAL_TRANSITION');
    expect(ok(await submit(b.staff.token)).submitQuarterlyReport.state).toBe('SUBMITTED');
    expect(errorCode(await save(b.staff.token, { interviews: 13 }))).toBe('ILLEGAL_TRANSITION');
    expect(errorCode(await review(b.staff.token, true, null))).toBe('FORBIDDEN');
    expect(reasons(await review(b.supervisor, false, '  '))).toEqual(['comment:REQUIRED']);
    expect(
      ok(await review(b.supervisor, false, 'تعداد بازدیدها با دفتر نمی‌خواند')).reviewQuarterlyReport,
    ).toMatchObject({
      state: 'RETURNED',
      reviewComment: 'تعداد بازدیدها با دفتر نمی‌خواند',
    });
    ok(await save(b.staff.token, { homeVisits: 9 }));
    ok(await submit(b.staff.token));
    expect(ok(await review(b.supervisor, true, null)).reviewQuarterlyReport.state).toBe('ACCEPTED');
    expect(errorCode(await save(b.staff.token, { homeVisits: 1 }))).toBe('ILLEGAL_TRANSITION');

    const quarters = ok(
      await gql<{
        agreement: {
          quarters: { quarter: number; overdue: boolean; dueOn: string; report: { state: string } | null }[];
        };
      }>(
        'query($id: ID!) { agreement(id: $id) { quarters { quarter overdue dueOn report { state } } } }',
        { id: agreementId },
        { token: b.staff.token },
      ),
    ).agreement.quarters;
    // Q1 is started (a draft) only if the prefill test ran first; either way it is overdue.
    expect(
      quarters.map((q) => [q.quarter, q.report?.state === 'DRAFT' ? null : (q.report?.state ?? null), q.overdue]),
    ).toEqual([
      [1, null, true],
      [2, 'ACCEPTED', false],
      [3, null, true],
      [4, null, true],
    ]);
    // Due 15 days after the quarter's last day (REPORT_DUE_DAYS default).
    expect(quarters[1]!.dueOn).toBe('2025-10-07');
  });

  it('does not take a report before its quarter ends, nor start one before it begins', async () => {
    const s = await setupBase();
    const year = thisJalaliYear();
    const d = await readyDraft(s, year);
    await activate(s, d.id);
    const month = Number(jalaliToday().split('/')[1]);
    const current = Math.ceil(month / 3);
    const id = ok(await start(s.staff.token, current, d.id)).startQuarterlyReport.id;
    expect(
      errorCode(
        await gql('mutation($id: ID!) { submitQuarterlyReport(id: $id) { id } }', { id }, { token: s.staff.token }),
      ),
    ).toBe('QUARTER_NOT_ENDED');
    if (current < 4) expect(reasons(await start(s.staff.token, current + 1, d.id))).toEqual(['quarter:NOT_STARTED']);
    expect(reasons(await start(s.staff.token, 5, d.id))).toEqual(['quarter:OUT_OF_RANGE']);
    expect(errorCode(await start(b.staff.token, current, d.id))).toBe('NOT_FOUND');
  });

  it('puts the base on the supervisor’s dashboard with the year’s figures, and flags what is late', async () => {
    const supervisor = await login(demo.county_supervisor);
    const DASH = `query($y: Int) { supervisorDashboard(year: $y) { year byState { state count }
      overdueReports { agreementId quarter } overdueVisits { agreementId lastVisitOn }
      organisations { agreementId agreementState reportsAccepted reportsOverdue tasksDone volunteerHours receivedRials assessmentsHeld featuresAdded } } }`;
    const read = async () =>
      ok(await gql<{ supervisorDashboard: Dashboard }>(DASH, { y: 1404 }, { token: supervisor })).supervisorDashboard;
    // What the agreement's own quarters say, whatever other tests in this file did to its reports.
    const quarters = ok(
      await gql<{ agreement: { quarters: { quarter: number; overdue: boolean; report: { state: string } | null }[] } }>(
        'query($id: ID!) { agreement(id: $id) { quarters { quarter overdue report { state } } } }',
        { id: agreementId },
        { token: supervisor },
      ),
    ).agreement.quarters;
    const accepted = quarters.filter((q) => q.report?.state === 'ACCEPTED').length;
    const late = quarters.filter((q) => q.overdue).map((q) => q.quarter);
    expect(late.length).toBeGreaterThan(0);
    let d = await read();
    const row = d.organisations.find((o) => o.agreementId === agreementId)!;
    const year = { from: '2025-03-21', to: '2026-03-20', start: '2025-03-20T20:30:00Z', end: '2026-03-20T20:30:00Z' };
    const want = expected(seeded, year);
    expect(row).toMatchObject({
      agreementState: 'ACTIVE',
      reportsAccepted: accepted,
      reportsOverdue: late.length,
      tasksDone: want.tasksDone,
      volunteerHours: want.volunteerHours,
      receivedRials: want.receivedRials,
      assessmentsHeld: want.assessmentsHeld,
      featuresAdded: want.featuresAdded,
    });
    expect(d.overdueReports.filter((r) => r.agreementId === agreementId).map((r) => r.quarter)).toEqual(late);
    expect(d.overdueVisits.map((v) => v.agreementId)).toContain(agreementId);

    ok(
      await gql(
        'mutation($a: ID!, $i: VisitInput!) { recordVisit(agreementId: $a, input: $i) { id } }',
        { a: agreementId, i: { visitedOn: jalaliToday(), findings: 'پرونده‌ها مرتب است' } },
        { token: supervisor },
      ),
    );
    d = await read();
    expect(d.overdueVisits.map((v) => v.agreementId)).not.toContain(agreementId);

    // The province sees every county's agreements, this one included.
    const province = ok(
      await gql<{ supervisorDashboard: Dashboard }>(DASH, { y: 1404 }, { token: await login(demo.province_admin) }),
    ).supervisorDashboard;
    expect(province.organisations.map((o) => o.agreementId)).toContain(agreementId);

    // Another county's supervisor sees none of it; staff and residents may not ask.
    const neka = await createUser([{ role: 'COUNTY_SUPERVISOR', countySlug: 'neka' }]);
    const theirs = ok(
      await gql<{ supervisorDashboard: Dashboard }>(DASH, { y: 1404 }, { token: neka.token }),
    ).supervisorDashboard;
    expect(theirs.organisations.map((o) => o.agreementId)).not.toContain(agreementId);
    expect(errorCode(await gql(DASH, { y: 1404 }, { token: b.staff.token }))).toBe('FORBIDDEN');

    // A fixed number of SQL statements, however many bases, reports and visits there are.
    const statements = async () =>
      (
        (await gql(DASH, { y: 1404 }, { token: supervisor })).body as unknown as {
          extensions?: { sqlStatements?: number };
        }
      ).extensions?.sqlStatements;
    const before = await statements();
    const more = await setupBase();
    await activate(more, (await readyDraft(more, 1404)).id);
    expect(before).toBeGreaterThan(0);
    expect(await statements()).toBe(before);
    console.log(`[supervisorDashboard] SQL statements: ${before} -> ${await statements()}`);

    const csv = ok(
      await gql<{ supervisorDashboardExport: string }>(
        'query { supervisorDashboardExport(year: 1404) }',
        {},
        { token: supervisor },
      ),
    ).supervisorDashboardExport;
    expect(csv.startsWith('\uFEFForganisation,year,agreement_state')).toBe(true);
    expect(csv).toContain(`"Test social-health base",1404,"Active",${accepted},${late.length},`);
  });

  it('keeps who complained from the base, and closes a complaint only with a resolution', async () => {
    const supervisor = await login(demo.county_supervisor);
    const recorded = ok(
      await gql<{ recordComplaint: { id: string; complainantName: string | null } }>(
        'mutation($a: ID!, $i: ComplaintInput!) { recordComplaint(agreementId: $a, input: $i) { id complainantName } }',
        {
          a: agreementId,
          i: {
            receivedOn: jalaliToday(),
            subject: 'برخورد نامناسب',
            details: 'شرح',
            complainantName: 'فاطمه',
            complainantContact: '09120000000',
          },
        },
        { token: supervisor },
      ),
    ).recordComplaint;
    expect(recorded.complainantName).toBe('فاطمه');
    const seenByBase = ok(
      await gql<{
        agreement: {
          complaints: { subject: string; complainantName: string | null; complainantContact: string | null }[];
        };
      }>(
        'query($id: ID!) { agreement(id: $id) { complaints { subject complainantName complainantContact } } }',
        { id: agreementId },
        { token: b.staff.token },
      ),
    ).agreement.complaints;
    expect(seenByBase).toEqual([{ subject: 'برخورد نامناسب', complainantName: null, complainantContact: null }]);
    const close = (input: Record<string, unknown>) =>
      gql<{ updateComplaint: { status: string; closedOn: string | null } }>(
        'mutation($id: ID!, $i: UpdateComplaintInput!) { updateComplaint(id: $id, input: $i) { status closedOn } }',
        { id: recorded.id, i: input },
        { token: supervisor },
      );
    expect(reasons(await close({ status: 'CLOSED' }))).toEqual(['resolution:REQUIRED']);
    expect(
      errorCode(
        await gql(
          'mutation($id: ID!) { updateComplaint(id: $id, input: { status: CLOSED }) { id } }',
          { id: recorded.id },
          { token: b.staff.token },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      ok(await close({ status: 'CLOSED', resolution: 'با مدیر پایگاه گفتگو شد', referredToArticle26: false }))
        .updateComplaint.status,
    ).toBe('CLOSED');
  });
});

describe('agreement reminders', () => {
  const NOTICES = '{ myNotifications(first: 50) { edges { node { kind subjectId params { key value } } } } }';
  const kindsFor = async (token: string, subjectId: string) =>
    ok(
      await gql<{ myNotifications: { edges: { node: { kind: string; subjectId: string } }[] } }>(
        NOTICES,
        {},
        { token },
      ),
    )
      .myNotifications.edges.filter((e) => e.node.subjectId === subjectId)
      .map((e) => e.node.kind)
      .sort();

  it('tells the base of an expiring licence and overdue reports, and the supervisor too, once each', async () => {
    const s = await setupBase();
    const supervisorAccount = await createUser([{ role: 'COUNTY_SUPERVISOR', countySlug: 'amol' }]);
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const licence = ok(
      await gql<{ saveLicence: { id: string } }>(
        'mutation($o: ID!, $i: LicenceInput!) { saveLicence(organisationId: $o, input: $i) { id } }',
        {
          o: s.organisationId,
          i: { kind: 'ACTIVITY', number: '77', issuer: 'بهزیستی', issuedOn: '1403/01/01', expiresOn: soon },
        },
        { token: s.staff.token },
      ),
    ).saveLicence;
    const d = await readyDraft(s, 1404);
    await activate(s, d.id);
    // The sweep runs every second in tests.
    await expect.poll(() => kindsFor(s.staff.token, licence.id), { timeout: 10_000 }).toEqual(['LICENCE_EXPIRING']);
    await expect
      .poll(() => kindsFor(supervisorAccount.token, licence.id), { timeout: 10_000 })
      .toEqual(['LICENCE_EXPIRING']);
    // All four quarters of 1404 are past due with no report: one notice per quarter to the base;
    // no visit in six months: one notice to the supervisor.
    await expect
      .poll(async () => (await kindsFor(s.staff.token, d.id)).filter((k) => k === 'REPORT_OVERDUE').length, {
        timeout: 10_000,
      })
      .toBe(4);
    await expect.poll(() => kindsFor(supervisorAccount.token, d.id), { timeout: 10_000 }).toContain('VISIT_OVERDUE');
    await new Promise((r) => setTimeout(r, 2500));
    expect((await kindsFor(s.staff.token, d.id)).filter((k) => k === 'REPORT_OVERDUE')).toHaveLength(4);
    expect((await kindsFor(supervisorAccount.token, d.id)).filter((k) => k === 'VISIT_OVERDUE')).toHaveLength(1);
    expect(await kindsFor(s.staff.token, licence.id)).toEqual(['LICENCE_EXPIRING']);
  });
});

interface Dashboard {
  year: number;
  byState: { state: string; count: number }[];
  overdueReports: { agreementId: string; quarter: number }[];
  overdueVisits: { agreementId: string; lastVisitOn: string | null }[];
  organisations: {
    agreementId: string;
    agreementState: string;
    reportsAccepted: number;
    reportsOverdue: number;
    tasksDone: number;
    volunteerHours: number;
    receivedRials: string;
    assessmentsHeld: number;
    featuresAdded: number;
  }[];
}
