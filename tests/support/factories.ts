import { randomUUID } from 'node:crypto';
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

/** A fresh neighbourhood in Amol county: a square about `halfSide` degrees around a centre. */
export async function createTestNeighbourhood(
  centre: [number, number] = [52.35, 36.47],
  halfSide = 0.004,
): Promise<{ id: string; slug: string }> {
  const [x, y] = centre;
  const slug = `test-${Math.random().toString(36).slice(2, 10)}`;
  const admin = await login(demo.province_admin);
  const r = ok(
    await gql<{ createNeighbourhood: { id: string; slug: string } }>(
      'mutation($i: CreateNeighbourhoodInput!) { createNeighbourhood(input: $i) { id slug } }',
      {
        i: {
          slug,
          nameFa: 'محلهٔ آزمایشی',
          nameEn: 'Test neighbourhood',
          countyId: await countyId('amol'),
          boundary: {
            type: 'Polygon',
            coordinates: [
              [
                [x - halfSide, y - halfSide],
                [x + halfSide, y - halfSide],
                [x + halfSide, y + halfSide],
                [x - halfSide, y + halfSide],
                [x - halfSide, y - halfSide],
              ],
            ],
          },
        },
      },
      { token: admin },
    ),
  );
  return r.createNeighbourhood;
}

const categoryIds = new Map<string, Promise<string>>();

/** The id of a seeded map category, by slug. */
export function mapCategory(slug: string): Promise<string> {
  let id = categoryIds.get(slug);
  if (!id) {
    id = gql<{ mapCategories: { id: string; slug: string }[] }>('{ mapCategories { id slug } }').then((r) => {
      const c = ok(r).mapCategories.find((x) => x.slug === slug);
      if (!c) throw new Error(`no map category ${slug}`);
      return c.id;
    });
    categoryIds.set(slug, id);
  }
  return id;
}

/**
 * A social-health base serving only the given (test) neighbourhood, registered through the API by
 * the demo province admin, so a test can have base staff of a neighbourhood of its own.
 */
export async function createTestBase(
  neighbourhoodId: string,
  countySlug = 'amol',
): Promise<{ id: string; slug: string; nameFa: string }> {
  const admin = await login(demo.province_admin);
  const r = ok(
    await gql<{ createOrganisation: { id: string; slug: string; nameFa: string } }>(
      'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id slug nameFa } }',
      {
        i: {
          slug: `test-base-${randomUUID().slice(0, 8)}`,
          nameFa: 'پایگاه سلامت اجتماعی آزمایشی',
          nameEn: 'Test social-health base',
          type: 'SOCIAL_HEALTH_BASE',
          countyId: await countyId(countySlug),
          neighbourhoodIds: [neighbourhoodId],
        },
      },
      { token: admin },
    ),
  );
  return r.createOrganisation;
}
