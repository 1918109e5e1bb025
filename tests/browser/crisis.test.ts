import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser, type BrowserSession } from '../support/browser.js';
import {
  catalogue,
  expectNoAxeViolations,
  expectStayedLocal,
  hasHorizontalScroll,
  logIn,
  portalUrl as url,
} from '../support/portal.js';
import { createUser, neighbourhood } from '../support/factories.js';
import { DEMO_PASSWORD, demo, gql, login, ok } from '../support/gql.js';

const messages = { fa: catalogue('fa'), en: catalogue('en') };
const fa = messages.fa;

const LOCALES = [
  ['fa', ''],
  ['en', '/en'],
] as const;

const HOTLINE_TEXT = { fa: '۱۲۳', en: '123' };
const SLUG = 'ommat-abad';
const PHONE_VIEWPORT = { width: 360, height: 740 };

/** How many features the neighbourhood's map shows its base staff, who see every harm exactly. */
async function mapTotal(neighbourhoodId: string): Promise<number> {
  const r = await gql<{ mapView: { total: number } }>(
    'query($id: ID!) { mapView(neighbourhoodId: $id) { total } }',
    { id: neighbourhoodId },
    { token: await login(demo.base_staff) },
  );
  return ok(r).mapView.total;
}

/** A referral sent straight through the API by a fresh resident; returns its reference. */
async function reportThroughApi(details: string): Promise<string> {
  const reporter = await createUser();
  const { id } = await neighbourhood(SLUG);
  const r = await gql<{ reportCrisis: { reference: string } }>(
    'mutation($input: ReportCrisisInput!) { reportCrisis(input: $input) { reference } }',
    { input: { neighbourhoodId: id, kind: 'OTHER', urgency: 'ROUTINE', details } },
    { token: reporter.token },
  );
  return ok(r).reportCrisis.reference;
}

