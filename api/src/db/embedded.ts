import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { ensureDir } from '../config/config.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite with PostGIS, persisted in `dataDir`, behind a Postgres wire-protocol server on
 * loopback so the ordinary `pg` driver (and MikroORM) talk to it exactly as to a real server.
 */
export async function startEmbeddedDatabase(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  ensureDir(dataDir);
  const db = await PGlite.create(dataDir, { extensions: { postgis } });
  await db.exec('create extension if not exists postgis;');
  // The multiplexer serialises transactions; more than one connection lets the pool queue.
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 16 });
  await server.start();
  const conn = server.getServerConn();
  const url = `postgres://postgres:postgres@${conn}/postgres`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
