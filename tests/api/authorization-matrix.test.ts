import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/app-process.js';
import { neighbourhood, organisationId } from '../support/factories.js';
import { DEMO_PASSWORD, demo, errorCode, gql, login, uniqueEmail } from '../support/gql.js';
import { subscribe } from '../support/ws.js';

type Audience = 'public' | keyof typeof demo;
const audiences: Audience[] = [
  'public',
  'resident',
  'volunteer',
  'donor',
  'base_staff',
  'county_supervisor',
  'province_admin',
];
const signedIn: Audience[] = audiences.filter((a) => a !== 'public');

/**
 * The declared policy: who may call each operation. Scoped roles act inside their own scope here
 * (the demo base staff work for the Ommat-Abad base, the demo supervisor for Amol county); the
 * cross-scope cases are below. Every operation in schema.graphql must appear here.
 */
const policy: Record<string, Audience[]> = {
  me: audiences,
  neighbourhoods: audiences,
  neighbourhood: audiences,
  counties: audiences,
  organisations: audiences,
  organisation: audiences,
  users: ['province_admin'],
  auditLog: ['province_admin'],
  signUp: audiences,
  login: audiences,
  logout: signedIn,
  changePassword: signedIn,
  updateProfile: signedIn,
  grantRole: ['province_admin'],
  revokeRole: ['province_admin'],
  createNeighbourhood: ['province_admin'],
  updateNeighbourhood: ['base_staff', 'county_supervisor', 'province_admin'],
  updateOrganisation: ['base_staff', 'county_supervisor', 'province_admin'],
  neighbourhoodUpdated: audiences,
};

interface Call {
  query: string;
  variables?: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Logout ends the session it uses, so it gets a session of its own. */
  freshSession?: boolean;
  subscription?: boolean;
}

let ommatAbad: { id: string; version: number };
let ommatBase: string;

const calls: Record<string, Call> = {
  me: { query: '{ me { id } }' },
  neighbourhoods: { query: '{ neighbourhoods { totalCount } }' },
  neighbourhood: { query: '{ neighbourhood(slug: "ommat-abad") { id } }' },
  counties: { query: '{ counties { id } }' },
  organisations: { query: '{ organisations { totalCount } }' },
  organisation: { query: '{ organisation(slug: "base-ommat-abad") { id } }' },
  users: { query: '{ users { totalCount } }' },
  auditLog: { query: '{ auditLog(first: 1) { totalCount } }' },
  signUp: {
    query: 'mutation($i: SignUpInput!) { signUp(input: $i) { viewer { id } } }',
    variables: () => ({ i: { email: uniqueEmail('matrix'), password: 'matrix-password-1', displayName: 'M' } }),
  },
  login: {
    query: 'mutation($i: LoginInput!) { login(input: $i) { viewer { id } } }',
    variables: () => ({ i: { email: demo.donor, password: DEMO_PASSWORD } }),
  },
  logout: { query: 'mutation { logout }', freshSession: true },
  changePassword: {
    query: 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) }',
    variables: () => ({ i: { currentPassword: 'not-the-password', newPassword: 'whatever-123456' } }),
  },
  updateProfile: { query: 'mutation { updateProfile(input: {}) { id } }' },
  grantRole: {
    query: 'mutation($i: GrantRoleInput!) { grantRole(input: $i) { id } }',
    variables: () => ({ i: { userId: randomUUID(), role: 'RESIDENT' } }),
  },
  revokeRole: { query: 'mutation($id: ID!) { revokeRole(id: $id) }', variables: () => ({ id: randomUUID() }) },
  createNeighbourhood: {
    query: 'mutation($i: CreateNeighbourhoodInput!) { createNeighbourhood(input: $i) { id } }',
    variables: () => ({ i: { slug: 'x', nameFa: 'x', nameEn: 'x', countyId: randomUUID(), boundary: {} } }),
  },
  updateNeighbourhood: {
    query: 'mutation($id: ID!, $i: UpdateNeighbourhoodInput!) { updateNeighbourhood(id: $id, input: $i) { id } }',
    // A stale version: allowed callers get CONFLICT and nothing changes.
    variables: () => ({ id: ommatAbad.id, i: { version: ommatAbad.version + 1000 } }),
  },
  updateOrganisation: {
    query: 'mutation($id: ID!) { updateOrganisation(id: $id, input: {}) { id } }',
    variables: () => ({ id: ommatBase }),
  },
  neighbourhoodUpdated: {
    query: 'subscription($id: ID!) { neighbourhoodUpdated(id: $id) { id } }',
    variables: () => ({ id: ommatAbad.id }),
    subscription: true,
  },
};

async function tokenFor(a: Audience, fresh: boolean): Promise<string | null> {
  if (a === 'public') return null;
  if (!fresh) return login(demo[a]);
  const r = await gql<{ login: { token: string } }>('mutation($i: LoginInput!) { login(input: $i) { token } }', {
    i: { email: demo[a], password: DEMO_PASSWORD },
  });
  return r.body.data!.login.token;
}

/** 'allow' when the role gate let the call through (it may still fail on its input or scope). */
async function outcome(op: string, a: Audience): Promise<string> {
  const call = calls[op]!;
  const token = await tokenFor(a, !!call.freshSession);
  const variables = (await call.variables?.()) ?? {};
  let code: string | undefined;
  if (call.subscription) {
    const sub = subscribe(call.query, variables, token);
    await new Promise((r) => setTimeout(r, 400));
    const err = sub.errors[0] as { extensions?: { code?: string } }[] | { extensions?: { code?: string } } | undefined;
    code = Array.isArray(err) ? err[0]?.extensions?.code : err?.extensions?.code;
    await sub.close();
  } else {
    code = errorCode(await gql(call.query, variables, { token }));
  }
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') return code;
  return 'allow';
}

describe('authorization matrix', () => {
  beforeAll(async () => {
    ommatAbad = await neighbourhood('ommat-abad');
    ommatBase = await organisationId('base-ommat-abad');
  });

  it('declares a policy for exactly the operations in schema.graphql', () => {
    const schema = buildSchema(readFileSync(join(repoRoot, 'schema.graphql'), 'utf8'));
    const ops = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((t) =>
      t ? Object.keys(t.getFields()) : [],
    );
    expect(Object.keys(policy).sort()).toEqual([...ops].sort());
    expect(Object.keys(calls).sort()).toEqual([...ops].sort());
  });

  for (const op of Object.keys(policy)) {
    it(`${op}: outcome for each of the 7 roles matches the policy`, async () => {
      const got: Record<string, string> = {};
      for (const a of audiences) got[a] = await outcome(op, a);
      const expected = Object.fromEntries(
        audiences.map((a) => [a, policy[op]!.includes(a) ? 'allow' : a === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN']),
      );
      expect(got).toEqual(expected);
    });
  }
});
