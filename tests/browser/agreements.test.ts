import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addValidLicence, pdfBytes, readAgreement, readyDraft, setupBase } from '../support/agreements.js';
import { createAssessment } from '../support/assessments.js';
import { launchBrowser, type BrowserSession } from '../support/browser.js';
import { createTestBase, createTestNeighbourhood, createUser, type TestUser } from '../support/factories.js';
import { DEMO_PASSWORD, demo, gql, login, ok } from '../support/gql.js';
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
const text = (key: string) => fa[key]!;
const PHONE = { width: 360, height: 740 };

const state = (page: Page) => page.getByTestId('agreement-page').getAttribute('data-state');

/** Opens an action's form on the agreement (or review) page, fills what it needs and sends it. */
async function act(
  page: Page,
  action: string,
  fill?: (form: ReturnType<Page['locator']>) => Promise<void>,
  confirm = false,
) {
  await page.locator(`[data-testid="agreement-action"][data-action="${action}"]`).click();
  const form = page.locator(`[data-testid="agreement-action-form"][data-action="${action}"]`);
  await form.waitFor();
  await fill?.(form);
  await form.locator('button[type="submit"]').click();
  if (confirm) await form.getByTestId('agreement-confirm').locator('button[type="submit"]').click();
  await page.getByTestId('agreement-action-done').waitFor();
}

