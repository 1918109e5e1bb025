import { readFileSync } from 'node:fs';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser, type BrowserSession } from '../support/browser.js';
import { createTestBase, createTestNeighbourhood, createUser, type TestUser } from '../support/factories.js';
import { createFeature, point } from '../support/mapping.js';
import { DEMO_PASSWORD, demo, ok } from '../support/gql.js';
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
const text = (key: string, params: Record<string, string> = {}, messages = fa) =>
  Object.entries(params).reduce((message, [name, value]) => message.replace(`{${name}}`, value), messages[key]!);

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const toPersianDigits = (value: string | number) =>
  String(value).replace(/[0-9]/g, (digit) => PERSIAN_DIGITS[Number(digit)]!);

const PHONE = { width: 360, height: 740 };
const CENTRE: [number, number] = [52.31, 36.495];

/** The shared screen's bars, top first, as "title:dots". */
function bars(page: Page): Promise<string[]> {
  return page
    .getByTestId('ranking-bar')
    .evaluateAll((items) => items.map((item) => `${item.getAttribute('data-need')}:${item.getAttribute('data-dots')}`));
}

/** The first cell (rank) of each row of the ranking table. */
function rankCells(page: Page): Promise<string[]> {
  return page
    .getByTestId('ranking-row')
    .evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent?.trim() ?? ''));
}

