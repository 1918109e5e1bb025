import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/config.js';
import { migrate, openDatabase } from '../db/database.js';

/**
 * `create`: diff the entities against a database with every migration applied and write a new
 * migration into db/migrations. `check`: fail when that diff is not empty (entities and
 * migrations disagree). Uses a fresh throw-away embedded database unless DATABASE_URL is set.
 */
const command = process.argv[2];
if (command !== 'create' && command !== 'check') {
  console.error('usage: migrations.js create|check');
  process.exit(2);
}
const useTemp = !process.env.DATABASE_URL;
const dir = useTemp ? mkdtempSync(join(tmpdir(), 'mahalleh-migrations-')) : undefined;
const config = loadConfig(useTemp ? { ...process.env, MAHALLEH_DATA_DIR: dir } : process.env);
const db = await openDatabase(config);
let code = 0;
try {
  await migrate(db.orm);
  if (command === 'check') {
    const sql = await db.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false });
    const pending = sql.split('\n').filter((line) => line.trim() !== '');
    if (pending.length) {
      console.error('[migrations] entities and migrations disagree; run `pnpm db:migration:create`. Missing SQL:');
      for (const line of pending) console.error(`  ${line}`);
      code = 1;
    } else {
      console.log('[migrations] entities and migrations agree');
    }
  } else {
    const result = await db.orm.getMigrator().createMigration();
    console.log(result.fileName ? `[migrations] wrote db/migrations/${result.fileName}` : '[migrations] nothing to do');
  }
} finally {
  await db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
