import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { MultiPolygonType, type GeoJsonGeometry } from '../../db/geometry.type.js';

@Entity({ tableName: 'province' })
export class Province extends BaseEntity {
  @Property({ type: 'text' })
  @Unique()
  slug!: string;

  @Property({ type: 'text' })
  nameFa!: string;

  @Property({ type: 'text' })
  nameEn!: string;
}

@Entity({ tableName: 'county' })
export class County extends BaseEntity {
  @Property({ type: 'text' })
  @Unique()
  slug!: string;

  @Property({ type: 'text' })
  nameFa!: string;

  @Property({ type: 'text' })
  nameEn!: string;

  @ManyToOne(() => Province, { deleteRule: 'restrict' })
  province!: Province;
}

@Entity({ tableName: 'neighbourhood' })
export class Neighbourhood extends BaseEntity<'version' | 'descriptionFa' | 'descriptionEn'> {
  @Property({ type: 'text' })
  @Unique()
  slug!: string;

  @Property({ type: 'text' })
  nameFa!: string;

  @Property({ type: 'text' })
  nameEn!: string;

  @Property({ type: 'text', nullable: true })
  descriptionFa?: string | null;

  @Property({ type: 'text', nullable: true })
  descriptionEn?: string | null;

  @ManyToOne(() => County, { deleteRule: 'restrict' })
  county!: County;

  @Property({ type: MultiPolygonType, ignoreSchemaChanges: ['type'] })
  boundary!: GeoJsonGeometry;

  @Property({ type: 'integer', version: true })
  version: number = 1;
}
