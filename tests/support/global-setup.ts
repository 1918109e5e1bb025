import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, repoRoot, runNode, startApp } from './app-process.js';

/**
 * One app for the whole run. Without DATABASE_URL it runs on a fresh embedded database in a
 * temporary directory; with it, on that Postgres + PostGIS server after `db:seed` in demo mode.
 */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'mahalleh-test-'));
  const dbPort = await freePort();
  const env = {
    DATABASE_URL: databaseUrl,
    MAHALLEH_DATA_DIR: dataDir,
    EMBEDDED_DB_PORT: String(dbPort),
    MAHALLEH_DEMO: 'true',
    PUBLIC_TILE_URL: '',
    // Small enough that a test can push a map past it and see the server cluster.
    MAP_MAX_ITEMS: '200',
    // Every response says how many SQL statements it took, so tests can prove loading is bounded.
    SQL_STATEMENT_COUNT: 'true',
    // Overdue pledges are swept every second, so a test sees the reminder without waiting an hour.
    REMINDER_INTERVAL_SECONDS: '1',
    // Uploaded documents go beside the test database, so a test can see exactly what was stored.
    FILES_DIR: join(dataDir, 'files'),
    // Small, so a test can send a file over the limit without a large buffer.
    UPLOAD_MAX_BYTES: String(256 * 1024),
  };
  if (databaseUrl) await runNode('api/dist/cli/seed.js', env);
  const app = await startApp(env);
  project.provide('appUrl', app.url);
  project.provide('databaseUrl', databaseUrl ?? `postgres://postgres:postgres@127.0.0.1:${dbPort}/postgres`);
  project.provide('databaseMode', databaseUrl ? 'server' : 'embedded');
  project.provide('filesDir', env.FILES_DIR);
  return async () => {
    await app.stop();
    // The server's own log, for reading after a failed run.
    const logDir = join(repoRoot, 'tests/.tmp');
    mkdirSync(logDir, { recursive: true });
    writeFileSync(join(logDir, `app-${project.name}-${databaseUrl ? 'server' : 'embedded'}.log`), app.output());
    rmSync(dataDir, { recursive: true, force: true });
  };
}
