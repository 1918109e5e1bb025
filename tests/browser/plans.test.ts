import { readFileSync } from 'node:fs';

import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser, type BrowserSession } from '../support/browser.js';
import { createTestBase, createTestNeighbourhood, createUser, type TestUser } from '../support/factories.js';
import { DEMO_PASSWORD, demo, ok } from '../support/gql.js';
import { addTask, createPlan, rankedNeeds, readPlan, updateTask } from '../support/plans.js';
import {
  catalogue,
  expectNoAxeViolations,
  expectStayedLocal,
  hasHorizontalScroll,
  logIn,
  portalUrl as url,
} from '../support/portal.js';

const fa = catalogue('fa');
const text = (key: string, params: Record<string, string> = {}) =>
  Object.entries(params).reduce((message, [name, value]) => message.replace(`{${name}}`, value), fa[key]!);

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const persian = (value: string | number) => String(value).replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)]!);
const PHONE_VIEWPORT = { width: 360, height: 740 };

/** An ISO day some days before today on Tehran time, typed with Persian digits. */
const daysAgo = (days: number) =>
  persian(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(Date.now() - days * 86_400_000));

/** The task form on the plan page. */
async function fillTask(page: Page, task: { title: string; start: string; end: string; budget?: string }) {
  const form = page.getByTestId('plan-task-form');
  await form.getByLabel(text('plan_task_field_title'), { exact: true }).fill(task.title);
  await form.getByLabel(text('plan_task_field_start'), { exact: true }).fill(task.start);
  await form.getByLabel(text('plan_task_field_end'), { exact: true }).fill(task.end);
  if (task.budget) await form.getByLabel(text('plan_task_field_budget'), { exact: true }).fill(task.budget);
}

const taskRow = (page: Page, title: string) => page.locator(`[data-testid="plan-task"][data-task="${title}"]`);
const quickEdit = (page: Page, title: string) => page.locator(`[data-testid="plan-task-edit"][data-task="${title}"]`);

