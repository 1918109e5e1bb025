import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { MapFeatureKind, MapFeatureSource } from './mapping.entity.js';

@InputType()
export class CreateMapFeatureInput {
  @Field(() => ID, {
    nullable: true,
    description: 'A UUID made by the client; sending the same one again returns the same feature (offline retries)',
  })
  @IsOptional()
  @IsUUID('4', { message: 'INVALID_ID' })
  id?: string | null;

  @Field(() => ID)
  neighbourhoodId!: string;

  @Field(() => ID)
  categoryId!: string;

  @Field(() => MapFeatureKind, {
    nullable: true,
    description: 'Optional check: refused when it is not the category kind',
  })
  @IsOptional()
  kind?: MapFeatureKind | null;

  @Field(() => GraphQLJSON, { description: 'GeoJSON Point, LineString or Polygon' })
  geometry!: unknown;

  @Field(() => String)
  @Length(1, 200)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(5)
  severity?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(1_000_000)
  capacity?: number | null;

  @Field(() => MapFeatureSource)
  source!: MapFeatureSource;
}

@InputType()
export class UpdateMapFeatureInput {
  @Field(() => Int, { description: 'The version you edited; a newer one on the server is a conflict' })
  @Min(1)
  version!: number;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  categoryId?: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @IsOptional()
  geometry?: unknown;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(5)
  severity?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(1_000_000)
  capacity?: number | null;

  @Field(() => MapFeatureSource, { nullable: true })
  @IsOptional()
  source?: MapFeatureSource | null;
}

@InputType()
export class CreateMapCategoryInput {
  @Field(() => String)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'INVALID_SLUG' })
  @Length(2, 60)
  slug!: string;

  @Field(() => MapFeatureKind)
  kind!: MapFeatureKind;

  @Field(() => String)
  @Length(1, 120)
  nameFa!: string;

  @Field(() => String)
  @Length(1, 120)
  nameEn!: string;

  @Field(() => String)
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'INVALID_ICON' })
  icon!: string;

  @Field(() => String)
  @Matches(/^#[0-9a-f]{6}$/i, { message: 'INVALID_COLOUR' })
  colour!: string;
}
