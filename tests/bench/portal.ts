/**
 * The portal in a browser (issue 7, item 4): the map page's initial JavaScript and bytes on the
 * wire, LCP and TBT of the map page and the home page under mobile throttling, and how long a pan of
 * a map with 100k features takes to show the new view. Chromium through playwright-core; no request
 * leaves the machine (PUBLIC_TILE_URL stays unset, so Leaflet draws no base map).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { gql, login, median, REPEATS, root, round, type BenchApp, type Figure } from './lib.ts';

const NAME = 'portal';
const MAP_PATH = process.env.BENCH_PORTAL_MAP_PATH ?? '/n/ommat-abad/map';
const FEATURES = Number(process.env.BENCH_PORTAL_FEATURES ?? 100_000);
const PANS = Math.max(1, Number(process.env.BENCH_PORTAL_PANS ?? 10));
/** The page counts as quiet once no long task has run for this long after `load`. */
const QUIET_MS = Number(process.env.BENCH_PORTAL_QUIET_MS ?? 5000);
/** `0` skips the pan under mobile throttling (the slowest part). */
const THROTTLED_PAN = process.env.BENCH_PORTAL_THROTTLED_PAN !== '0';
const ADMIN = 'admin@demo.mahalleh.ir';
const PASSWORD = 'mahalleh-demo-1405';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Lighthouse's "mobile" numbers, as the issue gives them. */
const MOBILE = { latency: 150, down: (1.6 * 1024 * 1024) / 8, up: (750 * 1024) / 8, cpu: 4 };
const KB = 1024;

const log = (...args: unknown[]) => console.log(`[bench:${NAME}]`, ...args);
const gz = (body: Buffer) => gzipSync(body, { level: 9 }).length;
const kb = (bytes: number) => round(bytes / KB);
const local = (url: string) =>
  /^(data|blob|about):/.test(url) || /^\w+:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url);

/** Requests that would have left the machine (there must be none). */
const external: string[] = [];

async function newContext(browser: Browser, options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.on('request', (request) => {
    if (!local(request.url())) external.push(request.url());
  });
  return context;
}

async function throttle(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: MOBILE.latency,
    downloadThroughput: MOBILE.down,
    uploadThroughput: MOBILE.up,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpu });
}

// ---------------------------------------------------------------------------------------------
// Bytes

interface Bytes {
  /** Gzip (level 9) of each script the page loaded, summed. */
  jsGz: number;
  /** Gzip (level 9) of every response body, summed. */
  totalGz: number;
  /** What the wire carried as served (static files precompressed with brotli, HTML as is), headers included. */
  wire: number;
  scripts: { path: string; raw: number; gz: number }[];
}

