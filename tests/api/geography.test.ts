import { describe, expect, it } from 'vitest';
import { neighbourhood } from '../support/factories.js';
import { demo, errorCode, gql, login, ok } from '../support/gql.js';
import { subscribe } from '../support/ws.js';

const list =
  'query($first: Int!, $after: String) { neighbourhoods(first: $first, after: $after) { totalCount edges { cursor node { slug nameFa nameEn bbox county { slug nameFa province { nameFa } } boundary } } pageInfo { hasNextPage endCursor } } }';
const update =
  'mutation($id: ID!, $i: UpdateNeighbourhoodInput!) { updateNeighbourhood(id: $id, input: $i) { id version descriptionFa } }';

interface Page {
  neighbourhoods: {
    totalCount: number;
    edges: {
      node: {
        slug: string;
        nameFa: string;
        bbox: number[];
        county: { slug: string; province: { nameFa: string } };
        boundary: { type: string };
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('geography', () => {
  it('lists the three pilots with Persian names, counties and MultiPolygon boundaries, page by page', async () => {
    const seen: Page['neighbourhoods']['edges'] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page['neighbourhoods'] = ok(await gql<Page>(list, { first: 2, after })).neighbourhoods;
      seen.push(...page.edges);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const bySlug = Object.fromEntries(seen.map((e) => [e.node.slug, e.node]));
    expect(bySlug['ommat-abad']?.nameFa).toBe('امت آباد');
    expect(bySlug['abbas-abad']?.county.slug).toBe('neka');
    expect(bySlug['izadshahr']?.county.slug).toBe('nur');
    for (const n of Object.values(bySlug)) {
      expect(n.boundary.type).toBe('MultiPolygon');
      expect(n.county.province.nameFa).toBe('مازندران');
      const [minX, minY, maxX, maxY] = n.bbox;
      expect(minX).toBeGreaterThan(50);
      expect(maxX).toBeLessThan(55);
      expect(minY).toBeGreaterThan(35);
      expect(maxY).toBeLessThan(38);
    }
  });

  it('refuses a malformed cursor with a coded error', async () => {
    expect(errorCode(await gql(list, { first: 2, after: 'garbage' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(list, { first: 1000 }))).toBe('BAD_USER_INPUT');
  });

  it('lets an admin add a neighbourhood as data and refuses invalid boundaries', async () => {
    const admin = await login(demo.province_admin);
    const counties = ok(await gql<{ counties: { id: string; slug: string }[] }>('{ counties { id slug } }')).counties;
    const nur = counties.find((c) => c.slug === 'nur')!.id;
    const create = 'mutation($i: CreateNeighbourhoodInput!) { createNeighbourhood(input: $i) { slug boundary } }';
    const slug = `test-${Date.now().toString(36)}`;
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [52.1, 36.6],
          [52.11, 36.61],
          [52.11, 36.6],
          [52.1, 36.61],
          [52.1, 36.6],
        ],
      ],
    };
    const outOfRange = {
      type: 'Polygon',
      coordinates: [
        [
          [52.1, 91],
          [52.11, 91],
          [52.11, 92],
          [52.1, 91],
        ],
      ],
    };
    for (const boundary of [
      bowtie,
      outOfRange,
      { type: 'Polygon', coordinates: 'nope' },
      { type: 'Point', coordinates: [52, 36] },
    ]) {
      const r = await gql(
        create,
        { i: { slug, nameFa: 'آزمایشی', nameEn: 'Test', countyId: nur, boundary } },
        { token: admin },
      );
      expect(errorCode(r), JSON.stringify(boundary)).toBe('BAD_USER_INPUT');
    }
    expect(
      ok(await gql<{ neighbourhood: null }>('query($s: String!) { neighbourhood(slug: $s) { id } }', { s: slug }))
        .neighbourhood,
    ).toBeNull();
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [52.1, 36.6],
          [52.11, 36.6],
          [52.11, 36.61],
          [52.1, 36.61],
          [52.1, 36.6],
        ],
      ],
    };
    const made = ok(
      await gql<{ createNeighbourhood: { slug: string; boundary: { type: string } } }>(
        create,
        { i: { slug, nameFa: 'آزمایشی', nameEn: 'Test', countyId: nur, boundary: square } },
        { token: admin },
      ),
    );
    expect(made.createNeighbourhood.boundary.type).toBe('MultiPolygon');
  });

  it('pushes an edit to subscribers over graphql-ws', async () => {
    const n = await neighbourhood('izadshahr');
    const sub = subscribe<{ neighbourhoodUpdated: { id: string; descriptionFa: string } }>(
      'subscription($id: ID!) { neighbourhoodUpdated(id: $id) { id descriptionFa } }',
      { id: n.id },
    );
    await new Promise((r) => setTimeout(r, 300));
    const text = `ویرایش زنده ${Date.now()}`;
    ok(
      await gql(
        update,
        { id: n.id, i: { version: n.version, descriptionFa: text } },
        { token: await login(demo.province_admin) },
      ),
    );
    const event = await sub.next();
    expect(event.neighbourhoodUpdated).toEqual({ id: n.id, descriptionFa: text });
    await sub.close();
  });
});
