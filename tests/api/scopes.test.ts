import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, neighbourhood, organisationId, type TestUser } from '../support/factories.js';
import { demo, errorCode, gql, login, ok } from '../support/gql.js';

const updateNeighbourhood =
  'mutation($id: ID!, $i: UpdateNeighbourhoodInput!) { updateNeighbourhood(id: $id, input: $i) { id descriptionEn version } }';
const updateOrganisation =
  'mutation($id: ID!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $i) { id phone } }';
const staffOf = 'query($s: String!) { organisation(slug: $s) { id staff { email } } }';

describe('scoped roles outside their scope fail like "not found"', () => {
  let nekaStaff: TestUser;
  let abbasAbad: { id: string; version: number };
  let ommatAbad: { id: string; version: number };

  beforeAll(async () => {
    nekaStaff = await createUser([{ role: 'BASE_STAFF', organisationSlug: 'base-abbas-abad' }]);
    abbasAbad = await neighbourhood('abbas-abad');
    ommatAbad = await neighbourhood('ommat-abad');
  });

  it('base staff of Amol cannot edit Abbas-Abad (Neka), and nothing changes', async () => {
    const token = await login(demo.base_staff);
    const r = await gql(
      updateNeighbourhood,
      { id: abbasAbad.id, i: { version: abbasAbad.version, descriptionEn: 'hijacked' } },
      { token },
    );
    expect(errorCode(r)).toBe('NOT_FOUND');
    expect((await neighbourhood('abbas-abad')).version).toBe(abbasAbad.version);
  });

  it('the same error as for an id that does not exist', async () => {
    const token = await login(demo.base_staff);
    const r = await gql(
      updateNeighbourhood,
      { id: '00000000-0000-4000-8000-000000000000', i: { version: 1 } },
      { token },
    );
    expect(errorCode(r)).toBe('NOT_FOUND');
    expect(r.body.errors?.[0]?.message).toBe('The requested item was not found.');
  });

  it('base staff of Neka cannot edit Ommat-Abad, but can edit Abbas-Abad', async () => {
    expect(
      errorCode(
        await gql(
          updateNeighbourhood,
          { id: ommatAbad.id, i: { version: ommatAbad.version } },
          { token: nekaStaff.token },
        ),
      ),
    ).toBe('NOT_FOUND');
    const current = await neighbourhood('abbas-abad');
    const edited = ok(
      await gql<{ updateNeighbourhood: { version: number } }>(
        updateNeighbourhood,
        { id: current.id, i: { version: current.version, descriptionEn: 'A marginal neighbourhood of Neka.' } },
        { token: nekaStaff.token },
      ),
    );
    expect(edited.updateNeighbourhood.version).toBe(current.version + 1);
  });

  it('the Amol county supervisor cannot edit Neka organisations', async () => {
    const token = await login(demo.county_supervisor);
    const nekaBase = await organisationId('base-abbas-abad');
    expect(errorCode(await gql(updateOrganisation, { id: nekaBase, i: { phone: '011-1' } }, { token }))).toBe(
      'NOT_FOUND',
    );
  });

  it('staff lists are visible to the organisation, its supervisor and admins only', async () => {
    const read = async (token: string | null, slug: string) =>
      ok(await gql<{ organisation: { staff: { email: string }[] | null } }>(staffOf, { s: slug }, { token }))
        .organisation.staff;
    expect(await read(null, 'base-ommat-abad')).toBeNull();
    expect(await read(await login(demo.resident), 'base-ommat-abad')).toBeNull();
    expect(await read(await login(demo.base_staff), 'base-abbas-abad')).toBeNull();
    expect(await read(await login(demo.county_supervisor), 'base-abbas-abad')).toBeNull();
    expect((await read(await login(demo.base_staff), 'base-ommat-abad'))?.map((s) => s.email)).toContain(
      demo.base_staff,
    );
    expect((await read(await login(demo.county_supervisor), 'base-ommat-abad'))?.map((s) => s.email)).toContain(
      demo.base_staff,
    );
    expect((await read(await login(demo.province_admin), 'base-abbas-abad'))?.map((s) => s.email)).toContain(
      nekaStaff.email,
    );
  });

  it('a concurrent edit with a stale version is a conflict and keeps the first edit', async () => {
    const current = await neighbourhood('abbas-abad');
    const first = await gql(
      updateNeighbourhood,
      { id: current.id, i: { version: current.version, descriptionEn: 'first' } },
      { token: nekaStaff.token },
    );
    ok(first);
    const second = await gql(
      updateNeighbourhood,
      { id: current.id, i: { version: current.version, descriptionEn: 'second' } },
      { token: nekaStaff.token },
    );
    expect(errorCode(second)).toBe('CONFLICT');
    const after = ok(
      await gql<{ neighbourhood: { descriptionEn: string } }>(
        '{ neighbourhood(slug: "abbas-abad") { descriptionEn } }',
      ),
    );
    expect(after.neighbourhood.descriptionEn).toBe('first');
  });
});
