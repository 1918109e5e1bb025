import { beforeAll, describe, expect, it } from 'vitest';
import { addNeed, createAssessment } from '../support/assessments.js';
import { createTestNeighbourhood } from '../support/factories.js';
import { demo, errorCode, gql, login, ok } from '../support/gql.js';
import { addTask, createPlan, rankedNeeds, updateTask } from '../support/plans.js';

const PILOTS = `{ pilotDashboard { neighbourhood { id slug } county { slug } assessments closedAssessments needs plans
  activePlans tasksTotal tasksDone tasksOverdue progress budgetRials pledgedRials receivedRials lastUpdateOn } }`;
const NEIGHBOURHOOD = `query($n: ID!) { neighbourhoodDashboard(neighbourhoodId: $n) {
  summary { needs plans tasksTotal tasksDone progress }
  latestAssessment { id status ranking { rank need { title } } }
  plans { id progress tasks { id title status } needs { rank } } } }`;

interface Row {
  neighbourhood: { id: string; slug: string };
  county: { slug: string };
  assessments: number;
  closedAssessments: number;
  needs: number;
  plans: number;
  activePlans: number;
  tasksTotal: number;
  tasksDone: number;
  tasksOverdue: number;
  progress: number;
  budgetRials: string;
  pledgedRials: string;
  receivedRials: string;
  lastUpdateOn: string | null;
}

/** Runs a query and returns its data with the SQL statement count the server reported. */
async function measured<T>(query: string, variables: Record<string, unknown>, token: string | null) {
  const r = await gql<T>(query, variables, { token });
  const statements = (r.body as { extensions?: { sqlStatements?: number } }).extensions?.sqlStatements;
  expect(statements, 'the test server counts statements').toBeTypeOf('number');
  return { data: ok(r), statements: statements! };
}

let admin: string;
let n: { id: string; slug: string };

beforeAll(async () => {
  admin = await login(demo.province_admin);
  n = await createTestNeighbourhood([52.352, 36.441]);
});

/** Adds `assessments` closed assessments of `needs` needs each, with `plans` plans of `tasks` tasks each. */
async function grow(assessments: number, needsEach: number, plans: number, tasks: number) {
  const ranked: string[] = [];
  for (let i = 0; i < assessments; i++) {
    ranked.push(
      ...(await rankedNeeds(
        admin,
        n.id,
        Array.from({ length: Math.min(needsEach, 5) }, (_, k) => `نیاز ${i}-${k}`),
      )),
    );
    if (needsEach > 5) {
      // Extra needs in a draft assessment still count as accepted needs.
      let extra = await createAssessment(admin, n.id);
      for (let k = 5; k < needsEach; k++) extra = await addNeed(admin, extra.id, `نیاز اضافه ${i}-${k}`);
    }
  }
  for (let p = 0; p < plans; p++) {
    const plan = await createPlan(admin, [ranked[p % ranked.length]!]);
    for (let t = 0; t < tasks; t++) {
      const view = ok(
        await addTask(admin, plan.id, {
          title: `کار ${t}`,
          startOn: '1405/01/01',
          endOn: t % 2 ? '1405/02/01' : '1499/01/01',
          budgetRials: '1000000',
        }),
      ).addPlanTask;
      if (t % 3 === 0) ok(await updateTask(admin, view.tasks[t]!.id, { status: 'DONE' }));
    }
  }
}

