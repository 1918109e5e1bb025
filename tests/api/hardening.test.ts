import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createUser, neighbourhood } from '../support/factories.js';
import { subscribe } from '../support/ws.js';
import { appUrl, errorCode, gql, randomIp, uniqueEmail } from '../support/gql.js';

const post = () => request(appUrl()).post('/graphql').set('accept-language', 'en');
const loginMutation = 'mutation($i: LoginInput!) { login(input: $i) { token } }';

function expectRefused(body: { errors?: { message: string; extensions?: { code?: string } }[] }, code: string) {
  expect(body.errors?.[0]?.extensions?.code).toBe(code);
  const text = JSON.stringify(body);
  // The message is for people and names no limit.
  expect(text).not.toMatch(/\b(6|7|15|16|2000|5000)\b/);
}

describe('hardening', () => {
  it('refuses a depth-7 query, accepts depth 6', async () => {
    const six = await gql('{ organisations { edges { node { parent { parent { id } } } } } }');
    expect(six.body.errors).toBeUndefined();
    const seven = await gql('{ organisations { edges { node { parent { parent { parent { id } } } } } } }');
    expect(seven.status).toBe(400);
    expectRefused(seven.body, 'QUERY_REFUSED');
  });

  it('refuses 16 aliases, accepts 15', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: counties { id }`).join(' ')} }`;
    expect((await gql(aliases(15))).body.errors).toBeUndefined();
    const r = await gql(aliases(16));
    expect(r.status).toBe(400);
    expectRefused(r.body, 'QUERY_REFUSED');
  });

  it('refuses an oversized document by its token count', async () => {
    const r = await gql(`{ me { ${'id '.repeat(3000)} } }`);
    expect(r.status).toBe(400);
    expectRefused(r.body, 'QUERY_REFUSED');
  });

  it('refuses a JSON array batch', async () => {
    const res = await post()
      .set('content-type', 'application/json')
      .send([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a cross-origin text/plain POST (CSRF prevention)', async () => {
    const res = await post()
      .set('content-type', 'text/plain')
      .set('origin', 'http://evil.example')
      .send(JSON.stringify({ query: 'mutation { logout }' }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses introspection with production settings and hides field suggestions', async () => {
    const r = await gql('{ __schema { types { name } } }');
    expect(r.status).toBe(400);
    expect(errorCode(r)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(r.body)).toMatch(/introspection is not allowed/);
    const typo = await gql('{ neighbourhods { totalCount } }');
    expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
  });

  it('refuses the 11th failed login on one account within a minute, even with the right password', async () => {
    const { email, password } = await createUser();
    // A fresh address per attempt: this is the per-account limit.
    for (let i = 0; i < 10; i++) {
      const r = await gql(
        loginMutation,
        { i: { email, password: `wrong-${i}` } },
        { headers: { 'x-forwarded-for': randomIp() } },
      );
      expect(errorCode(r)).toBe('INVALID_CREDENTIALS');
    }
    const eleventh = await gql(
      loginMutation,
      { i: { email, password } },
      { headers: { 'x-forwarded-for': randomIp() } },
    );
    expect(errorCode(eleventh)).toBe('RATE_LIMITED');
    expect(eleventh.body.errors?.[0]?.message).toMatch(/Too many failed attempts/);
  });

  it('refuses logins from an address that failed on many accounts', async () => {
    const ip = randomIp();
    for (let i = 0; i < 50; i++) {
      await gql(
        loginMutation,
        { i: { email: uniqueEmail('spray'), password: 'wrong-password' } },
        { headers: { 'x-forwarded-for': ip } },
      );
    }
    const r = await gql(
      loginMutation,
      { i: { email: uniqueEmail('spray'), password: 'wrong-password' } },
      { headers: { 'x-forwarded-for': ip } },
    );
    expect(errorCode(r)).toBe('RATE_LIMITED');
  });

  it('gives 0 HTTP 5xx for 200 random malformed documents', async () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = [
      '{',
      '}',
      '(',
      ')',
      'query',
      'mutation',
      'subscription',
      'me',
      'id',
      '$x',
      ':',
      '"',
      '...',
      'on',
      '@skip',
      '[',
      ']',
      'fragment',
      '#',
      '\\u0000',
      'login',
      'input',
      '!',
      '=',
      '1e999',
      'null',
      '\n',
      'neighbourhood',
      'slug',
    ];
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) {
      const doc = Array.from(
        { length: 1 + Math.floor(rnd() * 25) },
        () => pieces[Math.floor(rnd() * pieces.length)],
      ).join(' ');
      const kind = i % 4;
      const body =
        kind === 0
          ? { query: doc }
          : kind === 1
            ? { query: doc, variables: '{{' }
            : kind === 2
              ? { query: 42, variables: [doc] }
              : { operationName: doc, query: `{ me { id } } ${doc}` };
      const res = await post().set('content-type', 'application/json').send(body);
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });

  it('applies the same limits to subscriptions over WebSocket', async () => {
    const { id } = await neighbourhood('ommat-abad');
    const fields = Array.from({ length: 16 }, (_, i) => `a${i}: id`).join(' ');
    const sub = subscribe(`subscription($id: ID!) { neighbourhoodUpdated(id: $id) { ${fields} } }`, { id });
    await new Promise((r) => setTimeout(r, 400));
    await sub.close();
    const errors = sub.errors.flat() as { message: string; extensions?: { code?: string } }[];
    expect(errors[0]?.extensions?.code).toBe('QUERY_REFUSED');
    expect(JSON.stringify(errors)).not.toMatch(/\b(15|16)\b/);
  });

  it('marks API responses Cache-Control: no-store', async () => {
    const r = await gql('{ me { id } }');
    expect(r.headers['cache-control']).toBe('no-store');
  });
});
