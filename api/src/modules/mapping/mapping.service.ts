import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MapConfig } from '../../config/config.js';
import type { Viewer } from '../../auth/viewer.js';
import type { GeoJsonGeometry } from '../../db/geometry.type.js';
import { AppError, badInput, forbidden, notFound } from '../../server/errors.js';
import type { AuditChange } from '../audit/audit.service.js';
import { User } from '../accounts/accounts.entity.js';
import { isUuid } from '../geography/geography.service.js';
import { Neighbourhood } from '../geography/geography.entity.js';
import { WorkshopStatus } from '../workshops/workshop.entity.js';
import { loadWorkshops, presentWorkshop } from '../workshops/workshops.records.js';
import { checkGeometryPlace, checkGeometryShape, GeometryRefused } from './feature-geometry.js';
import {
  MapCategory,
  MapEventType,
  MapFeature,
  MapFeatureKind,
  MapFeatureSource,
  MapFeatureStatus,
} from './mapping.entity.js';
import type { CreateMapCategoryInput, CreateMapFeatureInput, UpdateMapFeatureInput } from './mapping.inputs.js';
import { lastMapSeq, recordMapEvent, toCategoryType, type MapEventPayload, type MapLive } from './mapping.live.js';
import {
  canCreateCategory,
  canEditFeature,
  canEditMap,
  canModerateMap,
  canSeeFeature,
  mapAccessFor,
  seesExactHarms,
  visibleFeatureSql,
  type MapAccess,
} from './mapping.policy.js';
import { featureSelect, loadRecords, presentFeature, toRecord, type FeatureRecord } from './mapping.records.js';
import { toCsv, toGeoJson } from './mapping.export.js';
import {
  MapExportFormat,
  type HarmCellType,
  type MapAccessType,
  type MapCategoryType,
  type MapClusterType,
  type MapExportType,
  type MapFeatureType,
  type MapImportItemType,
  type MapImportReportType,
  type MapLegendEntryType,
  type MapViewType,
} from './mapping.types.js';

export interface MapViewArgs {
  bbox?: number[] | null;
  zoom?: number | null;
  kinds?: MapFeatureKind[] | null;
  categoryIds?: string[] | null;
  statuses?: MapFeatureStatus[] | null;
}

/** A write's result, its audit change and the live event to publish once it has committed. */
export interface MapWrite<T> {
  result: T;
  change: AuditChange;
  event: MapEventPayload | null;
}

const liveStatuses = [MapFeatureStatus.PROPOSED, MapFeatureStatus.CONFIRMED];
const metresPerDegree = 111_320;

