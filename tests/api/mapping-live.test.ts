import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestNeighbourhood, createUser, type TestUser } from '../support/factories.js';
import { demo, errorCode, gql, login, ok } from '../support/gql.js';
import {
  createFeature,
  featureCount,
  FEATURE_FIELDS,
  mapView,
  point,
  square,
  type Feature,
} from '../support/mapping.js';
import { subscribe, type Subscription } from '../support/ws.js';

const UPDATE = `mutation($id: ID!, $i: UpdateMapFeatureInput!) { updateMapFeature(id: $id, input: $i) { ${FEATURE_FIELDS} } }`;
const EVENTS = `subscription($n: ID!, $after: Int) {
  mapEvents(neighbourhoodId: $n, afterSeq: $after) { seq type featureId kind feature { id title version status } workshop { id status } }
}`;

interface EventData {
  mapEvents: {
    seq: number;
    type: string;
    featureId: string | null;
    kind: string | null;
    feature: { id: string; title: string; version: number; status: string } | null;
    workshop: { id: string; status: string } | null;
  };
}

describe('live co-mapping', () => {
  let n: { id: string };
  let supervisor: string;
  let admin: string;
  const [cx, cy] = [52.36, 36.48];
  const open: Subscription<unknown>[] = [];

  beforeAll(async () => {
    [admin, supervisor] = await Promise.all([login(demo.province_admin), login(demo.county_supervisor)]);
    n = await createTestNeighbourhood([cx, cy]);
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  const listen = (token: string | null, after?: number) => {
    const s = subscribe<EventData>(EVENTS, { n: n.id, after }, token);
    open.push(s as Subscription<unknown>);
    return s;
  };

  it('a concurrent edit never silently overwrites: the later save gets CONFLICT with the current feature', async () => {
    const f = ok(
      await createFeature({ neighbourhoodId: n.id, category: 'school', geometry: point(cx, cy), title: 'v1' }, admin),
    ).createMapFeature;
    const first = ok(
      await gql<{ updateMapFeature: Feature }>(
        UPDATE,
        { id: f.id, i: { version: f.version, title: 'first' } },
        { token: admin },
      ),
    );
    expect(first.updateMapFeature.version).toBe(f.version + 1);
    const second = await gql(UPDATE, { id: f.id, i: { version: f.version, title: 'second' } }, { token: supervisor });
    expect(errorCode(second)).toBe('CONFLICT');
    expect(second.body.errors?.[0]?.extensions).toMatchObject({
      current: { id: f.id, title: 'first', version: f.version + 1 },
    });
    // Reapplying on the current version works; the first save was kept until then.
    const again = ok(
      await gql<{ updateMapFeature: Feature }>(
        UPDATE,
        { id: f.id, i: { version: f.version + 1, title: 'second' } },
        { token: supervisor },
      ),
    );
    expect(again.updateMapFeature).toMatchObject({ title: 'second', version: f.version + 2 });
  });

  it('two saves of the same version at the same moment: exactly one wins', async () => {
    const f = ok(
      await createFeature({ neighbourhoodId: n.id, category: 'mosque', geometry: point(cx + 0.001, cy) }, admin),
    ).createMapFeature;
    const results = await Promise.all(
      ['a', 'b', 'c'].map((title) => gql(UPDATE, { id: f.id, i: { version: f.version, title } }, { token: admin })),
    );
    const codes = results.map((r) => errorCode(r) ?? 'ok').sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'ok']);
  });

  it('a create resent with the same client id (offline retry) stores one feature', async () => {
    const id = randomUUID();
    const before = await featureCount(n.id, admin);
    const input = { id, neighbourhoodId: n.id, category: 'clinic', geometry: point(cx, cy + 0.001), title: 'once' };
    const [a, b] = [await createFeature(input, admin), await createFeature(input, admin)];
    expect(ok(a).createMapFeature.id).toBe(id);
    expect(ok(b).createMapFeature.id).toBe(id);
    expect(await featureCount(n.id, admin)).toBe(before + 1);
    // Someone else cannot claim that id.
    const other = await createFeature(input, supervisor);
    expect(other.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'id', reason: 'TAKEN' }],
    });
  });

  it('editors see creates, edits, moderation and deletes live, in sequence order', async () => {
    const watcher = listen(supervisor);
    await new Promise((r) => setTimeout(r, 300));
    const f = ok(
      await createFeature(
        { neighbourhoodId: n.id, category: 'drug-spot', severity: 3, geometry: square(cx, cy) },
        admin,
      ),
    ).createMapFeature;
    const created = (await watcher.next()).mapEvents;
    expect(created).toMatchObject({
      type: 'CREATED',
      featureId: f.id,
      kind: 'HARM',
      feature: { id: f.id, version: 1 },
    });
    const edited = ok(
      await gql<{ updateMapFeature: Feature }>(
        UPDATE,
        { id: f.id, i: { version: 1, title: 'renamed' } },
        { token: admin },
      ),
    );
    const updated = (await watcher.next()).mapEvents;
    expect(updated).toMatchObject({ type: 'UPDATED', feature: { title: 'renamed', version: 2 } });
    ok(
      await gql(
        'mutation($id: ID!, $v: Int!) { setMapFeatureStatus(id: $id, version: $v, status: ARCHIVED) { id } }',
        {
          id: f.id,
          v: edited.updateMapFeature.version,
        },
        { token: admin },
      ),
    );
    expect((await watcher.next()).mapEvents).toMatchObject({ type: 'STATUS_CHANGED', feature: { status: 'ARCHIVED' } });
    ok(await gql('mutation($id: ID!) { deleteMapFeature(id: $id, version: 3) }', { id: f.id }, { token: admin }));
    const deleted = (await watcher.next()).mapEvents;
    expect(deleted).toMatchObject({ type: 'DELETED', featureId: f.id, feature: null });
    const seqs = [created, updated, deleted].map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it('a client that dropped its connection resumes from its last sequence number and converges', async () => {
    const { lastSeq } = await mapView(n.id, supervisor);
    // Three changes while the client is away.
    const made: string[] = [];
    for (const title of ['away-1', 'away-2', 'away-3']) {
      made.push(
        ok(
          await createFeature(
            { neighbourhoodId: n.id, category: 'school', geometry: point(cx - 0.001, cy), title },
            admin,
          ),
        ).createMapFeature.id,
      );
    }
    const resumed = listen(supervisor, lastSeq);
    const replayed = [
      (await resumed.next()).mapEvents,
      (await resumed.next()).mapEvents,
      (await resumed.next()).mapEvents,
    ];
    expect(replayed.map((e) => e.featureId)).toEqual(made);
    expect(replayed.map((e) => e.feature?.title)).toEqual(['away-1', 'away-2', 'away-3']);
    // Then live, with no gap and no duplicate.
    const live = ok(
      await createFeature(
        { neighbourhoodId: n.id, category: 'school', geometry: point(cx - 0.002, cy), title: 'live' },
        admin,
      ),
    ).createMapFeature;
    const next = (await resumed.next()).mapEvents;
    expect(next).toMatchObject({ featureId: live.id, type: 'CREATED' });
    expect(next.seq).toBeGreaterThan(replayed[2]!.seq);
    await new Promise((r) => setTimeout(r, 300));
    expect(resumed.events).toHaveLength(4);
  });

  it('presence: editors see who is on the map and what each selected, until they leave', async () => {
    const PRESENCE =
      'subscription($n: ID!, $c: String!) { mapPresence(neighbourhoodId: $n, clientId: $c) { clientId displayName selectedFeatureId } }';
    type P = { mapPresence: { clientId: string; displayName: string; selectedFeatureId: string | null }[] };
    const a = subscribe<P>(PRESENCE, { n: n.id, c: 'client-a' }, admin);
    await a.next();
    const b = subscribe<P>(PRESENCE, { n: n.id, c: 'client-b' }, supervisor);
    open.push(b as Subscription<unknown>);
    const firstSeen = await b.next();
    expect(firstSeen.mapPresence.map((p) => p.clientId).sort()).toEqual(['client-a', 'client-b']);
    const featureId = randomUUID();
    expect(
      ok(
        await gql<{ setMapPresence: boolean }>(
          'mutation($n: ID!, $f: ID) { setMapPresence(neighbourhoodId: $n, clientId: "client-a", selectedFeatureId: $f) }',
          { n: n.id, f: featureId },
          { token: admin },
        ),
      ).setMapPresence,
    ).toBe(true);
    expect((await b.next()).mapPresence.find((p) => p.clientId === 'client-a')?.selectedFeatureId).toBe(featureId);
    // Nobody can move another person's selection.
    expect(
      ok(
        await gql<{ setMapPresence: boolean }>(
          'mutation($n: ID!) { setMapPresence(neighbourhoodId: $n, clientId: "client-a") }',
          { n: n.id },
          { token: supervisor },
        ),
      ).setMapPresence,
    ).toBe(false);
    await a.close();
    expect((await b.next()).mapPresence.map((p) => p.clientId)).toEqual(['client-b']);
  });

  it('presence is for editors only: a resident outside any workshop is refused', async () => {
    const resident = await createUser();
    const s = subscribe(
      'subscription($n: ID!) { mapPresence(neighbourhoodId: $n, clientId: "x") { userId } }',
      { n: n.id },
      resident.token,
    );
    open.push(s);
    await new Promise((r) => setTimeout(r, 500));
    expect(JSON.stringify(s.errors)).toContain('FORBIDDEN');
    expect(s.events).toEqual([]);
  });

  it('server-side clustering keeps a response at or under the configured item count', async () => {
    const dense = await createTestNeighbourhood([52.33, 36.49]);
    const features = Array.from({ length: 260 }, (_, i) => ({
      type: 'Feature',
      geometry: {
        type: 'Point',
        coordinates: [52.33 + ((i % 20) - 10) * 0.0003, 36.49 + (Math.floor(i / 20) - 6) * 0.0003],
      },
      properties: { category: 'shops-workshops', title: `shop ${i}` },
    }));
    const report = ok(
      await gql<{ importMapFeatures: { created: number } }>(
        'mutation($n: ID!, $g: JSON!) { importMapFeatures(neighbourhoodId: $n, geojson: $g) { created } }',
        { n: dense.id, g: { type: 'FeatureCollection', features } },
        { token: admin },
      ),
    ).importMapFeatures;
    expect(report.created).toBe(260);
    const wide = await mapView(dense.id, null, { zoom: 14 });
    expect(wide.clustered).toBe(true);
    expect(wide.features).toEqual([]);
    expect(wide.clusters.length).toBeLessThanOrEqual(200);
    expect(wide.total).toBe(260);
    expect(wide.clusters.reduce((s, c) => s + c.count, 0)).toBe(260);
    // Zoomed into a box holding fewer than the limit: exact features again.
    const close = await mapView(dense.id, null, { zoom: 18, bbox: [52.329, 36.489, 52.3312, 36.4912] });
    expect(close.clustered).toBe(false);
    expect(close.features.length).toBe(close.total);
    expect(close.total).toBeLessThanOrEqual(200);
  });

  it('coarsens a grid that is too fine into exactly the cells a coarser grid gives', async () => {
    const spread = await createTestNeighbourhood([52.45, 36.4], 0.04);
    // 900 points 0.002° apart: at zoom 16 (cells of ~0.00137°) nearly every point has its own cell,
    // more than MAP_MAX_ITEMS (200), so the grid must double at least twice.
    const points = Array.from({ length: 900 }, (_, i) => [
      52.42 + (i % 30) * 0.002 + 0.0003,
      36.37 + Math.floor(i / 30) * 0.002 + 0.0003,
    ]);
    const features = points.map((coordinates, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties: { category: 'shops-workshops', title: `point ${i}` },
    }));
    ok(
      await gql(
        'mutation($n: ID!, $g: JSON!) { importMapFeatures(neighbourhoodId: $n, geojson: $g) { created } }',
        { n: spread.id, g: { type: 'FeatureCollection', features } },
        { token: admin },
      ),
    );
    const view = ok(
      await gql<{
        mapView: {
          clustered: boolean;
          total: number;
          clusters: { id: string; count: number; lon: number; lat: number }[];
        };
      }>(
        'query($n: ID!) { mapView(neighbourhoodId: $n, zoom: 16) { clustered total clusters { id count lon lat } } }',
        { n: spread.id },
        { token: admin },
      ),
    ).mapView;
    expect(view.clustered).toBe(true);
    expect(view.total).toBe(900);
    expect(view.clusters.length).toBeLessThanOrEqual(200);
    const zoom16 = (64 * 360) / (256 * 2 ** 16);
    const prefix = view.clusters[0]!.id.split(':')[0]!;
    const doublings = [1, 2, 3, 4, 5].find((k) => (zoom16 * 2 ** k).toPrecision(6) === prefix);
    expect(doublings).toBeGreaterThanOrEqual(2);
    const cell = zoom16 * 2 ** doublings!;
    const expected = new Map<string, { count: number; sx: number; sy: number }>();
    for (const [x, y] of points) {
      const id = `${prefix}:${Math.floor(x! / cell)}:${Math.floor(y! / cell)}`;
      const e = expected.get(id) ?? { count: 0, sx: 0, sy: 0 };
      expected.set(id, { count: e.count + 1, sx: e.sx + x!, sy: e.sy + y! });
    }
    expect(view.clusters.length).toBe(expected.size);
    for (const c of view.clusters) {
      const e = expected.get(c.id);
      expect(e?.count, c.id).toBe(c.count);
      expect(c.lon).toBeCloseTo(e!.sx / e!.count, 6);
      expect(c.lat).toBeCloseTo(e!.sy / e!.count, 6);
    }
  });
});

