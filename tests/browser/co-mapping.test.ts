import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser, type BrowserSession } from '../support/browser.js';
import {
  catalogue,
  expectNoAxeViolations,
  expectStayedLocal,
  hasHorizontalScroll,
  logIn as logInPage,
  portalUrl as url,
} from '../support/portal.js';
import { createUser, mapCategory, neighbourhood, type TestUser } from '../support/factories.js';
import { gql, ok } from '../support/gql.js';

const MAP = '/n/ommat-abad/map';

const fa = catalogue('fa');
const en = catalogue('en');
const text = (key: string) => fa[key]!;

async function logIn(session: BrowserSession, user: TestUser): Promise<void> {
  const page = await session.context.newPage();
  await logInPage(page, user.email, user.password);
  await page.close();
}

/** Opens the map and waits until its features are drawn and the live connection is up. */
async function openMap(session: BrowserSession, path = MAP, liveText = text('map_sync_live')): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url(path));
  await page.locator('[data-testid="co-map"] path.neighbourhood-boundary').first().waitFor();
  await page.getByTestId('map-sync').getByText(liveText).waitFor();
  return page;
}

const unique = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;

interface FeatureRow {
  id: string;
  title: string;
  version: number;
  status: string;
  geometry: { type: string };
}

async function feature(id: string, token: string): Promise<FeatureRow | null> {
  return ok(
    await gql<{ mapFeature: FeatureRow | null }>(
      'query($id: ID!) { mapFeature(id: $id) { id title version status geometry } }',
      { id },
      { token },
    ),
  ).mapFeature;
}

/** A small square somewhere near the middle of Ommat-Abad, made through the API. */
async function createSquare(token: string, title: string): Promise<string> {
  const jitter = () => (Math.random() - 0.5) * 0.0016;
  const [x, y, d] = [52.3655 + jitter(), 36.456 + jitter(), 0.0003];
  const input = {
    neighbourhoodId: (await neighbourhood('ommat-abad')).id,
    categoryId: await mapCategory('school'),
    title,
    source: 'FIELD_VISIT',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x - d, y - d],
          [x + d, y - d],
          [x + d, y + d],
          [x - d, y + d],
          [x - d, y - d],
        ],
      ],
    },
  };
  return ok(
    await gql<{ createMapFeature: { id: string } }>(
      'mutation($input: CreateMapFeatureInput!) { createMapFeature(input: $input) { id } }',
      { input },
      { token },
    ),
  ).createMapFeature.id;
}

/** Selects a feature from the list beside the map and opens its edit form. */
async function editFeature(page: Page, title: string): Promise<void> {
  await page.getByTestId('feature-list').getByRole('button', { name: title }).click();
  await page.getByTestId('feature-details').getByRole('heading', { name: title }).waitFor();
  await page.getByRole('button', { name: text('map_edit'), exact: true }).click();
}

async function saveTitle(page: Page, title: string): Promise<void> {
  await page.getByLabel(text('map_field_title'), { exact: true }).fill(title);
  await page.getByRole('button', { name: text('map_form_save') }).click();
}

