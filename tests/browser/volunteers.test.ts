import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser, type BrowserSession } from '../support/browser.js';
import { createTestBase, createTestNeighbourhood, createUser, type TestUser } from '../support/factories.js';
import { gql, ok } from '../support/gql.js';
import { addTask, createPlan, rankedNeeds } from '../support/plans.js';
import {
  catalogue,
  expectNoAxeViolations,
  expectStayedLocal,
  hasHorizontalScroll,
  logIn,
  portalUrl as url,
} from '../support/portal.js';

const fa = catalogue('fa');
const en = catalogue('en');
const fill = (message: string, params: Record<string, string>) =>
  Object.entries(params).reduce((text, [name, value]) => text.replace(`{${name}}`, value), message);
const text = (key: string, params: Record<string, string> = {}) => fill(fa[key]!, params);
const english = (key: string, params: Record<string, string> = {}) => fill(en[key]!, params);

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const persian = (value: string | number) => String(value).replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)]!);
const PHONE_VIEWPORT = { width: 360, height: 740 };

/** A Jalali day some days from today on Tehran time, typed as people type it: ۱۴۰۵/۰۹/۰۳. */
function jalaliDay(offsetDays: number): string {
  const parts = new Intl.DateTimeFormat('en-US-u-ca-persian', {
    timeZone: 'Asia/Tehran',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(Date.now() + offsetDays * 86_400_000);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return persian(`${part('year')}/${part('month')}/${part('day')}`);
}

const PHONE = '۰۹۱۱۲۳۴۵۶۷۸';
const PHONE_LATIN = '09112345678';
const SLOT_TITLE = 'جمعه صبح در زمین بازی';
const TASK_TITLE = 'پاک‌سازی زمین بازی کودکان';

/** One card of SlotList, by the slot's title. */
const publicSlot = (page: Page, title: string) => page.locator(`[data-testid="volunteer-slot"][data-title="${title}"]`);
/** One slot on the staff page, by its title. */
const staffSlot = (page: Page, title: string) =>
  page.locator(`[data-testid="volunteer-staff-slot"][data-title="${title}"]`);
/** A volunteer's sign-up on the staff page, found by the email only staff see. */
const signupOf = (slot: Locator, email: string) => slot.getByTestId('volunteer-signup').filter({ hasText: email });

async function expectPhoneFriendly(page: Page): Promise<void> {
  expect(await hasHorizontalScroll(page), page.url()).toBe(false);
  await expectNoAxeViolations(page);
}

/** Nothing on the page gives away the first volunteer's phone or email. */
async function expectNoContacts(page: Page, email: string): Promise<void> {
  const html = await page.content();
  expect(html).not.toContain(PHONE_LATIN);
  expect(html).not.toContain(PHONE);
  expect(html).not.toContain(email);
  expect(await page.getByTestId('volunteer-phone').count()).toBe(0);
}

describe('volunteer slots, sign-ups and hours', { timeout: 240_000 }, () => {
  let staffBrowser: BrowserSession;
  let phoneBrowser: BrowserSession;
  let staffPage: Page | undefined;
  let phonePage: Page | undefined;
  let n: { id: string; slug: string };
  let staff: TestUser;
  let planId: string;
  let planPath: string;

  beforeAll(async () => {
    n = await createTestNeighbourhood([52.312, 36.392]);
    const base = await createTestBase(n.id);
    staff = await createUser([{ role: 'BASE_STAFF', organisationSlug: base.slug }]);
    const needs = await rankedNeeds(staff.token, n.id, ['زمین بازی ناامن', 'نبود کلاس مهارت'], {
      organisationId: base.id,
    });
    const plan = await createPlan(staff.token, [needs[0]!], {
      title: 'زمین بازی پاکیزه برای کودکان',
      leadOrganisationId: base.id,
    });
    planId = plan.id;
    planPath = `/n/${n.slug}/plans/${planId}/volunteers`;
    ok(
      await addTask(staff.token, planId, {
        title: TASK_TITLE,
        startOn: '1405/01/01',
        endOn: '1499/01/01',
        resources: [{ kind: 'VOLUNTEER_HOURS', hours: 12 }],
      }),
    );
    staffBrowser = await launchBrowser();
    phoneBrowser = await launchBrowser({ viewport: PHONE_VIEWPORT });
  }, 120_000);

  afterAll(async () => {
    await staffBrowser?.close();
    await phoneBrowser?.close();
  });

  afterEach(async () => {
    await staffPage?.close();
    await phonePage?.close();
    await staffBrowser.context.clearCookies();
    await phoneBrowser.context.clearCookies();
    expectStayedLocal(staffBrowser);
    expectStayedLocal(phoneBrowser);
  });

  it('takes a slot from staff to a volunteer on a phone and back: sign-up, confirmation, hours, total; a full slot is refused and contacts stay with staff', async () => {
    const volunteer = await createUser([], ['VOLUNTEER']);
    const second = await createUser([], ['VOLUNTEER']);
    const third = await createUser([], ['VOLUNTEER']);
    const resident = await createUser();

    // Staff add a slot for two people to the task, days typed Jalali with Persian digits.
    staffPage = await staffBrowser.context.newPage();
    await logIn(staffPage, staff.email, staff.password);
    await staffPage.goto(url(planPath));
    const task = staffPage.locator(`[data-testid="volunteer-task"][data-task="${TASK_TITLE}"]`);
    await task.getByText(text('volunteer_task_hours_needed', { hours: '۱۲' })).waitFor();
    const form = task.getByTestId('volunteer-slot-form');
    await form.getByLabel(text('volunteer_slot_field_title'), { exact: true }).fill(SLOT_TITLE);
    await form.getByLabel(text('volunteer_slot_field_people'), { exact: true }).fill('۲');
    await form.getByLabel(text('volunteer_slot_field_hours'), { exact: true }).fill('۴');
    await form.getByLabel(text('volunteer_slot_field_start'), { exact: true }).fill(jalaliDay(-7));
    await form.getByLabel(text('volunteer_slot_field_end'), { exact: true }).fill(jalaliDay(60));
    await form.getByRole('checkbox', { name: text('volunteer_skill_cleaning') }).check();
    await form.getByRole('button', { name: text('volunteer_slot_submit') }).click();
    const slot = staffSlot(staffPage, SLOT_TITLE);
    await slot.waitFor();
    const slotText = await slot.innerText();
    expect(slotText).toContain(text('volunteer_slot_places_left', { left: '۲', needed: '۲' }));
    expect(slotText).toContain(text('volunteer_slot_hours_each', { hours: '۴' }));
    expect(slotText).toContain(text('volunteer_skill_cleaning'));
    expect(slotText).toContain(text('volunteer_staff_no_signups'));
    await expectNoAxeViolations(staffPage);

    // The volunteer, on a phone, saves a profile with a phone number.
    phonePage = await phoneBrowser.context.newPage();
    await logIn(phonePage, volunteer.email, volunteer.password);
    await phonePage.goto(url('/volunteer'));
    await phonePage.locator('main h1').waitFor();
    expect(await phonePage.getByTestId('volunteer-history-empty').innerText()).toBe(text('volunteer_history_none'));
    const profile = phonePage.getByTestId('volunteer-profile-form');
    await profile.getByRole('checkbox', { name: text('volunteer_skill_cleaning') }).check();
    await profile.getByRole('checkbox', { name: text('volunteer_skill_childcare') }).check();
    await profile.getByLabel(text('volunteer_profile_skills_note'), { exact: true }).fill('مربی مهد کودک بوده‌ام');
    await profile.locator(`input[type="checkbox"][value="${n.id}"]`).check();
    await profile.getByLabel(text('volunteer_profile_availability'), { exact: true }).fill('عصرهای روزهای کاری');
    await profile.getByRole('checkbox', { name: text('volunteer_language_mzn') }).check();
    await profile.getByLabel(text('volunteer_profile_phone'), { exact: true }).fill(PHONE);
    expect(await profile.innerText()).toContain(text('volunteer_profile_phone_hint'));
    await profile.getByRole('button', { name: text('volunteer_profile_submit') }).click();
    await profile.getByTestId('form-success').getByText(text('volunteer_profile_saved')).waitFor();
    const saved = ok(
      await gql<{
        myVolunteerProfile: { phone: string; skills: string[]; neighbourhoodIds: string[]; languages: string[] };
      }>('{ myVolunteerProfile { phone skills neighbourhoodIds languages } }', {}, { token: volunteer.token }),
    ).myVolunteerProfile;
    expect({ ...saved, skills: [...saved.skills].sort() }).toEqual({
      phone: PHONE_LATIN,
      skills: ['CHILDCARE', 'CLEANING'],
      neighbourhoodIds: [n.id],
      languages: ['mzn'],
    });
    await expectPhoneFriendly(phonePage);

    // The volunteer signs up on the plan's volunteer page, which shows them SlotList, and waits.
    await phonePage.goto(url(planPath));
    const card = publicSlot(phonePage, SLOT_TITLE);
    await card.getByRole('button', { name: text('volunteer_sign_up_for', { title: SLOT_TITLE }) }).click();
    const mine = card.getByTestId('volunteer-my-signup');
    await card.locator('[data-testid="volunteer-my-signup"][data-status="PENDING"]').waitFor();
    expect(await mine.innerText()).toBe(
      text('volunteer_my_signup', { status: text('volunteer_signup_status_pending') }),
    );
    expect(await card.getByTestId('volunteer-slot-places').innerText()).toBe(
      text('volunteer_slot_places_left', { left: '۱', needed: '۲' }),
    );
    await card.getByRole('button', { name: text('volunteer_cancel_for', { title: SLOT_TITLE }) }).waitFor();
    // A volunteer sees the public list only: no add-slot form, nobody's contacts, not even their own.
    expect(await phonePage.getByTestId('volunteer-slot-form').count()).toBe(0);
    await expectNoContacts(phonePage, volunteer.email);
    await expectPhoneFriendly(phonePage);

    // Staff see who is coming, with phone and email, and confirm.
    await staffPage.reload();
    const signup = signupOf(slot, volunteer.email);
    await signup.waitFor();
    expect(await signup.getAttribute('data-status')).toBe('PENDING');
    expect(await signup.getByTestId('volunteer-phone').innerText()).toBe(PHONE);
    expect(await signup.getByTestId('volunteer-phone').getAttribute('href')).toBe(`tel:${PHONE_LATIN}`);
    expect(await signup.getByTestId('volunteer-email').innerText()).toBe(volunteer.email);
    await expectNoAxeViolations(staffPage);
    await signup.getByRole('button', { name: text('volunteer_confirm_signup_for', { name: 'Test user' }) }).click();
    await slot.locator('[data-testid="volunteer-signup"][data-status="CONFIRMED"]').waitFor();
    expect(await slot.innerText()).toContain(text('volunteer_staff_confirmed', { confirmed: '۱', needed: '۲' }));

    // The volunteer logs three hours of yesterday, with Persian digits.
    await phonePage.goto(url('/volunteer'));
    const history = phonePage.locator('[data-testid="volunteer-history-signup"][data-status="CONFIRMED"]');
    await history.waitFor();
    const log = history.getByTestId('volunteer-log-hours');
    await log.getByLabel(text('volunteer_log_day'), { exact: true }).fill(jalaliDay(-1));
    await log.getByLabel(text('volunteer_log_hours'), { exact: true }).fill('۳');
    await log.getByRole('button', { name: text('volunteer_log_submit') }).click();
    await history.locator('[data-testid="volunteer-hours"][data-status="LOGGED"][data-hours="3"]').waitFor();
    expect(await history.getByTestId('volunteer-hours').innerText()).toContain(text('volunteer_hours_status_logged'));
    // Not yet counted: staff have not confirmed them.
    expect(await phonePage.getByTestId('volunteer-total-hours').getAttribute('data-value')).toBe('0');
    await expectPhoneFriendly(phonePage);

    // Staff confirm the hours.
    await staffPage.reload();
    const hours = signupOf(slot, volunteer.email).locator('[data-testid="volunteer-hours"][data-status="LOGGED"]');
    await hours.waitFor();
    await hours.getByRole('button', { name: text('volunteer_confirm_hours') }).click();
    await signupOf(slot, volunteer.email)
      .locator('[data-testid="volunteer-hours"][data-status="CONFIRMED"][data-hours="3"]')
      .waitFor();
    expect(await signupOf(slot, volunteer.email).innerText()).toContain(
      text('volunteer_confirmed_hours_of', { hours: '۳' }),
    );

    // Three confirmed hours in total on the volunteer's page.
    await phonePage.reload();
    const total = phonePage.getByTestId('volunteer-total-hours');
    await phonePage.locator('[data-testid="volunteer-total-hours"][data-value="3"]').waitFor();
    expect(await total.innerText()).toBe(text('volunteer_total_hours', { hours: '۳' }));
    expect(await history.getByTestId('volunteer-hours').innerText()).toContain(
      text('volunteer_hours_status_confirmed'),
    );
    await expectPhoneFriendly(phonePage);

    // A third person opens the list while one place is left; someone else takes it first.
    await phonePage.close();
    await phoneBrowser.context.clearCookies();
    phonePage = await phoneBrowser.context.newPage();
    await logIn(phonePage, third.email, third.password);
    await phonePage.goto(url(planPath));
    const open = publicSlot(phonePage, SLOT_TITLE);
    const join = open.getByRole('button', { name: text('volunteer_sign_up_for', { title: SLOT_TITLE }) });
    await join.waitFor();
    ok(
      await gql(
        'mutation($s: ID!) { signUpForSlot(slotId: $s) { id } }',
        { s: await open.getAttribute('data-slot') },
        {
          token: second.token,
        },
      ),
    );
    await join.click();
    await open.getByTestId('form-error').getByText(text('volunteer_reason_slot_full')).waitFor();
    // The list now tells the truth: the slot is full and offers no button.
    await open.locator('[data-testid="volunteer-slot-places"][data-left="0"]').waitFor();
    expect(await open.getByTestId('volunteer-slot-places').innerText()).toBe(
      text('volunteer_slot_full', { needed: '۲' }),
    );
    expect(await join.count()).toBe(0);
    expect(await open.getByTestId('volunteer-my-signup').count()).toBe(0);
    await expectNoContacts(phonePage, volunteer.email);
    await expectPhoneFriendly(phonePage);

    // Neither the other volunteer nor a resident sees the first volunteer's phone or email.
    for (const person of [second, resident]) {
      await phonePage.close();
      await phoneBrowser.context.clearCookies();
      phonePage = await phoneBrowser.context.newPage();
      await logIn(phonePage, person.email, person.password);
      await phonePage.goto(url(planPath));
      await publicSlot(phonePage, SLOT_TITLE).waitFor();
      await expectNoContacts(phonePage, volunteer.email);
      expect(await phonePage.getByTestId('volunteer-signup').count()).toBe(0);
    }
    // The other volunteer sees their own place, pending.
    await phonePage.close();
    await phoneBrowser.context.clearCookies();
    phonePage = await phoneBrowser.context.newPage();
    await logIn(phonePage, second.email, second.password);
    await phonePage.goto(url(planPath));
    await publicSlot(phonePage, SLOT_TITLE)
      .locator('[data-testid="volunteer-my-signup"][data-status="PENDING"]')
      .waitFor();
    await expectNoAxeViolations(phonePage);
  });

  it('renders in English: a visitor is sent to sign in and back, a newcomer signs up and cancels', async () => {
    const other = ok(
      await addTask(staff.token, planId, {
        title: 'Painting the community room',
        startOn: '2026-01-01',
        endOn: '2099-12-31',
        resources: [{ kind: 'VOLUNTEER_HOURS', hours: 6 }],
      }),
    ).addPlanTask.tasks.find((t) => t.title === 'Painting the community room')!;
    ok(
      await gql(
        'mutation($t: ID!, $i: TaskSlotInput!) { addTaskSlot(taskId: $t, input: $i) { id } }',
        {
          t: other.id,
          i: {
            title: 'Saturday painting',
            peopleNeeded: 3,
            startsOn: '2026-01-01',
            endsOn: '2099-12-31',
            hoursEach: 2,
            skills: ['CONSTRUCTION'],
          },
        },
        { token: staff.token },
      ),
    );

    // A visitor sees the slots and a way to sign in that comes back here.
    phonePage = await phoneBrowser.context.newPage();
    await phonePage.goto(url(`/en${planPath}`));
    const painting = publicSlot(phonePage, 'Saturday painting');
    await painting.waitFor();
    expect(await painting.innerText()).toContain(english('volunteer_slot_places_left', { left: '3', needed: '3' }));
    expect(await painting.innerText()).toContain(english('volunteer_skill_construction'));
    expect(await painting.getByRole('button').count()).toBe(0);
    const signIn = phonePage.getByRole('link', { name: english('volunteer_sign_in') });
    expect(await signIn.getAttribute('href')).toBe(`/en/login?next=${encodeURIComponent(planPath)}`);
    await expectPhoneFriendly(phonePage);

    // The volunteer page asks a visitor to sign in first.
    await phonePage.goto(url('/en/volunteer'));
    await phonePage.waitForURL(/\/login\?next=/);

    // Staff read their page in English, with days in the Gregorian calendar.
    staffPage = await staffBrowser.context.newPage();
    await logIn(staffPage, staff.email, staff.password);
    await staffPage.goto(url(`/en${planPath}`));
    const slot = staffSlot(staffPage, 'Saturday painting');
    await slot.waitFor();
    expect(await staffPage.locator('main h1').innerText()).toBe(
      english('volunteer_plan_title', { title: 'زمین بازی پاکیزه برای کودکان' }),
    );
    expect(await slot.innerText()).toContain(
      english('volunteer_slot_days', { start: '1 Jan 2026', end: '31 Dec 2099' }),
    );
    expect(await slot.innerText()).toContain(english('volunteer_staff_no_signups'));
    await expectNoAxeViolations(staffPage);
    await staffPage.setViewportSize(PHONE_VIEWPORT);
    expect(await hasHorizontalScroll(staffPage)).toBe(false);

    // A newcomer signs up in English, changes their mind and cancels; the place opens again.
    const newcomer = await createUser([], ['VOLUNTEER']);
    await phonePage.close();
    phonePage = await phoneBrowser.context.newPage();
    await logIn(phonePage, newcomer.email, newcomer.password);
    await phonePage.goto(url(`/en${planPath}`));
    const card = publicSlot(phonePage, 'Saturday painting');
    await card.getByRole('button', { name: english('volunteer_sign_up_for', { title: 'Saturday painting' }) }).click();
    await card.locator('[data-testid="volunteer-my-signup"][data-status="PENDING"]').waitFor();
    expect(await card.getByTestId('volunteer-my-signup').innerText()).toBe(
      english('volunteer_my_signup', { status: english('volunteer_signup_status_pending') }),
    );
    await card.getByRole('button', { name: english('volunteer_cancel_for', { title: 'Saturday painting' }) }).click();
    await card.locator('[data-testid="volunteer-my-signup"][data-status="CANCELLED"]').waitFor();
    await card.getByText(english('volunteer_cancelled', { title: 'Saturday painting' })).waitFor();
    expect(await card.getByTestId('volunteer-slot-places').innerText()).toBe(
      english('volunteer_slot_places_left', { left: '3', needed: '3' }),
    );
    await card
      .getByRole('button', { name: english('volunteer_sign_up_for', { title: 'Saturday painting' }) })
      .waitFor();
    await expectPhoneFriendly(phonePage);

    // Their page in English: the cancelled sign-up, no hours, and the note on who sees the phone.
    await phonePage.goto(url('/en/volunteer'));
    await phonePage.getByRole('heading', { level: 1, name: english('volunteer_page_title') }).waitFor();
    expect(await phonePage.getByTestId('volunteer-total-hours').innerText()).toBe(
      english('volunteer_total_hours', { hours: '0' }),
    );
    expect(await phonePage.getByTestId('volunteer-history-status').innerText()).toBe(
      english('volunteer_history_status', { status: english('volunteer_signup_status_cancelled') }),
    );
    expect(await phonePage.getByTestId('volunteer-profile-form').innerText()).toContain(
      english('volunteer_profile_phone_hint'),
    );
    await expectPhoneFriendly(phonePage);
  });
});