describe('workshop mode', () => {
  let n: { id: string };
  let facilitator: TestUser;
  let admin: string;
  const [cx, cy] = [52.34, 36.46];
  const WORKSHOP = 'id code status participantCount isFacilitator';

  beforeAll(async () => {
    admin = await login(demo.province_admin);
    facilitator = await createUser([{ role: 'COUNTY_SUPERVISOR', countySlug: 'amol' }]);
    n = await createTestNeighbourhood([cx, cy]);
  });

  it('residents join with a short code (Persian digits too), propose, pause stops them, the facilitator confirms', async () => {
    const resident = await createUser();
    const stranger = await createUser();
    const before = await createFeature(
      { neighbourhoodId: n.id, category: 'school', geometry: point(cx, cy) },
      resident.token,
    );
    expect(errorCode(before)).toBe('FORBIDDEN');

    const w = ok(
      await gql<{ openWorkshop: { id: string; code: string; status: string; isFacilitator: boolean } }>(
        `mutation($n: ID!) { openWorkshop(neighbourhoodId: $n, title: "جلسهٔ نقشه‌کشی") { ${WORKSHOP} } }`,
        { n: n.id },
        { token: facilitator.token },
      ),
    ).openWorkshop;
    expect(w.code).toMatch(/^\d{6}$/);
    expect(w).toMatchObject({ status: 'OPEN', isFacilitator: true });

    const wrong = await gql(
      `mutation { joinWorkshop(code: "${w.code === '000000' ? '111111' : '000000'}") { id } }`,
      {},
      { token: resident.token },
    );
    expect(wrong.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'code', reason: 'UNKNOWN_CODE' }],
    });
    const persian = w.code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    const joined = ok(
      await gql<{ joinWorkshop: { id: string; participantCount: number } }>(
        `mutation($c: String!) { joinWorkshop(code: $c) { ${WORKSHOP} } }`,
        { c: persian },
        { token: resident.token },
      ),
    ).joinWorkshop;
    expect(joined).toMatchObject({ id: w.id, participantCount: 1 });

    const access = ok(
      await gql<{ mapAccess: { canEdit: boolean; canModerate: boolean; workshop: { id: string } | null } }>(
        'query($n: ID!) { mapAccess(neighbourhoodId: $n) { canEdit canModerate workshop { id } } }',
        { n: n.id },
        { token: resident.token },
      ),
    ).mapAccess;
    expect(access).toEqual({ canEdit: true, canModerate: false, workshop: { id: w.id } });

    const phone = subscribe<EventData>(EVENTS, { n: n.id }, resident.token);
    await new Promise((r) => setTimeout(r, 300));
    const proposal = ok(
      await createFeature(
        { neighbourhoodId: n.id, category: 'skilled-people', geometry: point(cx, cy), title: 'نجار' },
        resident.token,
      ),
    ).createMapFeature;
    expect(proposal).toMatchObject({ status: 'PROPOSED', mine: true });
    // Proposals are for the room, not the public.
    expect((await mapView(n.id, stranger.token)).features.map((f) => f.id)).not.toContain(proposal.id);
    expect((await mapView(n.id, facilitator.token)).features.map((f) => f.id)).toContain(proposal.id);

    ok(
      await gql(
        `mutation($id: ID!) { setWorkshopStatus(id: $id, status: PAUSED) { id } }`,
        { id: w.id },
        { token: facilitator.token },
      ),
    );
    const paused = await createFeature(
      { neighbourhoodId: n.id, category: 'school', geometry: point(cx, cy) },
      resident.token,
    );
    expect(errorCode(paused)).toBe('WORKSHOP_PAUSED');
    let event = (await phone.next()).mapEvents;
    while (event.type !== 'WORKSHOP_CHANGED' || event.workshop?.status !== 'PAUSED')
      event = (await phone.next()).mapEvents;
    expect(event.workshop).toEqual({ id: w.id, status: 'PAUSED' });

    ok(
      await gql(
        `mutation($id: ID!) { setWorkshopStatus(id: $id, status: OPEN) { id } }`,
        { id: w.id },
        { token: facilitator.token },
      ),
    );
    ok(
      await gql(
        'mutation($id: ID!) { setMapFeatureStatus(id: $id, version: 1, status: CONFIRMED) { id } }',
        { id: proposal.id },
        { token: facilitator.token },
      ),
    );
    expect((await mapView(n.id, null)).features.map((f) => f.id)).toContain(proposal.id);

    ok(
      await gql(
        `mutation($id: ID!) { setWorkshopStatus(id: $id, status: CLOSED) { id } }`,
        { id: w.id },
        { token: facilitator.token },
      ),
    );
    expect(
      errorCode(
        await createFeature({ neighbourhoodId: n.id, category: 'school', geometry: point(cx, cy) }, resident.token),
      ),
    ).toBe('FORBIDDEN');
    const reopen = await gql(
      `mutation($id: ID!) { setWorkshopStatus(id: $id, status: OPEN) { id } }`,
      { id: w.id },
      { token: facilitator.token },
    );
    expect(reopen.body.errors?.[0]?.extensions).toMatchObject({
      fields: [{ field: 'status', reason: 'WORKSHOP_CLOSED' }],
    });
    await phone.close();
  });

  it('a workshop and its code are shown only to those who run or joined it', async () => {
    const w = ok(
      await gql<{ openWorkshop: { id: string } }>(
        `mutation($n: ID!) { openWorkshop(neighbourhoodId: $n, title: "x") { id } }`,
        { n: n.id },
        { token: admin },
      ),
    ).openWorkshop;
    const outsider = await createUser();
    const seen = ok(
      await gql<{ workshop: unknown }>(
        'query($id: ID!) { workshop(id: $id) { code } }',
        { id: w.id },
        { token: outsider.token },
      ),
    );
    expect(seen.workshop).toBeNull();
    const staffElsewhere = await createUser([{ role: 'BASE_STAFF', organisationSlug: 'base-izadshahr' }]);
    const opened = await gql(
      `mutation($n: ID!) { openWorkshop(neighbourhoodId: $n, title: "x") { id } }`,
      { n: n.id },
      { token: staffElsewhere.token },
    );
    expect(errorCode(opened)).toBe('NOT_FOUND');
  });
});
