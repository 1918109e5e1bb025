import { beforeAll, describe, expect, it } from 'vitest';
import { createTestNeighbourhood, createUser, type TestUser } from '../support/factories.js';
import { demo, errorCode, gql, login, ok, fieldReasons } from '../support/gql.js';
import { addTask, createPlan, rankedNeeds } from '../support/plans.js';

const SLOT = `id title peopleNeeded signedUp confirmed full hoursEach
  mySignup { id status confirmedHours hours { id hours status } }
  signups { id volunteerName status contact { email phone } hours { id hours status } }`;

interface Slot {
  id: string;
  signedUp: number;
  confirmed: number;
  full: boolean;
  mySignup: {
    id: string;
    status: string;
    confirmedHours: number;
    hours: { id: string; hours: number; status: string }[];
  } | null;
  signups: {
    id: string;
    volunteerName: string;
    status: string;
    contact: { email: string; phone: string | null } | null;
    hours: { id: string; status: string }[];
  }[];
}

let admin: string;
let n: { id: string };
let planId: string;
let slotId: string;
let volunteers: TestUser[];

const signUp = (token: string, slot = slotId) =>
  gql<{ signUpForSlot: Slot }>(`mutation($s: ID!) { signUpForSlot(slotId: $s) { ${SLOT} } }`, { s: slot }, { token });
const slots = async (token: string | null) =>
  ok(await gql<{ taskSlots: Slot[] }>(`query($p: ID!) { taskSlots(planId: $p) { ${SLOT} } }`, { p: planId }, { token }))
    .taskSlots;

beforeAll(async () => {
  admin = await login(demo.province_admin);
  n = await createTestNeighbourhood([52.382, 36.422]);
  const needs = await rankedNeeds(admin, n.id, ['پاک‌سازی', 'کلاس']);
  planId = (await createPlan(admin, [needs[0]!])).id;
  const task = ok(
    await addTask(admin, planId, {
      title: 'پاک‌سازی زمین بایر',
      startOn: '1405/09/01',
      endOn: '1499/01/01',
      resources: [{ kind: 'VOLUNTEER_HOURS', hours: 12 }],
    }),
  ).addPlanTask.tasks[0]!;
  volunteers = await Promise.all([1, 2, 3].map(() => createUser([], ['VOLUNTEER'])));
  ok(
    await gql(
      'mutation($i: VolunteerProfileInput!) { saveVolunteerProfile(input: $i) { skills } }',
      { i: { skills: ['CLEANING'], neighbourhoodIds: [n.id], languages: ['fa', 'mzn'], phone: '۰۹۱۲۰۰۰۱۱۲۲' } },
      { token: volunteers[0]!.token },
    ),
  );
  slotId = ok(
    await gql<{ addTaskSlot: { id: string } }>(
      'mutation($t: ID!, $i: TaskSlotInput!) { addTaskSlot(taskId: $t, input: $i) { id } }',
      {
        t: task.id,
        i: {
          title: 'جمعه صبح',
          peopleNeeded: 2,
          startsOn: '1405/09/01',
          endsOn: '1499/01/01',
          hoursEach: 4,
          skills: ['CLEANING'],
        },
      },
      { token: admin },
    ),
  ).addTaskSlot.id;
});

