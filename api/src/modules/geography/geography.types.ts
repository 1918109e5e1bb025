import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { GeoJsonGeometry } from '../../db/geometry.type.js';
import { ConnectionType } from '../../server/pagination.js';

/** Fields every named reference (province, county, neighbourhood, organisation) exposes. */
@ObjectType()
export abstract class NamedType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  nameFa!: string;

  @Field(() => String)
  nameEn!: string;
}

@ObjectType('Province')
export class ProvinceType extends NamedType {}

@ObjectType('County')
export class CountyType extends NamedType {
  @Field(() => ProvinceType)
  province!: ProvinceType;
}

@ObjectType('Neighbourhood')
export class NeighbourhoodType extends NamedType {
  @Field(() => String, { nullable: true })
  descriptionFa!: string | null;

  @Field(() => String, { nullable: true })
  descriptionEn!: string | null;

  @Field(() => CountyType)
  county!: CountyType;

  @Field(() => GraphQLJSON, { description: 'GeoJSON MultiPolygon in WGS 84 (EPSG:4326)' })
  boundary!: GeoJsonGeometry;

  @Field(() => [Float], { description: '[minLon, minLat, maxLon, maxLat]' })
  bbox!: number[];

  @Field(() => Int, { description: 'Optimistic-locking version; send it back when updating' })
  version!: number;

  @Field(() => Date)
  updatedAt!: Date;
}

export const NeighbourhoodConnection = ConnectionType('Neighbourhood', NeighbourhoodType);
