import type { AppConfig } from '../config/config.js';
import { startEmbeddedDatabase } from './embedded.js';
import { initOrm, type Orm } from './orm.js';

export interface OpenDatabase {
  mode: 'embedded' | 'server';
  url: string;
  orm: Orm;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PGlite + PostGIS when it is unset. */
export async function openDatabase(
  config: AppConfig,
  log: (line: string) => void = console.log,
): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    log(`[db] using PostgreSQL server at ${redactUrl(config.databaseUrl)} (DATABASE_URL)`);
    const orm = await initOrm(config.databaseUrl, { debug: config.logQueries });
    return { mode: 'server', url: config.databaseUrl, orm, close: () => orm.close(true) };
  }
  log(`[db] starting embedded PGlite + PostGIS, data in ${config.dataDir} ...`);
  const started = Date.now();
  const embedded = await startEmbeddedDatabase(config.dataDir, config.embeddedDbPort);
  log(`[db] embedded database ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${embedded.url}`);
  const orm = await initOrm(embedded.url, { debug: config.logQueries, poolMax: 4 });
  return {
    mode: 'embedded',
    url: embedded.url,
    orm,
    async close() {
      await orm.close(true);
      await embedded.stop();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/** Applies pending migrations; returns their names. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
