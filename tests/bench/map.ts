/**
 * Map viewport (issue 7, item 2): `mapView(neighbourhoodId, bbox, zoom)` as the province admin (exact
 * access) over one large test neighbourhood per distribution (clustered hotspots, uniform), filled
 * by one SQL bulk insert per step at each size (default 10k, 100k and 1M features), at zoom 16, 14 and
 * 12 (a phone screen's box centred on the main hotspot). Beside it, the floor: the data statement
 * the service runs for that case (the feature selection, or the grid clustering at the cell size the
 * service ends at) sent as raw SQL over `pg` to the same database. When DATABASE_URL is set, the
 * same cases on an embedded app are the peer.
 *
 * Env: BENCH_MAP_SIZES=10000,100000,1000000 (10k is the only size whose phone box at z16 holds
 * fewer than MAP_MAX_ITEMS features, so it is the one that measures the feature-list path); BENCH_MAP_EMBEDDED_MAX (largest size loaded on the embedded
 * database, default 100000: a 1M load there takes far longer than the whole bench may);
 * BENCH_MAP_SAMPLES (requests per repetition, default adaptive 5..30); BENCH_MAP_ZOOMS=16,14,12.
 */
import pg from 'pg';
import { gql, login, median, REPEATS, round, startApp, type BenchApp, type Figure } from './lib.ts';

const SIZES = (process.env.BENCH_MAP_SIZES ?? '10000,100000,1000000').split(',').map(Number).filter(Boolean);
const EMBEDDED_MAX = Number(process.env.BENCH_MAP_EMBEDDED_MAX ?? 100_000);
const ZOOMS = (process.env.BENCH_MAP_ZOOMS ?? '16,14,12').split(',').map(Number);
const FIXED_SAMPLES = process.env.BENCH_MAP_SAMPLES ? Number(process.env.BENCH_MAP_SAMPLES) : null;
/** Rough time spent on one repetition of one case, to choose the sample count. */
const REPEAT_BUDGET_MS = 1500;
const ADMIN = 'admin@demo.mahalleh.ir';
const HALF_SIDE = 0.02;
/** Screen of a phone in portrait, px. */
const SCREEN = { w: 360, h: 640 };
/** Box width in degrees per zoom, as the issue gives them (≈ 360 px of a Web Mercator tile). */
const WIDTH: Record<number, number> = { 16: 0.005, 14: 0.02, 12: 0.08 };
const LOAD_BATCH = 100_000;

type Distribution = 'clustered' | 'uniform';
const DISTRIBUTIONS: Distribution[] = ['clustered', 'uniform'];
/** Each distribution gets its own neighbourhood, far enough apart that the boxes never overlap. */
const CENTRES: Record<Distribution, [number, number]> = { clustered: [52.33, 36.47], uniform: [52.38, 36.47] };

const MAP_VIEW = `query($n: ID!, $bbox: [Float!], $zoom: Int) {
  mapView(neighbourhoodId: $n, bbox: $bbox, zoom: $zoom) {
    total clustered exactHarms lastSeq maxItems
    features { id kind status title version severity capacity geometry mine authorName category { slug } }
    clusters { count lon lat bbox }
    harmCells { id bbox count }
  }
}`;

interface MapViewResult {
  total: number;
  clustered: boolean;
  maxItems: number;
  features: unknown[];
  clusters: unknown[];
  harmCells: unknown[];
}

const log = (...args: unknown[]) => console.log('[bench:map]', ...args);
const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

function bboxFor(centre: [number, number], zoom: number): number[] {
  const w = WIDTH[zoom] ?? (SCREEN.w * 360) / (256 * 2 ** zoom);
  const h = (w * SCREEN.h * Math.cos((centre[1] * Math.PI) / 180)) / SCREEN.w;
  return [centre[0] - w / 2, centre[1] - h / 2, centre[0] + w / 2, centre[1] + h / 2];
}

/** The service's cluster cell: about 64 px at the zoom. */
const cellDegrees = (zoom: number) => (64 * 360) / (256 * 2 ** Math.min(Math.max(zoom, 0), 22));

