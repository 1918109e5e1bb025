import 'reflect-metadata';
import { loadConfig } from './config/config.js';
import { migrate, openDatabase } from './db/database.js';
import { Province } from './modules/geography/geography.entity.js';
import { seed } from './seed/seed.js';
import { createApp } from './server/app.js';

const config = loadConfig();
const db = await openDatabase(config);
const applied = await migrate(db.orm);
console.log(applied.length ? `[db] applied migrations: ${applied.join(', ')}` : '[db] schema is up to date');

if (db.mode === 'embedded' && (await db.orm.em.fork().count(Province, {})) === 0) {
  const { demoAccounts } = await seed(db.orm.em.fork(), { demo: config.demo, filesDir: config.filesDir });
  console.log(`[db] first start: seeded the pilots and ${demoAccounts} demo accounts`);
}

const app = await createApp(config, db.orm);
await new Promise<void>((resolve) => app.server.listen(config.port, config.host, resolve));
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
console.log(`[api] GraphQL at http://${shownHost}:${port}/graphql (subscriptions: ws://${shownHost}:${port}/graphql)`);
console.log(`[portal] Mahalleh is running at http://${shownHost}:${port}/`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[app] ${signal}: stopping ...`);
  try {
    const t0 = Date.now();
    await app.stop();
    console.log(`[app] server stopped in ${Date.now() - t0} ms`);
    await db.close();
    console.log(`[app] database closed in ${Date.now() - t0} ms`);
  } finally {
    process.exit(0);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
