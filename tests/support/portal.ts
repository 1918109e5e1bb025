import { readFileSync } from 'node:fs';

import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';

import type { BrowserSession } from './browser.js';

/** An absolute URL of the app under test. */
export const portalUrl = (path: string) => new URL(path, inject('appUrl')).toString();

/** The portal's own catalogue, so the tests follow the wording rather than copy it. */
export function catalogue(locale: 'fa' | 'en'): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`../../portal/messages/${locale}.json`, import.meta.url), 'utf8'));
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** After each test: nothing left the machine and no page threw. Clears both logs. */
export function expectStayedLocal(session: BrowserSession): void {
  const external = session.requests.external();
  const pageErrors = session.pageErrors.splice(0);
  session.requests.clear();
  expect(external, 'requests that left the machine').toEqual([]);
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
}

/** Signs in through the Persian login form and waits for the account page. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  const fa = catalogue('fa');
  await page.goto(portalUrl('/login'));
  await page.getByLabel(fa.field_email!).fill(email);
  await page.getByLabel(fa.field_password!, { exact: true }).fill(password);
  await Promise.all([page.waitForURL(portalUrl('/account')), page.locator('form button[type=submit]').click()]);
}

/** True when the page is wider than the screen (a phone would scroll sideways). */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
