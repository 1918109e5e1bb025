import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: api/dist/config -> ../../.. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface AppConfig {
  port: number;
  host: string;
  /** Set when a real Postgres + PostGIS server is used. */
  databaseUrl: string | undefined;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** TCP port of the embedded database's wire-protocol server (0 = any free port). */
  embeddedDbPort: number;
  /** Demo mode seeds demo accounts with the documented passwords. */
  demo: boolean;
  introspection: boolean;
  sessionDays: number;
  cookieSecure: boolean;
  loginMaxFailures: number;
  loginWindowMs: number;
  portalBuildDir: string;
  logQueries: boolean;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function path(value: string | undefined, fallback: string): string {
  const p = value && value !== '' ? value : fallback;
  return isAbsolute(p) ? p : resolve(repoRoot, p);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : undefined;
  const dataDir = path(env.MAHALLEH_DATA_DIR, '.data/pglite');
  return {
    port: int('PORT', env.PORT, 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
    dataDir,
    embeddedDbPort: int('EMBEDDED_DB_PORT', env.EMBEDDED_DB_PORT, 0),
    demo: bool(env.MAHALLEH_DEMO, databaseUrl === undefined),
    introspection: bool(env.GRAPHQL_INTROSPECTION, false),
    sessionDays: int('SESSION_DAYS', env.SESSION_DAYS, 30),
    cookieSecure: bool(env.COOKIE_SECURE, false),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', env.LOGIN_MAX_FAILURES, 10),
    loginWindowMs: int('LOGIN_WINDOW_SECONDS', env.LOGIN_WINDOW_SECONDS, 60) * 1000,
    portalBuildDir: path(env.PORTAL_BUILD_DIR, 'portal/build'),
    logQueries: bool(env.LOG_SQL, false),
  };
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
