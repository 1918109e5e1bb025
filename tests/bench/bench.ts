/**
 * `pnpm bench`: performance figures measured in one run on one machine, printed as one table of
 * medians with ratios to a floor (what the machine does with no framework) and a peer (another
 * tool on the same data), and written to tests/.tmp/bench.json. Separate from `pnpm test`: nothing
 * here passes or fails on a time. Runs on the embedded database unless DATABASE_URL is set.
 * `BENCH_ONLY=dashboard,map` runs some workloads only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { root, startApp, type BenchApp, type Figure } from './lib.ts';

type Workload = (app: BenchApp) => Promise<Figure[]>;

const workloads: Record<string, () => Promise<Workload>> = {
  dashboard: async () => (await import('./dashboard.ts')).run,
  map: async () => (await import('./map.ts')).run,
  fanout: async () => (await import('./fanout.ts')).run,
  portal: async () => (await import('./portal.ts')).run,
};

const ratio = (ours: number | null, other: number | null | undefined) =>
  ours === null || other === null || other === undefined || other === 0 ? '' : `${(ours / other).toFixed(2)}x`;
const show = (v: number | null | undefined, unit: string) =>
  v === null || v === undefined ? '—' : `${v} ${unit}`.trim();

function print(figures: Figure[]) {
  console.table(
    figures.map((f) => ({
      workload: f.workload,
      case: f.case,
      metric: f.metric,
      ours: show(f.ours, f.unit),
      floor: f.floor ? `${show(f.floor.value, f.unit)} (${f.floor.label})` : '',
      'ours/floor': ratio(f.ours, f.floor?.value),
      peer: f.peer ? `${show(f.peer.value, f.unit)} (${f.peer.label})` : '',
      'ours/peer': ratio(f.ours, f.peer?.value),
      target: f.target ?? '',
      met: f.met === undefined || f.met === null ? '' : f.met ? 'yes' : 'NO',
    })),
  );
}

async function main() {
  const only = process.env.BENCH_ONLY?.split(',').filter(Boolean) ?? Object.keys(workloads);
  const database = process.env.DATABASE_URL ? 'PostgreSQL server (DATABASE_URL)' : 'embedded PGlite';
  console.log(`[bench] ${only.join(', ')} on ${database}; starting the app ...`);
  const app = await startApp();
  const figures: Figure[] = [];
  const failures: Record<string, string> = {};
  try {
    for (const name of only) {
      const load = workloads[name];
      if (!load) throw new Error(`unknown workload ${name}; known: ${Object.keys(workloads).join(', ')}`);
      const t0 = performance.now();
      try {
        figures.push(...(await (await load())(app)));
      } catch (e) {
        // One broken workload must not hide the others' figures; it is reported and fails the run.
        failures[name] = e instanceof Error ? (e.stack ?? e.message) : String(e);
        console.error(`[bench:${name}] failed`, e);
      }
      console.log(`[bench:${name}] done in ${Math.round((performance.now() - t0) / 1000)} s`);
    }
  } finally {
    await app.stop();
  }
  console.log(`\nMahalleh bench — ${database}, ${cpus().length} cores, Node ${process.version}, medians\n`);
  print(figures);
  mkdirSync(join(root, 'tests/.tmp'), { recursive: true });
  const out = join(root, 'tests/.tmp/bench.json');
  writeFileSync(
    out,
    JSON.stringify(
      { at: new Date().toISOString(), database, cores: cpus().length, node: process.version, figures, failures },
      null,
      2,
    ),
  );
  console.log(`[bench] results written to ${out}`);
  if (Object.keys(failures).length) process.exitCode = 1;
}

await main();
