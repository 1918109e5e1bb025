import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { AnyGeometryType, type GeoJsonGeometry } from '../../db/geometry.type.js';
import { User } from '../accounts/accounts.entity.js';
import { Neighbourhood } from '../geography/geography.entity.js';

export enum MapFeatureKind {
  ASSET = 'ASSET',
  HARM = 'HARM',
}
registerEnumType(MapFeatureKind, { name: 'MapFeatureKind', description: 'A local strength or a local harm' });

export enum MapFeatureStatus {
  PROPOSED = 'PROPOSED',
  CONFIRMED = 'CONFIRMED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(MapFeatureStatus, { name: 'MapFeatureStatus' });

export enum MapFeatureSource {
  INFORMANT_MEETING = 'INFORMANT_MEETING',
  FIELD_VISIT = 'FIELD_VISIT',
  REPORT = 'REPORT',
}
registerEnumType(MapFeatureSource, { name: 'MapFeatureSource' });

export enum MapEventType {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  WORKSHOP_CHANGED = 'WORKSHOP_CHANGED',
  RESYNC = 'RESYNC',
}
registerEnumType(MapEventType, {
  name: 'MapEventType',
  description: 'RESYNC: too many missed events to replay; refetch the map',
});

/** The seeded, admin-extensible catalogue of what can be mapped. */
@Entity({ tableName: 'map_category' })
export class MapCategory extends BaseEntity<'sortOrder'> {
  @Property({ type: 'text', unique: true })
  slug!: string;

  @Enum({ items: () => MapFeatureKind, nativeEnumName: 'map_feature_kind' })
  kind!: MapFeatureKind;

  @Property({ type: 'text' })
  nameFa!: string;

  @Property({ type: 'text' })
  nameEn!: string;

  @Property({ type: 'text' })
  icon!: string;

  @Property({ type: 'text' })
  colour!: string;

  @Property({ type: 'integer' })
  sortOrder: number = 100;
}

@Entity({ tableName: 'map_feature' })
@Index({ properties: ['neighbourhood', 'kind', 'status'] })
@Index({
  name: 'map_feature_geometry_gist',
  expression: 'create index "map_feature_geometry_gist" on "map_feature" using gist ("geometry")',
})
export class MapFeature extends BaseEntity<'version' | 'description' | 'severity' | 'capacity' | 'author'> {
  @ManyToOne(() => Neighbourhood, { deleteRule: 'restrict' })
  neighbourhood!: Neighbourhood;

  @Enum({ items: () => MapFeatureKind, nativeEnumName: 'map_feature_kind' })
  kind!: MapFeatureKind;

  @ManyToOne(() => MapCategory, { deleteRule: 'restrict' })
  category!: MapCategory;

  /** Point, LineString or Polygon in EPSG:4326. */
  @Property({ type: AnyGeometryType, ignoreSchemaChanges: ['type'] })
  geometry!: GeoJsonGeometry;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  /** Harms only, 1-5. */
  @Property({ type: 'smallint', nullable: true })
  severity?: number | null;

  /** Assets only: how many people it can serve. */
  @Property({ type: 'integer', nullable: true })
  capacity?: number | null;

  @Enum({ items: () => MapFeatureSource, nativeEnumName: 'map_feature_source' })
  source!: MapFeatureSource;

  @Enum({ items: () => MapFeatureStatus, nativeEnumName: 'map_feature_status' })
  status!: MapFeatureStatus;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  author?: User | null;

  @Property({ type: 'integer', version: true })
  version: number = 1;
}

/**
 * The ordered log of map changes per neighbourhood. Its id is the sequence number clients resume
 * from after a dropped connection. It names what changed, never where: geometry stays in map_feature.
 */
@Entity({ tableName: 'map_event' })
@Index({ properties: ['neighbourhood', 'seq'] })
export class MapEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq!: string;

  @ManyToOne(() => Neighbourhood, { deleteRule: 'cascade' })
  neighbourhood!: Neighbourhood;

  @Enum({ items: () => MapEventType, nativeEnumName: 'map_event_type' })
  type!: MapEventType;

  @Property({ type: 'uuid', nullable: true })
  featureId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  workshopId?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();
}
