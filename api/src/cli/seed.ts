import 'reflect-metadata';
import { loadConfig } from '../config/config.js';
import { migrate, openDatabase } from '../db/database.js';
import { seed } from '../seed/seed.js';

const config = loadConfig();
const db = await openDatabase(config);
try {
  await migrate(db.orm);
  const { demoAccounts } = await seed(db.orm.em.fork(), { demo: config.demo, filesDir: config.filesDir });
  console.log(
    `[seed] pilots, organisations and ${demoAccounts} demo accounts are in place${config.demo ? ' (demo mode)' : ''}`,
  );
} finally {
  await db.close();
}
