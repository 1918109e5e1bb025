import { beforeAll, describe, expect, it } from 'vitest';
import { createTestNeighbourhood } from '../support/factories.js';
import { demo, errorCode, gql, login, ok } from '../support/gql.js';
import { createFeature, featureCount, FEATURE_FIELDS, point, square, type Feature } from '../support/mapping.js';

/** Bad input is refused with a coded reason, and nothing is stored. */
describe('map feature validation', () => {
  let n: { id: string };
  let admin: string;
  const [cx, cy] = [52.35, 36.47];

  beforeAll(async () => {
    admin = await login(demo.province_admin);
    n = await createTestNeighbourhood([cx, cy]);
  });

  const ring = (points: number[][]) => ({ type: 'Polygon', coordinates: [points] });
  const manyVertices = (count: number) => {
    const points = Array.from({ length: count }, (_, i) => {
      const a = (2 * Math.PI * i) / count;
      return [cx + 0.002 * Math.cos(a), cy + 0.002 * Math.sin(a)];
    });
    return ring([...points, points[0]!]);
  };

  const corpus: {
    name: string;
    category?: string;
    geometry: unknown;
    kind?: string;
    severity?: number | null;
    reason: string;
    field?: string;
  }[] = [
    {
      name: 'bowtie (self-intersecting) polygon',
      geometry: ring([
        [cx, cy],
        [cx + 0.001, cy + 0.001],
        [cx + 0.001, cy],
        [cx, cy + 0.001],
        [cx, cy],
      ]),
      reason: 'INVALID_GEOMETRY',
    },
    {
      name: '3-point ring',
      geometry: ring([
        [cx, cy],
        [cx + 0.001, cy],
        [cx, cy],
      ]),
      reason: 'TOO_FEW_POINTS',
    },
    {
      name: 'unclosed ring',
      geometry: ring([
        [cx, cy],
        [cx + 0.001, cy],
        [cx + 0.001, cy + 0.001],
        [cx, cy + 0.001],
      ]),
      reason: 'RING_NOT_CLOSED',
    },
    {
      name: 'NaN (as JSON can carry it: a string)',
      geometry: { type: 'Point', coordinates: ['NaN', cy] },
      reason: 'MALFORMED_GEOJSON',
    },
    {
      name: 'NaN (serialised by JSON.stringify: null)',
      geometry: { type: 'Point', coordinates: [NaN, cy] },
      reason: 'MALFORMED_GEOJSON',
    },
    { name: '1e308', geometry: point(1e308, cy), reason: 'COORDINATES_OUT_OF_RANGE' },
    { name: 'latitude 91', geometry: point(cx, 91), reason: 'COORDINATES_OUT_OF_RANGE' },
    { name: 'a point in another province (Tehran)', geometry: point(51.389, 35.6892), reason: 'OUTSIDE_NEIGHBOURHOOD' },
    { name: 'a point just outside the neighbourhood', geometry: point(cx + 0.01, cy), reason: 'OUTSIDE_NEIGHBOURHOOD' },
    { name: '100k vertices', geometry: manyVertices(100_000), reason: 'TOO_MANY_VERTICES' },
    { name: 'not GeoJSON at all', geometry: 'POINT(52 36)', reason: 'MALFORMED_GEOJSON' },
    {
      name: 'coordinates of the wrong shape',
      geometry: { type: 'Polygon', coordinates: 'x' },
      reason: 'MALFORMED_GEOJSON',
    },
    { name: 'unsupported type', geometry: { type: 'Circle', coordinates: [cx, cy] }, reason: 'UNSUPPORTED_GEOMETRY' },
    {
      name: 'unknown category',
      category: 'no-such-category',
      geometry: point(cx, cy),
      reason: 'UNKNOWN_CATEGORY',
      field: 'categoryId',
    },
    {
      name: 'wrong kind/category pair',
      kind: 'ASSET',
      geometry: point(cx, cy),
      reason: 'CATEGORY_KIND_MISMATCH',
      field: 'categoryId',
    },
    {
      name: 'severity on an asset',
      category: 'school',
      severity: 3,
      geometry: point(cx, cy),
      reason: 'SEVERITY_FOR_HARMS_ONLY',
      field: 'severity',
    },
    { name: 'harm without severity', severity: null, geometry: point(cx, cy), reason: 'REQUIRED', field: 'severity' },
  ];

  it('refuses every entry of the bad-input corpus with its code and stores nothing', async () => {
    const before = await featureCount(n.id, admin);
    const seen: Record<string, unknown> = {};
    for (const c of corpus) {
      const r = await createFeature(
        {
          neighbourhoodId: n.id,
          category: c.category ?? 'drug-spot',
          categoryId: c.category === 'no-such-category' ? '00000000-0000-4000-8000-000000000000' : undefined,
          geometry: c.geometry,
          kind: c.kind,
          severity: c.severity === undefined ? 3 : c.severity,
        },
        admin,
      );
      seen[c.name] = { code: errorCode(r), fields: r.body.errors?.[0]?.extensions?.fields };
      expect(seen[c.name], c.name).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: c.field ?? 'geometry', reason: c.reason }],
      });
    }
    expect(await featureCount(n.id, admin)).toBe(before);
  });

  it('accepts a point within the boundary tolerance, and a line and polygon inside', async () => {
    // About 50 m outside the edge: inside the 100 m drawing tolerance.
    const nearEdge = await createFeature(
      { neighbourhoodId: n.id, category: 'school', geometry: point(cx + 0.0045, cy) },
      admin,
    );
    expect(ok(nearEdge).createMapFeature.status).toBe('CONFIRMED');
    const line = await createFeature(
      {
        neighbourhoodId: n.id,
        category: 'unsafe-place',
        severity: 2,
        geometry: {
          type: 'LineString',
          coordinates: [
            [cx, cy],
            [cx + 0.001, cy + 0.001],
          ],
        },
      },
      admin,
    );
    expect(ok(line).createMapFeature.geometry.type).toBe('LineString');
    const polygon = await createFeature(
      { neighbourhoodId: n.id, category: 'public-space', geometry: square(cx, cy) },
      admin,
    );
    expect(ok(polygon).createMapFeature.kind).toBe('ASSET');
  });

  it('leaves the stored feature untouched when an update carries bad geometry', async () => {
    const f = ok(
      await createFeature({ neighbourhoodId: n.id, category: 'school', geometry: point(cx, cy), title: 'kept' }, admin),
    ).createMapFeature;
    const r = await gql(
      'mutation($id: ID!, $i: UpdateMapFeatureInput!) { updateMapFeature(id: $id, input: $i) { id } }',
      { id: f.id, i: { version: f.version, title: 'changed', geometry: point(51.389, 35.6892) } },
      { token: admin },
    );
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    const now = ok(
      await gql<{ mapFeature: Feature }>(
        `query($id: ID!) { mapFeature(id: $id) { ${FEATURE_FIELDS} } }`,
        { id: f.id },
        { token: admin },
      ),
    ).mapFeature;
    expect(now).toMatchObject({ title: 'kept', version: f.version, geometry: { coordinates: [cx, cy] } });
  });

  it('refuses a malformed bounding box', async () => {
    const r = await gql('query($n: ID!) { mapView(neighbourhoodId: $n, bbox: [1, 2, 3]) { total } }', { n: n.id });
    expect(r.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'bbox', reason: 'INVALID_BBOX' }],
    });
  });
});