describe('dashboards', () => {
  it('the cross-pilot dashboard and the neighbourhood page take the same number of SQL statements at two data sizes', async () => {
    await grow(1, 2, 1, 2);
    const smallPilots = await measured<{ pilotDashboard: Row[] }>(PILOTS, {}, admin);
    const smallPage = await measured(NEIGHBOURHOOD, { n: n.id }, admin);
    const small = smallPilots.data.pilotDashboard.find((r) => r.neighbourhood.id === n.id)!;
    expect(small).toMatchObject({ assessments: 1, needs: 2, plans: 1, tasksTotal: 2, tasksDone: 1 });

    await grow(3, 8, 6, 9);
    const largePilots = await measured<{ pilotDashboard: Row[] }>(PILOTS, {}, admin);
    const largePage = await measured(NEIGHBOURHOOD, { n: n.id }, admin);
    const large = largePilots.data.pilotDashboard.find((r) => r.neighbourhood.id === n.id)!;
    // 1 + 3 closed assessments, plus 3 draft ones holding the extra needs; 2 + 3*8 needs;
    // tasks: 2 + 6*9 = 56; done: 1 + 6*3 (t = 0, 3, 6); overdue: odd t ending 1405/02/01 and not
    // done (t = 1, 5, 7) => 6*3 = 18, plus 1 from the small set.
    expect(large).toMatchObject({
      assessments: 7,
      closedAssessments: 4,
      needs: 26,
      plans: 7,
      activePlans: 7,
      tasksTotal: 56,
      tasksDone: 19,
      tasksOverdue: 18 + 1,
      budgetRials: String(56 * 1_000_000),
      pledgedRials: '0',
      receivedRials: '0',
    });
    console.log(
      `[dashboards] SQL statements: pilotDashboard ${smallPilots.statements} -> ${largePilots.statements}; neighbourhoodDashboard ${smallPage.statements} -> ${largePage.statements}`,
    );
    expect(largePilots.statements).toBe(smallPilots.statements);
    expect(largePage.statements).toBe(smallPage.statements);
  });

  it('compares only the pilots a viewer oversees, and refuses everyone else', async () => {
    const supervisor = ok(
      await gql<{ pilotDashboard: Row[] }>(PILOTS, {}, { token: await login(demo.county_supervisor) }),
    ).pilotDashboard;
    expect(new Set(supervisor.map((r) => r.county.slug))).toEqual(new Set(['amol']));
    const staff = ok(
      await gql<{ pilotDashboard: Row[] }>(PILOTS, {}, { token: await login(demo.base_staff) }),
    ).pilotDashboard;
    expect(staff.map((r) => r.neighbourhood.slug)).toEqual(['ommat-abad']);
    const all = ok(await gql<{ pilotDashboard: Row[] }>(PILOTS, {}, { token: admin })).pilotDashboard;
    expect(all.map((r) => r.neighbourhood.slug)).toEqual(
      expect.arrayContaining(['ommat-abad', 'abbas-abad', 'izadshahr']),
    );
    expect(errorCode(await gql(PILOTS, {}, { token: await login(demo.resident) }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(PILOTS, {}))).toBe('UNAUTHENTICATED');
  });

  it('shows the demo pilot: a scored assessment of Ommat-Abad ranked by hand, and a plan from its top need', async () => {
    const ommat = ok(
      await gql<{ neighbourhood: { id: string } }>('{ neighbourhood(slug: "ommat-abad") { id } }'),
    ).neighbourhood;
    const page = ok(
      await gql<{
        neighbourhoodDashboard: {
          latestAssessment: {
            id: string;
            status: string;
            ranking: { rank: number; score: number; need: { title: string } }[];
          } | null;
          plans: { id: string; progress: number; needs: { rank: number | null }[] }[];
        };
      }>(
        NEIGHBOURHOOD.replace(
          'latestAssessment { id status ranking { rank need { title } } }',
          'latestAssessment { id status ranking { rank score need { title } } }',
        ),
        { n: ommat.id },
      ),
    ).neighbourhoodDashboard;
    const seeded = ok(
      await gql<{ needsAssessment: { ranking: { rank: number; score: number; need: { title: string } }[] } }>(
        'query($id: ID!) { needsAssessment(id: $id) { ranking { rank score need { title } } } }',
        { id: '5f0c2a61-8d3e-4b7a-9c11-2e6f4d8a0b01' },
      ),
    ).needsAssessment;
    // Weights 3, 2, 2, 1 (sum 8): 34/8, 32/8, 29/8, 26/8, 23/8.
    expect(seeded.ranking.map((r) => [r.rank, r.score])).toEqual([
      [1, 4.25],
      [2, 4],
      [3, 3.63],
      [4, 3.25],
      [5, 2.88],
    ]);
    expect(seeded.ranking[0]!.need.title).toBe('کوچه‌های بی‌چراغ و خرابه‌های ناامن');
    const plan = page.plans.find((p) => p.id === '5f0c2a61-8d3e-4b7a-9c11-2e6f4d8a2001')!;
    // Tasks at 100, 40 and 0 percent.
    expect(plan.progress).toBe(47);
    expect(plan.needs).toEqual([{ rank: 1 }]);
    // The demo donor's pledges and the demo volunteer's hours on the lights task.
    const support = ok(
      await gql<{ planSupport: { resources: { kind: string; needed: string; pledged: string; received: string }[] } }>(
        'query($p: ID!) { planSupport(planId: $p) { resources { kind needed pledged received } } }',
        { p: plan.id },
      ),
    ).planSupport.resources;
    expect(support.find((r) => r.kind === 'CASH')).toMatchObject({
      needed: '180000000',
      pledged: '120000000',
      received: '50000000',
    });
    expect(support.find((r) => r.kind === 'IN_KIND')).toMatchObject({ needed: '20', pledged: '10', received: '0' });
    expect(support.filter((r) => r.kind === 'VOLUNTEER_HOURS').map((r) => [r.pledged, r.received])).toContainEqual([
      '4',
      '3',
    ]);
  });
});
