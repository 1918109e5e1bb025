import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { repoRoot } from '../config/config.js';
import { buildAppSchema } from '../server/schema.js';

/** Writes schema.graphql from the code, or with --check fails when the committed file differs. */
const file = join(repoRoot, 'schema.graphql');
const header = '# Generated from api/src by `pnpm schema:emit`. Do not edit; `pnpm check` fails when it drifts.\n\n';
const text = header + printSchema(lexicographicSortSchema(await buildAppSchema())) + '\n';
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing counts as drift
  }
  if (current !== text) {
    console.error('[schema] schema.graphql differs from the code; run `pnpm schema:emit` and commit it');
    process.exit(1);
  }
  console.log('[schema] schema.graphql matches the code');
} else {
  writeFileSync(file, text);
  console.log('[schema] wrote schema.graphql');
}
