import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Length, Matches, MaxLength, Min } from 'class-validator';

@InputType()
export class CreateNeighbourhoodInput {
  @Field(() => String, { description: 'URL name, lower-case latin letters, digits and dashes' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'INVALID_SLUG' })
  @Length(2, 60)
  slug!: string;

  @Field(() => String)
  @Length(1, 120)
  nameFa!: string;

  @Field(() => String)
  @Length(1, 120)
  nameEn!: string;

  @Field(() => ID)
  countyId!: string;

  @Field(() => GraphQLJSON, { description: 'GeoJSON Polygon or MultiPolygon' })
  boundary!: unknown;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  descriptionFa?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  descriptionEn?: string | null;
}

@InputType()
export class UpdateNeighbourhoodInput {
  @Field(() => Int, { description: 'The version you edited; a newer one on the server is a conflict' })
  @Min(1)
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120)
  nameFa?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120)
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  descriptionFa?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  descriptionEn?: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @IsOptional()
  boundary?: unknown;
}
