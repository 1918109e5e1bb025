/**
 * Live fan-out (issue 7, item 3): N clients subscribed to one neighbourhood's `mapEvents` over
 * graphql-ws while map edits arrive at a steady rate; beside it, the floor: the same number of
 * messages fanned out by a bare `ws` server in this process to the same number of clients.
 */
import { createServer } from 'node:http';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket, { WebSocketServer } from 'ws';
import { cpuSeconds, gql, login, percentile, round, type BenchApp, type Figure } from './lib.ts';

const SIZES = (process.env.BENCH_FANOUT_CLIENTS ?? '50,100,200').split(',').map(Number);
const RATE = Number(process.env.BENCH_FANOUT_RATE ?? 10);
const SECONDS = Number(process.env.BENCH_FANOUT_SECONDS ?? 30);
const WARMUP = 10;

interface Measured {
  /** Per edit: ms from sending to the last client receiving it. */
  toLast: number[];
  /** Per edit: ms from sending the mutation to its HTTP answer (the write itself, no fan-out). */
  answered: number[];
  sustained: number;
  missing: number;
  cpuPercent: number | null;
}

/** Sends `count` edits at `rate` per second through `send`, which resolves with the edit's key. */
async function paced(count: number, rate: number, send: (i: number) => Promise<string>, sent: Map<string, number>) {
  const start = performance.now();
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    pending.push(send(i).then((key) => sent.set(key, t0)));
  }
  await Promise.all(pending);
  return start;
}

async function settle(sent: Map<string, number>, received: Map<string, number[]>, clients: number) {
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline && [...sent.keys()].some((k) => (received.get(k)?.length ?? 0) < clients)) {
    await new Promise((r) => setTimeout(r, 20));
  }
}

function summarise(sent: Map<string, number>, received: Map<string, number[]>, clients: number, seconds: number) {
  const toLast: number[] = [];
  let missing = 0;
  for (const [key, t0] of sent) {
    const times = received.get(key) ?? [];
    missing += clients - times.length;
    if (times.length) toLast.push(Math.max(...times) - t0);
  }
  return { toLast: toLast.sort((a, b) => a - b), sustained: sent.size / seconds, missing };
}