async function createNeighbourhood(url: string, token: string, centre: [number, number]): Promise<string> {
  const { counties } = await gql<{ counties: { id: string; slug: string }[] }>(url, '{ counties { id slug } }');
  const county = counties.find((c) => c.slug === 'amol');
  if (!county) throw new Error('no county amol');
  const [x, y] = centre;
  const h = HALF_SIDE;
  const r = await gql<{ createNeighbourhood: { id: string } }>(
    url,
    'mutation($i: CreateNeighbourhoodInput!) { createNeighbourhood(input: $i) { id } }',
    {
      i: {
        slug: `bench-map-${Math.random().toString(36).slice(2, 10)}`,
        nameFa: 'محلهٔ سنجش نقشه',
        nameEn: 'Map bench neighbourhood',
        countyId: county.id,
        boundary: {
          type: 'Polygon',
          coordinates: [
            [
              [x - h, y - h],
              [x + h, y - h],
              [x + h, y + h],
              [x - h, y + h],
              [x - h, y - h],
            ],
          ],
        },
      },
    },
    token,
  );
  return r.createNeighbourhood.id;
}

/**
 * Rows `from`..`to` of a distribution, as one INSERT ... SELECT over generate_series. Randomness is
 * md5 of the row number, so every database gets the same points. Clustered: 90% in five gaussian
 * hotspots (the first, at the centre, holding 40%), 10% uniform background; clamped to the box.
 */
function insertSql(dist: Distribution): string {
  const u = (from: number) => `((('x' || substr(h, ${from}, 8))::bit(32)::bigint + 0.5) / 4294967296.0)`;
  const clustered = `
    case when ${u(17)} < 0.1 then $2::float8 + (${u(1)} * 2 - 1) * $4
         else s.cx + s.sigma * sqrt(-2 * ln(${u(1)})) * cos(2 * pi() * ${u(9)}) end as x,
    case when ${u(17)} < 0.1 then $3::float8 + (${u(9)} * 2 - 1) * $4
         else s.cy + s.sigma * sqrt(-2 * ln(${u(1)})) * sin(2 * pi() * ${u(9)}) end as y`;
  const uniform = `$2::float8 + (${u(1)} * 2 - 1) * $4 as x, $3::float8 + (${u(9)} * 2 - 1) * $4 as y`;
  return `
    with c as (select array_agg(id order by slug) as ids, array_agg(kind::text order by slug) as kinds,
                      count(*)::int as n from map_category),
         spots(k, cx, cy, sigma, lo, hi) as (values
           (0, $2::float8, $3::float8, 0.003, 0.1, 0.46),
           (1, $2::float8 - 0.011, $3::float8 + 0.009, 0.002, 0.46, 0.595),
           (2, $2::float8 + 0.012, $3::float8 + 0.010, 0.0025, 0.595, 0.73),
           (3, $2::float8 - 0.010, $3::float8 - 0.012, 0.004, 0.73, 0.865),
           (4, $2::float8 + 0.011, $3::float8 - 0.009, 0.003, 0.865, 1.01)),
         r as (select g.i, md5('${dist}:' || g.i) as h from generate_series($5::int, $6::int) g(i)),
         p as (select r.i, r.h, ${dist === 'clustered' ? clustered : uniform}
                 ${dist === 'clustered' ? `from r join spots s on ${u(17)} >= s.lo and ${u(17)} < s.hi` : 'from r'}),
         q as (select p.*, 1 + (('x' || substr(h, 25, 8))::bit(32)::bigint % c.n)::int as ci
                 from p cross join c)
    insert into map_feature (id, created_at, updated_at, neighbourhood_id, kind, category_id, geometry, title,
                             severity, capacity, source, status, version)
    select md5('${dist}:id:' || q.i)::uuid, now() - make_interval(secs => q.i), now() - make_interval(secs => q.i),
           $1::uuid, c.kinds[q.ci]::map_feature_kind, c.ids[q.ci],
           ST_SetSRID(ST_MakePoint(least(greatest(q.x, $2::float8 - $4), $2::float8 + $4),
                                   least(greatest(q.y, $3::float8 - $4), $3::float8 + $4)), 4326),
           'bench feature ' || q.i,
           case when c.kinds[q.ci] = 'HARM' then 1 + q.i % 5 end,
           case when c.kinds[q.ci] = 'ASSET' then q.i % 50 end,
           (array['INFORMANT_MEETING', 'FIELD_VISIT', 'REPORT'])[1 + q.i % 3]::map_feature_source,
           'CONFIRMED', 1
      from q cross join c`;
}