export class MappingService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: MapConfig,
    private readonly live: MapLive,
  ) {}

  categories(kind?: MapFeatureKind | null): Promise<MapCategoryType[]> {
    return this.live.categories(this.em).then((all) => [...all.values()].filter((c) => !kind || c.kind === kind));
  }

  /** The neighbourhood and what the viewer may do on its map; absent and malformed ids are NOT_FOUND. */
  async access(
    viewer: Viewer | null,
    neighbourhoodId: string,
  ): Promise<{ neighbourhood: { id: string; countyId: string; lat: number }; access: MapAccess }> {
    const [n] = isUuid(neighbourhoodId)
      ? await this.em.execute<{ id: string; county_id: string; lat: number }[]>(
          `select id, county_id, ST_Y(ST_Centroid(boundary)) as lat from neighbourhood where id = ?`,
          [neighbourhoodId],
        )
      : [];
    if (!n) throw notFound();
    let workshop = null;
    if (viewer) {
      const [w] = await this.em.execute<{ id: string; status: WorkshopStatus }[]>(
        `select w.id, w.status from workshop w join workshop_participant p on p.workshop_id = w.id
          where w.neighbourhood_id = ? and p.user_id = ? and w.status <> 'CLOSED'
          order by w.created_at desc limit 1`,
        [n.id, viewer.userId],
      );
      workshop = w ?? null;
    }
    const neighbourhood = { id: n.id, countyId: n.county_id, lat: n.lat };
    return { neighbourhood, access: mapAccessFor(viewer, neighbourhood, workshop) };
  }

  async accessInfo(viewer: Viewer | null, neighbourhoodId: string): Promise<MapAccessType> {
    const { access } = await this.access(viewer, neighbourhoodId);
    const [workshop] = access.workshop ? await loadWorkshops(this.em, { ids: [access.workshop.id] }) : [];
    return {
      canEdit: canEditMap(access),
      canModerate: canModerateMap(access),
      exactHarms: seesExactHarms(access),
      workshop: workshop ? presentWorkshop(workshop, access.userId) : null,
    };
  }

  async view(viewer: Viewer | null, neighbourhoodId: string, args: MapViewArgs): Promise<MapViewType> {
    const { neighbourhood, access } = await this.access(viewer, neighbourhoodId);
    const { maxItems, minCellCount } = this.config;
    const bbox = checkBbox(args.bbox);
    const where = this.featureWhere(access, neighbourhood.id, { ...args, bbox });
    const categories = await this.live.categories(this.em);
    // The grid is asked for first: its counts say whether the box fits, so a crowded box costs one
    // statement, and a sparse one a cheap grid plus its features.
    let clusters = await this.clusters(where, clusterCellDegrees(args.zoom, bbox), bbox);
    const total = clusters.reduce((sum, c) => sum + c.count, 0);
    const clustered = total > maxItems;
    let features: MapFeatureType[] = [];
    if (!clustered) {
      clusters = [];
      const rows = await this.em.execute(`${featureSelect} where ${where.sql} order by f.created_at, f.id limit ?`, [
        ...where.params,
        maxItems,
      ]);
      features = rows
        .map((r) => presentFeature(toRecord(r as never), access, categories))
        .filter((f): f is MapFeatureType => !!f);
    }
    const wantsHarms = !args.kinds?.length || args.kinds.includes(MapFeatureKind.HARM);
    const harmCells =
      !seesExactHarms(access) && wantsHarms ? await this.harmCells(neighbourhood, args.categoryIds ?? null) : [];
    return {
      features,
      clusters,
      harmCells,
      clustered,
      total,
      exactHarms: seesExactHarms(access),
      lastSeq: await lastMapSeq(this.em, neighbourhood.id),
      maxItems,
      minCellCount,
    };
  }

  async legend(
    viewer: Viewer | null,
    neighbourhoodId: string,
    statuses?: MapFeatureStatus[] | null,
  ): Promise<MapLegendEntryType[]> {
    const { neighbourhood, access } = await this.access(viewer, neighbourhoodId);
    const exact = seesExactHarms(access);
    const where = this.featureWhere(access, neighbourhood.id, {
      statuses,
      kinds: exact ? null : [MapFeatureKind.ASSET],
    });
    const counts = new Map<string, number>();
    const rows = await this.em.execute<{ category_id: string; n: number }[]>(
      `select f.category_id, count(*)::int as n from map_feature f where ${where.sql} group by 1`,
      where.params,
    );
    rows.forEach((r) => counts.set(r.category_id, r.n));
    if (!exact) {
      // Without exact access, harms are counted like the cells: confirmed only, and under k hidden.
      const harms = await this.em.execute<{ category_id: string; n: number }[]>(
        `select category_id, count(*)::int as n from map_feature
          where neighbourhood_id = ? and kind = 'HARM' and status = 'CONFIRMED' group by 1`,
        [neighbourhood.id],
      );
      harms.forEach((r) => counts.set(r.category_id, r.n));
    }
    const categories = await this.live.categories(this.em);
    return [...categories.values()].map((category) => {
      const count = counts.get(category.id) ?? 0;
      const suppressed =
        !exact && category.kind === MapFeatureKind.HARM && count > 0 && count < this.config.minCellCount;
      return { category, count: suppressed ? null : count, suppressed };
    });
  }

  async feature(viewer: Viewer | null, id: string): Promise<MapFeatureType | null> {
    if (!isUuid(id)) return null;
    const [record] = await loadRecords(this.em, [id]);
    if (!record) return null;
    const { access } = await this.access(viewer, record.neighbourhoodId);
    return presentFeature(record, access, await this.live.categories(this.em));
  }

  async export(viewer: Viewer | null, neighbourhoodId: string, format: MapExportFormat): Promise<MapExportType> {
    const { neighbourhood, access } = await this.access(viewer, neighbourhoodId);
    const where = this.featureWhere(access, neighbourhood.id, {});
    const categories = await this.live.categories(this.em);
    const features = (
      await this.em.execute(`${featureSelect} where ${where.sql} order by f.created_at, f.id`, where.params)
    )
      .map((r) => presentFeature(toRecord(r as never), access, categories))
      .filter((f): f is MapFeatureType => !!f);
    const cells = seesExactHarms(access) ? [] : await this.harmCells(neighbourhood, null);
    const [{ slug }] = (await this.em.execute(`select slug from neighbourhood where id = ?`, [neighbourhood.id])) as [
      { slug: string },
    ];
    const day = new Date().toISOString().slice(0, 10);
    return format === MapExportFormat.CSV
      ? { filename: `${slug}-map-${day}.csv`, mimeType: 'text/csv; charset=utf-8', content: toCsv(features, cells) }
      : {
          filename: `${slug}-map-${day}.geojson`,
          mimeType: 'application/geo+json',
          content: JSON.stringify(toGeoJson(features, cells)),
        };
  }

  async create(viewer: Viewer | null, input: CreateMapFeatureInput): Promise<MapWrite<MapFeatureType>> {
    const { neighbourhood, access } = await this.access(viewer, input.neighbourhoodId);
    this.assertCanEdit(access);
    if (input.id) {
      const existing = await this.em.findOne(MapFeature, { id: input.id });
      if (existing) {
        // A retry from an offline queue: the same author resending the same id gets the same feature.
        if (existing.author?.id !== access.userId || existing.neighbourhood.id !== neighbourhood.id) {
          throw badInput([{ field: 'id', reason: 'TAKEN' }]);
        }
        const [record] = await loadRecords(this.em, [existing.id]);
        return {
          result: await this.present(record!, access),
          change: { entityType: 'MapFeature', entityId: existing.id, note: { retry: true } },
          event: null,
        };
      }
    }
    const category = await this.category(input.categoryId, input.kind ?? null);
    checkMeasures(category.kind, input.severity, input.capacity, true);
    const geometry = await this.geometry(input.geometry, neighbourhood.id);
    const feature = this.em.create(MapFeature, {
      ...(input.id ? { id: input.id } : {}),
      neighbourhood: this.em.getReference(Neighbourhood, neighbourhood.id),
      kind: category.kind,
      category,
      geometry,
      title: input.title.trim(),
      description: input.description?.trim() || null,
      severity: category.kind === MapFeatureKind.HARM ? input.severity : null,
      capacity: category.kind === MapFeatureKind.ASSET ? (input.capacity ?? null) : null,
      source: input.source,
      status: access.moderator ? MapFeatureStatus.CONFIRMED : MapFeatureStatus.PROPOSED,
      author: access.userId ? this.em.getReference(User, access.userId) : null,
    });
    await this.em.flush();
    return this.written(feature.id, access, MapEventType.CREATED, null);
  }

  async update(viewer: Viewer | null, id: string, input: UpdateMapFeatureInput): Promise<MapWrite<MapFeatureType>> {
    const { feature, access } = await this.editable(viewer, id, input.version);
    const before = auditFields(feature);
    if (input.categoryId && input.categoryId !== feature.category.id) {
      feature.category = await this.category(input.categoryId, feature.kind);
    }
    checkMeasures(feature.kind, input.severity, input.capacity, false);
    if (input.geometry !== undefined && input.geometry !== null) {
      feature.geometry = await this.geometry(input.geometry, feature.neighbourhood.id);
    }
    if (input.title) feature.title = input.title.trim();
    if (input.description !== undefined) feature.description = input.description?.trim() || null;
    if (input.severity !== undefined && input.severity !== null) feature.severity = input.severity;
    if (input.capacity !== undefined) feature.capacity = input.capacity;
    if (input.source) feature.source = input.source;
    await this.flushVersioned(feature.id, access);
    return this.written(feature.id, access, MapEventType.UPDATED, before);
  }

  async remove(viewer: Viewer | null, id: string, version: number): Promise<MapWrite<string>> {
    const { feature, access } = await this.editable(viewer, id, version);
    const before = auditFields(feature);
    const { neighbourhood, kind } = feature;
    this.em.remove(feature);
    await this.flushVersioned(id, access);
    const { seq, at } = await recordMapEvent(this.em, {
      neighbourhoodId: neighbourhood.id,
      type: MapEventType.DELETED,
      featureId: id,
    });
    return {
      result: id,
      change: { entityType: 'MapFeature', entityId: id, before, after: null },
      event: {
        seq,
        at,
        type: MapEventType.DELETED,
        neighbourhoodId: neighbourhood.id,
        featureId: id,
        kind,
        feature: null,
        workshop: null,
      },
    };
  }

  async setStatus(
    viewer: Viewer | null,
    id: string,
    version: number,
    status: MapFeatureStatus,
  ): Promise<MapWrite<MapFeatureType>> {
    const { feature, access } = await this.editable(viewer, id, version);
    if (!canModerateMap(access)) throw forbidden();
    const before = auditFields(feature);
    feature.status = status;
    await this.flushVersioned(feature.id, access);
    return this.written(feature.id, access, MapEventType.STATUS_CHANGED, before);
  }

  async createCategory(viewer: Viewer | null, input: CreateMapCategoryInput): Promise<MapWrite<MapCategoryType>> {
    if (!canCreateCategory(viewer)) throw forbidden();
    if (await this.em.count(MapCategory, { slug: input.slug })) throw badInput([{ field: 'slug', reason: 'TAKEN' }]);
    const category = this.em.create(MapCategory, {
      slug: input.slug,
      kind: input.kind,
      nameFa: input.nameFa.trim(),
      nameEn: input.nameEn.trim(),
      icon: input.icon,
      colour: input.colour.toLowerCase(),
    });
    await this.em.flush();
    const result = toCategoryType({
      id: category.id,
      slug: category.slug,
      kind: category.kind,
      name_fa: category.nameFa,
      name_en: category.nameEn,
      icon: category.icon,
      colour: category.colour,
      sort_order: category.sortOrder,
    });
    return {
      result,
      change: { entityType: 'MapCategory', entityId: category.id, before: null, after: { ...result } },
      event: null,
    };
  }

  /**
   * Stores the good features of a GeoJSON FeatureCollection and reports every bad one with its
   * reasons. Each feature is checked inside its own savepoint, so one bad geometry cannot spoil
   * the rest; clients are told to refetch once instead of receiving thousands of events.
   */
  async import(
    viewer: Viewer | null,
    neighbourhoodId: string,
    geojson: unknown,
  ): Promise<MapWrite<MapImportReportType>> {
    const { neighbourhood, access } = await this.access(viewer, neighbourhoodId);
    if (!canModerateMap(access)) throw notFound();
    const collection = geojson as { type?: unknown; features?: unknown };
    if (!collection || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
      throw badInput([{ field: 'geojson', reason: 'NOT_A_FEATURE_COLLECTION' }]);
    }
    if (collection.features.length > this.config.maxImportFeatures) {
      throw badInput([{ field: 'geojson', reason: 'TOO_MANY_FEATURES' }]);
    }
    const bySlug = new Map<string, MapCategoryType>();
    const categories = await this.live.categories(this.em);
    categories.forEach((c) => bySlug.set(c.slug, c));
    const items: MapImportItemType[] = [];
    for (const [index, raw] of (collection.features as unknown[]).entries()) {
      const parsed = parseImported(raw, bySlug, categories, this.config.maxVertices);
      const item: MapImportItemType = {
        index,
        title: parsed.title,
        ok: false,
        featureId: null,
        reasons: parsed.reasons,
      };
      items.push(item);
      if (parsed.reasons.length || !parsed.value) continue;
      const value = parsed.value;
      try {
        item.featureId = await this.em.transactional(async (em) => {
          await checkGeometryPlace(em, value.geometry, neighbourhood.id, this.config.boundaryToleranceMetres);
          const feature = em.create(MapFeature, {
            ...value,
            neighbourhood: em.getReference(Neighbourhood, neighbourhood.id),
            category: em.getReference(MapCategory, value.categoryId),
            author: access.userId ? em.getReference(User, access.userId) : null,
          });
          await em.flush();
          return feature.id;
        });
        item.ok = true;
      } catch (error) {
        if (!(error instanceof GeometryRefused)) throw error;
        item.reasons.push(error.reason);
      }
    }
    const created = items.filter((i) => i.ok);
    let event: MapEventPayload | null = null;
    if (created.length) {
      const { seq, at } = await recordMapEvent(this.em, {
        neighbourhoodId: neighbourhood.id,
        type: MapEventType.RESYNC,
      });
      event = {
        seq,
        at,
        type: MapEventType.RESYNC,
        neighbourhoodId: neighbourhood.id,
        featureId: null,
        kind: null,
        feature: null,
        workshop: null,
      };
    }
    return {
      result: { created: created.length, rejected: items.length - created.length, items },
      change: {
        entityType: 'MapFeatureImport',
        entityId: neighbourhood.id,
        note: {
          created: created.length,
          rejected: items.length - created.length,
          featureIds: created.map((i) => i.featureId),
        },
      },
      event,
    };
  }

  private assertCanEdit(access: MapAccess): void {
    if (canEditMap(access)) return;
    if (access.workshop?.status === WorkshopStatus.PAUSED) throw new AppError('WORKSHOP_PAUSED');
    throw forbidden();
  }

  /** Loads a feature the viewer may change, checking the version they edited. */
  private async editable(
    viewer: Viewer | null,
    id: string,
    version: number,
  ): Promise<{ feature: MapFeature; access: MapAccess }> {
    const feature = isUuid(id) ? await this.em.findOne(MapFeature, { id }, { populate: ['category', 'author'] }) : null;
    if (!feature) throw notFound();
    const { access } = await this.access(viewer, feature.neighbourhood.id);
    const facts = { kind: feature.kind, status: feature.status, authorId: feature.author?.id ?? null };
    if (!canEditFeature(access, facts)) {
      // What the viewer cannot see reads as absent; what they can see but not change is refused.
      if (!canSeeFeature(access, facts)) throw notFound();
      this.assertCanEdit(access);
      throw forbidden();
    }
    if (feature.version !== version) throw await this.conflict(id, access);
    return { feature, access };
  }

  /** Flushes a versioned change; a save that lost the race to another becomes a CONFLICT. */
  private async flushVersioned(id: string, access: MapAccess): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof OptimisticLockError) throw await this.conflict(id, access);
      throw error;
    }
  }

  private async conflict(id: string, access: MapAccess): Promise<AppError> {
    // The transaction's own connection: a second one would wait for this transaction on PGlite.
    const [record] = await loadRecords(this.em, [id]);
    const current = record ? presentFeature(record, access, await this.live.categories(this.em)) : null;
    return new AppError('CONFLICT', { current: current ? JSON.parse(JSON.stringify(current)) : null });
  }

  private async present(record: FeatureRecord, access: MapAccess): Promise<MapFeatureType> {
    const feature = presentFeature(record, access, await this.live.categories(this.em));
    if (!feature) throw notFound();
    return feature;
  }

  private async written(
    id: string,
    access: MapAccess,
    type: MapEventType,
    before: Record<string, unknown> | null,
  ): Promise<MapWrite<MapFeatureType>> {
    const [record] = await loadRecords(this.em, [id]);
    const { seq, at } = await recordMapEvent(this.em, {
      neighbourhoodId: record!.neighbourhoodId,
      type,
      featureId: id,
    });
    return {
      result: await this.present(record!, access),
      change: { entityType: 'MapFeature', entityId: id, before, after: recordAuditFields(record!) },
      event: {
        seq,
        at,
        type,
        neighbourhoodId: record!.neighbourhoodId,
        featureId: id,
        kind: record!.kind,
        feature: record!,
        workshop: null,
      },
    };
  }

  private async category(id: string, expectedKind: MapFeatureKind | null): Promise<MapCategory> {
    const category = isUuid(id) ? await this.em.findOne(MapCategory, { id }) : null;
    if (!category) throw badInput([{ field: 'categoryId', reason: 'UNKNOWN_CATEGORY' }]);
    if (expectedKind && category.kind !== expectedKind) {
      throw badInput([{ field: 'categoryId', reason: 'CATEGORY_KIND_MISMATCH' }]);
    }
    return category;
  }

  private async geometry(value: unknown, neighbourhoodId: string): Promise<GeoJsonGeometry> {
    try {
      const geometry = checkGeometryShape(value, this.config.maxVertices);
      await checkGeometryPlace(this.em, geometry, neighbourhoodId, this.config.boundaryToleranceMetres);
      return geometry;
    } catch (error) {
      if (error instanceof GeometryRefused) throw badInput([{ field: 'geometry', reason: error.reason }]);
      throw error;
    }
  }

  /** The filter shared by the view, legend and export: neighbourhood, filters, box, and visibility. */
  private featureWhere(
    access: MapAccess,
    neighbourhoodId: string,
    args: MapViewArgs,
  ): { sql: string; params: unknown[] } {
    const parts = ['f.neighbourhood_id = ?'];
    const params: unknown[] = [neighbourhoodId];
    const statuses = args.statuses?.length ? args.statuses : liveStatuses;
    parts.push(`f.status in (${statuses.map(() => '?').join(', ')})`);
    params.push(...statuses);
    if (args.kinds?.length) {
      parts.push(`f.kind in (${args.kinds.map(() => '?').join(', ')})`);
      params.push(...args.kinds);
    }
    if (args.categoryIds?.length) {
      if (!args.categoryIds.every(isUuid)) throw badInput([{ field: 'categoryIds', reason: 'UNKNOWN_CATEGORY' }]);
      parts.push(`f.category_id in (${args.categoryIds.map(() => '?').join(', ')})`);
      params.push(...args.categoryIds);
    }
    if (args.bbox) {
      parts.push('f.geometry && ST_MakeEnvelope(?, ?, ?, ?, 4326)');
      params.push(...args.bbox);
    }
    const visible = visibleFeatureSql(access);
    parts.push(visible.sql);
    params.push(...visible.params);
    return { sql: parts.join(' and '), params };
  }

  /**
   * Grid clusters in one statement; the grid coarsens until the answer fits in maxItems. It starts
   * no finer than 4 × maxItems cells over the box, whatever zoom is claimed, and doubles in memory:
   * floor(x / 2c) = floor(floor(x / c) / 2), so merging cells gives what the coarser query would.
   */
  private async clusters(
    where: { sql: string; params: unknown[] },
    cellDegrees: number,
    bbox: number[] | null,
  ): Promise<MapClusterType[]> {
    const { maxItems } = this.config;
    let cell = cellDegrees;
    if (bbox) while (((bbox[2]! - bbox[0]!) / cell) * ((bbox[3]! - bbox[1]!) / cell) > 4 * maxItems) cell *= 2;
    const rows = await this.em.execute<ClusterRow[]>(clusterSql(where.sql), [cell, cell, ...where.params]);
    let cells = rows.map((r) => ({ ...r, sx: r.lon * r.n, sy: r.lat * r.n }));
    // Cells touching 0° (i or j of 0 and -1) never merge; with MAP_MAX_ITEMS under 4 they could
    // otherwise be halved forever.
    const settled = (c: Cell) => (c.i === 0 || c.i === -1) && (c.j === 0 || c.j === -1);
    while (cells.length > maxItems && !cells.every(settled)) {
      cell *= 2;
      cells = coarsen(cells);
    }
    return cells.map((r) => ({
      id: `${cell.toPrecision(6)}:${r.i}:${r.j}`,
      lon: round7(r.sx / r.n),
      lat: round7(r.sy / r.n),
      count: r.n,
      assetCount: r.assets,
      harmCount: r.n - r.assets,
      bbox: [r.x0, r.y0, r.x1, r.y1].map(round7),
    }));
  }

  /**
   * Confirmed harms counted per fixed grid cell (about cellMetres on a side at the
   * neighbourhood's latitude). The grid depends only on configuration and the neighbourhood, so
   * asking again returns exactly the same cells: there is no noise to average away.
   */
  private async harmCells(
    neighbourhood: { id: string; lat: number },
    categoryIds: string[] | null,
  ): Promise<HarmCellType[]> {
    const { cellMetres, minCellCount, maxItems } = this.config;
    const dy = cellMetres / metresPerDegree;
    const dx = cellMetres / (metresPerDegree * Math.cos((Math.round(neighbourhood.lat) * Math.PI) / 180));
    const params: unknown[] = [dx, dy, neighbourhood.id];
    let categoryFilter = '';
    if (categoryIds?.length) {
      if (!categoryIds.every(isUuid)) throw badInput([{ field: 'categoryIds', reason: 'UNKNOWN_CATEGORY' }]);
      categoryFilter = `and category_id in (${categoryIds.map(() => '?').join(', ')})`;
      params.push(...categoryIds);
    }
    const rows = await this.em.execute<{ i: number; j: number; n: number }[]>(
      `select floor(x / ?)::int as i, floor(y / ?)::int as j, count(*)::int as n
         from (select ST_X(p) as x, ST_Y(p) as y
                 from (select ${pointOf('geometry')} as p from map_feature
                        where neighbourhood_id = ? and kind = 'HARM' and status = 'CONFIRMED' ${categoryFilter}
                       offset 0) s0
               offset 0) s
        group by 1, 2 having count(*) >= ? order by 1, 2 limit ?`,
      [...params, minCellCount, maxItems],
    );
    return rows.map((r) => ({
      id: `${r.i}:${r.j}`,
      bbox: [r.i * dx, r.j * dy, (r.i + 1) * dx, (r.j + 1) * dy].map(round7),
      count: r.n,
    }));
  }
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/** A feature's representative point: a point is itself; lines and areas get a point on them. */
const pointOf = (column: string) =>
  `case when ST_GeometryType(${column}) = 'ST_Point' then ${column} else ST_PointOnSurface(${column}) end`;