describe('the annual base agreement, from application to renewal', { timeout: 240_000 }, () => {
  let browser: BrowserSession;
  let n: { id: string; slug: string };
  let base: { id: string; slug: string; nameFa: string };
  let staff: TestUser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    n = await createTestNeighbourhood([52.371, 36.463]);
    base = await createTestBase(n.id);
    staff = await createUser([{ role: 'BASE_STAFF', organisationSlug: base.slug }]);
    ok(await addValidLicence(staff.token, base.id));
    // Activity the summer report of 1404 will find: a needs assessment held on 1404/05/01.
    await createAssessment(await login(demo.province_admin), n.id, { heldFrom: '1404/05/01' });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  async function pageAs(email: string, password: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await browser.context.browser()!.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    await logIn(page, email, password);
    return page;
  }

  it('is applied for with documents, approved by the county, reported on each quarter and renewed by the province', async () => {
    // 1. The NGO's staff member applies on a phone, typing the year in Persian digits.
    const ngo = await pageAs(staff.email, staff.password, PHONE);
    await ngo.goto(url('/agreements'));
    const create = ngo.getByTestId('agreement-create-form');
    await create.waitFor();
    await ngo.waitForLoadState('networkidle');
    await expectNoAxeViolations(ngo);
    await create.getByLabel(text('agr_field_organisation')).selectOption(base.id);
    await create.getByLabel(text('agr_field_year'), { exact: true }).fill('۱۴۰۴');
    await create.getByRole('checkbox').first().check();
    await create.getByLabel(text('agr_field_requested_funding')).fill('۱٬۵۰۰٬۰۰۰٬۰۰۰');
    await create.locator('button[type="submit"]').click();
    await ngo.waitForURL(/\/agreements\/[0-9a-f-]{36}$/);
    const id = ngo.url().split('/').at(-1)!;
    expect(await state(ngo)).toBe('DRAFT');

    // Submitting before the documents are there names what is missing.
    await ngo.locator('[data-testid="agreement-action"][data-action="SUBMIT"]').click();
    const submitForm = ngo.locator('[data-testid="agreement-action-form"][data-action="SUBMIT"]');
    await submitForm.locator('button[type="submit"]').click();
    await expect.poll(() => submitForm.getByTestId('agreement-missing').locator('li').count()).toBe(3);
    await expect.poll(() => ngo.getByRole('alert').first().textContent()).toContain(text('error_checklist_incomplete'));
    await submitForm.locator('button.secondary').click();

    // 2. Uploads the three documents, each with its progress and confirmation.
    for (const [key, name] of [
      ['agr_upload_licence_scan', 'پروانه فعالیت.pdf'],
      ['agr_upload_resume', 'سابقه فعالیت ۱۴۰۳.pdf'],
      ['agr_upload_staff_list', 'فهرست کارکنان.pdf'],
    ] as const) {
      const field = ngo.getByTestId('upload-field').filter({ has: ngo.getByLabel(text(key), { exact: true }) });
      await field
        .getByLabel(text(key), { exact: true })
        .setInputFiles({ name, mimeType: 'application/pdf', buffer: pdfBytes(name) });
      await field.getByTestId('upload-submit').click();
      await expect
        .poll(() => ngo.getByTestId('document-item').filter({ hasText: name }).count(), { timeout: 15_000 })
        .toBe(1);
    }
    await expect.poll(async () => (await readAgreement(id, staff.token))!.checklist.every((c) => c.done)).toBe(true);
    expect(await hasHorizontalScroll(ngo)).toBe(false);
    await expectNoAxeViolations(ngo);
    await act(ngo, 'SUBMIT');
    await expect.poll(() => state(ngo)).toBe('SUBMITTED');

    // 3. The county supervisor reviews, approves with the funding and signing day typed in Persian, and activates.
    const supervisor = await pageAs(demo.county_supervisor, DEMO_PASSWORD);
    await supervisor.goto(url(`/agreements/${id}`));
    await supervisor.getByTestId('agreement-page').waitFor();
    await supervisor.waitForLoadState('networkidle');
    await act(supervisor, 'START_REVIEW');
    await act(supervisor, 'APPROVE', async (form) => {
      await form.getByLabel(text('agr_field_funding')).fill('۱٬۲۰۰٬۰۰۰٬۰۰۰');
      await form.getByLabel(text('agr_field_signed_on')).fill('۱۴۰۴/۰۱/۱۰');
    });
    await expect.poll(() => state(supervisor)).toBe('APPROVED');
    await expect.poll(() => supervisor.getByTestId('agreement-commitments').locator('li').count()).toBe(6);
    await act(supervisor, 'ACTIVATE');
    await expect.poll(() => state(supervisor)).toBe('ACTIVE');
    await expectNoAxeViolations(supervisor);
    const approved = (await readAgreement(id, staff.token))!;
    expect(approved).toMatchObject({ state: 'ACTIVE', fundingRials: '1200000000', signedOn: '2025-03-30' });

    // 4. The base starts the summer report: it comes prefilled from the platform; staff add their counts and submit.
    await ngo.goto(url(`/agreements/${id}`));
    const summer = ngo.locator('[data-testid="quarter"][data-quarter="2"]');
    await summer.waitFor();
    await ngo.waitForLoadState('networkidle');
    await summer.getByRole('button', { name: text('rep_start') }).click();
    await ngo.waitForURL(new RegExp(`/agreements/${id}/reports/2$`));
    await ngo.getByTestId('report-page').waitFor();
    await ngo.waitForLoadState('networkidle');
    await expect.poll(() => ngo.getByTestId('platform-assessments').textContent()).toContain('۱');
    const report = ngo.getByTestId('report-form');
    await report.getByLabel(text('rep_count_interviews'), { exact: true }).fill('۱۲');
    await report.getByLabel(text('rep_field_narrative'), { exact: true }).fill('دو کارگاه مهارت‌های زندگی برگزار شد.');
    await report.getByRole('button', { name: text('rep_submit') }).click();
    await expect.poll(() => ngo.getByTestId('report-state').first().getAttribute('data-state')).toBe('SUBMITTED');
    expect(await hasHorizontalScroll(ngo)).toBe(false);
    await expectNoAxeViolations(ngo);

    // 5. The supervisor accepts it.
    await supervisor.goto(url(`/agreements/${id}/reports/2`));
    const review = supervisor.getByTestId('report-review');
    await review.waitFor();
    await supervisor.waitForLoadState('networkidle');
    await review.getByRole('button', { name: text('rep_review_accept') }).click();
    await expect.poll(() => supervisor.getByTestId('report-state').first().getAttribute('data-state')).toBe('ACCEPTED');
    const stored = ok(
      await gql<{
        agreement: {
          quarters: {
            quarter: number;
            report: { state: string; interviews: number; platform: { assessmentsHeld: number } } | null;
          }[];
        };
      }>(
        'query($id: ID!) { agreement(id: $id) { quarters { quarter report { state interviews platform { assessmentsHeld } } } } }',
        { id },
        { token: staff.token },
      ),
    ).agreement.quarters[1]!.report;
    expect(stored).toEqual({ state: 'ACCEPTED', interviews: 12, platform: { assessmentsHeld: 1 } });

    // 6. The Prevention deputy reviews the year on one page and renews.
    const deputy = await pageAs(demo.province_admin, DEMO_PASSWORD);
    await deputy.goto(url(`/agreements/${id}/review`));
    await deputy.getByTestId('review-page').waitFor();
    await deputy.waitForLoadState('networkidle');
    await expectNoAxeViolations(deputy);
    await act(deputy, 'BEGIN_YEAR_END_REVIEW');
    await expect.poll(() => deputy.getByTestId('review-page').getAttribute('data-state')).toBe('YEAR_END_REVIEW');
    await act(
      deputy,
      'RENEW',
      async (form) => {
        await form.getByRole('textbox').fill('فعالیت‌های سال تأیید شد.');
      },
      true,
    );
    await expect.poll(() => deputy.getByTestId('review-page').getAttribute('data-state')).toBe('RENEWED');
    await deputy.getByTestId('agreement-next-draft').click();
    await deputy.waitForURL(/\/agreements\/[0-9a-f-]{36}$/);
    await deputy.getByTestId('agreement-page').waitFor();
    expect(deputy.url()).not.toContain(id);
    expect(await state(deputy)).toBe('DRAFT');
    await expectNoAxeViolations(deputy);

    // 7. Next year's draft exists for the base, linked and prefilled.
    const renewed = (await readAgreement(id, staff.token))!;
    const next = (await readAgreement(renewed.nextId!, staff.token))!;
    expect(next).toMatchObject({ year: 1405, state: 'DRAFT', previousId: id, requestedFundingRials: '1200000000' });
    expect(next.neighbourhoods.map((x) => x.id)).toEqual([n.id]);
    expect(renewed.history.map((h) => h.toState)).toEqual([
      'SUBMITTED',
      'UNDER_REVIEW',
      'APPROVED',
      'ACTIVE',
      'YEAR_END_REVIEW',
      'RENEWED',
    ]);
    expectStayedLocal(browser);
  });

  it('shows the supervisor’s dashboard and the registry in Persian and English without axe violations', async () => {
    const supervisor = await pageAs(demo.county_supervisor, DEMO_PASSWORD, PHONE);
    for (const path of [
      '/supervision',
      '/organisations',
      `/organisations/${base.slug}`,
      '/en/supervision',
      `/en/organisations/${base.slug}`,
    ]) {
      await supervisor.goto(url(path));
      await supervisor.waitForLoadState('networkidle');
      expect(await supervisor.locator('h1').count(), path).toBe(1);
      expect(await hasHorizontalScroll(supervisor), path).toBe(false);
      await expectNoAxeViolations(supervisor);
    }
    await supervisor.goto(url('/en/supervision'));
    await expect.poll(() => supervisor.locator('h1').textContent()).toBe(en['sup_title']);
  });

  it('keeps another base’s staff and residents out of an agreement and its files', async () => {
    const other = await setupBase();
    const first = await readyDraft(other, 1404);
    const document = ok(
      await gql<{ agreement: { documents: { url: string }[] } }>(
        'query($id: ID!) { agreement(id: $id) { documents { url } } }',
        { id: first.id },
        { token: other.staff.token },
      ),
    ).agreement.documents[0]!;
    const stranger = await pageAs(demo.base_staff, DEMO_PASSWORD);
    const res = await stranger.goto(url(`/agreements/${first.id}`));
    expect(res!.status()).toBe(404);
    const file = await stranger.request.get(url(document.url));
    expect(file.status()).toBe(404);
    const resident = await pageAs(demo.resident, DEMO_PASSWORD);
    await resident.goto(url('/agreements'));
    await resident.getByTestId('agreements-refused').waitFor();
    await expectNoAxeViolations(resident);
  });
});
