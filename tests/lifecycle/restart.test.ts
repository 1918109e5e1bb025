import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode, startApp, type AppProcess } from '../support/app-process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'mahalleh-restart-'));
const env = { DATABASE_URL: '', MAHALLEH_DATA_DIR: dataDir, EMBEDDED_DB_PORT: '0', MAHALLEH_DEMO: 'true' };
let app: AppProcess | undefined;

const post = (url: string, query: string, variables: Record<string, unknown>) =>
  request(url).post('/graphql').set('content-type', 'application/json').send({ query, variables });

afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded mode', () => {
  it('keeps data created between a stop and a start', async () => {
    app = await startApp(env);
    expect(app.output()).toMatch(/starting embedded PGlite \+ PostGIS/);
    expect(app.output()).toMatch(/first start: seeded the pilots and 6 demo accounts/);
    const email = `restart-${Date.now()}@test.mahalleh.ir`;
    const signUp = await post(app.url, 'mutation($i: SignUpInput!) { signUp(input: $i) { viewer { id } } }', {
      i: { email, password: 'survives-a-restart', displayName: 'ماندگار' },
    });
    expect(signUp.body.errors).toBeUndefined();
    await app.stop();

    app = await startApp(env);
    expect(app.output()).not.toMatch(/first start/);
    const login = await post(app.url, 'mutation($i: LoginInput!) { login(input: $i) { viewer { id displayName } } }', {
      i: { email, password: 'survives-a-restart' },
    });
    expect(login.body.data.login.viewer).toEqual({ id: signUp.body.data.signUp.viewer.id, displayName: 'ماندگار' });
  }, 180_000);

  it('db:seed can run again and again without duplicating or losing anything', async () => {
    await app?.stop();
    app = undefined;
    for (let i = 0; i < 2; i++) {
      expect(await runNode('api/dist/cli/seed.js', env)).toMatch(/6 demo accounts are in place/);
    }
    app = await startApp(env);
    const counts = await post(
      app.url,
      '{ neighbourhoods { totalCount } organisations { totalCount } counties { slug } }',
      {},
    );
    expect(counts.body.data).toEqual({
      neighbourhoods: { totalCount: 3 },
      organisations: { totalCount: 5 },
      counties: [{ slug: 'amol' }, { slug: 'neka' }, { slug: 'nur' }],
    });
    const demo = await post(app.url, 'mutation($i: LoginInput!) { login(input: $i) { viewer { roles { role } } } }', {
      i: { email: 'staff@demo.mahalleh.ir', password: 'mahalleh-demo-1405' },
    });
    expect(demo.body.data.login.viewer.roles).toEqual([{ role: 'BASE_STAFF' }]);
  }, 180_000);
});