interface ClusterRow {
  i: number;
  j: number;
  n: number;
  assets: number;
  lon: number;
  lat: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Features in a grid of cells (first two parameters: the cell in degrees). Each feature's point and
 * its x and y are computed once: `offset 0` keeps the planner from inlining the subqueries, which
 * made it evaluate ST_PointOnSurface once per reference (about ten times per row).
 */
const clusterSql = (where: string) => `
  select floor(x / ?)::int as i, floor(y / ?)::int as j, count(*)::int as n,
         (count(*) filter (where kind = 'ASSET'))::int as assets,
         avg(x) as lon, avg(y) as lat, min(x) as x0, min(y) as y0, max(x) as x1, max(y) as y1
    from (select ST_X(p) as x, ST_Y(p) as y, kind
            from (select ${pointOf('f.geometry')} as p, f.kind from map_feature f where ${where} offset 0) s0
          offset 0) s
   group by 1, 2`;

type Cell = ClusterRow & { sx: number; sy: number };

/** Cells of twice the size: counts and sums add up, extents widen. */
function coarsen(cells: Cell[]): Cell[] {
  const merged = new Map<string, Cell>();
  for (const c of cells) {
    const i = Math.floor(c.i / 2);
    const j = Math.floor(c.j / 2);
    const key = `${i}:${j}`;
    const m = merged.get(key);
    if (!m) merged.set(key, { ...c, i, j });
    else {
      m.n += c.n;
      m.assets += c.assets;
      m.sx += c.sx;
      m.sy += c.sy;
      m.x0 = Math.min(m.x0, c.x0);
      m.y0 = Math.min(m.y0, c.y0);
      m.x1 = Math.max(m.x1, c.x1);
      m.y1 = Math.max(m.y1, c.y1);
    }
  }
  return [...merged.values()];
}

function checkBbox(bbox: number[] | null | undefined): number[] | null {
  if (!bbox) return null;
  const [x0, y0, x1, y1] = bbox;
  const ok =
    bbox.length === 4 &&
    bbox.every(Number.isFinite) &&
    x0! >= -180 &&
    x1! <= 180 &&
    y0! >= -90 &&
    y1! <= 90 &&
    x0! <= x1! &&
    y0! <= y1!;
  if (!ok) throw badInput([{ field: 'bbox', reason: 'INVALID_BBOX' }]);
  return bbox;
}

/** About 64 screen pixels at the zoom, or a twelfth of the box when no zoom is given. */
function clusterCellDegrees(zoom: number | null | undefined, bbox: number[] | null): number {
  if (zoom !== null && zoom !== undefined) return (64 * 360) / (256 * 2 ** Math.min(Math.max(zoom, 0), 22));
  if (bbox) return Math.max((bbox[2]! - bbox[0]!) / 12, 1e-5);
  return 0.005;
}

function checkMeasures(
  kind: MapFeatureKind,
  severity: number | null | undefined,
  capacity: number | null | undefined,
  creating: boolean,
): void {
  if (kind === MapFeatureKind.ASSET && severity !== null && severity !== undefined) {
    throw badInput([{ field: 'severity', reason: 'SEVERITY_FOR_HARMS_ONLY' }]);
  }
  if (kind === MapFeatureKind.HARM && capacity !== null && capacity !== undefined) {
    throw badInput([{ field: 'capacity', reason: 'CAPACITY_FOR_ASSETS_ONLY' }]);
  }
  if (creating && kind === MapFeatureKind.HARM && (severity === null || severity === undefined)) {
    throw badInput([{ field: 'severity', reason: 'REQUIRED' }]);
  }
}

const auditFields = (f: MapFeature) => ({
  title: f.title,
  kind: f.kind,
  categoryId: f.category.id,
  status: f.status,
  severity: f.severity ?? null,
  capacity: f.capacity ?? null,
  source: f.source,
  geometry: f.geometry,
  version: f.version,
});

const recordAuditFields = (r: FeatureRecord) => ({
  title: r.title,
  kind: r.kind,
  categoryId: r.categoryId,
  status: r.status,
  severity: r.severity,
  capacity: r.capacity,
  source: r.source,
  geometry: r.geometry,
  version: r.version,
});

interface ImportedValue {
  kind: MapFeatureKind;
  categoryId: string;
  geometry: GeoJsonGeometry;
  title: string;
  description: string | null;
  severity: number | null;
  capacity: number | null;
  source: MapFeatureSource;
  status: MapFeatureStatus;
}

/** Checks one imported GeoJSON Feature without touching the database; reasons are codes. */
function parseImported(
  raw: unknown,
  bySlug: ReadonlyMap<string, MapCategoryType>,
  byId: ReadonlyMap<string, MapCategoryType>,
  maxVertices: number,
): { title: string | null; reasons: string[]; value: ImportedValue | null } {
  const reasons: string[] = [];
  const feature = raw as { type?: unknown; properties?: Record<string, unknown> | null; geometry?: unknown };
  if (!feature || typeof feature !== 'object' || feature.type !== 'Feature') {
    return { title: null, reasons: ['NOT_A_FEATURE'], value: null };
  }
  const p = feature.properties ?? {};
  const title = typeof p.title === 'string' && p.title.trim() ? p.title.trim().slice(0, 200) : null;
  if (!title) reasons.push('TITLE_REQUIRED');
  const key = typeof p.category === 'string' ? p.category : typeof p.categoryId === 'string' ? p.categoryId : '';
  const category = bySlug.get(key) ?? byId.get(key);
  if (!category) reasons.push('UNKNOWN_CATEGORY');
  if (category && typeof p.kind === 'string' && p.kind.toUpperCase() !== category.kind) {
    reasons.push('CATEGORY_KIND_MISMATCH');
  }
  const severity = p.severity ?? null;
  const capacity = p.capacity ?? null;
  if (category?.kind === MapFeatureKind.HARM) {
    if (!Number.isInteger(severity) || (severity as number) < 1 || (severity as number) > 5) {
      reasons.push('INVALID_SEVERITY');
    }
    if (capacity !== null) reasons.push('CAPACITY_FOR_ASSETS_ONLY');
  }
  if (category?.kind === MapFeatureKind.ASSET) {
    if (severity !== null) reasons.push('SEVERITY_FOR_HARMS_ONLY');
    if (capacity !== null && (!Number.isInteger(capacity) || (capacity as number) < 0))
      reasons.push('INVALID_CAPACITY');
  }
  const source = (typeof p.source === 'string' ? p.source.toUpperCase() : MapFeatureSource.REPORT) as MapFeatureSource;
  if (!Object.values(MapFeatureSource).includes(source)) reasons.push('UNKNOWN_SOURCE');
  const status = (
    typeof p.status === 'string' ? p.status.toUpperCase() : MapFeatureStatus.CONFIRMED
  ) as MapFeatureStatus;
  if (!Object.values(MapFeatureStatus).includes(status)) reasons.push('UNKNOWN_STATUS');
  let geometry: GeoJsonGeometry | null = null;
  try {
    geometry = checkGeometryShape(feature.geometry, maxVertices);
  } catch (error) {
    if (!(error instanceof GeometryRefused)) throw error;
    reasons.push(error.reason);
  }
  if (reasons.length || !category || !geometry || !title) return { title, reasons, value: null };
  return {
    title,
    reasons,
    value: {
      kind: category.kind,
      categoryId: category.id,
      geometry,
      title,
      description: typeof p.description === 'string' ? p.description.slice(0, 4000) : null,
      severity: category.kind === MapFeatureKind.HARM ? (severity as number) : null,
      capacity: category.kind === MapFeatureKind.ASSET ? (capacity as number | null) : null,
      source,
      status,
    },
  };
}