describe('live co-mapping', { timeout: 90_000 }, () => {
  let staffA: TestUser;
  let staffB: TestUser;
  let a: BrowserSession;
  let b: BrowserSession;
  const pages: Page[] = [];

  beforeAll(async () => {
    [staffA, staffB] = await Promise.all([
      createUser([{ role: 'BASE_STAFF', organisationSlug: 'base-ommat-abad' }]),
      createUser([{ role: 'BASE_STAFF', organisationSlug: 'base-ommat-abad' }]),
    ]);
    [a, b] = await Promise.all([launchBrowser(), launchBrowser()]);
    await Promise.all([logIn(a, staffA), logIn(b, staffB)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
    for (const session of [a, b]) expectStayedLocal(session);
  });

  it('shows a polygon drawn by one editor to another within two seconds, without a reload', async () => {
    const [pageA, pageB] = await Promise.all([openMap(a), openMap(b)]);
    pages.push(pageA, pageB);
    // Each sees the other on the map.
    await pageA.getByTestId('presence-list').waitFor();

    await pageA.getByRole('button', { name: text('map_draw_area') }).click();
    const box = (await pageA.getByTestId('co-map').boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    for (const [dx, dy] of [
      [-40, -30],
      [40, -30],
      [40, 30],
      [-40, 30],
    ] as const) {
      await pageA.mouse.click(cx + dx, cy + dy);
    }
    await pageA.getByRole('button', { name: text('map_draw_finish') }).click();

    const title = unique('زمین بازی');
    await pageA.getByLabel(text('map_field_category')).selectOption({ label: 'مدرسه' });
    await pageA.getByLabel(text('map_field_title'), { exact: true }).fill(title);
    const [response] = await Promise.all([
      pageA.waitForResponse(
        (r) => r.url().endsWith('/graphql') && r.request().postData()?.includes('createMapFeature') === true,
      ),
      pageA.getByRole('button', { name: text('map_form_save') }).click(),
    ]);
    const created = ((await response.json()) as { data: { createMapFeature: { id: string } } }).data.createMapFeature;

    await pageB.getByTestId('feature-list').getByRole('button', { name: title }).waitFor({ timeout: 2_000 });
    await pageB.locator(`[data-feature-id="${created.id}"]`).waitFor();
    const stored = await feature(created.id, staffA.token);
    expect(stored).toMatchObject({ title, status: 'CONFIRMED', geometry: { type: 'Polygon' } });
  });

  it.each(['discard', 'reapply'] as const)(
    'tells the second of two editors of the same feature about the conflict, keeps the first save, and lets them %s',
    async (choice) => {
      const original = unique('مهدکودک');
      const id = await createSquare(staffA.token, original);
      const [pageA, pageB] = await Promise.all([openMap(a), openMap(b)]);
      pages.push(pageA, pageB);
      await Promise.all([editFeature(pageA, original), editFeature(pageB, original)]);

      const first = unique('مهدکودک امید');
      await saveTitle(pageA, first);
      await pageA.getByTestId('feature-details').getByRole('heading', { name: first }).waitFor();
      // B's list follows A's save live, while B's own form is still open.
      await pageB.getByTestId('feature-list').getByRole('button', { name: first }).waitFor();

      const second = unique('مهدکودک نور');
      await saveTitle(pageB, second);
      const conflict = pageB.getByTestId('map-conflict');
      await conflict.getByText(text('map_conflict_title')).waitFor();
      expect(await conflict.innerText()).toContain(text('map_conflict_text'));
      expect(await conflict.innerText()).toContain(first);
      expect(await feature(id, staffA.token)).toMatchObject({ title: first, version: 2 });

      const button = choice === 'discard' ? 'map_conflict_discard' : 'map_conflict_reapply';
      await conflict.getByRole('button', { name: text(button) }).click();
      const kept = choice === 'discard' ? first : second;
      await pageB.getByTestId('feature-details').getByRole('heading', { name: kept }).waitFor();
      await pageA.getByTestId('feature-details').getByRole('heading', { name: kept }).waitFor();
      expect(await pageB.getByTestId('map-conflict').count()).toBe(0);
      expect(await feature(id, staffA.token)).toMatchObject({ title: kept, version: choice === 'discard' ? 2 : 3 });
    },
  );

  it('reshapes a feature on the map and saves the new geometry with its version', async () => {
    const title = unique('باغچه');
    const id = await createSquare(staffA.token, title);
    const before = await feature(id, staffA.token);
    const page = await openMap(a);
    pages.push(page);
    await page.getByTestId('feature-list').getByRole('button', { name: title }).click();
    await page.getByRole('button', { name: text('map_reshape') }).click();
    const vertex = page.locator('[data-testid="co-map"] .marker-icon:not(.marker-icon-middle)').first();
    const box = (await vertex.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 12, box.y + box.height / 2 + 12, { steps: 5 });
    await page.mouse.up();
    await page.getByRole('button', { name: text('map_reshape_save') }).click();
    await expect.poll(async () => (await feature(id, staffA.token))?.version).toBe(2);
    const after = await feature(id, staffA.token);
    expect(after?.geometry.type).toBe('Polygon');
    expect(JSON.stringify(after?.geometry)).not.toBe(JSON.stringify(before?.geometry));
    await page.locator(`[data-feature-id="${id}"]`).waitFor();
  });

  it('keeps an edit made offline and sends it when the connection returns', async () => {
    const original = unique('کتابخانه');
    const id = await createSquare(staffA.token, original);
    const pageB = await openMap(b);
    pages.push(pageB);
    await editFeature(pageB, original);

    await b.context.setOffline(true);
    const changed = unique('کتابخانه‌ی محله');
    await saveTitle(pageB, changed);
    const queue = pageB.getByTestId('map-queue');
    await queue.waitFor();
    expect(await queue.innerText()).toBe(text('map_sync_waiting').replace('{count}', '۱'));
    await pageB.getByTestId('feature-details').getByText(text('map_pending_badge')).waitFor();
    const stored = await pageB.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('mahalleh:map-queue:')),
    );
    expect(stored).toHaveLength(1);
    expect((await feature(id, staffA.token))?.title).toBe(original);

    await b.context.setOffline(false);
    await expect.poll(async () => (await feature(id, staffA.token))?.title, { timeout: 10_000 }).toBe(changed);
    await queue.waitFor({ state: 'detached' });
  });

  it('exports the map as GeoJSON and CSV and imports a FeatureCollection with a report per feature', async () => {
    const page = await openMap(a);
    pages.push(page);
    for (const [button, name] of [
      ['map_export_geojson', /^ommat-abad-map-.+\.geojson$/],
      ['map_export_csv', /^ommat-abad-map-.+\.csv$/],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: text(button) }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(name);
    }

    const title = unique('باشگاه ورزشی');
    const point = (coordinates: [number, number], name: string) => ({
      type: 'Feature',
      properties: { title: name, category: 'school' },
      geometry: { type: 'Point', coordinates },
    });
    const collection = {
      type: 'FeatureCollection',
      features: [point([52.3655, 36.456], title), point([52.0, 36.0], unique('بیرون از محله'))],
    };
    await page.getByLabel(text('map_import_file')).setInputFiles({
      name: 'features.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(collection)),
    });
    await page.getByRole('button', { name: text('map_import_submit') }).click();
    const report = page.getByTestId('import-report');
    await report.getByText(text('map_reason_outside_neighbourhood')).waitFor();
    expect(await report.innerText()).toContain(`${title}: ${text('map_import_ok')}`);
    await page.getByTestId('feature-list').getByRole('button', { name: title }).waitFor();
  });

  it('fits a 360px-wide phone, where the selected feature opens as a bottom sheet', async () => {
    const phone = await launchBrowser({ viewport: { width: 360, height: 740 } });
    try {
      const page = await openMap(phone);
      expect(await hasHorizontalScroll(page)).toBe(false);
      await page.getByTestId('feature-list').getByRole('button').first().click();
      const sheet = (await page.getByTestId('map-sheet').boundingBox())!;
      expect(sheet.x).toBe(0);
      expect(sheet.width).toBe(360);
      expect(Math.round(sheet.y + sheet.height)).toBe(740);
      expect(await hasHorizontalScroll(page)).toBe(false);
      expect(phone.requests.external(), 'requests that left the machine').toEqual([]);
      expect(phone.pageErrors, 'uncaught errors in the page').toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it.each([
    ['fa', MAP, fa],
    ['en', `/en${MAP}`, en],
  ] as const)('has an accessible map page (%s)', async (_locale, path, messages) => {
    const page = await openMap(a, path, messages.map_sync_live);
    pages.push(page);
    await page.getByTestId('feature-list').waitFor();
    await expectNoAxeViolations(page);
  });
});