describe('action plans and dashboards', { timeout: 180_000 }, () => {
  let browser: BrowserSession;
  let page: Page;
  let n: { id: string; slug: string };
  let base: { id: string; slug: string; nameFa: string };
  let facilitator: TestUser;
  let needIds: string[];
  const NEEDS = ['روشنایی کوچه‌ها', 'زمین بازی کودکان', 'کلاس مهارت‌های زندگی'];

  beforeAll(async () => {
    n = await createTestNeighbourhood([52.362, 36.452]);
    base = await createTestBase(n.id);
    facilitator = await createUser([{ role: 'BASE_STAFF', organisationSlug: base.slug }]);
    needIds = await rankedNeeds(facilitator.token, n.id, NEEDS, { organisationId: base.id });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(async () => {
    await page?.close();
    await browser.context.clearCookies();
    expectStayedLocal(browser);
  });

  it('takes a facilitator from a ranked need to a plan with tasks, derived progress, updates and a CSV; the province sees it', async () => {
    page = await browser.context.newPage();
    await logIn(page, facilitator.email, facilitator.password);

    // The plan link of the top need: the need is chosen and names the plan.
    await page.goto(url(`/n/${n.slug}/plans/new?need=${needIds[0]}`));
    const chosen = page.getByTestId('plan-chosen-needs');
    await chosen.getByText(NEEDS[0]!).waitFor();
    expect(await chosen.innerText()).toContain(text('plan_need_rank', { rank: '۱' }));
    const title = page.getByLabel(text('plan_field_title'), { exact: true });
    expect(await title.inputValue()).toBe(text('plan_title_from_need', { need: NEEDS[0]! }));
    // The facilitating base leads by default.
    expect(await page.getByLabel(text('plan_field_lead'), { exact: true }).inputValue()).toBe(base.id);
    await expectNoAxeViolations(page);

    // A second ranked need of the same neighbourhood is ticked in.
    await page.getByRole('checkbox', { name: NEEDS[1] }).check();
    await chosen.getByText(NEEDS[1]!).waitFor();
    await page.getByLabel(text('plan_field_goal'), { exact: true }).fill('کوچه‌های امن برای رفت‌وآمد شبانه');
    await page.getByLabel(text('plan_field_expected_results'), { exact: true }).fill('کاهش نگرانی زنان و کودکان');
    await page.getByLabel(text('plan_indicator_name', { number: '۱' })).fill('تعداد چراغ نصب‌شده');
    await page.getByLabel(text('plan_indicator_target_label', { number: '۱' })).fill('۲۰');
    await Promise.all([
      page.waitForURL(new RegExp(`/n/${n.slug}/plans/[0-9a-f-]{36}$`)),
      page.getByRole('button', { name: text('plan_create_submit') }).click(),
    ]);
    const planId = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: text('plan_title_from_need', { need: NEEDS[0]! }) }).waitFor();
    const needs = await page.getByTestId('plan-needs').innerText();
    expect(needs).toContain(NEEDS[0]);
    expect(needs).toContain(NEEDS[1]);
    expect(needs).toContain(text('plan_need_rank', { rank: '۲' }));
    expect(await page.getByTestId('plan-no-tasks').isVisible()).toBe(true);

    // First task: Jalali days and the budget typed with Persian digits and separators.
    await fillTask(page, {
      title: 'خرید چراغ خورشیدی',
      start: '۱۴۰۵/۰۹/۰۱',
      end: '۱۴۰۵/۰۹/۲۰',
      budget: '۱۲٬۵۰۰٬۰۰۰',
    });
    // What it needs: cash typed with Persian digits, and goods counted in a unit.
    const form = page.getByTestId('plan-task-form');
    await form.getByRole('button', { name: text('plan_resource_add') }).click();
    const cash = form.getByRole('group', { name: text('plan_resource_row', { number: '۱' }) });
    await cash.getByLabel(text('plan_resource_amount')).fill('۵۰۰۰۰۰');
    await form.getByRole('button', { name: text('plan_resource_add') }).click();
    const goods = form.getByRole('group', { name: text('plan_resource_row', { number: '۲' }) });
    await goods.getByLabel(text('plan_resource_kind')).selectOption({ label: text('plan_resource_in_kind') });
    await goods.getByLabel(text('plan_resource_item')).fill('چراغ خورشیدی');
    await goods.getByLabel(text('plan_resource_quantity')).fill('۲۰');
    await goods.getByLabel(text('plan_resource_unit')).fill('عدد');
    await page.getByRole('button', { name: text('plan_task_add_submit') }).click();
    const buy = taskRow(page, 'خرید چراغ خورشیدی');
    await buy.waitFor();
    const buyText = await buy.innerText();
    expect(buyText).toContain('۱ آذر ۱۴۰۵');
    expect(buyText).toContain('۲۰ آذر ۱۴۰۵');
    expect(buyText).toContain(text('plan_amount_rials', { amount: '۱۲٬۵۰۰٬۰۰۰' }));
    expect(buyText).toContain(text('plan_amount_tomans', { amount: '۱٬۲۵۰٬۰۰۰' }));
    expect(buyText).toContain(text('plan_amount_rials', { amount: '۵۰۰٬۰۰۰' }));
    expect(buyText).toContain(text('plan_amount_tomans', { amount: '۵۰٬۰۰۰' }));
    expect(buyText).toContain('چراغ خورشیدی، ۲۰ عدد');

    // An end before the start is refused in Persian, beside the field too, and nothing is stored.
    await fillTask(page, { title: 'نصب چراغ‌ها', start: '۱۴۰۵/۰۹/۲۰', end: '۱۴۰۵/۰۹/۱۰' });
    await page.getByRole('button', { name: text('plan_task_add_submit') }).click();
    const taskError = page.getByTestId('plan-task-form').getByTestId('form-error');
    await taskError.getByText(text('reason_date_order')).waitFor();
    expect((await readPlan(planId, facilitator.token))!.tasks).toHaveLength(1);

    await page
      .getByTestId('plan-task-form')
      .getByLabel(text('plan_task_field_end'), { exact: true })
      .fill('۱۴۰۵/۱۰/۰۵');
    await page.getByRole('button', { name: text('plan_task_add_submit') }).click();
    const install = taskRow(page, 'نصب چراغ‌ها');
    await install.waitFor();
    expect(await page.getByTestId('plan-timeline').getAttribute('aria-label')).toContain(persian(2));

    // Half of one task, all of the other: the plan is three quarters done, derived by the API.
    await quickEdit(page, 'خرید چراغ خورشیدی').getByLabel(text('plan_task_field_progress')).fill('۵۰');
    await quickEdit(page, 'خرید چراغ خورشیدی')
      .getByRole('button', { name: text('plan_task_save') })
      .click();
    await page.locator('[data-testid="plan-task"][data-task="خرید چراغ خورشیدی"][data-progress="50"]').waitFor();
    expect(await buy.getAttribute('data-status')).toBe('IN_PROGRESS');
    await quickEdit(page, 'نصب چراغ‌ها')
      .getByLabel(text('plan_task_field_status'))
      .selectOption({ label: text('plan_task_status_done') });
    await quickEdit(page, 'نصب چراغ‌ها')
      .getByRole('button', { name: text('plan_task_save') })
      .click();
    await page.locator('[data-testid="plan-task"][data-task="نصب چراغ‌ها"][data-status="DONE"]').waitFor();
    const progress = page.getByTestId('plan-progress');
    await page.locator('[data-testid="plan-progress"][data-value="75"]').waitFor();
    expect(await progress.innerText()).toContain('۷۵');
    expect(await progress.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('75');
    expect(await page.getByTestId('plan-count-done').innerText()).toBe('۱');
    expect(await page.getByTestId('plan-count-total').innerText()).toBe('۲');

    // Progress above 100 is refused in Persian; the stored progress stays at 50.
    const buyEdit = quickEdit(page, 'خرید چراغ خورشیدی');
    await buyEdit.getByLabel(text('plan_task_field_progress')).fill('۱۵۰');
    await buyEdit.getByRole('button', { name: text('plan_task_save') }).click();
    await buyEdit.getByTestId('form-error').getByText(text('reason_out_of_range')).waitFor();
    const stored = (await readPlan(planId, facilitator.token))!;
    expect(stored.tasks.map((t) => t.progress)).toEqual([50, 100]);
    expect(stored.progress).toBe(75);
    expect(await buy.getAttribute('data-progress')).toBe('50');

    // A milestone, marked reached.
    await page.getByLabel(text('plan_milestone_field_title'), { exact: true }).fill('پایان خرید');
    await page.getByLabel(text('plan_milestone_field_due'), { exact: true }).fill('۱۴۰۵/۰۹/۲۰');
    await page.getByRole('button', { name: text('plan_milestone_add_submit') }).click();
    await page.getByRole('button', { name: text('plan_milestone_mark', { title: 'پایان خرید' }) }).click();
    await page.getByRole('button', { name: text('plan_milestone_unmark', { title: 'پایان خرید' }) }).waitFor();

    // Dated progress updates, newest first whatever order they were written in.
    const updateForm = page.getByTestId('plan-update-form');
    await updateForm.getByLabel(text('plan_update_field_text')).fill('نصب چراغ‌ها در کوچهٔ اول آغاز شد');
    await updateForm.getByRole('button', { name: text('plan_update_add_submit') }).click();
    const updates = page.getByTestId('plan-updates').locator('li');
    await updates.first().getByText('نصب چراغ‌ها در کوچهٔ اول آغاز شد').waitFor();
    await updateForm.getByLabel(text('plan_update_field_on'), { exact: true }).fill(daysAgo(2));
    await updateForm.getByLabel(text('plan_update_field_task')).selectOption({ label: 'خرید چراغ خورشیدی' });
    await updateForm.getByLabel(text('plan_update_field_text')).fill('بیست چراغ خریداری شد');
    await updateForm.getByRole('button', { name: text('plan_update_add_submit') }).click();
    await updates.nth(1).getByText('بیست چراغ خریداری شد').waitFor();
    expect(await updates.first().innerText()).toContain('نصب چراغ‌ها در کوچهٔ اول آغاز شد');
    expect(await updates.nth(1).innerText()).toContain(text('plan_update_about', { task: 'خرید چراغ خورشیدی' }));
    await expectNoAxeViolations(page);

    // The CSV has every task.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: text('plan_export_csv') }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`plan-${planId}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('خرید چراغ خورشیدی');
    expect(csv).toContain('نصب چراغ‌ها');

    // The printable plan, in Persian with Jalali days.
    await Promise.all([
      page.waitForURL(url(`/n/${n.slug}/plans/${planId}/print`)),
      page.getByRole('link', { name: text('plan_print_link') }).click(),
    ]);
    await page.getByRole('button', { name: text('plan_print_button') }).waitFor();
    expect(await page.getByTestId('plan-tasks').innerText()).toContain('۲۰ آذر ۱۴۰۵');
    expect(await page.getByTestId('plan-progress').getAttribute('data-value')).toBe('75');
    await expectNoAxeViolations(page);
    // On paper only the plan: no site header, no buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: text('plan_print_button') }).isVisible()).toBe(false);
    expect(await page.getByTestId('plan-tasks').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The neighbourhood page shows the plan with its progress, and the ranking it came from.
    await page.goto(url(`/n/${n.slug}`));
    const overview = page.getByTestId('neighbourhood-overview');
    const card = overview.locator(`[data-testid="plan-card"][data-plan="${planId}"]`);
    expect(await card.getByTestId('plan-card-progress').getAttribute('data-value')).toBe('75');
    expect(await overview.getByTestId('overview-ranked-needs').locator('li').first().innerText()).toContain(NEEDS[0]);
    await Promise.all([
      page.waitForURL(url(`/n/${n.slug}/plans/${planId}`)),
      card.getByRole('link', { name: text('plan_title_from_need', { need: NEEDS[0]! }) }).click(),
    ]);

    // The province office compares the pilots: this one has one task of two done, 75%.
    await browser.context.clearCookies();
    await logIn(page, demo.province_admin, DEMO_PASSWORD);
    await page.goto(url('/dashboard'));
    const row = page.locator(`[data-testid="dash-pilot"][data-slug="${n.slug}"]`);
    const tasks = row.getByTestId('dash-tasks');
    expect(await tasks.innerText()).toBe(text('dash_done_of', { done: '۱', total: '۲' }));
    expect(await tasks.getAttribute('data-done')).toBe('1');
    expect(await tasks.getAttribute('data-total')).toBe('2');
    expect(await row.getByTestId('dash-progress').getAttribute('data-value')).toBe('75');
    expect(await row.innerText()).toContain(text('plan_amount_rials', { amount: '۱۲٬۵۰۰٬۰۰۰' }));
    expect(await page.getByTestId('dash-chart-progress').innerText()).toContain('۷۵');
    await expectNoAxeViolations(page);
  });

  it('tells a resident plainly that the dashboard is not theirs, and sends a visitor to sign in', async () => {
    const resident = await createUser();
    page = await browser.context.newPage();
    await page.goto(url('/dashboard'));
    await page.waitForURL(url('/login?next=/dashboard'));

    await logIn(page, resident.email, resident.password);
    await page.goto(url('/dashboard'));
    const refused = page.getByTestId('dash-refused');
    expect(await refused.innerText()).toContain(text('dash_forbidden'));
    expect(await page.getByTestId('dash-table').count()).toBe(0);
    await expectNoAxeViolations(page);

    // Nor may a resident make a plan: the form is not offered.
    await page.goto(url(`/n/${n.slug}/plans/new?need=${needIds[0]}`));
    expect(await page.getByTestId('plan-new-refused').innerText()).toContain(text('plan_new_not_allowed'));
    expect(await page.getByTestId('plan-form').count()).toBe(0);
  });

  it('fits a 360px phone: plan, new plan, plan list, dashboard and neighbourhood page', async () => {
    const plan = await createPlan(facilitator.token, [needIds[2]!], {
      title: 'کلاس‌های مهارت زندگی برای نوجوانان محله',
      leadOrganisationId: base.id,
    });
    const first = ok(
      await addTask(facilitator.token, plan.id, {
        title: 'هماهنگی با مدرسه و انجمن اولیا و مربیان',
        startOn: '1405/09/01',
        endOn: '1405/10/30',
        budgetRials: '987654321987',
        resources: [{ kind: 'IN_KIND', item: 'کتاب کار', quantity: 40, unit: 'جلد' }],
      }),
    ).addPlanTask.tasks[0]!;
    ok(await updateTask(facilitator.token, first.id, { progress: 30 }));

    page = await browser.context.newPage();
    await page.setViewportSize(PHONE_VIEWPORT);
    await logIn(page, facilitator.email, facilitator.password);
    for (const path of [
      `/n/${n.slug}/plans/${plan.id}`,
      `/n/${n.slug}/plans/new?need=${needIds[2]}`,
      `/n/${n.slug}/plans`,
      `/n/${n.slug}`,
      '/dashboard',
    ]) {
      await page.goto(url(path));
      await page.locator('main h1').waitFor();
      expect(await hasHorizontalScroll(page), path).toBe(false);
    }
    // Base staff compare only what they run: their own pilot.
    expect(await page.getByTestId('dash-pilot').count()).toBe(1);
    await expectNoAxeViolations(page);

    await page.goto(url(`/en/n/${n.slug}/plans/${plan.id}`));
    await page.getByTestId('plan-progress').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await page.getByTestId('plan-tasks').innerText()).toContain('987,654,321,987 rials');
    await expectNoAxeViolations(page);
  });
});