async function ours(app: BenchApp, clients: number, token: string, n: string, category: string): Promise<Measured> {
  const received = new Map<string, number[]>();
  const subs: Client[] = [];
  for (let i = 0; i < clients; i++) {
    const c = createClient({
      url: app.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    subs.push(c);
    c.subscribe<{ mapEvents: { featureId: string | null } }>(
      { query: 'subscription($n: ID!) { mapEvents(neighbourhoodId: $n) { seq type featureId } }', variables: { n } },
      {
        next: (v) => {
          const id = v.data?.mapEvents.featureId;
          if (id) (received.get(id) ?? received.set(id, []).get(id)!).push(performance.now());
        },
        error: (e) => console.error('[bench:fanout] subscription error', e),
        complete: () => undefined,
      },
    );
  }
  await new Promise((r) => setTimeout(r, 1500 + clients * 10));
  const answered: number[] = [];
  const edit = async (i: number) => {
    const t0 = performance.now();
    const id = (
      await gql<{ createMapFeature: { id: string } }>(
        app.url,
        'mutation($i: CreateMapFeatureInput!) { createMapFeature(input: $i) { id } }',
        {
          i: {
            neighbourhoodId: n,
            categoryId: category,
            geometry: {
              type: 'Point',
              coordinates: [52.3656 + (i % 20) * 0.0001, 36.4563 + Math.floor(i / 20) * 0.00005],
            },
            title: `bench ${clients}-${i}`,
            source: 'REPORT',
          },
        },
        token,
      )
    ).createMapFeature.id;
    answered.push(performance.now() - t0);
    return id;
  };
  const sent = new Map<string, number>();
  await paced(WARMUP, RATE, edit, sent);
  await settle(sent, received, clients);
  sent.clear();
  received.clear();
  answered.length = 0;
  const cpu0 = cpuSeconds(app.child.pid!);
  const start = await paced(RATE * SECONDS, RATE, (i) => edit(WARMUP + i), sent);
  await settle(sent, received, clients);
  const elapsed = (performance.now() - start) / 1000;
  const cpu1 = cpuSeconds(app.child.pid!);
  await Promise.all(subs.map((c) => c.dispose()));
  return {
    ...summarise(sent, received, clients, elapsed),
    answered: answered.sort((a, b) => a - b),
    cpuPercent: cpu0 !== null && cpu1 !== null ? round(((cpu1 - cpu0) / elapsed) * 100) : null,
  };
}

/** The floor: a bare ws server broadcasting each message to every client, same count and rate. */
async function floor(clients: number): Promise<Measured> {
  const server = createServer();
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket) => {
    socket.on('message', (data) => {
      for (const peer of wss.clients) if (peer !== socket && peer.readyState === WebSocket.OPEN) peer.send(data);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `ws://127.0.0.1:${(server.address() as { port: number }).port}`;
  const received = new Map<string, number[]>();
  const open = (s: WebSocket) => new Promise((r) => s.once('open', r));
  const sockets = Array.from({ length: clients }, () => new WebSocket(url));
  for (const s of sockets) {
    s.on('message', (d) => {
      const key = d.toString();
      (received.get(key) ?? received.set(key, []).get(key)!).push(performance.now());
    });
  }
  const sender = new WebSocket(url);
  await Promise.all([...sockets, sender].map(open));
  const send = async (i: number) => {
    const key = `m${i}`;
    sender.send(key);
    return key;
  };
  const sent = new Map<string, number>();
  await paced(WARMUP, RATE, (i) => send(-1 - i), sent);
  await settle(sent, received, clients);
  sent.clear();
  received.clear();
  const start = await paced(RATE * SECONDS, RATE, send, sent);
  await settle(sent, received, clients);
  const result = summarise(sent, received, clients, (performance.now() - start) / 1000);
  for (const s of [...sockets, sender]) s.close();
  wss.close();
  server.close();
  return { ...result, answered: [], cpuPercent: null };
}

export async function run(app: BenchApp): Promise<Figure[]> {
  const token = await login(app.url, 'staff@demo.mahalleh.ir');
  const n = (await gql<{ neighbourhood: { id: string } }>(app.url, '{ neighbourhood(slug: "ommat-abad") { id } }'))
    .neighbourhood.id;
  const category = (await gql<{ mapCategories: { id: string }[] }>(app.url, '{ mapCategories(kind: ASSET) { id } }'))
    .mapCategories[0]!.id;
  try {
    return await measureAll(app, token, n, category);
  } finally {
    await removeEdits(app, n);
  }
}

async function measureAll(app: BenchApp, token: string, n: string, category: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const clients of SIZES) {
    console.log(`[bench:fanout] ${clients} clients, ${RATE} edits/s for ${SECONDS} s ...`);
    const o = await ours(app, clients, token, n, category);
    const f = await floor(clients);
    const c = `${clients} clients, ${RATE}/s × ${SECONDS} s`;
    const raw = { label: 'raw ws fan-out' };
    figures.push(
      {
        workload: 'live fan-out',
        case: c,
        metric: 'p50 mutation sent → last client',
        unit: 'ms',
        ours: round(percentile(o.toLast, 50)),
        floor: { ...raw, value: round(percentile(f.toLast, 50)) },
        better: 'lower',
      },
      {
        workload: 'live fan-out',
        case: c,
        metric: 'p99 mutation sent → last client',
        unit: 'ms',
        ours: round(percentile(o.toLast, 99)),
        floor: { ...raw, value: round(percentile(f.toLast, 99)) },
        better: 'lower',
        ...(clients === 200 ? { target: '≤ 50 ms at 200 clients', met: percentile(o.toLast, 99) <= 50 } : {}),
      },
      {
        workload: 'live fan-out',
        case: c,
        metric: 'p50 mutation answered (the write alone)',
        unit: 'ms',
        ours: round(percentile(o.answered, 50)),
        better: 'lower',
      },
      {
        workload: 'live fan-out',
        case: c,
        metric: 'sustained edits/s',
        unit: '/s',
        ours: round(o.sustained),
        floor: { ...raw, value: round(f.sustained) },
        better: 'higher',
      },
      { workload: 'live fan-out', case: c, metric: 'server CPU', unit: '%', ours: o.cpuPercent, better: 'lower' },
      { workload: 'live fan-out', case: c, metric: 'missing deliveries', unit: '', ours: o.missing, better: 'lower' },
    );
  }
  return figures;
}

/**
 * The edits land in the demo neighbourhood (its staff are the editors); they are removed, with
 * their events, so that later workloads (the portal's map page) see the demo data alone.
 */
async function removeEdits(app: BenchApp, neighbourhoodId: string) {
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    const t = performance.now();
    const bench = `select id from map_feature where neighbourhood_id = $1 and title like 'bench %'`;
    await db.query(`delete from map_event where neighbourhood_id = $1 and feature_id in (${bench})`, [neighbourhoodId]);
    const { rowCount } = await db.query(`delete from map_feature where id in (${bench})`, [neighbourhoodId]);
    console.log(`[bench:fanout] removed its ${rowCount} edits in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    await db.end();
  }
}