/** Fills the neighbourhood up to `to` features (rows `from`..`to`), in batches; returns seconds. */
async function load(db: pg.Client, dist: Distribution, id: string, from: number, to: number, tag: string) {
  const [cx, cy] = CENTRES[dist];
  const t0 = performance.now();
  for (let a = from; a <= to; a += LOAD_BATCH) {
    const b = Math.min(to, a + LOAD_BATCH - 1);
    const t = performance.now();
    await db.query(insertSql(dist), [id, cx, cy, HALF_SIDE, a, b]);
    log(`${tag} ${dist}: rows ${a}..${b} inserted in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const t = performance.now();
  await db.query('analyze map_feature');
  log(`${tag} ${dist}: analyze in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return (performance.now() - t0) / 1000;
}

/** The service's filter for a moderator with a box (mapping.service.ts#featureWhere), numbered from $1. */
const WHERE = `f.neighbourhood_id = $1 and f.status in ('PROPOSED', 'CONFIRMED')
  and f.geometry && ST_MakeEnvelope($2, $3, $4, $5, 4326) and true`;
const FEATURE_SQL = `
  select f.id, f.neighbourhood_id, f.kind, f.category_id, ST_AsGeoJSON(f.geometry, 7) as geometry,
         f.title, f.description, f.severity, f.capacity, f.source, f.status, f.author_id,
         u.display_name as author_name, f.version, f.created_at, f.updated_at
    from map_feature f left join app_user u on u.id = f.author_id
   where ${WHERE} order by f.created_at, f.id limit $6`;
/** mapping.service.ts#clusterSql: each point and its x and y computed once, behind `offset 0`. */
const CLUSTER_SQL = `
  select floor(x / $6)::int as i, floor(y / $6)::int as j, count(*)::int as n,
         (count(*) filter (where kind = 'ASSET'))::int as assets,
         avg(x) as lon, avg(y) as lat, min(x) as x0, min(y) as y0, max(x) as x1, max(y) as y1
    from (select ST_X(p) as x, ST_Y(p) as y, kind
            from (select case when ST_GeometryType(f.geometry) = 'ST_Point' then f.geometry
                              else ST_PointOnSurface(f.geometry) end as p, f.kind
                    from map_feature f where ${WHERE} offset 0) s0
          offset 0) s
   group by 1, 2`;

/** What the service runs for the data of this box, as one raw statement with its parameters. */
async function floorStatement(
  db: pg.Client,
  id: string,
  bbox: number[],
  zoom: number,
  maxItems: number,
): Promise<{ sql: string; params: unknown[]; inBox: number }> {
  const inBox = (
    await db.query<{ n: number }>(`select count(*)::int as n from map_feature f where ${WHERE.replace('$6', '0')}`, [
      id,
      ...bbox,
    ])
  ).rows[0]!.n;
  if (inBox <= maxItems) return { sql: FEATURE_SQL, params: [id, ...bbox, maxItems], inBox };
  // The service starts at the zoom's cell, or a coarser one that puts at most 4 × maxItems cells
  // over the box, and merges cells in memory until they fit; the floor asks for the cell it ends at.
  let cell = cellDegrees(zoom);
  while (((bbox[2]! - bbox[0]!) / cell) * ((bbox[3]! - bbox[1]!) / cell) > 4 * maxItems) cell *= 2;
  for (;;) {
    const { rowCount } = await db.query(CLUSTER_SQL, [id, ...bbox, cell]);
    if ((rowCount ?? 0) <= maxItems) return { sql: CLUSTER_SQL, params: [id, ...bbox, cell], inBox };
    cell *= 2;
  }
}

/**
 * Warm-up, then REPEATS × n sequential calls; the median of the repetitions' p50s, in ms. n is chosen
 * from the warm-up's time so that a repetition takes about REPEAT_BUDGET_MS (3..30 calls; 1 when a call
 * takes over a second).
 */
async function p50(call: () => Promise<unknown>): Promise<number> {
  let t = performance.now();
  await call();
  let one = performance.now() - t;
  if (one < 200) {
    t = performance.now();
    await call();
    one = performance.now() - t;
  }
  // A call over a second (clustering 1M points) is timed once per repetition: the whole bench must
  // stay within minutes.
  const least = one > 1000 ? 1 : 3;
  const n = FIXED_SAMPLES ?? Math.max(least, Math.min(30, Math.round(REPEAT_BUDGET_MS / Math.max(one, 1))));
  const p50s: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      t = performance.now();
      await call();
      times.push(performance.now() - t);
    }
    p50s.push(median(times));
  }
  return median(p50s);
}

