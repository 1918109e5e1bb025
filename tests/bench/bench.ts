/**
 * `pnpm bench`: performance figures, printed as a table and written to tests/.tmp/bench.json.
 * Separate from `pnpm test`: nothing here passes or fails on a time. Runs on the embedded
 * database unless DATABASE_URL is set. Workloads so far: live fan-out of map edits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLIENTS = Number(process.env.BENCH_FANOUT_CLIENTS ?? 50);
const EDITS = Number(process.env.BENCH_FANOUT_EDITS ?? 100);
const RATE = Number(process.env.BENCH_FANOUT_RATE ?? 10);
const WARMUP = 10;

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

function run(script: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [join(root, script)], { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`${script} exited ${code}`))));
  });
}

async function startApp(): Promise<{ url: string; child: ChildProcess; cleanup: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mahalleh-bench-'));
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    MAHALLEH_DATA_DIR: dataDir,
    EMBEDDED_DB_PORT: String(await freePort()),
    MAHALLEH_DEMO: 'true',
  };
  if (process.env.DATABASE_URL) await run('api/dist/cli/seed.js', env);
  const child = spawn(process.execPath, [join(root, 'api/dist/main.js')], { cwd: root, env, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, child, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

async function gql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (v: number) => Math.round(v * 100) / 100;

/** Process CPU of the server, from /proc (Linux), in seconds. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(stat[11]) + Number(stat[12])) / 100;
  } catch {
    return null;
  }
}

async function fanout(url: string, serverPid: number) {
  const staff = (
    await gql<{ login: { token: string } }>(url, 'mutation($i: LoginInput!) { login(input: $i) { token } }', {
      i: { email: 'staff@demo.mahalleh.ir', password: 'mahalleh-demo-1405' },
    })
  ).login.token;
  const n = (await gql<{ neighbourhood: { id: string } }>(url, '{ neighbourhood(slug: "ommat-abad") { id } }', {}))
    .neighbourhood.id;
  const category = (await gql<{ mapCategories: { id: string }[] }>(url, '{ mapCategories(kind: ASSET) { id } }', {}))
    .mapCategories[0]!.id;

  // featureId -> receive times, one per client
  const received = new Map<string, number[]>();
  const clients: Client[] = [];
  let subscribed = 0;
  for (let i = 0; i < CLIENTS; i++) {
    const client = createClient({
      url: url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${staff}` },
    });
    clients.push(client);
    client.subscribe<{ mapEvents: { featureId: string | null } }>(
      {
        query: 'subscription($n: ID!) { mapEvents(neighbourhoodId: $n) { seq type featureId feature { id title } } }',
        variables: { n },
      },
      {
        next: (v) => {
          const id = v.data?.mapEvents.featureId;
          if (id) (received.get(id) ?? received.set(id, []).get(id)!).push(performance.now());
        },
        error: (e) => console.error('subscription error', e),
        complete: () => undefined,
      },
    );
    subscribed++;
  }
  // Give every socket time to connect and subscribe before the clock starts.
  await new Promise((r) => setTimeout(r, 2000));

  const sent = new Map<string, number>();
  const edit = async (i: number) => {
    const t0 = performance.now();
    const id = (
      await gql<{ createMapFeature: { id: string } }>(
        url,
        'mutation($i: CreateMapFeatureInput!) { createMapFeature(input: $i) { id } }',
        {
          i: {
            neighbourhoodId: n,
            categoryId: category,
            geometry: {
              type: 'Point',
              coordinates: [52.3656 + (i % 10) * 0.0001, 36.4563 + Math.floor(i / 10) * 0.0001],
            },
            title: `bench ${i}`,
            source: 'REPORT',
          },
        },
        staff,
      )
    ).createMapFeature.id;
    sent.set(id, t0);
    return id;
  };

  for (let i = 0; i < WARMUP; i++) await edit(i);
  await new Promise((r) => setTimeout(r, 500));
  received.clear();
  sent.clear();

  const cpuBefore = cpuSeconds(serverPid);
  const start = performance.now();
  const pending: Promise<string>[] = [];
  for (let i = 0; i < EDITS; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(edit(WARMUP + i));
  }
  await Promise.all(pending);
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline && [...sent.keys()].some((id) => (received.get(id)?.length ?? 0) < CLIENTS)) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const elapsed = (performance.now() - start) / 1000;
  const cpuAfter = cpuSeconds(serverPid);

  const all: number[] = [];
  const lastClient: number[] = [];
  let missing = 0;
  for (const [id, t0] of sent) {
    const times = received.get(id) ?? [];
    missing += CLIENTS - times.length;
    for (const t of times) all.push(t - t0);
    if (times.length) lastClient.push(Math.max(...times) - t0);
  }
  all.sort((a, b) => a - b);
  lastClient.sort((a, b) => a - b);
  await Promise.all(clients.map((c) => c.dispose()));
  return {
    workload: 'live fan-out',
    clients: subscribed,
    edits: EDITS,
    targetEditsPerSecond: RATE,
    sustainedEditsPerSecond: round(EDITS / elapsed),
    deliveries: all.length,
    missingDeliveries: missing,
    p50Ms: round(percentile(all, 50)),
    p99Ms: round(percentile(all, 99)),
    lastClientP50Ms: round(percentile(lastClient, 50)),
    lastClientP99Ms: round(percentile(lastClient, 99)),
    serverCpuPercent: cpuBefore !== null && cpuAfter !== null ? round(((cpuAfter - cpuBefore) / elapsed) * 100) : null,
  };
}

async function main() {
  const database = process.env.DATABASE_URL ? 'PostgreSQL server (DATABASE_URL)' : 'embedded PGlite';
  console.log(`[bench] starting the app on ${database} ...`);
  const app = await startApp();
  try {
    const results = [await fanout(app.url, app.child.pid!)];
    console.log(`\nMahalleh bench — ${database}, ${cpus().length} cores, Node ${process.version}\n`);
    const r = results[0]!;
    console.log('Live fan-out: each map edit, from sending the mutation to each subscribed client receiving it');
    const row = {
      clients: r.clients,
      edits: r.edits,
      'edits/s (target)': r.targetEditsPerSecond,
      'edits/s (sustained)': r.sustainedEditsPerSecond,
      'p50 ms (mutation sent → client received)': r.p50Ms,
      'p99 ms': r.p99Ms,
      'p50 ms to last client': r.lastClientP50Ms,
      'p99 ms to last client': r.lastClientP99Ms,
      'missing deliveries': r.missingDeliveries,
      'server CPU %': r.serverCpuPercent,
    };
    console.table(Object.entries(row).map(([figure, value]) => ({ figure, value })));
    mkdirSync(join(root, 'tests/.tmp'), { recursive: true });
    const out = join(root, 'tests/.tmp/bench.json');
    writeFileSync(
      out,
      JSON.stringify({ at: new Date().toISOString(), database, cores: cpus().length, results }, null, 2),
    );
    console.log(`[bench] results written to ${out}`);
  } finally {
    app.child.kill('SIGTERM');
    await new Promise((r) => app.child.once('exit', r));
    app.cleanup();
  }
}

await main();
