/** What every bench workload shares: starting the app, GraphQL calls, percentiles, CPU, the result shape. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_PASSWORD = 'mahalleh-demo-1405';

/**
 * One printed figure. `ours` is what Mahalleh does; `floor` what the machine does with no framework
 * (raw SQL, a bare handler, raw WebSocket); `peer` what another tool does on the same data. Ratios
 * are ours/floor and ours/peer, computed by the printer. `better` says which direction is good.
 */
export interface Figure {
  workload: string;
  /** The size or variant, e.g. "500 needs, 8 connections". */
  case: string;
  metric: string;
  unit: string;
  ours: number | null;
  floor?: { label: string; value: number | null } | null;
  peer?: { label: string; value: number | null } | null;
  better: 'lower' | 'higher';
  /** The target for this figure, in words, e.g. "≤ 1.3x raw SQL + 2 ms". */
  target?: string;
  /** Whether the target is met, when there is one and it can be judged. */
  met?: boolean | null;
}

export interface BenchApp {
  url: string;
  /** A connection string to the same database the app uses (the embedded one's loopback socket, or DATABASE_URL). */
  databaseUrl: string;
  mode: 'embedded' | 'server';
  child: ChildProcess;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
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

/**
 * The built app on a fresh data directory, in demo mode. `databaseUrl` null forces the embedded
 * database even when DATABASE_URL is set (to compare the two).
 */
export async function startApp(
  opts: { databaseUrl?: string | null; env?: Record<string, string> } = {},
): Promise<BenchApp> {
  const databaseUrl =
    opts.databaseUrl === undefined ? process.env.DATABASE_URL || undefined : opts.databaseUrl || undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'mahalleh-bench-'));
  const port = await freePort();
  const dbPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    MAHALLEH_DATA_DIR: dataDir,
    FILES_DIR: join(dataDir, 'files'),
    EMBEDDED_DB_PORT: String(dbPort),
    MAHALLEH_DEMO: 'true',
    SQL_STATEMENT_COUNT: 'true',
    // e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`: profiles the app alone, not the bench or its load.
    ...(process.env.BENCH_APP_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS } : {}),
    ...opts.env,
  };
  if (databaseUrl) await run('api/dist/cli/seed.js', env);
  const child = spawn(process.execPath, [join(root, 'api/dist/main.js')], { cwd: root, env, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    databaseUrl: databaseUrl ?? `postgres://postgres:postgres@127.0.0.1:${dbPort}/postgres`,
    mode: databaseUrl ? 'server' : 'embedded',
    child,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

export async function login(url: string, email: string): Promise<string> {
  return (
    await gql<{ login: { token: string } }>(url, 'mutation($i: LoginInput!) { login(input: $i) { token } }', {
      i: { email, password: DEMO_PASSWORD },
    })
  ).login.token;
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
export const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
export const round = (v: number) => Math.round(v * 100) / 100;

/** Process CPU of a process, from /proc (Linux), in seconds. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(stat[11]) + Number(stat[12])) / 100;
  } catch {
    return null;
  }
}

/** Repetitions of each measurement; the median is reported. */
export const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 3));
