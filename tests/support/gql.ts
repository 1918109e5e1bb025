import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { inject } from 'vitest';

export const appUrl = () => inject('appUrl');

export const DEMO_PASSWORD = 'mahalleh-demo-1405';
export const demo = {
  province_admin: 'admin@demo.mahalleh.ir',
  county_supervisor: 'supervisor@demo.mahalleh.ir',
  base_staff: 'staff@demo.mahalleh.ir',
  resident: 'resident@demo.mahalleh.ir',
  volunteer: 'volunteer@demo.mahalleh.ir',
  donor: 'donor@demo.mahalleh.ir',
} as const;

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: { message: string; extensions?: { code?: string; fields?: unknown } }[] };
  headers: Record<string, string>;
}

/** POSTs one GraphQL operation over HTTP, as a bearer-token client (or anonymously). */
export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  opts: { token?: string | null; headers?: Record<string, string> } = {},
): Promise<GqlResult<T>> {
  let req = request(appUrl()).post('/graphql').set('content-type', 'application/json').set('accept-language', 'en');
  if (opts.token) req = req.set('authorization', `Bearer ${opts.token}`);
  for (const [k, v] of Object.entries(opts.headers ?? {})) req = req.set(k, v);
  const res = await req.send({ query, variables });
  return { status: res.status, body: res.body as GqlResult<T>['body'], headers: res.headers as Record<string, string> };
}

export const errorCode = (r: GqlResult) => r.body.errors?.[0]?.extensions?.code;

/** The refusal reasons of the first error, as `field:REASON`, in the order the API gave them. */
export const fieldReasons = (r: GqlResult): string[] =>
  ((r.body.errors?.[0]?.extensions?.fields ?? []) as { field: string; reason: string }[]).map(
    (f) => `${f.field}:${f.reason}`,
  );

/** Fails with the server's errors when a call that should succeed did not. */
export function ok<T>(r: GqlResult<T>): T {
  if (r.body.errors?.length || !r.body.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.body.errors)}`);
  return r.body.data;
}

const tokens = new Map<string, Promise<string>>();

export function login(email: string, password = DEMO_PASSWORD): Promise<string> {
  const key = `${email}:${password}`;
  let t = tokens.get(key);
  if (!t) {
    t = gql<{ login: { token: string } }>('mutation($input: LoginInput!) { login(input: $input) { token } }', {
      input: { email, password },
    }).then((r) => ok(r).login.token);
    tokens.set(key, t);
  }
  return t;
}

export const uniqueEmail = (prefix = 'user') => `${prefix}-${randomUUID().slice(0, 8)}@test.mahalleh.ir`;
export const randomIp = () => `10.${rand()}.${rand()}.${rand()}`;
const rand = () => Math.floor(Math.random() * 254) + 1;
