import pg from 'pg';
import request from 'supertest';
import { describe, expect, inject, it } from 'vitest';
import { createUser } from '../support/factories.js';
import { appUrl, errorCode, gql, ok, uniqueEmail } from '../support/gql.js';

const signUp =
  'mutation($i: SignUpInput!) { signUp(input: $i) { token viewer { id email displayName locale roles { role } } } }';
const me = '{ me { id email roles { role organisationNameFa county { nameFa } } } }';

async function countUsers(email: string): Promise<number> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('select count(*) as n from app_user where email = $1', [email]);
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

describe('accounts', () => {
  it('signs up, signs in with a bearer token, and signs out', async () => {
    const email = uniqueEmail();
    const created = ok(
      await gql<{ signUp: { token: string; viewer: { email: string; roles: { role: string }[] } } }>(signUp, {
        i: { email: email.toUpperCase(), password: 'long-enough-pass', displayName: 'زهرا', roles: ['VOLUNTEER'] },
      }),
    ).signUp;
    expect(created.viewer.email).toBe(email);
    expect(created.viewer.roles.map((r) => r.role)).toEqual(['VOLUNTEER']);
    const viewer = ok(await gql<{ me: { email: string } }>(me, {}, { token: created.token })).me;
    expect(viewer.email).toBe(email);
    ok(await gql('mutation { logout }', {}, { token: created.token }));
    expect(ok(await gql<{ me: null }>(me, {}, { token: created.token })).me).toBeNull();
  });

  it('uses an HTTP-only SameSite cookie for the portal', async () => {
    const user = await createUser();
    const agent = request.agent(appUrl());
    const res = await agent
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({
        query: 'mutation($i: LoginInput!) { login(input: $i) { viewer { id } } }',
        variables: { i: { email: user.email, password: user.password } },
      });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/mahalleh_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const viewer = await agent.post('/graphql').set('content-type', 'application/json').send({ query: me });
    expect(viewer.body.data.me.id).toBe(user.id);
  });

  it('changing the password ends other sessions and the old password stops working', async () => {
    const user = await createUser();
    const other = ok(
      await gql<{ login: { token: string } }>('mutation($i: LoginInput!) { login(input: $i) { token } }', {
        i: { email: user.email, password: user.password },
      }),
    ).login.token;
    ok(
      await gql(
        'mutation($i: ChangePasswordInput!) { changePassword(input: $i) }',
        { i: { currentPassword: user.password, newPassword: 'brand-new-password' } },
        { token: user.token },
      ),
    );
    expect(ok(await gql<{ me: null }>(me, {}, { token: other })).me).toBeNull();
    expect(ok(await gql<{ me: { id: string } }>(me, {}, { token: user.token })).me.id).toBe(user.id);
    const old = await gql('mutation($i: LoginInput!) { login(input: $i) { token } }', {
      i: { email: user.email, password: user.password },
    });
    expect(errorCode(old)).toBe('INVALID_CREDENTIALS');
  });

  it('refuses bad sign-ups with coded errors and stores nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not-an-email', password: 'long-enough-pass', displayName: 'x' }, 'BAD_USER_INPUT'],
      [{ email: uniqueEmail(), password: 'short', displayName: 'x' }, 'WEAK_PASSWORD'],
      [{ email: uniqueEmail(), password: 'long-enough-pass', displayName: '' }, 'BAD_USER_INPUT'],
      [
        { email: uniqueEmail(), password: 'long-enough-pass', displayName: 'x', roles: ['PROVINCE_ADMIN'] },
        'BAD_USER_INPUT',
      ],
    ];
    for (const [input, code] of cases) {
      const r = await gql(signUp, { i: input });
      expect(errorCode(r), JSON.stringify(input)).toBe(code);
      expect(await countUsers(String(input.email).toLowerCase())).toBe(0);
    }
  });

  it('refuses a second account with the same email', async () => {
    const user = await createUser();
    const r = await gql(signUp, { i: { email: user.email, password: 'long-enough-pass', displayName: 'x' } });
    expect(errorCode(r)).toBe('EMAIL_TAKEN');
    expect(await countUsers(user.email)).toBe(1);
  });

  it('shows error messages in Persian by default and English on request', async () => {
    const res = await request(appUrl())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({
        query: 'mutation($i: LoginInput!) { login(input: $i) { token } }',
        variables: { i: { email: uniqueEmail(), password: 'nope-nope-nope' } },
      });
    expect(res.body.errors[0].message).toBe('ایمیل یا گذرواژه درست نیست.');
    expect(res.body.errors[0].extensions.code).toBe('INVALID_CREDENTIALS');
  });

  it('lets a province admin grant a scoped role, which then shows on the account', async () => {
    const user = await createUser([{ role: 'COUNTY_SUPERVISOR', countySlug: 'neka' }]);
    const viewer = ok(
      await gql<{ me: { roles: { role: string; county: { nameFa: string } | null }[] } }>(
        me,
        {},
        { token: user.token },
      ),
    ).me;
    expect(viewer.roles.find((r) => r.role === 'COUNTY_SUPERVISOR')?.county?.nameFa).toBe('نکا');
  });
});