describe('needs assessment with dot voting', { timeout: 300_000 }, () => {
  let slug: string;
  let facilitator: TestUser;
  let participants: TestUser[];
  let desk: BrowserSession;
  let board: BrowserSession;
  let phones: BrowserSession[];
  const sessions = () => [desk, board, ...phones];

  const run = Math.random().toString(36).slice(2, 7);
  const features = {
    drugs: `پارک کنار رودخانه ${run}`,
    alley: `کوچهٔ تاریک پشت بازار ${run}`,
    children: `چهارراه اصلی ${run}`,
    school: `دبستان شهید رجایی ${run}`,
    workshops: `کارگاه‌های نجاری ${run}`,
  };
  // Titles in the order they are raised (their position), each with the map feature it is linked to.
  const needs = [
    { title: 'آموزش مهارت‌های زندگی به نوجوانان', category: 'LIFE_SKILLS', feature: features.school },
    { title: 'مصرف مواد در پارک', category: 'ADDICTION', feature: features.drugs },
    { title: 'کوچه‌های تاریک و ناامن', category: 'UNSAFE_SPACES', feature: features.alley },
    { title: 'کودکان کار سر چهارراه', category: 'STREET_WORKING_CHILDREN', feature: features.children },
    { title: 'بیکاری جوانان', category: 'LIVELIHOOD', feature: features.workshops },
  ];
  const [n1, n2, n3, n4, n5] = needs.map((need) => need.title) as [string, string, string, string, string];

  beforeAll(async () => {
    const neighbourhood = await createTestNeighbourhood(CENTRE);
    slug = neighbourhood.slug;
    const { slug: base } = await createTestBase(neighbourhood.id);
    [facilitator, ...participants] = await Promise.all([
      createUser([{ role: 'BASE_STAFF', organisationSlug: base }]),
      createUser(),
      createUser(),
      createUser(),
    ]);
    const [x, y] = CENTRE;
    const mapped: [string, string, number][] = [
      ['drug-spot', features.drugs, 0.001],
      ['unsafe-place', features.alley, 0.0015],
      ['street-children', features.children, -0.001],
      ['school', features.school, -0.0015],
      ['shops-workshops', features.workshops, 0.002],
    ];
    for (const [category, title, dx] of mapped) {
      const harm = !['school', 'shops-workshops'].includes(category);
      ok(
        await createFeature(
          {
            neighbourhoodId: neighbourhood.id,
            category,
            title,
            geometry: point(x + dx, y + dx / 2),
            severity: harm ? 3 : null,
          },
          facilitator.token,
        ),
      );
    }
    [desk, board, ...phones] = await Promise.all([
      launchBrowser(),
      launchBrowser(),
      launchBrowser({ viewport: PHONE }),
      launchBrowser({ viewport: PHONE }),
      launchBrowser({ viewport: PHONE }),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(sessions().map((session) => session?.close()));
  });

  it('runs a dot vote (create, link needs to the map, vote by code on phones, watch it live, close), then plans from the top need, and the province dashboard shows the plan', async () => {
    // The facilitator creates the assessment in Persian, with a Jalali day typed in Persian digits.
    const workspace = await desk.context.newPage();
    await logIn(workspace, facilitator.email, facilitator.password);
    await workspace.goto(url(`/n/${slug}/assessments`));
    await workspace.getByText(fa.assess_list_none!).waitFor();
    await expectNoAxeViolations(workspace);
    await workspace.getByRole('button', { name: fa.assess_create_open }).click();
    const title = `نیازسنجی محله ${run}`;
    await workspace.getByLabel(fa.assess_field_title!, { exact: true }).fill(title);
    const organisation = workspace.getByLabel(fa.assess_field_organisation!);
    expect(await organisation.locator('option:checked').innerText()).toBe('پایگاه سلامت اجتماعی آزمایشی');
    await workspace.getByLabel(fa.assess_field_held_from!).fill('۱۴۰۵/۰۸/۲۰');
    await workspace.getByTestId('assessment-create').getByText('۲۰ آبان ۱۴۰۵').waitFor();
    await workspace.getByLabel(fa.assess_method_dots!).check();
    await workspace.getByLabel(fa.assess_field_dots!).fill('۳');
    await expectNoAxeViolations(workspace);
    await Promise.all([
      workspace.waitForURL(new RegExp(`/n/${slug}/assessments/[0-9a-f-]{36}$`)),
      workspace.getByRole('button', { name: fa.assess_create_submit }).click(),
    ]);
    const id = workspace.url().split('/').pop()!;
    expect(await workspace.locator('html').getAttribute('dir')).toBe('rtl');
    await workspace.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await workspace.getByTestId('assessment-dates').innerText()).toContain('۲۰ آبان ۱۴۰۵');
    expect(await workspace.getByTestId('assessment-status').innerText()).toBe(fa.assess_status_draft);

    // Five needs, each linked to a harm or a strength drawn on the map.
    for (const need of needs) {
      const form = workspace.getByTestId('need-form');
      await form.getByLabel(fa.assess_need_category!, { exact: true }).selectOption(need.category);
      await form.getByLabel(fa.assess_need_title!, { exact: true }).fill(need.title);
      await form.getByLabel(fa.assess_need_description!, { exact: true }).fill(`${need.title}؛ گزارش مطلعان محلی`);
      await form.getByLabel(fa.assess_need_evidence!, { exact: true }).fill('دیدار میدانی آبان ۱۴۰۵');
      await form.getByRole('checkbox', { name: need.feature }).check();
      await form.getByRole('button', { name: fa.assess_need_add }).click();
      await workspace.getByTestId('needs-accepted').getByRole('heading', { name: need.title }).waitFor();
    }
    const accepted = workspace.getByTestId('needs-accepted').getByTestId('need-item');
    expect(await accepted.count()).toBe(5);
    expect(await accepted.nth(1).getByTestId('need-links').innerText()).toContain(
      text('assess_link_harm', { title: features.drugs, category: 'محل مصرف یا فروش مواد' }),
    );
    expect(await accepted.nth(0).getByTestId('need-links').innerText()).toContain(
      text('assess_link_strength', { title: features.school, category: 'مدرسه' }),
    );
    await expectNoAxeViolations(workspace);

    await workspace.getByRole('button', { name: fa.assess_open_voting }).click();
    await workspace.getByTestId('assessment-status').getByText(fa.assess_status_voting!).waitFor();
    const code = (await workspace.getByTestId('assessment-code').getAttribute('data-code'))!;
    expect(code).toMatch(/^\d{6}$/);
    expect(await workspace.getByTestId('assessment-code').innerText()).toBe(toPersianDigits(code));

    // The meeting's projector: the same facilitator, another browser, following live.
    const screen = await board.context.newPage();
    await logIn(screen, facilitator.email, facilitator.password);
    await screen.goto(url(`/n/${slug}/assessments/${id}/screen`));
    await screen.locator('[data-testid="assessment-live"][data-state="live"]').waitFor();
    expect(await screen.getByTestId('assessment-code').getAttribute('data-code')).toBe(code);
    expect(await screen.getByTestId('screen-voters').innerText()).toBe('۰');
    expect(await bars(screen)).toEqual([`${n1}:0`, `${n2}:0`, `${n3}:0`, `${n4}:0`, `${n5}:0`]);
    await expectNoAxeViolations(screen);

    // Three residents join on their phones with the code typed in Persian digits. The first is
    // signed out and comes back to the join page after logging in.
    const ballots: Page[] = [];
    for (const [index, phone] of phones.entries()) {
      const participant = participants[index]!;
      const page = await phone.context.newPage();
      if (index === 0) {
        await page.goto(url('/vote'));
        expect(page.url()).toBe(url(`/login?next=${encodeURIComponent('/vote')}`));
        await page.getByLabel(fa.field_email!).fill(participant.email);
        await page.getByLabel(fa.field_password!, { exact: true }).fill(participant.password);
        await Promise.all([page.waitForURL(url('/vote')), page.locator('form button[type=submit]').click()]);
        await expectNoAxeViolations(page);
        expect(await hasHorizontalScroll(page)).toBe(false);
      } else {
        await logIn(page, participant.email, participant.password);
        await page.goto(url('/vote'));
      }
      await page.getByLabel(fa.assess_join_code!).fill(toPersianDigits(code));
      await Promise.all([
        page.waitForURL(url(`/n/${slug}/assessments/${id}/vote`)),
        page.getByRole('button', { name: fa.assess_join_submit }).click(),
      ]);
      await page.getByTestId('ballot').waitFor();
      ballots.push(page);
    }
    await screen.getByTestId('screen-members').getByText('۳').waitFor();

    // Second ballots opened before voting, to send again later (a double submit from another tab).
    const again: Page[] = [];
    for (const phone of phones.slice(0, 2)) {
      const page = await phone.context.newPage();
      await page.goto(url(`/n/${slug}/assessments/${id}/vote`));
      await page.getByTestId('ballot').waitFor();
      again.push(page);
    }

    const place = async (page: Page, dots: [string, number][]) => {
      for (const [need, count] of dots) {
        for (let i = 0; i < count; i++) {
          await page.getByRole('button', { name: text('assess_dot_add_label', { title: need }) }).click();
        }
      }
    };

    const [first, second, third] = ballots as [Page, Page, Page];
    expect(await first.getByTestId('dots-left').innerText()).toBe(text('assess_dots_left', { count: '۳' }));
    await expectNoAxeViolations(first);
    expect(await hasHorizontalScroll(first)).toBe(false);
    await place(first, [
      [n2, 2],
      [n4, 1],
    ]);
    expect(await first.getByTestId('dots-left').innerText()).toBe(text('assess_dots_left', { count: '۰' }));
    expect(await first.getByRole('button', { name: text('assess_dot_add_label', { title: n1 }) }).isDisabled()).toBe(
      true,
    );
    await first.getByRole('button', { name: fa.assess_cast_submit }).click();
    const thanks = first.getByTestId('vote-thanks');
    await thanks.getByRole('heading', { name: fa.assess_vote_thanks }).waitFor();
    expect(await thanks.innerText()).toContain(text('assess_vote_dot_line', { title: n2, count: '۲' }));
    expect(await thanks.innerText()).toContain(text('assess_vote_dot_line', { title: n4, count: '۱' }));
    await expectNoAxeViolations(first);

    // Dots: n2 2 (1 voter), n4 1; the rest tie at nothing, in the order they were raised.
    await expect.poll(() => bars(screen)).toEqual([`${n2}:2`, `${n4}:1`, `${n1}:0`, `${n3}:0`, `${n5}:0`]);
    expect(await screen.getByTestId('screen-voters').innerText()).toBe('۱');

    await place(second, [
      [n4, 2],
      [n1, 1],
    ]);
    await second.getByRole('button', { name: fa.assess_cast_submit }).click();
    await second.getByTestId('vote-thanks').waitFor();
    // n4 3 (2 voters), n2 2, n1 1, then n3 and n5 tied at nothing.
    await expect.poll(() => bars(screen)).toEqual([`${n4}:3`, `${n2}:2`, `${n1}:1`, `${n3}:0`, `${n5}:0`]);

    await place(third, [
      [n2, 1],
      [n5, 1],
      [n1, 1],
    ]);
    await third.getByRole('button', { name: fa.assess_cast_submit }).click();
    await third.getByTestId('vote-thanks').waitFor();
    // n2 and n4 tie at 3 dots from 2 voters each: equal rank, the earlier-raised n2 first.
    await expect.poll(() => bars(screen)).toEqual([`${n2}:3`, `${n4}:3`, `${n1}:2`, `${n5}:1`, `${n3}:0`]);
    expect(await screen.getByTestId('screen-voters').innerText()).toBe('۳');
    const tied = text('assess_rank_tied', { rank: '۱' });
    expect(await rankCells(screen)).toEqual([tied, tied, '۳', '۴', '۵']);
    await expectNoAxeViolations(screen);

    // The same participant again, from the tab opened before voting: refused, once is once.
    const [repeat, late] = again as [Page, Page];
    await place(repeat, [[n3, 3]]);
    await repeat.getByRole('button', { name: fa.assess_cast_submit }).click();
    await repeat.getByTestId('form-error').getByText(fa.error_already_voted!).waitFor();
    await repeat.getByTestId('vote-thanks').waitFor();
    expect(await repeat.getByTestId('vote-thanks').innerText()).toContain(
      text('assess_vote_dot_line', { title: n2, count: '۲' }),
    );
    await expect.poll(() => bars(screen)).toEqual([`${n2}:3`, `${n4}:3`, `${n1}:2`, `${n5}:1`, `${n3}:0`]);

    // The CSV export, in the interface's language.
    const [download] = await Promise.all([
      workspace.waitForEvent('download'),
      workspace.getByRole('button', { name: fa.assess_export_csv }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`assessment-${id}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('رتبه');
    expect(csv).toContain(n2);

    // Closing asks first, then freezes the ranking; the projector follows.
    await workspace.getByRole('button', { name: fa.assess_close_voting }).click();
    await workspace.getByText(fa.assess_close_confirm_text!).waitFor();
    await workspace.getByRole('button', { name: fa.assess_close_confirm }).click();
    await workspace.getByTestId('assessment-status').getByText(fa.assess_status_closed!).waitFor();
    await screen.getByTestId('screen-status').getByText(fa.assess_status_closed!).waitFor();
    await screen.getByText(fa.assess_screen_closed!).waitFor();

    // A ballot still open on a phone is refused once voting has closed.
    await place(late, [[n3, 1]]);
    await late.getByRole('button', { name: fa.assess_cast_submit }).click();
    await late.getByTestId('form-error').getByText(fa.error_voting_closed!).waitFor();

    // The result: action-plan links beside each ranked need, the top one first.
    const planLink = workspace.getByTestId('top-need').getByRole('link', { name: fa.assess_plan_from_top });
    const top = await planLink.getAttribute('href');
    expect(top).toMatch(new RegExp(`^/n/${slug}/plans/new\\?need=[0-9a-f-]{36}$`));
    const perNeed = workspace.getByRole('link', { name: text('assess_plan_from_need_label', { title: n2 }) });
    expect(await perNeed.getAttribute('href')).toBe(top);
    expect(await rankCells(workspace)).toEqual([tied, tied, '۳', '۴', '۵']);
    await expectNoAxeViolations(workspace);

    // Closed, the ranking is public: a resident's phone reads it without sideways scrolling, and
    // prints it; the English interface renders it left to right with Gregorian dates.
    const reader = await phones[2]!.context.newPage();
    await reader.goto(url(`/n/${slug}/assessments/${id}`));
    await reader.getByRole('heading', { name: fa.assess_ranking_final }).waitFor();
    expect(await rankCells(reader)).toEqual([tied, tied, '۳', '۴', '۵']);
    expect(await hasHorizontalScroll(reader)).toBe(false);
    await expectNoAxeViolations(reader);

    await reader.goto(url(`/n/${slug}/assessments/${id}/print`));
    await reader.getByTestId('assessment-print').waitFor();
    expect(await reader.getByTestId('assessment-dates').innerText()).toContain('۲۰ آبان ۱۴۰۵');
    expect(await rankCells(reader)).toEqual([tied, tied, '۳', '۴', '۵']);
    expect(await hasHorizontalScroll(reader)).toBe(false);
    await expectNoAxeViolations(reader);

    await reader.goto(url(`/en/n/${slug}/assessments/${id}`));
    expect(await reader.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await reader.locator('html').getAttribute('lang')).toBe('en');
    await reader.getByRole('heading', { name: en.assess_ranking_final }).waitFor();
    expect(await reader.getByTestId('assessment-dates').innerText()).toContain('11 Nov 2026');
    expect(await reader.getByTestId('assessment-status').innerText()).toBe(en.assess_status_closed);
    expect(await rankCells(reader)).toEqual(['1=', '1=', '3', '4', '5']);
    expect(await hasHorizontalScroll(reader)).toBe(false);
    await expectNoAxeViolations(reader);

    await reader.goto(url('/en/vote'));
    await reader.getByRole('heading', { name: en.assess_join_title }).waitFor();
    await expectNoAxeViolations(reader);

    // From the top need to a plan: the facilitator follows the link, adds tasks, marks progress.
    await Promise.all([workspace.waitForURL(new RegExp(`/n/${slug}/plans/new\\?need=`)), planLink.click()]);
    await workspace.getByTestId('plan-chosen-needs').getByText(n2).waitFor();
    await workspace.getByLabel(fa.plan_field_goal!, { exact: true }).fill('کاهش مصرف مواد در پارک با حضور خانواده‌ها');
    await Promise.all([
      workspace.waitForURL(new RegExp(`/n/${slug}/plans/[0-9a-f-]{36}$`)),
      workspace.getByRole('button', { name: fa.plan_create_submit }).click(),
    ]);
    const plan = workspace.url().split('/').pop()!;
    const taskForm = workspace.getByTestId('plan-task-form');
    for (const [task, start, end] of [
      ['برنامهٔ ورزشی عصرها در پارک', '۱۴۰۵/۰۹/۰۱', '۱۴۰۵/۰۹/۳۰'],
      ['جلسهٔ آگاهی‌بخشی با خانواده‌ها', '۱۴۰۵/۰۹/۱۰', '۱۴۰۵/۰۹/۱۵'],
    ] as const) {
      await taskForm.getByLabel(fa.plan_task_field_title!, { exact: true }).fill(task);
      await taskForm.getByLabel(fa.plan_task_field_start!, { exact: true }).fill(start);
      await taskForm.getByLabel(fa.plan_task_field_end!, { exact: true }).fill(end);
      await workspace.getByRole('button', { name: fa.plan_task_add_submit }).click();
      await workspace.locator(`[data-testid="plan-task"][data-task="${task}"]`).waitFor();
    }
    const sport = workspace.locator('[data-testid="plan-task-edit"][data-task="برنامهٔ ورزشی عصرها در پارک"]');
    await sport.getByLabel(fa.plan_task_field_progress!).fill('۶۰');
    await sport.getByRole('button', { name: fa.plan_task_save }).click();
    // (60 + 0) / 2 tasks: derived by the API, never typed.
    await workspace.locator('[data-testid="plan-progress"][data-value="30"]').waitFor();
    await expectNoAxeViolations(workspace);

    // The province office's cross-pilot dashboard shows this pilot's plan and its progress.
    const office = await board.context.newPage();
    await board.context.clearCookies();
    await logIn(office, demo.province_admin, DEMO_PASSWORD);
    await office.goto(url('/dashboard'));
    const row = office.locator(`[data-testid="dash-pilot"][data-slug="${slug}"]`);
    expect(await row.getByTestId('dash-tasks').getAttribute('data-total')).toBe('2');
    expect(await row.getByTestId('dash-tasks').getAttribute('data-done')).toBe('0');
    expect(await row.getByTestId('dash-progress').getAttribute('data-value')).toBe('30');
    await expectNoAxeViolations(office);
    expect(plan).toMatch(/^[0-9a-f-]{36}$/);

    for (const session of sessions()) expectStayedLocal(session);
  });

  it('runs a scoring matrix: typed weights, a proposal from a phone, scores, participants', async () => {
    const workspace = await desk.context.newPage();
    await logIn(workspace, facilitator.email, facilitator.password);
    await workspace.goto(url(`/n/${slug}/assessments`));
    await workspace.getByRole('button', { name: fa.assess_create_open }).click();
    const title = `ماتریس اولویت‌ها ${run}`;
    await workspace.getByLabel(fa.assess_field_title!, { exact: true }).fill(title);
    await workspace.getByLabel(fa.assess_field_held_from!).fill('1405/08/21');
    await workspace.getByLabel(fa.assess_method_matrix!).check();
    // The severity weight, typed wrong and then with the Persian decimal separator.
    const severity = workspace.getByRole('textbox', { name: fa.assess_criterion_weight, exact: true }).first();
    await severity.fill('سه');
    await workspace.getByRole('button', { name: fa.assess_create_submit }).click();
    await workspace.getByTestId('form-error').getByText(fa.reason_invalid_weight!).waitFor();
    await expectNoAxeViolations(workspace);
    await severity.fill('۱٫۵');
    await Promise.all([
      workspace.waitForURL(new RegExp(`/n/${slug}/assessments/[0-9a-f-]{36}$`)),
      workspace.getByRole('button', { name: fa.assess_create_submit }).click(),
    ]);
    await workspace.getByRole('heading', { level: 1, name: title }).waitFor();
    await workspace.locator('[data-testid="assessment-live"][data-state="live"]').waitFor();

    const [a, b, c] = ['نبود فضای بازی امن برای کودکان', 'خشونت خانگی پنهان', 'ترک تحصیل دختران'] as const;
    for (const need of [a, b]) {
      const form = workspace.getByTestId('need-form');
      await form.getByLabel(fa.assess_need_category!, { exact: true }).selectOption('OTHER');
      await form.getByLabel(fa.assess_need_title!, { exact: true }).fill(need);
      await form.getByRole('button', { name: fa.assess_need_add }).click();
      await workspace.getByTestId('needs-accepted').getByRole('heading', { name: need }).waitFor();
    }

    // A resident joins while needs are still being collected and proposes one from the phone.
    const code = (await workspace.getByTestId('assessment-code').getAttribute('data-code'))!;
    const phone = await phones[0]!.context.newPage();
    await logIn(phone, participants[0]!.email, participants[0]!.password);
    await phone.goto(url('/vote'));
    await phone.getByLabel(fa.assess_join_code!).fill(code);
    await Promise.all([
      phone.waitForURL(new RegExp(`/n/${slug}/assessments/[0-9a-f-]{36}/vote$`)),
      phone.getByRole('button', { name: fa.assess_join_submit }).click(),
    ]);
    await phone.getByText(fa.assess_vote_waiting!).waitFor();
    await phone.locator('[data-testid="assessment-live"][data-state="live"]').waitFor();
    await phone.getByLabel(fa.assess_need_category!, { exact: true }).selectOption('SCHOOL_DROPOUT');
    await phone.getByLabel(fa.assess_need_title!, { exact: true }).fill(c);
    await phone
      .getByLabel(fa.assess_need_description!, { exact: true })
      .fill('چند دختر نوجوان محله به مدرسه نمی‌روند.');
    await phone.getByRole('button', { name: fa.assess_propose_submit }).click();
    const mine = phone.getByTestId('my-proposals');
    await mine.getByText(fa.assess_need_status_proposed!, { exact: false }).waitFor();
    expect(await hasHorizontalScroll(phone)).toBe(false);
    await expectNoAxeViolations(phone);

    // It reaches the facilitator live, waiting for review; accepting it shows on the phone too.
    const proposals = workspace.getByTestId('needs-proposed');
    await proposals.getByRole('heading', { name: c }).waitFor();
    await proposals.getByRole('button', { name: text('assess_need_accept_label', { title: c }), exact: true }).click();
    await workspace.getByTestId('needs-accepted').getByRole('heading', { name: c }).waitFor();
    await mine.getByText(fa.assess_need_status_accepted!, { exact: false }).waitFor();

    // Weights 1.5, 2, 2, 1 (6.5 in all): a is 5 on severity (1.15), b 4 on prevalence (1.23),
    // c 2 on urgency (0.62).
    const matrix = workspace.getByTestId('scoring-matrix');
    const score = async (need: string, criterion: string, value: string) => {
      const name = text('assess_matrix_cell_label', { title: need, criterion });
      await matrix.getByRole('combobox', { name }).selectOption(value);
      await workspace.getByText(text('assess_matrix_saved', { title: need })).waitFor();
    };
    await score(a, fa.assess_criterion_severity!, '5');
    await score(b, fa.assess_criterion_prevalence!, '4');
    await score(c, fa.assess_criterion_urgency!, '2');
    await expect
      .poll(() =>
        workspace
          .getByTestId('ranking-bar')
          .evaluateAll((items) => items.map((i) => `${i.getAttribute('data-need')}:${i.getAttribute('data-score')}`)),
      )
      .toEqual([`${b}:1.23`, `${a}:1.15`, `${c}:0.62`]);
    expect(await rankCells(workspace)).toEqual(['۱', '۲', '۳']);

    // Who took part: counts by group, and a name only with consent.
    await workspace.getByRole('button', { name: fa.assess_counts_edit }).click();
    await workspace.getByLabel(fa.assess_group_residents!, { exact: true }).fill('۱۲');
    await workspace.getByLabel(fa.assess_group_women!, { exact: true }).fill('5');
    await expectNoAxeViolations(workspace);
    await workspace.getByRole('button', { name: fa.assess_save, exact: true }).click();
    await workspace.getByText(fa.assess_counts_saved!).waitFor();
    const counts = workspace.getByTestId('participant-counts');
    expect(await counts.locator('tfoot td').innerText()).toBe('۱۷');
    await workspace.getByLabel(fa.assess_named_name!, { exact: true }).fill('زهرا احمدی');
    await workspace.getByLabel(fa.assess_named_group!, { exact: true }).selectOption('WOMEN');
    await workspace.getByRole('button', { name: fa.assess_named_add, exact: true }).click();
    await workspace.getByText(fa.reason_consent_required!).waitFor();
    await workspace.getByLabel(fa.assess_named_consent!).check();
    await workspace.getByRole('button', { name: fa.assess_named_add, exact: true }).click();
    await workspace.getByTestId('named-participants').getByText('زهرا احمدی').waitFor();
    await expectNoAxeViolations(workspace);

    for (const session of [desk, ...phones]) expectStayedLocal(session);
  });
});
