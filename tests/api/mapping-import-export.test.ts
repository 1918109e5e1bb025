import { beforeAll, describe, expect, it } from 'vitest';
import { createTestNeighbourhood, createUser } from '../support/factories.js';
import { demo, errorCode, gql, login, ok } from '../support/gql.js';
import { featureCount } from '../support/mapping.js';

describe('GeoJSON import and export', () => {
  let n: { id: string; slug: string };
  let admin: string;
  const [cx, cy] = [52.32, 36.45];

  beforeAll(async () => {
    admin = await login(demo.province_admin);
    n = await createTestNeighbourhood([cx, cy]);
  });

  const feature = (geometry: unknown, properties: Record<string, unknown>) => ({
    type: 'Feature',
    geometry,
    properties,
  });
  const IMPORT = `mutation($n: ID!, $g: JSON!) {
    importMapFeatures(neighbourhoodId: $n, geojson: $g) { created rejected items { index title ok featureId reasons } }
  }`;

  it('stores the good features and lists every bad one with its reasons', async () => {
    const before = await featureCount(n.id, admin);
    const collection = {
      type: 'FeatureCollection',
      features: [
        feature({ type: 'Point', coordinates: [cx, cy] }, { category: 'school', title: 'مدرسه', capacity: 200 }),
        feature({ type: 'Point', coordinates: [cx + 0.001, cy] }, { category: 'theft', title: 'سرقت', severity: 2 }),
        feature({ type: 'Point', coordinates: [cx, cy] }, { category: 'no-such', title: 'x' }),
        feature(
          {
            type: 'Polygon',
            coordinates: [
              [
                [cx, cy],
                [cx + 0.001, cy + 0.001],
                [cx + 0.001, cy],
                [cx, cy + 0.001],
                [cx, cy],
              ],
            ],
          },
          { category: 'unsafe-place', title: 'bowtie', severity: 3 },
        ),
        feature({ type: 'Point', coordinates: [51.389, 35.6892] }, { category: 'school', title: 'in Tehran' }),
        feature(
          { type: 'Point', coordinates: [cx, cy] },
          { category: 'theft', kind: 'asset', title: 'mismatch', severity: 9 },
        ),
        { type: 'NotAFeature' },
        feature(
          {
            type: 'LineString',
            coordinates: [
              [cx, cy],
              [cx, cy + 0.001],
            ],
          },
          { category: 'waste-sanitation', title: 'جوی باز', severity: 4 },
        ),
      ],
    };
    const report = ok(
      await gql<{
        importMapFeatures: {
          created: number;
          rejected: number;
          items: { index: number; ok: boolean; reasons: string[]; featureId: string | null }[];
        };
      }>(IMPORT, { n: n.id, g: collection }, { token: admin }),
    ).importMapFeatures;
    expect(report.created).toBe(3);
    expect(report.rejected).toBe(5);
    expect(report.items.map((i) => [i.index, i.ok, i.reasons])).toEqual([
      [0, true, []],
      [1, true, []],
      [2, false, ['UNKNOWN_CATEGORY']],
      [3, false, ['INVALID_GEOMETRY']],
      [4, false, ['OUTSIDE_NEIGHBOURHOOD']],
      [5, false, ['CATEGORY_KIND_MISMATCH', 'INVALID_SEVERITY']],
      [6, false, ['NOT_A_FEATURE']],
      [7, true, []],
    ]);
    expect(report.items.filter((i) => i.ok).every((i) => !!i.featureId)).toBe(true);
    expect(await featureCount(n.id, admin)).toBe(before + 3);
  });

  it('refuses what is not a FeatureCollection, storing nothing, and refuses residents', async () => {
    const before = await featureCount(n.id, admin);
    const r = await gql(IMPORT, { n: n.id, g: { type: 'Feature' } }, { token: admin });
    expect(r.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'geojson', reason: 'NOT_A_FEATURE_COLLECTION' }],
    });
    const resident = await createUser();
    expect(
      errorCode(
        await gql(IMPORT, { n: n.id, g: { type: 'FeatureCollection', features: [] } }, { token: resident.token }),
      ),
    ).toBe('FORBIDDEN');
    expect(await featureCount(n.id, admin)).toBe(before);
  });

  it('exports what the caller may see as GeoJSON and CSV that import back', async () => {
    const EXPORT =
      'query($n: ID!, $f: MapExportFormat!) { mapExport(neighbourhoodId: $n, format: $f) { filename mimeType content } }';
    const geo = ok(
      await gql<{ mapExport: { filename: string; mimeType: string; content: string } }>(
        EXPORT,
        { n: n.id, f: 'GEOJSON' },
        { token: admin },
      ),
    ).mapExport;
    expect(geo.filename).toMatch(new RegExp(`^${n.slug}-map-\\d{4}-\\d{2}-\\d{2}\\.geojson$`));
    expect(geo.mimeType).toBe('application/geo+json');
    const parsed = JSON.parse(geo.content) as {
      type: string;
      features: { properties: { kind: string; category: string; title: string } }[];
    };
    expect(parsed.type).toBe('FeatureCollection');
    expect(parsed.features.map((f) => f.properties.title).sort()).toEqual(['جوی باز', 'سرقت', 'مدرسه']);

    const publicGeo = JSON.parse(
      ok(await gql<{ mapExport: { content: string } }>(EXPORT, { n: n.id, f: 'GEOJSON' })).mapExport.content,
    ) as typeof parsed;
    expect(publicGeo.features.map((f) => f.properties.kind)).toEqual(['ASSET']);

    const csv = ok(
      await gql<{ mapExport: { content: string; mimeType: string } }>(EXPORT, { n: n.id, f: 'CSV' }, { token: admin }),
    ).mapExport;
    expect(csv.mimeType).toBe('text/csv; charset=utf-8');
    const lines = csv.content
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'id,kind,category,category_fa,title,description,severity,capacity,source,status,longitude,latitude,count,geometry_geojson',
    );
    expect(lines).toHaveLength(4);
    expect(lines.some((l) => l.includes('"مدرسه"') && l.includes(`,${cx},${cy},`))).toBe(true);

    // The export imports back into another neighbourhood at the same place.
    const copy = await createTestNeighbourhood([cx, cy]);
    const report = ok(
      await gql<{ importMapFeatures: { created: number } }>(IMPORT, { n: copy.id, g: parsed }, { token: admin }),
    ).importMapFeatures;
    expect(report.created).toBe(3);
  });

  it('defuses spreadsheet formulas in CSV cells', async () => {
    ok(
      await gql(
        IMPORT,
        {
          n: n.id,
          g: {
            type: 'FeatureCollection',
            features: [
              feature({ type: 'Point', coordinates: [cx, cy] }, { category: 'school', title: '=HYPERLINK("x")' }),
            ],
          },
        },
        { token: admin },
      ),
    );
    const csv = ok(
      await gql<{ mapExport: { content: string } }>(
        'query($n: ID!) { mapExport(neighbourhoodId: $n, format: CSV) { content } }',
        { n: n.id },
        { token: admin },
      ),
    ).mapExport.content;
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('other map and workshop inputs', () => {
  it('refuses a bad category, an empty workshop title and a malformed selection, storing nothing', async () => {
    const admin = await login(demo.province_admin);
    const n = await createTestNeighbourhood([52.31, 36.44]);
    const CATEGORY = 'mutation($i: CreateMapCategoryInput!) { createMapCategory(input: $i) { id } }';
    const good = { slug: 'test-cat', kind: 'ASSET', nameFa: 'آزمون', nameEn: 'Test', icon: 'star', colour: '#112233' };
    for (const [change, field] of [
      [{ slug: 'Not A Slug' }, 'slug'],
      [{ colour: 'red' }, 'colour'],
      [{ icon: '<svg>' }, 'icon'],
      [{ slug: 'school' }, 'slug'],
    ] as const) {
      const r = await gql(CATEGORY, { i: { ...good, ...change } }, { token: admin });
      expect(r.body.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field }] });
    }
    const categories = ok(await gql<{ mapCategories: { slug: string }[] }>('{ mapCategories { slug } }')).mapCategories;
    expect(categories.map((c) => c.slug)).not.toContain('test-cat');

    const title = await gql(
      'mutation($n: ID!) { openWorkshop(neighbourhoodId: $n, title: "   ") { id } }',
      { n: n.id },
      { token: admin },
    );
    expect(title.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'title' }] });
    const live = ok(
      await gql<{ workshops: unknown[] }>(
        'query($n: ID!) { workshops(neighbourhoodId: $n) { id } }',
        { n: n.id },
        { token: admin },
      ),
    );
    expect(live.workshops).toEqual([]);

    const selection = await gql(
      'mutation($n: ID!) { setMapPresence(neighbourhoodId: $n, clientId: "c", selectedFeatureId: "not-an-id") }',
      { n: n.id },
      { token: admin },
    );
    expect(selection.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'selectedFeatureId', reason: 'INVALID' }],
    });
  });
});