interface Measured {
  api: number;
  items: number;
  total: number;
  clustered: boolean;
  sqlStatements: number | null;
  floor: number;
  inBox: number;
}

async function measure(app: BenchApp, db: pg.Client, token: string, id: string, bbox: number[], zoom: number) {
  const call = async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: MAP_VIEW, variables: { n: id, bbox, zoom } }),
    });
    const body = (await res.json()) as {
      data?: { mapView: MapViewResult };
      errors?: unknown;
      extensions?: { sqlStatements?: number };
    };
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body;
  };
  const first = await call();
  const view = first.data!.mapView;
  const items = view.features.length + view.clusters.length + view.harmCells.length;
  const api = await p50(call);
  const stmt = await floorStatement(db, id, bbox, zoom, view.maxItems);
  const floor = await p50(() => db.query(stmt.sql, stmt.params));
  const m: Measured = {
    api,
    items,
    total: view.total,
    clustered: view.clustered,
    sqlStatements: first.extensions?.sqlStatements ?? null,
    floor,
    inBox: stmt.inBox,
  };
  return m;
}

interface Setup {
  app: BenchApp;
  db: pg.Client;
  token: string;
  ids: Record<Distribution, string>;
  loaded: Record<Distribution, number>;
  /** Seconds spent loading each distribution so far (all sizes up to the current one). */
  loadSeconds: Record<Distribution, number>;
}

async function setup(app: BenchApp): Promise<Setup> {
  const token = await login(app.url, ADMIN);
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  // The same session setting as the app's own connections (api/src/db/orm.ts).
  await db.query('set jit = off');
  const ids = {} as Record<Distribution, string>;
  for (const d of DISTRIBUTIONS) ids[d] = await createNeighbourhood(app.url, token, CENTRES[d]);
  return { app, db, token, ids, loaded: { clustered: 0, uniform: 0 }, loadSeconds: { clustered: 0, uniform: 0 } };
}

