// `pnpm test`: everything, in order. Installs what a fresh Debian machine lacks (Chromium,
// PostgreSQL 15 + PostGIS), then runs the API unit tests, the integration tests once on the
// embedded database and once on a real PostgreSQL + PostGIS server on loopback, and the browser
// tests in Chromium. Set TEST_DATABASE_URL to use an existing server for the second pass.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const PG_BIN = '/usr/lib/postgresql/15/bin';
const POSTGIS_CONTROL = '/usr/share/postgresql/15/extension/postgis.control';
const CHROMIUM = '/usr/bin/chromium';

function ensureSystemPackages() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!process.env.TEST_DATABASE_URL && (!existsSync(join(PG_BIN, 'initdb')) || !existsSync(POSTGIS_CONTROL))) {
    missing.push('postgresql-15', 'postgresql-15-postgis-3');
  }
  if (!missing.length) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error(
      `[test] missing Debian packages: ${missing.join(' ')}\n[test] install them: sudo apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`[test] installing ${missing.join(' ')} from Debian ...`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

const freePort = () =>
  new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });

const totals = { passed: 0, failed: 0 };
const reportDir = mkdtempSync(join(tmpdir(), 'mahalleh-reports-'));
let reports = 0;

function step(title, args, env = {}) {
  console.log(`\n[test] ${title}`);
  const report = join(reportDir, `${reports++}.json`);
  const r = spawnSync(
    args[0],
    [...args.slice(1), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    },
  );
  if (existsSync(report)) {
    const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += numPassedTests;
    totals.failed += numFailedTests;
  } else {
    totals.failed += 1;
  }
  if (r.status !== 0) {
    console.error(`[test] FAILED: ${title}`);
    return false;
  }
  return true;
}

ensureSystemPackages();
const vitest = (dir, ...args) => [
  process.execPath,
  join(root, dir, 'node_modules/vitest/vitest.mjs'),
  'run',
  '--root',
  join(root, dir),
  ...args,
];

let pgDir;
let serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  pgDir = mkdtempSync(join(tmpdir(), 'mahalleh-pg-'));
  const port = await freePort();
  serverUrl = execFileSync('bash', [join(here, 'support/postgres.sh'), 'start', pgDir, String(port)], {
    encoding: 'utf8',
  }).trim();
  console.log(`[test] started PostgreSQL 15 + PostGIS on 127.0.0.1:${port}`);
}

let ok = true;
try {
  const withoutDb = { DATABASE_URL: '' };
  ok = step('API unit tests', vitest('api'), withoutDb) && ok;
  ok =
    step(
      'integration tests on the embedded database (PGlite + PostGIS)',
      vitest('tests', '--project', 'integration'),
      withoutDb,
    ) && ok;
  ok =
    step('integration tests on PostgreSQL + PostGIS', vitest('tests', '--project', 'integration'), {
      DATABASE_URL: serverUrl,
    }) && ok;
  ok = step('embedded database keeps data across restarts', vitest('tests', '--project', 'lifecycle'), withoutDb) && ok;
  ok = step('browser tests in Chromium (embedded database)', vitest('tests', '--project', 'browser'), withoutDb) && ok;
} finally {
  if (pgDir) execFileSync('bash', [join(here, 'support/postgres.sh'), 'stop', pgDir]);
}
rmSync(reportDir, { recursive: true, force: true });
console.log(ok ? '\n[test] all test suites passed' : '\n[test] some test suites failed');
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok ? 0 : 1);
