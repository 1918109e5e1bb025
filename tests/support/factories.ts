import { gql, login, ok, demo, uniqueEmail } from './gql.js';

export type RoleName = 'RESIDENT' | 'VOLUNTEER' | 'DONOR' | 'BASE_STAFF' | 'COUNTY_SUPERVISOR' | 'PROVINCE_ADMIN';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
}

const password = 'factory-password-123';

/** Signs up a fresh user through the API; extra roles are granted by the demo province admin. */
export async function createUser(
  grants: { role: RoleName; organisationSlug?: string; countySlug?: string }[] = [],
  selfRoles: ('RESIDENT' | 'VOLUNTEER' | 'DONOR')[] = ['RESIDENT'],
): Promise<TestUser> {
  const email = uniqueEmail();
  const signed = ok(
    await gql<{ signUp: { token: string; viewer: { id: string } } }>(
      'mutation($input: SignUpInput!) { signUp(input: $input) { token viewer { id } } }',
      { input: { email, password, displayName: 'Test user', roles: selfRoles } },
    ),
  ).signUp;
  const admin = await login(demo.province_admin);
  for (const g of grants) {
    const orgId = g.organisationSlug ? await organisationId(g.organisationSlug) : null;
    const cId = g.countySlug ? await countyId(g.countySlug) : null;
    ok(
      await gql(
        'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }',
        { input: { userId: signed.viewer.id, role: g.role, organisationId: orgId, countyId: cId } },
        { token: admin },
      ),
    );
  }
  return { id: signed.viewer.id, email, password, token: signed.token };
}

export async function organisationId(slug: string): Promise<string> {
  const r = ok(
    await gql<{ organisation: { id: string } | null }>('query($s: String!) { organisation(slug: $s) { id } }', {
      s: slug,
    }),
  );
  if (!r.organisation) throw new Error(`no organisation ${slug}`);
  return r.organisation.id;
}

export async function countyId(slug: string): Promise<string> {
  const r = ok(await gql<{ counties: { id: string; slug: string }[] }>('{ counties { id slug } }'));
  const c = r.counties.find((x) => x.slug === slug);
  if (!c) throw new Error(`no county ${slug}`);
  return c.id;
}

export async function neighbourhood(slug: string): Promise<{ id: string; version: number }> {
  const r = ok(
    await gql<{ neighbourhood: { id: string; version: number } | null }>(
      'query($s: String!) { neighbourhood(slug: $s) { id version } }',
      { s: slug },
    ),
  );
  if (!r.neighbourhood) throw new Error(`no neighbourhood ${slug}`);
  return r.neighbourhood;
}