/** Loads the page once unthrottled and weighs everything it fetched before any interaction. */
async function weigh(browser: Browser, url: string, ready: (page: Page) => Promise<void>): Promise<Bytes> {
  const context = await newContext(browser, { viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const bytes: Bytes = { jsGz: 0, totalGz: 0, wire: 0, scripts: [] };
  page.on('response', (response) => {
    pending.push(
      (async () => {
        const request = response.request();
        if (request.resourceType() === 'websocket') return;
        const body = await response.body().catch(() => null);
        const sizes = await request.sizes().catch(() => null);
        if (sizes) bytes.wire += sizes.responseBodySize + sizes.responseHeadersSize;
        if (!body) return;
        bytes.totalGz += gz(body);
        if (request.resourceType() === 'script') {
          const g = gz(body);
          bytes.jsGz += g;
          bytes.scripts.push({ path: new URL(response.url()).pathname, raw: body.length, gz: g });
        }
      })(),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await ready(page);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  await context.close();
  bytes.scripts.sort((a, b) => b.gz - a.gz);
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// LCP and TBT

interface Vitals {
  fcp: number;
  lcp: number;
  tbt: number;
  longTasks: number;
  longest: number;
}

/** Records paint, LCP and long-task entries from the first script on. */
function observeVitals() {
  const w = window as unknown as {
    __perf: { fcp: number | null; lcp: number; tasks: [number, number][]; load: number | null };
  };
  const perf = (w.__perf = {
    fcp: null as number | null,
    lcp: 0,
    tasks: [] as [number, number][],
    load: null as number | null,
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) perf.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') perf.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) perf.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('load', () => (perf.load = performance.now()));
}

async function vitalsOnce(browser: Browser, url: string): Promise<Vitals> {
  const context = await newContext(browser, {
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  await context.addInitScript(observeVitals);
  const page = await context.newPage();
  await throttle(context, page);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // Quiet: QUIET_MS after load with no long task (a TTI-like end), at most 60 s.
  const deadline = Date.now() + 60_000;
  let perf: { fcp: number | null; lcp: number; tasks: [number, number][]; load: number | null };
  for (;;) {
    perf = await page.evaluate(() => ({
      ...(
        window as unknown as {
          __perf: { fcp: number | null; lcp: number; tasks: [number, number][]; load: number | null };
        }
      ).__perf,
      now: performance.now(),
    }));
    const now = (perf as unknown as { now: number }).now;
    const lastBusy = Math.max(perf.load ?? now, ...perf.tasks.map(([s, d]) => s + d));
    if (now - lastBusy >= QUIET_MS || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  await context.close();
  const fcp = perf.fcp ?? 0;
  let tbt = 0;
  for (const [start, duration] of perf.tasks) {
    // Lighthouse's rule: only the part of a task after FCP counts, less 50 ms.
    const end = start + duration;
    if (end <= fcp) continue;
    tbt += Math.max(0, end - Math.max(start, fcp) - 50);
  }
  return {
    fcp,
    lcp: perf.lcp,
    tbt,
    longTasks: perf.tasks.length,
    longest: Math.max(0, ...perf.tasks.map(([, d]) => d)),
  };
}

async function vitals(browser: Browser, url: string, label: string): Promise<Vitals> {
  log(`${label}: warm-up load under mobile throttling ...`);
  await vitalsOnce(browser, url);
  const runs: Vitals[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const v = await vitalsOnce(browser, url);
    log(
      `${label} run ${i + 1}/${REPEATS}: FCP ${Math.round(v.fcp)} ms, LCP ${Math.round(v.lcp)} ms, TBT ${Math.round(v.tbt)} ms ` +
        `(${v.longTasks} long tasks, longest ${Math.round(v.longest)} ms)`,
    );
    runs.push(v);
  }
  return {
    fcp: median(runs.map((r) => r.fcp)),
    lcp: median(runs.map((r) => r.lcp)),
    tbt: median(runs.map((r) => r.tbt)),
    longTasks: median(runs.map((r) => r.longTasks)),
    longest: median(runs.map((r) => r.longest)),
  };
}

// ---------------------------------------------------------------------------------------------
// Pan with 100k features

interface BenchWindow {
  __maps: {
    panBy(offset: [number, number], options: { animate: boolean }): void;
    setView(centre: unknown, zoom: number, options: { animate: boolean }): void;
    getCenter(): unknown;
    getZoom(): number;
    getContainer(): HTMLElement;
    getSize(): { x: number; y: number };
  }[];
  __views: { start: number; end: number | null }[];
  __L?: unknown;
}

/**
 * Before any page script: keeps each Leaflet map the page makes (Leaflet sets `window.L`, and
 * geoman needs it global), and times each `MapView` request from send to parsed body.
 */
function instrumentMap() {
  const w = window as unknown as BenchWindow & Record<string, unknown>;
  w.__maps = [];
  w.__views = [];
  let leaflet: unknown;
  Object.defineProperty(window, 'L', {
    configurable: true,
    get: () => leaflet,
    set(value: { Map: { addInitHook(fn: () => void): void } }) {
      leaflet = value;
      value.Map.addInitHook(function (this: BenchWindow['__maps'][number]) {
        w.__maps.push(this);
      });
    },
  });
  const original = window.fetch;
  window.fetch = async (input, init) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    if (!body.includes('"operationName":"MapView"')) return original(input, init);
    const view = { start: performance.now(), end: null as number | null };
    w.__views.push(view);
    const response = await original(input, init);
    const json = response.json.bind(response);
    response.json = async () => {
      const parsed = await json();
      view.end = performance.now();
      return parsed;
    };
    return response;
  };
}

/**
 * In the page: pans (or, with `zoom`, re-centres at that zoom) and waits for the view to be drawn:
 * the `MapView` request the move triggers has answered, then two animation frames, and any DOM
 * changes on the map that follow have settled (two frames after the last).
 */
async function moveAndWait(arg: { dx: number; dy: number; zoom: number | null }) {
  const w = window as unknown as BenchWindow;
  const map = w.__maps[w.__maps.length - 1]!;
  const frames = () =>
    new Promise<number>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(performance.now()))));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  let lastMutation = 0;
  let painted = 0;
  const observer = new MutationObserver(() => {
    lastMutation = performance.now();
    void frames().then((t) => (painted = Math.max(painted, t)));
  });
  const seen = w.__views.length;
  const t0 = performance.now();
  if (arg.zoom !== null) map.setView(map.getCenter(), arg.zoom, { animate: false });
  else map.panBy([arg.dx, arg.dy], { animate: false });
  observer.observe(map.getContainer(), { childList: true, subtree: true });
  let view: { start: number; end: number | null } | undefined;
  const deadline = performance.now() + 60_000;
  while (!(view = w.__views.slice(seen).find((v) => v.end !== null)) && performance.now() < deadline) await sleep(2);
  if (!view) throw new Error('no MapView answer within 60 s of the move');
  const end = view.end!;
  lastMutation = Math.max(lastMutation, end);
  const afterAnswer = await frames();
  while (performance.now() - lastMutation < 150) await sleep(20);
  await frames();
  observer.disconnect();
  const done = Math.max(afterAnswer, painted);
  return {
    total: done - t0,
    debounce: view.start - t0,
    request: end - view.start,
    render: done - end,
    clusters: map.getContainer().querySelectorAll('.map-cluster').length,
    features: map.getContainer().querySelectorAll('[data-feature-id]').length,
  };
}

async function seedFeatures(app: BenchApp): Promise<{ slug: string; id: string; cleanup: () => Promise<void> }> {
  const token = await login(app.url, ADMIN);
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    const county = (await db.query(`select county_id from neighbourhood where slug = 'ommat-abad'`)).rows[0]?.county_id;
    if (!county) throw new Error('the demo neighbourhood ommat-abad is missing');
    const slug = `bench-portal-${Date.now().toString(36)}`;
    // About 1.8 km x 2.2 km, away from the demo neighbourhoods.
    const [x0, y0, x1, y1] = [52.4, 36.4, 52.42, 36.42];
    const boundary = {
      type: 'Polygon',
      coordinates: [
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ],
      ],
    };
    const { createNeighbourhood } = await gql<{ createNeighbourhood: { id: string } }>(
      app.url,
      'mutation($i: CreateNeighbourhoodInput!) { createNeighbourhood(input: $i) { id } }',
      { i: { boundary, countyId: county, nameEn: 'Bench pan', nameFa: 'محلهٔ آزمون', slug } },
      token,
    );
    const id = createNeighbourhood.id;
    const t0 = performance.now();
    // Points spread evenly over the box, every category in turn; one in ten still a proposal.
    await db.query(
      `insert into map_feature (id, created_at, updated_at, neighbourhood_id, kind, category_id, geometry, title,
         severity, capacity, source, status, author_id, version)
       select gen_random_uuid(), now(), now(), $1, c.kind, c.id,
         st_setsrid(st_makepoint($2 + random() * $4, $3 + random() * $5), 4326),
         'bench ' || g, case when c.kind = 'HARM' then 1 + g % 5 end, null,
         (case when c.kind = 'HARM' then 'FIELD_VISIT' else 'INFORMANT_MEETING' end)::map_feature_source,
         (case when g % 10 = 0 then 'PROPOSED' else 'CONFIRMED' end)::map_feature_status,
         (select id from app_user where email = $7), 1
       from generate_series(1, $6::int) g
       join (select id, kind, row_number() over (order by kind, slug) - 1 as k, count(*) over () as n
             from map_category) c on c.k = g % c.n`,
      [id, x0, y0, x1 - x0, y1 - y0, FEATURES, ADMIN],
    );
    await db.query('analyze map_feature');
    log(`${FEATURES} features in ${slug} in ${Math.round(performance.now() - t0)} ms`);
    return {
      slug,
      id,
      async cleanup() {
        const c = new pg.Client({ connectionString: app.databaseUrl });
        await c.connect();
        try {
          await c.query('delete from map_feature where neighbourhood_id = $1', [id]);
          await c.query('delete from neighbourhood where id = $1', [id]).catch(() => undefined);
        } finally {
          await c.end();
        }
      },
    };
  } finally {
    await db.end();
  }
}

async function logIn(page: Page, base: string) {
  const fa = JSON.parse(readFileSync(join(root, 'portal/messages/fa.json'), 'utf8')) as Record<string, string>;
  await page.goto(`${base}/login`);
  await page.getByLabel(fa.field_email!).fill(ADMIN);
  await page.getByLabel(fa.field_password!, { exact: true }).fill(PASSWORD);
  await Promise.all([page.waitForURL(`${base}/account`), page.locator('form button[type=submit]').click()]);
}

interface PanResult {
  median: number;
  debounce: number;
  request: number;
  render: number;
  shown: string;
}

async function pans(
  browser: Browser,
  app: BenchApp,
  slug: string,
  opts: { label: string; zoom: number | null; throttled: boolean; count: number },
): Promise<PanResult> {
  const mobile = opts.throttled;
  const context = await newContext(browser, {
    viewport: mobile ? { width: 360, height: 740 } : { width: 1280, height: 800 },
  });
  await context.addInitScript(instrumentMap);
  const page = await context.newPage();
  try {
    await logIn(page, app.url);
    await page.goto(`${app.url}/n/${slug}/map`, { waitUntil: 'networkidle', timeout: 120_000 });
    await page.waitForFunction(() => (window as unknown as BenchWindow).__views.some((v) => v.end !== null));
    if (opts.zoom !== null) {
      const z = await page.evaluate(moveAndWait, { dx: 0, dy: 0, zoom: opts.zoom });
      log(`${opts.label}: at zoom ${opts.zoom}: ${z.features} features, ${z.clusters} clusters drawn`);
    }
    if (opts.throttled) await throttle(context, page);
    const size = await page.evaluate(() => {
      const w = window as unknown as BenchWindow;
      return w.__maps[w.__maps.length - 1]!.getSize();
    });
    // A square walk, a third of the map each step, so the view stays over the features.
    const step = (i: number): [number, number] =>
      (
        [
          [size.x / 3, 0],
          [0, size.y / 3],
          [-size.x / 3, 0],
          [0, -size.y / 3],
        ] as [number, number][]
      )[i % 4]!;
    const warm = 2;
    const results: Awaited<ReturnType<typeof moveAndWait>>[] = [];
    for (let i = 0; i < warm + opts.count; i++) {
      const [dx, dy] = step(i);
      const r = await page.evaluate(moveAndWait, { dx, dy, zoom: null });
      if (i >= warm) results.push(r);
    }
    const last = results[results.length - 1]!;
    const result = {
      median: median(results.map((r) => r.total)),
      debounce: median(results.map((r) => r.debounce)),
      request: median(results.map((r) => r.request)),
      render: median(results.map((r) => r.render)),
      shown: `${last.features} features, ${last.clusters} clusters`,
    };
    log(
      `${opts.label}: ${opts.count} pans, median ${Math.round(result.median)} ms = ` +
        `debounce ${Math.round(result.debounce)} + MapView ${Math.round(result.request)} + render ${Math.round(result.render)} ` +
        `(${result.shown}); all: ${results.map((r) => Math.round(r.total)).join(', ')}`,
    );
    return result;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------

function leafletFloor(): number | null {
  const pnpm = join(root, 'node_modules/.pnpm');
  const dir = readdirSync(pnpm).find((d) => d.startsWith('leaflet@'));
  const file = dir && join(pnpm, dir, 'node_modules/leaflet/dist/leaflet.js');
  return file && existsSync(file) ? gz(readFileSync(file)) : null;
}

export async function run(app: BenchApp): Promise<Figure[]> {
  if (!existsSync(join(root, 'portal/build/handler.js'))) {
    throw new Error('portal/build is missing: run `pnpm build` first');
  }
  const figures: Figure[] = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  external.length = 0;
  const mapUrl = `${app.url}${MAP_PATH}`;
  const homeUrl = `${app.url}/`;
  try {
    // Bytes: deterministic, so one load each (after a warm-up of the server's SSR).
    log('weighing the map and home pages ...');
    const mapReady = async (page: Page) => {
      await page.locator('.leaflet-container').waitFor();
      await page.waitForTimeout(500);
    };
    await weigh(browser, mapUrl, mapReady);
    const mapBytes = await weigh(browser, mapUrl, mapReady);
    const homeBytes = await weigh(browser, homeUrl, async (page) => page.waitForTimeout(500));
    const leaflet = leafletFloor();
    log(
      `map page: ${mapBytes.scripts.length} scripts, ${kb(mapBytes.jsGz)} KB gz JS; biggest: ` +
        mapBytes.scripts
          .slice(0, 8)
          .map((s) => `${s.path.split('/').pop()} ${kb(s.gz)} KB gz (${kb(s.raw)} KB raw)`)
          .join(', '),
    );
    log(`map page: ${kb(mapBytes.totalGz)} KB gz in all, ${kb(mapBytes.wire)} KB on the wire as served`);
    log(
      `home page: ${homeBytes.scripts.length} scripts, ${kb(homeBytes.jsGz)} KB gz JS, ${kb(homeBytes.totalGz)} KB gz in all`,
    );
    const floor = { label: 'Leaflet alone, gz', value: leaflet === null ? null : kb(leaflet) };
    figures.push(
      {
        workload: NAME,
        case: `map page ${MAP_PATH}`,
        metric: 'initial JS (gzip -9)',
        unit: 'KB',
        ours: kb(mapBytes.jsGz),
        floor,
        better: 'lower',
        target: '≤ 100 KB gz',
        met: mapBytes.jsGz <= 100 * KB,
      },
      {
        workload: NAME,
        case: `map page ${MAP_PATH}`,
        metric: 'all bytes (gzip -9 of each response)',
        unit: 'KB',
        ours: kb(mapBytes.totalGz),
        better: 'lower',
      },
      {
        workload: NAME,
        case: `map page ${MAP_PATH}`,
        metric: 'bytes on the wire as served',
        unit: 'KB',
        ours: kb(mapBytes.wire),
        better: 'lower',
      },
      {
        workload: NAME,
        case: 'home page /',
        metric: 'initial JS (gzip -9)',
        unit: 'KB',
        ours: kb(homeBytes.jsGz),
        better: 'lower',
      },
    );

    // LCP and TBT under mobile throttling.
    const throttling = `mobile: ${MOBILE.latency} ms RTT, 1.6/0.75 Mbps, ${MOBILE.cpu}x CPU, 360x740`;
    for (const [label, url] of [
      ['map page', mapUrl],
      ['home page', homeUrl],
    ] as const) {
      const v = await vitals(browser, url, label);
      const page = label === 'map page' ? `map page ${MAP_PATH}` : 'home page /';
      figures.push(
        {
          workload: NAME,
          case: `${page}, ${throttling}`,
          metric: 'LCP',
          unit: 'ms',
          ours: Math.round(v.lcp),
          better: 'lower',
          target: '≤ 2500 ms',
          met: v.lcp <= 2500,
        },
        {
          workload: NAME,
          case: `${page}, ${throttling}`,
          metric: 'TBT (FCP to quiet)',
          unit: 'ms',
          ours: Math.round(v.tbt),
          better: 'lower',
        },
      );
    }

    // Pans over 100k features.
    log(`seeding ${FEATURES} features ...`);
    const seeded = await seedFeatures(app);
    try {
      const cases: { label: string; zoom: number | null; throttled: boolean; count: number }[] = [
        { label: 'fitted view (server clusters), desktop, unthrottled', zoom: null, throttled: false, count: PANS },
        { label: 'zoom 19 (features drawn), desktop, unthrottled', zoom: 19, throttled: false, count: PANS },
      ];
      if (THROTTLED_PAN) {
        cases.push({
          label: `fitted view, ${throttling}`,
          zoom: null,
          throttled: true,
          count: Math.max(3, Math.ceil(PANS / 2)),
        });
      }
      for (const c of cases) {
        const r = await pans(browser, app, seeded.slug, c);
        const shown = `${FEATURES} features, ${c.label} (${r.shown})`;
        figures.push(
          {
            workload: NAME,
            case: shown,
            metric: 'pan to new view drawn (incl. 250 ms debounce)',
            unit: 'ms',
            ours: Math.round(r.median),
            better: 'lower',
          },
          {
            workload: NAME,
            case: shown,
            metric: 'of which the MapView request (send to parsed)',
            unit: 'ms',
            ours: Math.round(r.request),
            better: 'lower',
          },
        );
      }
    } finally {
      await seeded.cleanup();
    }
  } finally {
    await browser.close();
  }
  if (external.length) log(`WARNING: requests left the machine: ${external.slice(0, 5).join(', ')}`);
  return figures;
}
