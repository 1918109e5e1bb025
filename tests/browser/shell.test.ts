import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser, type BrowserSession } from '../support/browser.js';
import {
  catalogue,
  expectNoAxeViolations,
  expectStayedLocal,
  hasHorizontalScroll,
  portalUrl as url,
} from '../support/portal.js';

const DEMO_PASSWORD = 'mahalleh-demo-1405';
const RESIDENT = 'resident@demo.mahalleh.ir';

const fa = catalogue('fa');

const PILOTS = {
  fa: ['امت آباد', 'عباس آباد', 'ایزدشهر'],
  en: ['Ommat-Abad', 'Abbas-Abad', 'Izadshahr'],
};

/** This year on Tehran time: Jalali in Persian digits (e.g. ۱۴۰۵) or Gregorian. */
function currentYear(calendar: 'fa-IR-u-ca-persian' | 'en-GB'): string {
  const parts = new Intl.DateTimeFormat(calendar, { timeZone: 'Asia/Tehran', year: 'numeric' }).formatToParts(
    new Date(),
  );
  return parts.find((part) => part.type === 'year')!.value;
}

async function htmlAttributes(page: Page): Promise<{ lang: string | null; dir: string | null }> {
  return page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    dir: document.documentElement.getAttribute('dir'),
  }));
}

/** The first pilot linked from the home page, opened; returns to the caller on its page. */
async function openFirstNeighbourhood(page: Page, home: string): Promise<void> {
  await page.goto(url(home));
  const link = page.locator('main ul a').first();
  await Promise.all([page.waitForURL(/\/n\/[^/]+$/), link.click()]);
  await page.locator('[data-testid="neighbourhood-map"] path.neighbourhood-boundary').first().waitFor();
}

async function logIn(page: Page, prefix: '' | '/en'): Promise<void> {
  await page.goto(url(`${prefix}/login`));
  await page.getByLabel(prefix ? 'Email' : fa.field_email!).fill(RESIDENT);
  await page.getByLabel(prefix ? 'Password' : fa.field_password!, { exact: true }).fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL(url(`${prefix}/account`)), page.locator('form button[type=submit]').click()]);
}

