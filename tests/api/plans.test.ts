import { beforeAll, describe, expect, it } from 'vitest';
import { addNeed, createAssessment } from '../support/assessments.js';
import { createTestNeighbourhood, organisationId } from '../support/factories.js';
import { demo, errorCode, gql, login, ok, fieldReasons } from '../support/gql.js';
import { addTask, createPlan, rankedNeeds, readPlan, updateTask } from '../support/plans.js';

let admin: string;
let n: { id: string; slug: string };
let needs: string[];

beforeAll(async () => {
  admin = await login(demo.province_admin);
  n = await createTestNeighbourhood([52.341, 36.462]);
  needs = await rankedNeeds(admin, n.id, ['روشنایی', 'زمین بازی', 'کلاس مهارت']);
});

describe('action plans', () => {
  it('is created from ranked needs, and derives its progress from its tasks', async () => {
    const plan = await createPlan(admin, [needs[0]!], {
      indicators: [{ name: 'تعداد چراغ نصب‌شده', target: '۲۰' }],
    });
    expect(plan.needs).toEqual([{ id: needs[0], title: 'روشنایی', rank: 1, tied: false }]);
    expect(plan.progress).toBe(0);
    let p = ok(
      await addTask(admin, plan.id, {
        title: 'خرید چراغ',
        startOn: '۱۴۰۵/۰۹/۰۱',
        endOn: '1405/09/20',
        budgetRials: '۱۲٬۵۰۰٬۰۰۰٬۰۰۰',
        resources: [
          { kind: 'CASH', amountRials: '9007199254740993' },
          { kind: 'IN_KIND', item: 'چراغ خورشیدی', quantity: 20, unit: 'عدد' },
          { kind: 'VOLUNTEER_HOURS', hours: 40 },
        ],
      }),
    ).addPlanTask;
    expect(p.tasks[0]).toMatchObject({
      startOn: '2026-11-22',
      endOn: '2026-12-11',
      budgetRials: '12500000000',
      status: 'PLANNED',
    });
    // Beyond 2^53: the amount comes back digit for digit.
    expect(p.tasks[0]!.resources[0]).toMatchObject({ kind: 'CASH', amountRials: '9007199254740993' });
    p = ok(
      await addTask(admin, plan.id, {
        title: 'نصب',
        startOn: '2026-12-01',
        endOn: '2026-12-30',
        budgetRials: '7500000000',
      }),
    ).addPlanTask;
    const [buy, install] = p.tasks;
    p = ok(await updateTask(admin, buy!.id, { progress: 50 })).updatePlanTask;
    expect(p.tasks[0]).toMatchObject({ progress: 50, status: 'IN_PROGRESS' });
    p = ok(await updateTask(admin, install!.id, { status: 'DONE' })).updatePlanTask;
    expect(p.tasks[1]).toMatchObject({ progress: 100, status: 'DONE' });
    // (50 + 100) / 2
    expect(p.progress).toBe(75);
    expect(p.budgetRials).toBe('20000000000');
    expect(p.taskCounts).toMatchObject({ total: 2, done: 1, inProgress: 1 });
    // Cancelled tasks leave the average.
    p = ok(
      await addTask(admin, plan.id, {
        title: 'رها شد',
        startOn: '2026-12-01',
        endOn: '2026-12-02',
        status: 'CANCELLED',
      }),
    ).addPlanTask;
    expect(p.progress).toBe(75);
    expect(p.taskCounts.total).toBe(2);
  });

  it('refuses dates out of order, progress outside 0-100 and bad amounts, and changes nothing', async () => {
    const plan = await createPlan(admin, [needs[1]!]);
    const task = ok(await addTask(admin, plan.id, { title: 'کار', startOn: '1405/09/01', endOn: '1405/09/10' }))
      .addPlanTask.tasks[0]!;
    const bad = await addTask(admin, plan.id, { title: 'x', startOn: '1405/09/10', endOn: '1405/09/01' });
    expect(fieldReasons(bad)).toEqual(['endOn:DATE_ORDER']);
    // With a lead organisation to look up on the way, still refused whole.
    const led = await addTask(admin, plan.id, {
      title: 'x',
      leadOrganisationId: await organisationId('clinic-amol-1'),
      startOn: '1405/09/10',
      endOn: '1405/09/01',
    });
    expect(fieldReasons(led)).toEqual(['endOn:DATE_ORDER']);
    expect(fieldReasons(await updateTask(admin, task.id, { endOn: '1405/08/01' }))).toEqual(['endOn:DATE_ORDER']);
    expect(fieldReasons(await updateTask(admin, task.id, { progress: 150 }))).toEqual(['progress:OUT_OF_RANGE']);
    expect(fieldReasons(await updateTask(admin, task.id, { progress: -1 }))).toEqual(['progress:OUT_OF_RANGE']);
    expect(fieldReasons(await updateTask(admin, task.id, { status: 'DONE', progress: 40 }))).toEqual([
      'progress:DONE_MEANS_100',
    ]);
    expect(fieldReasons(await updateTask(admin, task.id, { budgetRials: '-5' }))).toEqual([
      'budgetRials:INVALID_AMOUNT',
    ]);
    expect(fieldReasons(await updateTask(admin, task.id, { startOn: '1405/13/01' }))).toEqual(['startOn:INVALID_DATE']);
    expect(
      fieldReasons(
        await updateTask(admin, task.id, {
          resources: [
            { kind: 'CASH', amountRials: '0' },
            { kind: 'IN_KIND', item: 'برنج', quantity: 10 },
          ],
        }),
      ),
    ).toEqual(['resources.0.amountRials:INVALID_AMOUNT', 'resources.1.unit:UNIT_REQUIRED']);
    const now = (await readPlan(plan.id, admin))!;
    expect(now.tasks).toHaveLength(1);
    expect(now.tasks[0]).toMatchObject({
      startOn: '2026-11-22',
      endOn: '2026-12-01',
      progress: 0,
      status: 'PLANNED',
      budgetRials: '0',
      resources: [],
    });
  });

  it('is made only from needs whose ranking is final', async () => {
    let open = await createAssessment(admin, n.id);
    open = await addNeed(admin, open.id, 'باز');
    const r = await gql(
      'mutation($i: CreatePlanInput!) { createActionPlan(input: $i) { id } }',
      { i: { needIds: [open.needs[0]!.id], title: 't', goal: 'g', leadOrganisationId: crypto.randomUUID() } },
      { token: admin },
    );
    expect(fieldReasons(r)).toEqual(['needIds:NOT_RANKED', 'leadOrganisationId:UNKNOWN_ORGANISATION']);
  });

  it('keeps drafts and authors with those who run or supervise; the rest see the plan', async () => {
    const draft = await createPlan(admin, [needs[2]!], { status: 'DRAFT' });
    const active = await createPlan(admin, [needs[2]!]);
    ok(
      await gql(
        'mutation($p: ID!, $i: PlanUpdateInput!) { addPlanUpdate(planId: $p, input: $i) { id } }',
        { p: active.id, i: { on: '1405/09/02', text: 'جلسه با شورایاری' } },
        { token: admin },
      ),
    );
    const future = await gql(
      'mutation($p: ID!, $i: PlanUpdateInput!) { addPlanUpdate(planId: $p, input: $i) { id } }',
      { p: active.id, i: { on: '1499/01/01', text: 'x' } },
      { token: admin },
    );
    expect(fieldReasons(future)).toEqual(['on:IN_THE_FUTURE']);
    const resident = await login(demo.resident);
    expect(await readPlan(draft.id, resident)).toBeNull();
    expect(await readPlan(draft.id, null)).toBeNull();
    const seen = (await readPlan(active.id, resident))!;
    expect(seen.updates.map((u) => [u.text, u.authorName])).toEqual([['جلسه با شورایاری', null]]);
    expect(seen.canManage).toBe(false);
    const supervisor = await login(demo.county_supervisor);
    expect((await readPlan(draft.id, supervisor))!.canManage).toBe(false);
    expect((await readPlan(active.id, supervisor))!.updates[0]!.authorName).not.toBeNull();
    expect(
      errorCode(await addTask(supervisor, active.id, { title: 'x', startOn: '1405/09/01', endOn: '1405/09/02' })),
    ).toBe('FORBIDDEN');
    const staffElsewhere = await login(demo.base_staff);
    expect(
      errorCode(await addTask(staffElsewhere, active.id, { title: 'x', startOn: '1405/09/01', endOn: '1405/09/02' })),
    ).toBe('NOT_FOUND');
  });

  it('exports a plan as CSV with Jalali dates in Persian', async () => {
    const plan = await createPlan(admin, [needs[0]!]);
    ok(
      await addTask(admin, plan.id, {
        title: '=HYPERLINK("x")',
        startOn: '1405/09/01',
        endOn: '1405/09/10',
        budgetRials: '1000',
      }),
    );
    const csv = ok(
      await gql<{ planExport: string }>(
        'query($id: ID!) { planExport(id: $id) }',
        { id: plan.id },
        { headers: { 'accept-language': 'fa' } },
      ),
    ).planExport;
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toContain('شروع');
    expect(lines[1]).toContain('"1405/09/01"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain('"1000"');
  });
});
