import { randomUUID } from 'node:crypto';

import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser, type BrowserSession } from '../support/browser.js';
import { createTestBase, createTestNeighbourhood, createUser, type TestUser } from '../support/factories.js';
import { DEMO_PASSWORD, demo, gql, ok, uniqueEmail } from '../support/gql.js';
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
  Object.entries(params).reduce((text, [name, value]) => text.replaceAll(`{${name}}`, value), message);
const text = (key: string, params: Record<string, string> = {}) => fill(fa[key]!, params);
const english = (key: string, params: Record<string, string> = {}) => fill(en[key]!, params);

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const persian = (value: string | number) => String(value).replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)]!);
const PHONE_VIEWPORT = { width: 360, height: 740 };
const DAY = 86_400_000;

/** A day some days from today on Tehran time, as a Jalali day typed with Persian digits (۱۴۰۵/۰۹/۰۳). */
function jalaliTyped(offsetDays: number): string {
  const parts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
    timeZone: 'Asia/Tehran',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(Date.now() + offsetDays * DAY);
  const part = (type: string) => parts.find((p) => p.type === type)!.value.replace(/\D/g, '');
  return persian(`${part('year')}/${part('month')}/${part('day')}`);
}

/** A day as the portal prints it in Persian: "۳ آذر ۱۴۰۵". */
function jalaliShown(offsetDays: number): string {
  const parts = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
    timeZone: 'Asia/Tehran',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).formatToParts(Date.now() + offsetDays * DAY);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('day')} ${part('month')} ${part('year')}`;
}

interface Donor extends TestUser {
  name: string;
}

/** A donor with a name of their own, so a test can tell where that name shows and where it must not. */
async function signUpDonor(name: string): Promise<Donor> {
  const email = uniqueEmail('donor');
  const password = 'donor-password-123';
  const signed = ok(
    await gql<{ signUp: { token: string; viewer: { id: string } } }>(
      'mutation($input: SignUpInput!) { signUp(input: $input) { token viewer { id } } }',
      { input: { email, password, displayName: name, roles: ['DONOR'] } },
    ),
  ).signUp;
  return { id: signed.viewer.id, email, password, token: signed.token, name };
}

interface PledgeRow {
  id: string;
  kind: string;
  amountRials: string | null;
  quantity: number | null;
  anonymous: boolean;
  status: string;
  receivedRials: string;
  donorName: string | null;
  donorContact: { email: string; phone: string | null } | null;
}

const PLEDGE_ROW = 'id kind amountRials quantity anonymous status receivedRials donorName donorContact { email phone }';

async function planPledges(planId: string, token: string): Promise<PledgeRow[]> {
  return ok(
    await gql<{ planPledges: PledgeRow[] }>(
      `query($p: ID!) { planPledges(planId: $p) { ${PLEDGE_ROW} } }`,
      { p: planId },
      { token },
    ),
  ).planPledges;
}

async function pledgeThroughApi(token: string, input: Record<string, unknown>): Promise<PledgeRow> {
  return ok(
    await gql<{ createPledge: { pledge: PledgeRow } }>(
      `mutation($i: PledgeInput!) { createPledge(input: $i) { pledge { ${PLEDGE_ROW} } } }`,
      { i: { idempotencyKey: randomUUID(), ...input } },
      { token },
    ),
  ).createPledge.pledge;
}

const need = (page: Page, kind: 'CASH' | 'IN_KIND' | 'VOLUNTEER_HOURS') =>
  page.locator(`[data-testid="support-need"][data-kind="${kind}"]`);
const staffPledge = (page: Page, id: string) => page.locator(`[data-testid="staff-pledge"][data-pledge="${id}"]`);

async function expectFits(page: Page, path: string) {
  expect(await hasHorizontalScroll(page), `${path} scrolls sideways`).toBe(false);
}

async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ');
}

interface Site {
  n: { id: string; slug: string };
  base: { id: string; slug: string; nameFa: string };
  staff: TestUser;
  needIds: string[];
}

/** A neighbourhood of its own with a base, its staff and ranked needs, so figures add up per test. */
async function prepareSite(centre: [number, number]): Promise<Site> {
  const n = await createTestNeighbourhood(centre);
  const base = await createTestBase(n.id);
  const staff = await createUser([{ role: 'BASE_STAFF', organisationSlug: base.slug }]);
  const needIds = await rankedNeeds(staff.token, n.id, ['روشنایی کوچه‌ها', 'زمین بازی'], { organisationId: base.id });
  return { n, base, staff, needIds };
}

const TASK = 'روشنایی کوچهٔ شهید بهشتی';

/** An active plan with one task needing cash, lamps and volunteer hours; the ids of its needs. */
async function preparePlan(site: Site, title: string): Promise<{ id: string; cash: string; goods: string }> {
  const plan = await createPlan(site.staff.token, [site.needIds[0]!], { title, leadOrganisationId: site.base.id });
  ok(
    await addTask(site.staff.token, plan.id, {
      title: TASK,
      startOn: '1405/09/01',
      endOn: '1406/03/30',
      resources: [
        { kind: 'CASH', amountRials: '5000000' },
        { kind: 'IN_KIND', item: 'چراغ خورشیدی', quantity: 20, unit: 'عدد' },
        { kind: 'VOLUNTEER_HOURS', hours: 40 },
      ],
    }),
  );
  const support = ok(
    await gql<{ planSupport: { resources: { resourceId: string; kind: string }[] } }>(
      'query($p: ID!) { planSupport(planId: $p) { resources { resourceId kind } } }',
      { p: plan.id },
    ),
  ).planSupport;
  const id = (kind: string) => support.resources.find((r) => r.kind === kind)!.resourceId;
  return { id: plan.id, cash: id('CASH'), goods: id('IN_KIND') };
}

describe('pledges, receipts, ledger and notices', { timeout: 240_000 }, () => {
  let browser: BrowserSession;
  let page: Page;
  // Shared by the tests that only read their own plan's figures.
  let site: Site;

  beforeAll(async () => {
    site = await prepareSite([52.371, 36.441]);
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

  it('takes a donor on a phone from a project to pledges that survive a dropped connection, staff to receipts, and back to the donor as notices', async () => {
    // Its own neighbourhood and base, so the ledger and dashboard hold this test's receipts only.
    const own = await prepareSite([52.383, 36.433]);
    const { n, base, staff } = own;
    const plan = await preparePlan(own, 'چراغ برای کوچه‌های تاریک');
    const donor = await signUpDonor('مریم احمدی');
    page = await browser.context.newPage();
    await page.setViewportSize(PHONE_VIEWPORT);

    // A visitor sees what is needed, and is asked to sign in to pledge, coming back here after.
    await page.goto(url(`/support/${plan.id}`));
    await page.getByRole('heading', { level: 1, name: 'چراغ برای کوچه‌های تاریک' }).waitFor();
    expect(await need(page, 'CASH').innerText()).toContain(text('plan_amount_rials', { amount: '۵٬۰۰۰٬۰۰۰' }));
    expect(await need(page, 'CASH').innerText()).toContain(text('plan_amount_tomans', { amount: '۵۰۰٬۰۰۰' }));
    const goodsNeed = await need(page, 'IN_KIND').innerText();
    expect(goodsNeed).toContain('چراغ خورشیدی');
    expect(goodsNeed).toContain('۲۰ عدد');
    // Hours needed, and none signed up yet.
    const hours = await need(page, 'VOLUNTEER_HOURS').innerText();
    expect(hours).toContain(text('plan_resource_hours_detail', { hours: '۴۰' }));
    expect(await need(page, 'VOLUNTEER_HOURS').getByTestId('support-need-pledged').innerText()).toBe(
      text('plan_resource_hours_detail', { hours: '۰' }),
    );
    expect(await page.getByTestId('pledge-form').count()).toBe(0);
    await expectFits(page, '/support/[id] signed out');
    await expectNoAxeViolations(page);
    await Promise.all([
      page.waitForURL(url(`/login?next=${encodeURIComponent(`/support/${plan.id}`)}`)),
      page.getByTestId('support-sign-in').click(),
    ]);
    await page.getByLabel(fa.field_email!).fill(donor.email);
    await page.getByLabel(fa.field_password!, { exact: true }).fill(donor.password);
    await Promise.all([page.waitForURL(url(`/support/${plan.id}`)), page.locator('form button[type=submit]').click()]);

    // First the donor tells staff how to reach them.
    await page.goto(url('/pledges'));
    const profile = page.getByTestId('donor-profile-form');
    await profile.getByLabel(text('pledge_profile_phone')).fill('۰۹۱۲ ۳۴۵ ۶۷۸۹');
    await profile.getByRole('button', { name: text('pledge_profile_submit') }).click();
    await profile.getByTestId('form-success').getByText(text('pledge_profile_saved')).waitFor();
    // Coming back, the form shows what was saved, ready to edit.
    await page.reload();
    expect(await profile.getByLabel(text('pledge_profile_phone')).inputValue()).toBe('0912 345 6789');
    expect(await page.getByTestId('my-pledges-empty').isVisible()).toBe(true);
    await expectFits(page, '/pledges');
    await expectNoAxeViolations(page);

    // Goods for the lamps: the need names the item and unit; the donor types how many, with a day.
    await page.goto(url(`/support/${plan.id}`));
    const form = page.getByTestId('pledge-form');
    await need(page, 'IN_KIND')
      .getByRole('button', { name: text('support_give_to') })
      .click();
    await page.locator('[data-testid="pledge-form"][data-kind="IN_KIND"]').waitFor();
    expect(await form.getByLabel(text('pledge_field_item'), { exact: true }).inputValue()).toBe('چراغ خورشیدی');
    expect(await form.getByLabel(text('pledge_field_unit'), { exact: true }).inputValue()).toBe('عدد');
    await form.getByLabel(text('pledge_field_quantity'), { exact: true }).fill('۵');
    // A day already past, so staff see it flagged overdue.
    await form.getByLabel(text('pledge_field_due'), { exact: true }).fill(jalaliTyped(-3));
    await form.getByRole('button', { name: text('pledge_submit') }).click();
    const thanks = page.getByTestId('pledge-thanks');
    await thanks.waitFor();
    expect(await thanks.getByTestId('pledge-thanks-what').innerText()).toContain('چراغ خورشیدی، ۵ عدد');
    const thanksText = await thanks.innerText();
    expect(thanksText).toContain(text('pledge_next_confirm'));
    expect(thanksText).toContain(text('pledge_next_receive'));
    expect(thanksText).toContain(text('pledge_next_notice'));
    // The bars follow: five of twenty lamps pledged.
    await page.locator('[data-testid="support-need"][data-kind="IN_KIND"][data-pledged="5"]').waitFor();
    expect(await need(page, 'IN_KIND').getByTestId('support-need-pledged-bar').getAttribute('data-value')).toBe('25');
    await expectNoAxeViolations(page);

    // Cash, anonymously, in two parts, typed with Persian digits and separators; tomans shown as typed.
    await thanks.getByRole('button', { name: text('pledge_again') }).click();
    await need(page, 'CASH')
      .getByRole('button', { name: text('support_give_to') })
      .click();
    await page.locator('[data-testid="pledge-form"][data-kind="CASH"]').waitFor();
    const amount = form.getByLabel(text('pledge_field_amount'), { exact: true });
    await amount.fill('۱٬۵۰۰٬۰۰۰');
    const amountHint = page.locator(`[id="${await amount.getAttribute('id')}-hint"]`);
    expect(await amountHint.innerText()).toContain(text('plan_amount_tomans', { amount: '۱۵۰٬۰۰۰' }));
    await form.getByRole('button', { name: text('pledge_instalment_add') }).click();
    await form.getByRole('button', { name: text('pledge_instalment_add') }).click();
    for (const [index, offset] of [
      [1, 30],
      [2, 60],
    ] as const) {
      const part = form.getByRole('group', { name: text('pledge_instalment_row', { number: persian(index) }) });
      await part.getByLabel(text('pledge_instalment_due'), { exact: true }).fill(jalaliTyped(offset));
      await part.getByLabel(text('pledge_instalment_amount'), { exact: true }).fill('۷۵۰٬۰۰۰');
    }
    await form
      .getByTestId('pledge-instalments-sum')
      .getByText(
        text('pledge_instalments_add_up', {
          total: `${text('plan_amount_rials', { amount: '۱٬۵۰۰٬۰۰۰' })} (${text('plan_amount_tomans', { amount: '۱۵۰٬۰۰۰' })})`,
        }),
      )
      .waitFor();
    await form.getByRole('checkbox', { name: text('pledge_field_anonymous') }).check();
    expect(await form.innerText()).toContain(text('pledge_field_anonymous_hint'));

    // The connection drops after the server got the pledge but before the answer came back.
    let dropped = 0;
    await page.route('**/graphql', async (route) => {
      if (dropped === 0 && (route.request().postData() ?? '').includes('CreatePledge')) {
        dropped += 1;
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    await form.getByRole('button', { name: text('pledge_submit') }).click();
    await form.getByTestId('form-error').getByText(text('pledge_network_error')).waitFor();
    expect(dropped).toBe(1);
    const stored = (await planPledges(plan.id, staff.token)).filter((p) => p.kind === 'CASH');
    expect(stored).toHaveLength(1);
    // The donor tries again: the same key, so the pledge the server already has comes back.
    await form
      .getByTestId('pledge-retry')
      .getByRole('button', { name: text('pledge_retry') })
      .click();
    await thanks.waitFor();
    await page.unroute('**/graphql');
    expect(await thanks.innerText()).toContain(text('pledge_thanks_anonymous'));
    const cash = (await planPledges(plan.id, staff.token)).filter((p) => p.kind === 'CASH');
    expect(cash).toHaveLength(1);
    expect(cash[0]!.id).toBe(stored[0]!.id);
    expect(cash[0]).toMatchObject({ amountRials: '1500000', anonymous: true });
    await page.locator('[data-testid="support-need"][data-kind="CASH"][data-pledged="1500000"]').waitFor();
    expect(await need(page, 'CASH').getByTestId('support-need-pledged-bar').getAttribute('data-value')).toBe('30');
    await expectFits(page, '/support/[id] after pledging');
    const goodsId = (await planPledges(plan.id, staff.token)).find((p) => p.kind === 'IN_KIND')!.id;
    const cashId = cash[0]!.id;

    // Staff see the anonymous donor's real name and contact, confirm and record what arrived.
    await browser.context.clearCookies();
    await logIn(page, staff.email, staff.password);
    await page.goto(url(`/support/${plan.id}`));
    await Promise.all([
      page.waitForURL(url(`/n/${n.slug}/plans/${plan.id}/pledges`)),
      page.getByRole('link', { name: text('support_manage_pledges') }).click(),
    ]);
    const cashCard = staffPledge(page, cashId);
    await cashCard.waitFor();
    expect(await cashCard.getByTestId('pledge-donor').innerText()).toBe(donor.name);
    expect(await cashCard.getByTestId('pledge-anonymous').innerText()).toBe(text('pledge_anonymous_to_public'));
    const contact = await cashCard.getByTestId('pledge-contact').innerText();
    expect(contact).toContain(donor.email);
    expect(contact).toContain('0912 345 6789');
    const goodsCard = staffPledge(page, goodsId);
    expect(await goodsCard.getByTestId('pledge-overdue').isVisible()).toBe(true);
    expect(await cashCard.getByTestId('pledge-instalment-list').innerText()).toContain(jalaliShown(30));
    await expectFits(page, 'staff pledges');
    await expectNoAxeViolations(page);

    await goodsCard.getByRole('button', { name: text('pledge_confirm') }).click();
    await page.locator(`[data-testid="staff-pledge"][data-pledge="${goodsId}"][data-status="CONFIRMED"]`).waitFor();

    // Part of the cash arrives today.
    const receipt = cashCard.getByTestId('receipt-form');
    expect(await receipt.getByLabel(text('pledge_receipt_on'), { exact: true }).inputValue()).toBe(jalaliTyped(0));
    await receipt.getByLabel(text('pledge_receipt_amount'), { exact: true }).fill('۵۰۰٬۰۰۰');
    await receipt.getByRole('button', { name: text('pledge_receipt_submit') }).click();
    await receipt.getByTestId('form-success').getByText(text('pledge_receipt_saved')).waitFor();
    await page
      .locator(`[data-testid="staff-pledge"][data-pledge="${cashId}"][data-status="PARTLY_RECEIVED"]`)
      .waitFor();
    expect(await textOf(cashCard.getByTestId('pledge-receipts'))).toContain(jalaliShown(0));
    expect(await cashCard.getByTestId('pledge-received').innerText()).toContain(
      text('plan_amount_rials', { amount: '۵۰۰٬۰۰۰' }),
    );

    // More than the rest is refused in Persian; the override is offered only now, and only ticking it takes it.
    expect(await receipt.getByTestId('receipt-override').count()).toBe(0);
    await receipt.getByLabel(text('pledge_receipt_amount'), { exact: true }).fill('۲٬۰۰۰٬۰۰۰');
    await receipt.getByRole('button', { name: text('pledge_receipt_submit') }).click();
    await receipt.getByTestId('form-error').getByText(text('reason_over_received')).waitFor();
    expect((await planPledges(plan.id, staff.token)).find((p) => p.id === cashId)!.receivedRials).toBe('500000');
    await receipt.getByRole('button', { name: text('pledge_receipt_submit') }).click();
    await receipt.getByTestId('form-error').getByText(text('reason_over_received')).waitFor();
    await receipt.getByRole('checkbox', { name: text('pledge_receipt_override_label') }).check();
    await receipt.getByRole('button', { name: text('pledge_receipt_submit') }).click();
    await page.locator(`[data-testid="staff-pledge"][data-pledge="${cashId}"][data-status="FULFILLED"]`).waitFor();
    const afterOverride = (await planPledges(plan.id, staff.token)).find((p) => p.id === cashId)!;
    expect(afterOverride).toMatchObject({ status: 'FULFILLED', receivedRials: '2500000' });
    expect(await cashCard.getByTestId('pledge-receipts').innerText()).toContain(text('pledge_receipt_override'));
    await expectNoAxeViolations(page);

    // The base's ledger: totals, by plan and task, a line per receipt with its Jalali day.
    await Promise.all([
      page.waitForURL(url(`/ledger/${base.id}`)),
      page.getByRole('link', { name: text('ledger_link', { name: base.nameFa }) }).click(),
    ]);
    expect(await page.getByTestId('ledger-total-rials').getAttribute('data-rials')).toBe('2500000');
    expect(await page.getByTestId('ledger-totals').innerText()).toContain(
      text('plan_amount_tomans', { amount: '۲۵۰٬۰۰۰' }),
    );
    expect(await page.getByTestId('ledger-by-plan').innerText()).toContain('چراغ برای کوچه‌های تاریک');
    expect(await page.getByTestId('ledger-by-task').innerText()).toContain(TASK);
    const lines = page.getByTestId('ledger-line');
    expect(await lines.count()).toBe(2);
    expect(await textOf(lines.first())).toContain(jalaliShown(0));
    expect(await lines.first().getByTestId('ledger-donor').innerText()).toBe(donor.name);
    await expectFits(page, '/ledger');
    await expectNoAxeViolations(page);

    // The public bars now show what arrived.
    await page.goto(url(`/support/${plan.id}`));
    await page.locator('[data-testid="support-need"][data-kind="CASH"][data-received="2500000"]').waitFor();
    expect(await need(page, 'CASH').getByTestId('support-need-received-bar').getAttribute('data-value')).toBe('50');
    expect(await page.getByTestId('support-plan-received').getAttribute('data-value')).toBe('50');

    // Back to the donor: a notice of the confirmation and of each receipt.
    await browser.context.clearCookies();
    await logIn(page, donor.email, donor.password);
    await page.goto(url('/pledges'));
    // Confirmed, received twice, and reminded once by the sweep that the goods are past their day.
    await page.locator('[data-testid="notice-bell"][data-count="4"]').waitFor();
    expect(await page.getByTestId('notice-bell-count').innerText()).toBe('۴');
    const mine = page.locator(`[data-testid="my-pledge"][data-pledge="${cashId}"]`);
    expect(await mine.getByTestId('pledge-status').innerText()).toBe(text('pledge_status_fulfilled'));
    expect(await mine.getByTestId('pledge-receipts').locator('li').count()).toBe(2);
    await page.getByTestId('notice-bell').click();
    await page.waitForURL(url('/notifications'));
    const notices = page.getByTestId('notice-list');
    const title = 'چراغ برای کوچه‌های تاریک';
    await notices.getByText(text('notice_pledge_confirmed', { plan: title })).waitFor();
    const receiptNotice = text('notice_receipt_recorded', {
      plan: title,
      amount: `${text('plan_amount_rials', { amount: '۵۰۰٬۰۰۰' })} (${text('plan_amount_tomans', { amount: '۵۰٬۰۰۰' })})`,
    });
    await notices.getByText(receiptNotice).waitFor();
    await notices.getByText(text('notice_pledge_overdue', { plan: title, due: jalaliShown(-3) })).waitFor();
    expect(await page.getByTestId('notice-unread-count').getAttribute('data-count')).toBe('4');
    await expectFits(page, '/notifications');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: text('notice_mark_all_read') }).click();
    await page.locator('[data-testid="notice-unread-count"][data-count="0"]').waitFor();
    expect(await page.locator('[data-testid="notice"][data-read="false"]').count()).toBe(0);

    // Nothing of the goods has arrived, so the donor may still withdraw them.
    await page.goto(url('/pledges'));
    const goods = page.locator(`[data-testid="my-pledge"][data-pledge="${goodsId}"]`);
    expect(await mine.getByTestId('pledge-cancel').count()).toBe(0);
    await goods.getByRole('button', { name: text('pledge_cancel') }).click();
    await goods.getByRole('button', { name: text('pledge_cancel_yes') }).click();
    await page.locator(`[data-testid="my-pledge"][data-pledge="${goodsId}"][data-status="CANCELLED"]`).waitFor();
    await expectNoAxeViolations(page);

    // The province office sees what was received in the pilots dashboard.
    await browser.context.clearCookies();
    await logIn(page, demo.province_admin, DEMO_PASSWORD);
    await page.goto(url('/dashboard'));
    const row = page.locator(`[data-testid="dash-pilot"][data-slug="${n.slug}"]`);
    await row.waitFor();
    expect(await row.locator('[data-rials="2500000"]').count()).toBeGreaterThan(0);
    expect(await row.innerText()).toContain(text('plan_amount_rials', { amount: '۲٬۵۰۰٬۰۰۰' }));
  });

  it("keeps donors' names and contacts from residents on every page they can reach", async () => {
    const { n, base, staff } = site;
    const plan = await preparePlan(site, 'بستهٔ غذایی زمستان');
    const donor = await signUpDonor('رضا کریمی');
    ok(
      await gql(
        'mutation($i: DonorProfileInput!) { saveDonorProfile(input: $i) }',
        {
          i: { kind: 'INDIVIDUAL', phone: '09351112233' },
        },
        { token: donor.token },
      ),
    );
    const hidden = await pledgeThroughApi(donor.token, {
      planId: plan.id,
      resourceId: plan.cash,
      kind: 'CASH',
      amountRials: '800000',
      anonymous: true,
    });
    const named = await pledgeThroughApi(donor.token, {
      planId: plan.id,
      resourceId: plan.goods,
      kind: 'IN_KIND',
      quantity: 3,
      unit: 'عدد',
    });
    for (const [id, quantity, amountRials] of [
      [hidden.id, null, '300000'],
      [named.id, 1, null],
    ] as const) {
      ok(
        await gql(
          'mutation($i: ReceiptInput!) { recordReceipt(input: $i) { receipt { id } } }',
          {
            i: {
              pledgeId: id,
              quantity,
              amountRials,
              receivedOn: new Date().toISOString().slice(0, 10),
              idempotencyKey: randomUUID(),
            },
          },
          { token: staff.token },
        ),
      );
    }
    const resident = await createUser();
    // What a resident may read through the API: not the anonymous name, no contact at all.
    const seen = await planPledges(plan.id, resident.token);
    expect(seen).toEqual([]);

    page = await browser.context.newPage();
    await page.setViewportSize(PHONE_VIEWPORT);
    await logIn(page, resident.email, resident.password);
    for (const path of [
      `/support/${plan.id}`,
      '/support',
      `/support?n=${n.slug}`,
      `/n/${n.slug}/plans/${plan.id}/pledges`,
      '/pledges',
      '/notifications',
      `/ledger/${base.id}`,
    ]) {
      await page.goto(url(path));
      await page.locator('main h1').waitFor();
      const main = await page.locator('main').innerText();
      expect(main, path).not.toContain(donor.name);
      expect(main, path).not.toContain(donor.email);
      expect(main, path).not.toContain('09351112233');
      await expectFits(page, path);
    }
    // The staff list shows a resident only their own (none), and the ledger is refused plainly.
    expect(await page.getByTestId('ledger-refused').innerText()).toContain(text('ledger_forbidden'));
    await expectNoAxeViolations(page);
    await page.goto(url(`/n/${n.slug}/plans/${plan.id}/pledges`));
    expect(await page.getByTestId('pledge-own-only').isVisible()).toBe(true);
    expect(await page.getByTestId('staff-pledge').count()).toBe(0);
    await expectNoAxeViolations(page);
    // The project list, filtered to the neighbourhood, shows the project with its bars.
    await page.goto(url(`/support?n=${n.slug}`));
    const card = page.locator(`[data-testid="support-project"][data-plan="${plan.id}"]`);
    expect(await card.getByTestId('support-project-pledged').getAttribute('data-value')).toBe('16');
    expect(await card.getByTestId('support-project-received').getAttribute('data-value')).toBe('6');
    await expectNoAxeViolations(page);

    // A visitor signed out sees the needs but nobody's pledges.
    await browser.context.clearCookies();
    await page.goto(url(`/n/${n.slug}/plans/${plan.id}/pledges`));
    await page.waitForURL(/\/login\?next=/);
    await page.goto(url(`/support/${plan.id}`));
    await page.getByTestId('support-sign-in').waitFor();
    expect(await page.locator('main').innerText()).not.toContain(donor.name);
  });

  it('renders in English with Gregorian days and Latin digits, and fits a phone', async () => {
    const { n, base, staff } = site;
    const plan = await preparePlan(site, 'Lamps for dark alleys');
    const donor = await signUpDonor('Sara Donor');
    await pledgeThroughApi(donor.token, {
      planId: plan.id,
      resourceId: plan.cash,
      kind: 'CASH',
      amountRials: '1250000',
      dueOn: '2026-12-20',
    });
    page = await browser.context.newPage();
    await page.setViewportSize(PHONE_VIEWPORT);
    await page.goto(url(`/en/support/${plan.id}`));
    await page.getByRole('heading', { level: 2, name: english('support_needs_title') }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    const cashNeed = await need(page, 'CASH').innerText();
    expect(cashNeed).toContain('5,000,000 rials');
    expect(cashNeed).toContain('1,250,000 rials');
    expect(cashNeed).toContain('125,000 tomans');
    expect(await page.getByTestId('support-sign-in').innerText()).toBe(english('support_sign_in'));
    await expectFits(page, '/en/support/[id]');
    await expectNoAxeViolations(page);

    await page.goto(url('/en/support'));
    await page.locator(`[data-testid="support-project"][data-plan="${plan.id}"]`).waitFor();
    await expectFits(page, '/en/support');
    await expectNoAxeViolations(page);

    await logIn(page, donor.email, donor.password);
    await page.goto(url('/en/pledges'));
    const mine = page.getByTestId('my-pledge');
    expect(await mine.innerText()).toContain('20 Dec 2026');
    expect(await mine.getByTestId('pledge-what').innerText()).toBe('1,250,000 rials (125,000 tomans)');
    await expectNoAxeViolations(page);

    await browser.context.clearCookies();
    await logIn(page, staff.email, staff.password);
    await page.goto(url(`/en/n/${n.slug}/plans/${plan.id}/pledges`));
    await page
      .getByRole('heading', { level: 1, name: english('pledge_staff_title', { title: 'Lamps for dark alleys' }) })
      .waitFor();
    expect(await page.getByTestId('staff-pledge').innerText()).toContain('Sara Donor');
    await expectFits(page, '/en staff pledges');
    await expectNoAxeViolations(page);
    await page.goto(url(`/en/ledger/${base.id}`));
    await page.getByTestId('ledger-totals').waitFor();
    await expectNoAxeViolations(page);
    await page.goto(url('/en/notifications'));
    await page.getByRole('heading', { level: 1, name: english('notice_title') }).waitFor();
    // The new pledge reached the staff as a notice, worded in English.
    expect(await page.getByTestId('notice-list').innerText()).toContain(
      english('notice_new_pledge', { plan: 'Lamps for dark alleys', amount: '1,250,000 rials (125,000 tomans)' }),
    );
    await expectFits(page, '/en/notifications');
    await expectNoAxeViolations(page);
  });
});
