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
  /** Adds `extensions.sqlStatements` to every GraphQL response: how many SQL statements it took. */
  countStatements: boolean;
  /** How often overdue pledges are looked for and their donors reminded. */
  reminderIntervalMs: number;
  /** Where uploaded documents are kept (local-disk storage). */
  filesDir: string;
  /** Largest upload accepted, in bytes. */
  uploadMaxBytes: number;
  /** A licence expiring within this many days is flagged to its organisation and supervisors. */
  licenceWarningDays: number;
  /** A quarterly report is due this many days after its quarter ends. */
  reportDueDays: number;
  /** Least notice, in days, between giving notice of early termination and the last day of service. */
  agreementNoticeDays: number;
  map: MapConfig;
}

/** Limits and privacy settings of the co-mapping module. */
export interface MapConfig {
  /** Most items (features, clusters or cells) one map response carries; above it the server clusters. */
  maxItems: number;
  /** k: an aggregated harm cell with fewer harms than this is not shown. */
  minCellCount: number;
  /** Edge of the square cells harms are aggregated into for viewers without exact access. */
  cellMetres: number;
  /** Most vertices one feature geometry may have. */
  maxVertices: number;
  /** How far outside the neighbourhood boundary a feature may reach (drawing slack). */
  boundaryToleranceMetres: number;
  /** Most events replayed to a reconnecting client; beyond it the client is told to refetch. */
  replayLimit: number;
  /** Most features one GeoJSON import may carry. */
  maxImportFeatures: number;
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
    countStatements: bool(env.SQL_STATEMENT_COUNT, false),
    reminderIntervalMs: Math.max(1, int('REMINDER_INTERVAL_SECONDS', env.REMINDER_INTERVAL_SECONDS, 3600)) * 1000,
    filesDir: path(env.FILES_DIR, '.data/files'),
    uploadMaxBytes: Math.max(1024, int('UPLOAD_MAX_BYTES', env.UPLOAD_MAX_BYTES, 10 * 1024 * 1024)),
    licenceWarningDays: int('LICENCE_WARNING_DAYS', env.LICENCE_WARNING_DAYS, 60),
    reportDueDays: int('REPORT_DUE_DAYS', env.REPORT_DUE_DAYS, 15),
    agreementNoticeDays: int('AGREEMENT_NOTICE_DAYS', env.AGREEMENT_NOTICE_DAYS, 30),
    map: {
      maxItems: Math.max(1, int('MAP_MAX_ITEMS', env.MAP_MAX_ITEMS, 2000)),
      minCellCount: Math.max(1, int('HARM_MIN_CELL_COUNT', env.HARM_MIN_CELL_COUNT, 5)),
      cellMetres: Math.max(50, int('HARM_CELL_METRES', env.HARM_CELL_METRES, 250)),
      maxVertices: Math.max(4, int('MAP_MAX_VERTICES', env.MAP_MAX_VERTICES, 5000)),
      boundaryToleranceMetres: int('MAP_BOUNDARY_TOLERANCE_METRES', env.MAP_BOUNDARY_TOLERANCE_METRES, 100),
      replayLimit: Math.max(1, int('MAP_REPLAY_LIMIT', env.MAP_REPLAY_LIMIT, 500)),
      maxImportFeatures: Math.max(1, int('MAP_MAX_IMPORT_FEATURES', env.MAP_MAX_IMPORT_FEATURES, 5000)),
    },
  };
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