async function cleanup(s: Setup) {
  const t = performance.now();
  for (const d of DISTRIBUTIONS) {
    await s.db.query('delete from map_feature where neighbourhood_id = $1', [s.ids[d]]);
  }
  log(`removed the bench features in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await s.db.end();
}

/** Every zoom of one size and distribution on one app; keyed by case name. */
async function runSize(s: Setup, size: number, dist: Distribution, tag: string) {
  const out = new Map<string, Measured & { loadSeconds: number }>();
  s.loadSeconds[dist] += await load(s.db, dist, s.ids[dist], s.loaded[dist] + 1, size, `${tag} ${label(size)}`);
  s.loaded[dist] = size;
  const loadSeconds = s.loadSeconds[dist];
  for (const zoom of ZOOMS) {
    const name = `${label(size)} ${dist}, z${zoom}`;
    const m = await measure(s.app, s.db, s.token, s.ids[dist], bboxFor(CENTRES[dist], zoom), zoom);
    log(
      `${tag} ${name}: api p50 ${round(m.api)} ms, floor ${round(m.floor)} ms,`,
      `${m.items} items (${m.clustered ? 'clusters' : 'features'}, ${m.inBox} in box), ${m.sqlStatements} statements`,
    );
    out.set(name, { ...m, loadSeconds });
  }
  return out;
}

export async function run(app: BenchApp): Promise<Figure[]> {
  const figures: Figure[] = [];
  const server = app.mode === 'server';
  log(`sizes ${SIZES.map(label).join(', ')} on ${server ? 'PostgreSQL server' : 'embedded PGlite'}`);

  const main = await setup(app);
  const results = new Map<string, Measured & { loadSeconds: number }>();
  const skipped = new Map<string, string>();
  const embeddedReason = (size: number) =>
    `not loaded on embedded PGlite: ${label(size)} is above BENCH_MAP_EMBEDDED_MAX=${label(EMBEDDED_MAX)}`;
  try {
    for (const dist of DISTRIBUTIONS) {
      for (const size of [...SIZES].sort((a, b) => a - b)) {
        if (!server && size > EMBEDDED_MAX) {
          skipped.set(`${label(size)} ${dist}`, embeddedReason(size));
          continue;
        }
        for (const [k, v] of await runSize(main, size, dist, server ? 'server' : 'embedded')) results.set(k, v);
      }
    }
  } finally {
    await cleanup(main);
  }

  const peers = new Map<string, number>();
  if (server) {
    log('starting an embedded app for the peer figures ...');
    const embedded = await startApp({ databaseUrl: null });
    const s = await setup(embedded);
    try {
      for (const dist of DISTRIBUTIONS) {
        for (const size of [...SIZES].sort((a, b) => a - b).filter((n) => n <= EMBEDDED_MAX)) {
          for (const [k, v] of await runSize(s, size, dist, 'embedded')) peers.set(k, v.api);
        }
      }
    } finally {
      await s.db.end();
      await embedded.stop();
    }
  }

  for (const dist of DISTRIBUTIONS) {
    for (const size of SIZES) {
      for (const zoom of ZOOMS) {
        const name = `${label(size)} ${dist}, z${zoom}`;
        const m = results.get(name);
        const peer = server
          ? { label: 'embedded PGlite', value: peers.has(name) ? round(peers.get(name)!) : null }
          : null;
        figures.push({
          workload: 'map',
          case: name,
          metric: 'mapView p50 (admin)',
          unit: 'ms',
          ours: m ? round(m.api) : null,
          floor: {
            label: m?.clustered ? 'raw SQL clustering' : 'raw SQL bbox select',
            value: m ? round(m.floor) : null,
          },
          peer,
          better: 'lower',
          target: '≤ 1.3x raw SQL + 2 ms',
          met: m ? m.api <= 1.3 * m.floor + 2 : null,
        });
        figures.push({
          workload: 'map',
          case: name,
          metric: 'items per response',
          unit: '',
          ours: m ? m.items : null,
          floor: { label: 'features in box', value: m ? m.inBox : null },
          better: 'lower',
          target: '≤ 5000',
          met: m ? m.items <= 5000 : null,
        });
        if (!m) log(`${name}: ${skipped.get(`${label(size)} ${dist}`) ?? 'not measured'}`);
      }
      const loaded = [...results.entries()].find(([k]) => k.startsWith(`${label(size)} ${dist},`))?.[1];
      figures.push({
        workload: 'map',
        case: `${label(size)} ${dist}`,
        metric: 'bulk load + analyze',
        unit: 's',
        ours: loaded ? round(loaded.loadSeconds) : null,
        better: 'lower',
      });
    }
  }
  for (const [k, reason] of skipped) log(`${k}: null: ${reason}`);
  return figures;
}
