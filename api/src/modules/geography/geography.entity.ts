import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { NamedEntity } from '../../db/base.entity.js';
import { MultiPolygonType, type GeoJsonGeometry } from '../../db/geometry.type.js';

@Entity({ tableName: 'province' })
export class Province extends NamedEntity {}

@Entity({ tableName: 'county' })
export class County extends NamedEntity {
  @ManyToOne(() => Province, { deleteRule: 'restrict' })
  province!: Province;
}

@Entity({ tableName: 'neighbourhood' })
export class Neighbourhood extends NamedEntity<'version' | 'descriptionFa' | 'descriptionEn'> {
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