describe('portal shell', { timeout: 60_000 }, () => {
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

  it('serves the Persian home page right to left with the pilots and a Jalali date', async () => {
    page = await browser.context.newPage();
    await page.goto(url('/'));
    expect(await htmlAttributes(page)).toEqual({ lang: 'fa', dir: 'rtl' });
    const text = await page.locator('main').innerText();
    for (const name of PILOTS.fa) expect(text).toContain(name);
    const today = await page.locator('header time').innerText();
    expect(today).toContain(currentYear('fa-IR-u-ca-persian'));
    expect(today).not.toMatch(/[0-9]/);
    await expectNoAxeViolations(page);
  });

  it('serves the English home page left to right under /en/', async () => {
    page = await browser.context.newPage();
    await page.goto(url('/en/'));
    expect(await htmlAttributes(page)).toEqual({ lang: 'en', dir: 'ltr' });
    const text = await page.locator('main').innerText();
    for (const name of PILOTS.en) expect(text).toContain(name);
    for (const name of PILOTS.fa) expect(text).not.toContain(name);
    expect(await page.locator('header time').innerText()).toContain(currentYear('en-GB'));
    await expectNoAxeViolations(page);
  });

  it.each([
    ['fa', ''],
    ['en', '/en'],
  ] as const)('draws the neighbourhood boundary on the map (%s)', async (_locale, prefix) => {
    page = await browser.context.newPage();
    await openFirstNeighbourhood(page, `${prefix}/`);
    const map = page.getByTestId('neighbourhood-map');
    expect(await map.getAttribute('aria-label')).toBeTruthy();
    const boundary = map.locator('path.neighbourhood-boundary').first();
    expect(await boundary.isVisible()).toBe(true);
    const box = await boundary.boundingBox();
    expect(box!.width).toBeGreaterThan(10);
    expect(box!.height).toBeGreaterThan(10);
    await expectNoAxeViolations(page);
  });

  it('answers 404 for an unknown neighbourhood', async () => {
    page = await browser.context.newPage();
    const response = await page.goto(url('/n/no-such-neighbourhood'));
    expect(response!.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe(fa.error_page_not_found_title);
    await expectNoAxeViolations(page);
  });

  it.each(['/login', '/en/login', '/signup', '/en/signup'])('has an accessible %s page', async (path) => {
    page = await browser.context.newPage();
    await page.goto(url(path));
    await expectNoAxeViolations(page);
  });

  it('shows the Persian message for a wrong password', async () => {
    page = await browser.context.newPage();
    await page.goto(url('/login'));
    await page.getByLabel(fa.field_email!).fill(RESIDENT);
    await page.getByLabel(fa.field_password!, { exact: true }).fill('not-the-password');
    await page.locator('form button[type=submit]').click();
    const alert = page.getByRole('alert').filter({ hasText: fa.error_invalid_credentials! });
    await alert.waitFor();
    expect(page.url()).toBe(url('/login'));
  });

  it('sends an anonymous visitor from the account page to the login page', async () => {
    page = await browser.context.newPage();
    await page.goto(url('/account'));
    expect(page.url()).toBe(url('/login'));
  });

  it.each([
    ['fa', ''],
    ['en', '/en'],
  ] as const)('logs the demo resident in and out (%s)', async (_locale, prefix) => {
    page = await browser.context.newPage();
    await logIn(page, prefix);
    await page.getByTestId('viewer-email').getByText(RESIDENT).waitFor();
    await expectNoAxeViolations(page);
    await Promise.all([
      page.waitForURL((current) => current.pathname.replace(/\/$/, '') === prefix),
      page.getByRole('button', { name: prefix ? 'Log out' : fa.logout! }).click(),
    ]);
    await page.goto(url(`${prefix}/account`));
    expect(page.url()).toBe(url(`${prefix}/login`));
  });

  it('signs a new resident up, saves the profile and changes the password in Persian', async () => {
    page = await browser.context.newPage();
    const email = `portal-${Date.now()}@test.mahalleh.ir`;
    await page.goto(url('/signup'));
    await page.getByLabel(fa.field_display_name!).fill('مریم');
    await page.getByLabel(fa.field_email!).fill(email);
    await page.getByLabel(fa.field_password!, { exact: true }).fill('رمز-بلند-و-امن-1405');
    await Promise.all([page.waitForURL(url('/account')), page.getByRole('button', { name: fa.signup_submit }).click()]);
    await page.getByTestId('viewer-email').getByText(email).waitFor();

    await page.getByLabel(fa.field_display_name!).fill('مریم رضایی');
    await page.getByRole('button', { name: fa.profile_submit }).click();
    await page.getByText(fa.profile_saved!).waitFor();

    await page.getByLabel(fa.field_current_password!).fill('not-my-password');
    await page.getByLabel(fa.field_new_password!).fill('رمز-تازه-و-امن-1405');
    await page.getByRole('button', { name: fa.password_submit }).click();
    await page.getByRole('alert').filter({ hasText: fa.error_invalid_credentials! }).waitFor();
    await page.getByLabel(fa.field_current_password!).fill('رمز-بلند-و-امن-1405');
    await page.getByRole('button', { name: fa.password_submit }).click();
    await page.getByText(fa.password_changed!).waitFor();
    await expectNoAxeViolations(page);
  });

  it.each(['/', '/en/'])('fits a 360px-wide phone without horizontal scrolling (%s)', async (home) => {
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(url(home));
    expect(await hasHorizontalScroll(page)).toBe(false);
    await openFirstNeighbourhood(page, home);
    expect(await hasHorizontalScroll(page)).toBe(false);
  });
});