describe('volunteer slots', () => {
  it('signs volunteers up until the slot is full, confirms, logs and confirms hours, and counts them', async () => {
    const first = ok(await signUp(volunteers[0]!.token)).signUpForSlot;
    expect(first).toMatchObject({ signedUp: 1, full: false, mySignup: { status: 'PENDING' } });
    expect(fieldReasons(await signUp(volunteers[0]!.token))).toEqual(['slotId:ALREADY_SIGNED_UP']);
    ok(await signUp(volunteers[1]!.token));
    expect(fieldReasons(await signUp(volunteers[2]!.token))).toEqual(['slotId:SLOT_FULL']);
    expect((await slots(admin))[0]).toMatchObject({ signedUp: 2, full: true });

    const signupId = first.mySignup!.id;
    // Hours only on a confirmed sign-up.
    const early = await gql(
      'mutation($s: ID!) { logHours(signupId: $s, day: "1405/09/02", hours: 3) { confirmedHours } }',
      { s: signupId },
      { token: volunteers[0]!.token },
    );
    expect(fieldReasons(early)).toEqual(['signupId:NOT_CONFIRMED']);
    ok(await gql('mutation($s: ID!) { reviewSignup(id: $s, accept: true) { id } }', { s: signupId }, { token: admin }));
    const bad = await gql(
      'mutation($s: ID!) { logHours(signupId: $s, day: "1405/09/02", hours: 25) { confirmedHours } }',
      { s: signupId },
      { token: volunteers[0]!.token },
    );
    expect(fieldReasons(bad)).toEqual(['hours:OUT_OF_RANGE']);
    const before = await gql(
      'mutation($s: ID!) { logHours(signupId: $s, day: "1405/08/20", hours: 2) { confirmedHours } }',
      { s: signupId },
      { token: volunteers[0]!.token },
    );
    expect(fieldReasons(before)).toEqual(['day:OUTSIDE_SLOT_DAYS']);
    ok(
      await gql(
        'mutation($s: ID!) { logHours(signupId: $s, day: "1405/09/02", hours: 3) { confirmedHours } }',
        { s: signupId },
        { token: volunteers[0]!.token },
      ),
    );
    const logged = (await slots(admin))[0]!.signups.find((s) => s.id === signupId)!.hours[0]!;
    ok(await gql('mutation($h: ID!) { reviewHours(id: $h, accept: true) { id } }', { h: logged.id }, { token: admin }));
    const history = ok(
      await gql<{ myVolunteerHistory: { confirmedHours: number; signups: { status: string }[] } }>(
        '{ myVolunteerHistory { confirmedHours signups { status } } }',
        {},
        { token: volunteers[0]!.token },
      ),
    ).myVolunteerHistory;
    expect(history).toMatchObject({ confirmedHours: 3, signups: [{ status: 'CONFIRMED' }] });
    const support = ok(
      await gql<{ planSupport: { resources: { kind: string; needed: string; pledged: string; received: string }[] } }>(
        'query($p: ID!) { planSupport(planId: $p) { resources { kind needed pledged received } } }',
        { p: planId },
      ),
    ).planSupport.resources.find((r) => r.kind === 'VOLUNTEER_HOURS')!;
    // Two people signed up for 4 hours each; 3 hours confirmed so far.
    expect(support).toMatchObject({ needed: '12', pledged: '8', received: '3' });
    // A cancelled place opens the slot again.
    const second = (await slots(volunteers[1]!.token))[0]!.mySignup!;
    ok(
      await gql('mutation($s: ID!) { cancelSignup(id: $s) { id } }', { s: second.id }, { token: volunteers[1]!.token }),
    );
    const third = ok(await signUp(volunteers[2]!.token)).signUpForSlot;
    expect(third).toMatchObject({ signedUp: 2, full: true });
    // Declined stays declined for that slot, even when a place opens.
    ok(
      await gql(
        'mutation($s: ID!) { reviewSignup(id: $s, accept: false) { id } }',
        { s: third.mySignup!.id },
        { token: admin },
      ),
    );
    expect(fieldReasons(await signUp(volunteers[2]!.token))).toEqual(['slotId:SIGNUP_DECLINED']);
  });

  it('shows who is coming and their contacts to staff only', async () => {
    const asAdmin = (await slots(admin))[0]!;
    expect(asAdmin.signups.find((s) => s.contact?.email === volunteers[0]!.email)!.contact!.phone).toBe('09120001122');
    for (const token of [
      volunteers[2]!.token,
      (await createUser()).token,
      (await createUser([], ['DONOR'])).token,
      null,
    ]) {
      const seen = (await slots(token))[0]!;
      expect(seen.signups).toEqual([]);
      expect(JSON.stringify(seen)).not.toContain(volunteers[0]!.email);
    }
    const supervisor = (await slots(await login(demo.county_supervisor)))[0]!;
    expect(supervisor.signups).toEqual([]);
    expect(
      errorCode(
        await gql(
          'mutation($s: ID!) { reviewSignup(id: $s, accept: true) { id } }',
          { s: asAdmin.signups[0]!.id },
          { token: await login(demo.base_staff) },
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('refuses slots with bad numbers or dates, storing nothing', async () => {
    const task = (await slots(admin))[0]!;
    const r = await gql(
      'mutation($t: ID!, $i: TaskSlotInput!) { addTaskSlot(taskId: $t, input: $i) { id } }',
      {
        t: (
          await gql<{ actionPlan: { tasks: { id: string }[] } }>(
            'query($p: ID!) { actionPlan(id: $p) { tasks { id } } }',
            { p: planId },
            { token: admin },
          )
        ).body.data!.actionPlan.tasks[0]!.id,
        i: { title: 'x', peopleNeeded: 0, startsOn: '1405/09/10', endsOn: '1405/09/01', hoursEach: 2 },
      },
      { token: admin },
    );
    expect(fieldReasons(r)).toEqual(['endsOn:DATE_ORDER', 'peopleNeeded:OUT_OF_RANGE']);
    expect((await slots(admin)).length).toBe(1);
    expect(task.id).toBe(slotId);
  });
});