describe('crisis safeguard', { timeout: 90_000 }, () => {
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(async () => {
    await page?.close();
    await browser.context.clearCookies();
    expectStayedLocal(browser);
  });

  it.each(LOCALES)(
    'puts the hotline 123 first, as a tel: link, for a signed-out visitor (%s)',
    async (locale, prefix) => {
      page = await browser.context.newPage();
      await page.goto(url(`${prefix}/crisis`));
      const hotline = page.locator('main').getByTestId('crisis-hotline');
      expect(await hotline.getAttribute('href')).toBe('tel:123');
      expect(await hotline.isVisible()).toBe(true);
      expect(await hotline.innerText()).toContain(HOTLINE_TEXT[locale]);

      // No form without a session: a login link that comes back here, below the hotline.
      expect(await page.locator('main form').count()).toBe(0);
      const loginLink = page.getByRole('link', { name: messages[locale].crisis_login_link });
      expect(await loginLink.getAttribute('href')).toBe(`${prefix}/login?next=/crisis`);
      expect((await hotline.boundingBox())!.y).toBeLessThan((await loginLink.boundingBox())!.y);
      await expectNoAxeViolations(page);
    },
  );

  it.each(LOCALES)('fits a 360px phone with the hotline on the first screen (%s)', async (locale, prefix) => {
    page = await browser.context.newPage();
    await page.setViewportSize(PHONE_VIEWPORT);
    await page.goto(url(`${prefix}/`));
    const entry = page.locator('header').getByTestId('crisis-nav');
    expect(await entry.isVisible()).toBe(true);
    expect(await entry.innerText()).toContain(HOTLINE_TEXT[locale]);
    expect(await hasHorizontalScroll(page)).toBe(false);

    await Promise.all([page.waitForURL(url(`${prefix}/crisis`)), entry.click()]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    const box = (await page.locator('main').getByTestId('crisis-hotline').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE_VIEWPORT.height);
    expect(box.width).toBeGreaterThanOrEqual(200);
  });

  it('takes a signed-in resident’s referral in confidence; Ommat-Abad staff see it and mark it contacted', async () => {
    const { id: neighbourhoodId } = await neighbourhood(SLUG);
    const mapBefore = await mapTotal(neighbourhoodId);
    const reporter = await createUser();
    const details = `آزمون ارجاع ${Date.now()}`;

    page = await browser.context.newPage();
    await logIn(page, reporter.email, reporter.password);
    await page.goto(url('/en/crisis'));
    await page.getByLabel(messages.en.crisis_field_neighbourhood!, { exact: true }).waitFor();
    await expectNoAxeViolations(page);

    await page.goto(url('/crisis'));
    expect(await page.locator('main').getByTestId('crisis-hotline').getAttribute('href')).toBe('tel:123');
    await page.getByLabel(fa.crisis_field_neighbourhood!, { exact: true }).selectOption({ label: 'امت آباد' });
    await page.getByLabel(fa.crisis_field_kind!).selectOption({ label: fa.crisis_kind_family_violence! });
    await page.getByRole('radio', { name: fa.crisis_urgency_urgent }).check();
    await page.getByLabel(fa.crisis_field_details!).fill(details);
    await page.getByLabel(fa.crisis_field_phone!).fill('۰۹۱۲ ۳۴۵ ۶۷۸۹');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: fa.crisis_submit }).click();

    const receipt = page.getByTestId('crisis-receipt');
    const reference = (await receipt.getByTestId('crisis-reference').innerText()).trim();
    expect(reference).toMatch(/^[0-9A-Z]{6,}$/);
    expect(await receipt.getByTestId('crisis-hotline').getAttribute('href')).toBe('tel:123');
    expect(await receipt.innerText()).toContain(fa.crisis_next_title);
    await expectNoAxeViolations(page);

    // A crisis is never a map feature.
    expect(await mapTotal(neighbourhoodId)).toBe(mapBefore);

    await browser.context.clearCookies();
    await logIn(page, demo.base_staff, DEMO_PASSWORD);
    await page.getByTestId('crisis-referral-links').getByRole('link').first().waitFor();
    await page.goto(url('/crisis'));
    const links = page.getByTestId('crisis-referral-links');
    await Promise.all([page.waitForURL(url(`/n/${SLUG}/referrals`)), links.getByRole('link').first().click()]);

    const card = page.locator(`[data-testid="crisis-referral"][data-reference="${reference}"]`);
    expect(await card.innerText()).toContain(details);
    expect(await card.getByTestId('crisis-referral-status').innerText()).toBe(fa.crisis_status_new);
    expect(await card.getByRole('link', { name: '۰۹۱۲۳۴۵۶۷۸۹' }).getAttribute('href')).toBe('tel:09123456789');
    const received = await card.locator('time').first().innerText();
    expect(received).toMatch(/[۰-۹]{4}/);
    expect(received).not.toMatch(/[0-9]/);
    // Newest first: the referral just made heads the list.
    expect(await page.getByTestId('crisis-referral').first().getAttribute('data-reference')).toBe(reference);
    await expectNoAxeViolations(page);

    await card.getByLabel(fa.crisis_field_note!).fill('با خانواده تماس گرفته شد.');
    await card.getByRole('button', { name: fa.crisis_mark_contacted }).click();
    await card.getByTestId('crisis-referral-status').getByText(fa.crisis_status_contacted!, { exact: true }).waitFor();
    await card.getByText(fa.crisis_status_saved!).waitFor();
    expect(await card.getByRole('button', { name: fa.crisis_mark_closed }).isVisible()).toBe(true);

    await page.goto(url(`/n/${SLUG}/referrals?status=NEW`));
    expect(await card.count()).toBe(0);
    await page.goto(url(`/n/${SLUG}/referrals?status=CONTACTED`));
    expect(await card.innerText()).toContain('با خانواده تماس گرفته شد.');
    await expectNoAxeViolations(page);
  });

  it.each(LOCALES)('tells a resident the referrals are not theirs to see (%s)', async (locale, prefix) => {
    const details = `نباید دیده شود ${Date.now()}`;
    await reportThroughApi(details);
    const resident = await createUser();

    page = await browser.context.newPage();
    await logIn(page, resident.email, resident.password);
    await page.goto(url(`${prefix}/n/${SLUG}/referrals`));
    expect(await page.getByTestId('crisis-referrals-refused').innerText()).toContain(
      messages[locale].crisis_referrals_not_allowed!.split('{number}')[0]!.trim(),
    );
    expect(await page.getByTestId('crisis-referral').count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toContain(details);
    await expectNoAxeViolations(page);
  });

  it('turns a signed-out visitor away from the referrals with a way to log in', async () => {
    page = await browser.context.newPage();
    await page.goto(url(`/n/${SLUG}/referrals`));
    const refused = page.getByTestId('crisis-referrals-refused');
    expect(await refused.getByRole('link').getAttribute('href')).toBe(`/login?next=/n/${SLUG}/referrals`);
    expect(await page.getByTestId('crisis-referral').count()).toBe(0);
  });
});
