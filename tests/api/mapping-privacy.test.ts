import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, neighbourhood, type TestUser } from '../support/factories.js';
import { demo, gql, login, ok } from '../support/gql.js';
import { createFeature, mapView } from '../support/mapping.js';
import { subscribe, type Subscription } from '../support/ws.js';

/**
 * 50 harm "canaries" at known coordinates in Abbas-Abad (used by no other test). Whoever may not
 * see exact harms must never receive one of them, through any door; the neighbourhood's own base
 * staff must see them exactly.
 */
describe('privacy of harm locations', () => {
  const K = 5;
  let n: { id: string };
  let staff: TestUser;
  let otherStaff: TestUser;
  let resident: string;
  const canaries: [number, number][] = [];
  const subs: Subscription<unknown>[] = [];
  const EVENTS =
    'subscription($n: ID!) { mapEvents(neighbourhoodId: $n) { seq type kind featureId feature { id geometry title } } }';

  // A fixed pseudo-random sequence: the canaries, and so the cells they fall in, are the same every run.
  let state = 20261124;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };

  beforeAll(async () => {
    n = await neighbourhood('abbas-abad');
    [staff, otherStaff] = await Promise.all([
      createUser([{ role: 'BASE_STAFF', organisationSlug: 'base-abbas-abad' }]),
      createUser([{ role: 'BASE_STAFF', organisationSlug: 'base-ommat-abad' }]),
    ]);
    resident = await login(demo.resident);
    // Public and resident listen before the canaries are drawn.
    subs.push(subscribe(EVENTS, { n: n.id }, null), subscribe(EVENTS, { n: n.id }, resident));
    await new Promise((r) => setTimeout(r, 500));
    // Two dense hotspots and a scatter (cells at or over k), and two small groups far apart (under k).
    const spots: [number, number, number, number][] = [
      [53.2895, 36.6445, 20, 0.0003],
      [53.2915, 36.6462, 17, 0.0003],
      [53.2905, 36.6453, 7, 0.0016],
      [53.2933, 36.6439, 3, 0.0002],
      [53.2876, 36.6469, 3, 0.0002],
    ];
    for (const [x, y, count, spread] of spots) {
      for (let i = 0; i < count; i++) {
        const lon = Number((x + (random() - 0.5) * spread).toFixed(7));
        const lat = Number((y + (random() - 0.5) * spread).toFixed(7));
        canaries.push([lon, lat]);
      }
    }
    expect(canaries).toHaveLength(50);
    for (const [lon, lat] of canaries) {
      ok(
        await createFeature(
          {
            neighbourhoodId: n.id,
            category: 'drug-spot',
            severity: 4,
            geometry: { type: 'Point', coordinates: [lon, lat] },
          },
          staff.token,
        ),
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  });

  afterAll(async () => {
    await Promise.all(subs.map((s) => s.close()));
  });

  const canaryKeys = () => new Set(canaries.map(([x, y]) => `${x.toFixed(4)},${y.toFixed(4)}`));

  /** Every coordinate pair anywhere in a JSON value: positions, bbox corners, {lon, lat} objects. */
  function pairsIn(value: unknown, out: [number, number][] = []): [number, number][] {
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'number')) {
        for (let i = 0; i + 1 < value.length; i++) out.push([value[i], value[i + 1]]);
        if (value.length === 4) out.push([value[0], value[3]], [value[2], value[1]]);
      } else value.forEach((v) => pairsIn(v, out));
    } else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.lon === 'number' && typeof o.lat === 'number') out.push([o.lon, o.lat]);
      Object.values(o).forEach((v) => pairsIn(v, out));
    }
    return out;
  }

  function expectNoCanary(label: string, value: unknown, text = JSON.stringify(value)) {
    const keys = canaryKeys();
    const leaked = pairsIn(value).filter(([x, y]) => keys.has(`${x.toFixed(4)},${y.toFixed(4)}`));
    expect(leaked, `${label}: canary positions`).toEqual([]);
    // Full-precision numbers (those not ending in 0, which could be the prefix of another number).
    const digits = canaries
      .flat()
      .map((c) => c.toFixed(7))
      .filter((c) => !c.endsWith('0') && text.includes(c));
    expect(digits, `${label}: canary numbers in the text`).toEqual([]);
  }

  const allQueries = `query($n: ID!) {
    mapView(neighbourhoodId: $n) { total exactHarms features { kind geometry } clusters { lon lat bbox } harmCells { id bbox count } }
    mapLegend(neighbourhoodId: $n) { category { kind } count suppressed }
    geo: mapExport(neighbourhoodId: $n, format: GEOJSON) { content }
    csv: mapExport(neighbourhoodId: $n, format: CSV) { content }
  }`;

  for (const who of ['public', 'resident', 'staff of another neighbourhood'] as const) {
    it(`${who}: no canary in queries, exports or live events; harms only as cells of k or more`, async () => {
      const token = who === 'public' ? null : who === 'resident' ? resident : otherStaff.token;
      const data = ok(
        await gql<{
          mapView: {
            exactHarms: boolean;
            features: { kind: string }[];
            harmCells: { bbox: number[]; count: number }[];
          };
          mapLegend: { category: { kind: string }; count: number | null; suppressed: boolean }[];
          geo: { content: string };
          csv: { content: string };
        }>(allQueries, { n: n.id }, { token }),
      );
      expect(data.mapView.exactHarms).toBe(false);
      expect(data.mapView.features.filter((f) => f.kind === 'HARM')).toEqual([]);
      expectNoCanary('mapView + legend', { view: data.mapView, legend: data.mapLegend });
      const geo = JSON.parse(data.geo.content) as { features: { properties: { kind: string } }[] };
      expect(geo.features.filter((f) => f.properties.kind === 'HARM')).toEqual([]);
      expectNoCanary('GeoJSON export', geo, data.geo.content);
      const csvPairs = data.csv.content
        .split('\r\n')
        .slice(1)
        .map((line) => line.match(/,(-?\d+\.\d+),(-?\d+\.\d+),/))
        .filter((m): m is RegExpMatchArray => !!m)
        .map((m) => [Number(m[1]), Number(m[2])]);
      expectNoCanary('CSV export', csvPairs, data.csv.content);
      for (const cell of data.mapView.harmCells) expect(cell.count).toBeGreaterThanOrEqual(K);
      for (const entry of data.mapLegend.filter((e) => e.category.kind === 'HARM')) {
        if (entry.suppressed) expect(entry.count).toBeNull();
        else expect(entry.count === 0 || entry.count! >= K).toBe(true);
      }
      // Each drawn feature reached the subscribers as a bare event with no feature in it.
      if (who !== 'staff of another neighbourhood') {
        const sub = subs[who === 'public' ? 0 : 1]!;
        expect(sub.errors).toEqual([]);
        expect(sub.events.length).toBeGreaterThanOrEqual(canaries.length);
        expectNoCanary('live events', sub.events);
        expect(sub.events.every((e) => (e as { mapEvents: { feature: unknown } }).mapEvents.feature === null)).toBe(
          true,
        );
      }
    });
  }

  it('cells are exactly the grid cells holding k or more canaries, with true counts, and never change', async () => {
    const view = await mapView(n.id, null);
    const again = await mapView(n.id, null);
    expect(again.harmCells).toEqual(view.harmCells);
    expect(view.harmCells.length).toBeGreaterThan(0);
    // The grid is fixed: take its cell size and origin from one returned cell, then bin every canary.
    const [x0, y0, x1, y1] = view.harmCells[0]!.bbox as [number, number, number, number];
    const [dx, dy] = [x1 - x0, y1 - y0];
    const keyOf = (x: number, y: number) => `${Math.floor((x - x0) / dx)}:${Math.floor((y - y0) / dy)}`;
    const bins = new Map<string, number>();
    for (const [x, y] of canaries) bins.set(keyOf(x, y), (bins.get(keyOf(x, y)) ?? 0) + 1);
    const expected = [...bins.entries()].filter(([, c]) => c >= K).map(([key, count]) => ({ key, count }));
    const got = view.harmCells.map((c) => ({ key: keyOf(c.bbox[0]! + dx / 2, c.bbox[1]! + dy / 2), count: c.count }));
    expect(got.sort((a, b) => a.key.localeCompare(b.key))).toEqual(expected.sort((a, b) => a.key.localeCompare(b.key)));
    // Each returned count is the true number of canaries inside that cell.
    for (const c of view.harmCells) {
      const [a, b, cc, d] = c.bbox as [number, number, number, number];
      expect(canaries.filter(([x, y]) => x >= a && x < cc && y >= b && y < d).length).toBe(c.count);
    }
    // Some canaries sit in cells under k: those are absent, not shown with a smaller count.
    expect([...bins.values()].some((c) => c < K)).toBe(true);
    expect(got.reduce((s, c) => s + c.count, 0)).toBeLessThan(canaries.length);
  });

  it('base staff of the neighbourhood see every canary exactly', async () => {
    const view = await mapView(n.id, staff.token, { kinds: ['HARM'] });
    expect(view.exactHarms).toBe(true);
    expect(view.harmCells).toEqual([]);
    const seen = new Set(view.features.map((f) => (f.geometry.coordinates as number[]).join(',')));
    for (const [x, y] of canaries) expect(seen.has(`${x},${y}`)).toBe(true);
  });
});
