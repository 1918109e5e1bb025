import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser, type BrowserSession } from '../support/browser.js';
import { catalogue, expectNoAxeViolations, portalUrl as url } from '../support/portal.js';
import { createUser, type TestUser } from '../support/factories.js';
import { gql, ok } from '../support/gql.js';

const fa = catalogue('fa');
const text = (key: string, params: Record<string, string> = {}) =>
  Object.entries(params).reduce((message, [name, value]) => message.replace(`{${name}}`, value), fa[key]!);

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const toPersianDigits = (code: string) => code.replace(/[0-9]/g, (digit) => PERSIAN_DIGITS[Number(digit)]!);

async function fillLogin(page: Page, user: TestUser): Promise<void> {
  await page.getByLabel(text('field_email')).fill(user.email);
  await page.getByLabel(text('field_password'), { exact: true }).fill(user.password);
}

async function logIn(page: Page, user: TestUser): Promise<void> {
  await page.goto(url('/login'));
  await fillLogin(page, user);
  await Promise.all([page.waitForURL(url('/account')), page.locator('form button[type=submit]').click()]);
}

async function waitForMap(page: Page): Promise<void> {
  await page.locator('[data-testid="co-map"] path.neighbourhood-boundary').first().waitFor();
  await page.getByTestId('map-sync').getByText(text('map_sync_live')).waitFor();
}

describe('co-mapping workshop', { timeout: 120_000 }, () => {
  let facilitator: TestUser;
  let resident: TestUser;
  let screen: BrowserSession;
  let phone: BrowserSession;
  let workshopId: string | null = null;

  beforeAll(async () => {
    [facilitator, resident] = await Promise.all([
      createUser([{ role: 'BASE_STAFF', organisationSlug: 'base-ommat-abad' }]),
      createUser(),
    ]);
    [screen, phone] = await Promise.all([launchBrowser(), launchBrowser({ viewport: { width: 360, height: 740 } })]);
  }, 120_000);

  afterAll(async () => {
    // Closing frees the code for other workshops.
    if (workshopId) {
      await gql(
        'mutation($id: ID!) { setWorkshopStatus(id: $id, status: CLOSED) { id } }',
        { id: workshopId },
        { token: facilitator.token },
      );
    }
    await Promise.all([screen?.close(), phone?.close()]);
  });

  it('runs a workshop: open, join by code on a phone, propose, confirm, pause', async () => {
    const board = await screen.context.newPage();
    await logIn(board, facilitator);
    await board.goto(url('/n/ommat-abad/map'));
    await waitForMap(board);
    await board.getByRole('button', { name: text('workshop_open') }).click();
    await board.getByLabel(text('workshop_field_title')).fill('نقشه‌نگاری داشته‌های محله');
    await board.getByRole('button', { name: text('workshop_open_submit') }).click();
    const code = (await board.getByTestId('workshop-code').getAttribute('data-code'))!;
    expect(code).toMatch(/^\d{6}$/);
    expect(await board.getByTestId('workshop-code').innerText()).toBe(toPersianDigits(code));

    await Promise.all([
      board.waitForURL(/\/n\/ommat-abad\/workshop\/[^/]+$/),
      board.getByRole('link', { name: text('workshop_open_screen') }).click(),
    ]);
    workshopId = board.url().split('/').pop()!;
    await waitForMap(board);
    expect(await board.getByTestId('workshop-participants').innerText()).toBe('۰');
    await expectNoAxeViolations(board);
    // Large touch targets on the shared screen.
    for (const name of [text('workshop_pause'), text('map_draw_point')]) {
      const size = (await board.getByRole('button', { name }).boundingBox())!;
      expect(size.height).toBeGreaterThanOrEqual(48);
    }

    // A signed-out phone is sent to log in first, and comes back to the join page.
    const mobile = await phone.context.newPage();
    await mobile.goto(url('/workshop'));
    expect(mobile.url()).toBe(url(`/login?next=${encodeURIComponent('/workshop')}`));
    await fillLogin(mobile, resident);
    await Promise.all([mobile.waitForURL(url('/workshop')), mobile.locator('form button[type=submit]').click()]);
    await expectNoAxeViolations(mobile);
    await mobile.getByLabel(text('workshop_join_code')).fill(toPersianDigits(code));
    await Promise.all([
      mobile.waitForURL(url('/n/ommat-abad/map')),
      mobile.getByRole('button', { name: text('workshop_join_submit') }).click(),
    ]);
    await waitForMap(mobile);
    await mobile.getByTestId('workshop-banner').waitFor();
    await board.getByTestId('workshop-participants').getByText('۱').waitFor();

    const title = `زمین ورزش ${Math.random().toString(36).slice(2, 8)}`;
    await mobile.getByRole('button', { name: text('map_place_at_centre') }).click();
    await mobile.getByLabel(text('map_field_category')).selectOption({ label: 'مدرسه' });
    await mobile.getByLabel(text('map_field_title'), { exact: true }).fill(title);
    const [response] = await Promise.all([
      mobile.waitForResponse(
        (r) => r.url().endsWith('/graphql') && r.request().postData()?.includes('createMapFeature') === true,
      ),
      mobile.getByRole('button', { name: text('map_form_save') }).click(),
    ]);
    const { id } = ((await response.json()) as { data: { createMapFeature: { id: string } } }).data.createMapFeature;
    const proposal = mobile.getByTestId('feature-list').getByRole('button', { name: title });
    await proposal.getByText(text('map_status_proposed')).waitFor();

    const queue = board.getByTestId('moderation-queue');
    await queue.getByText(title).waitFor({ timeout: 5_000 });
    await queue.getByRole('button', { name: text('workshop_queue_confirm', { title }) }).click();
    await queue.getByText(title).waitFor({ state: 'detached' });
    const confirmed = ok(
      await gql<{ mapFeature: { status: string } | null }>(
        'query($id: ID!) { mapFeature(id: $id) { status } }',
        { id },
        { token: facilitator.token },
      ),
    ).mapFeature;
    expect(confirmed?.status).toBe('CONFIRMED');
    await proposal.getByText(text('map_status_confirmed')).waitFor();

    await board.getByRole('button', { name: text('workshop_pause') }).click();
    await mobile.getByTestId('workshop-paused').getByText(text('workshop_paused_notice')).waitFor();
    for (const tool of ['map_draw_point', 'map_draw_line', 'map_draw_area', 'map_place_at_centre']) {
      await expect.poll(() => mobile.getByRole('button', { name: text(tool) }).isDisabled()).toBe(true);
    }
    await board.getByRole('button', { name: text('workshop_resume') }).waitFor();
    await expectNoAxeViolations(mobile);

    for (const session of [screen, phone]) {
      expect(session.requests.external(), 'requests that left the machine').toEqual([]);
      expect(session.pageErrors, 'uncaught errors in the page').toEqual([]);
    }
  });
});
