import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsEmail, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { PageArgs } from '../../server/pagination.js';
import { LicenceKind } from './licence.entity.js';
import { OrganisationType } from './organisation.entity.js';

@InputType()
export class UpdateOrganisationInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  nameFa?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'Digits, spaces, + and - (Persian digits accepted)' })
  @IsOptional()
  @Matches(/^[+0-9۰-۹٠-٩ -]{5,20}$/, { message: 'INVALID_PHONE' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'INVALID_EMAIL' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  address?: string | null;

  @Field(() => OrganisationType, { nullable: true, description: 'Registry: county supervisors and admins only' })
  @IsOptional()
  type?: OrganisationType | null;

  @Field(() => Int, { nullable: true, description: 'Registry: 1-3 for a clinic; send null for ungraded' })
  @IsOptional()
  clinicGrade?: number | null;

  @Field(() => ID, { nullable: true, description: 'Registry: the hub association; send null for none' })
  @IsOptional()
  parentId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Registry: neighbourhoods served' })
  @IsOptional()
  @ArrayMaxSize(50)
  neighbourhoodIds?: string[] | null;
}

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only organisations serving this neighbourhood' })
  @IsOptional()
  neighbourhoodId?: string | null;
}

@InputType({ description: 'Registry fields (county supervisors and province admins) plus contact details' })
export class CreateOrganisationInput {
  @Field(() => String, { description: 'URL name: lower-case latin letters, digits and dashes' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,60}$/, { message: 'INVALID_SLUG' })
  slug!: string;

  @Field(() => String)
  @Length(1, 200)
  nameFa!: string;

  @Field(() => String)
  @Length(1, 200)
  nameEn!: string;

  @Field(() => OrganisationType)
  type!: OrganisationType;

  @Field(() => Int, { nullable: true, description: 'Social-work clinics only: 1, 2 or 3; null when ungraded' })
  @IsOptional()
  clinicGrade?: number | null;

  @Field(() => ID, { nullable: true, description: 'The hub association it operates under' })
  @IsOptional()
  parentId?: string | null;

  @Field(() => ID)
  countyId!: string;

  @Field(() => [ID], { description: 'Neighbourhoods it serves' })
  @ArrayMaxSize(50)
  neighbourhoodIds!: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[+0-9۰-۹٠-٩ -]{5,20}$/, { message: 'INVALID_PHONE' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'INVALID_EMAIL' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  address?: string | null;
}

@InputType({ description: 'A licence; days Jalali (1405/01/15) or ISO, Persian digits accepted' })
export class LicenceInput {
  @Field(() => LicenceKind)
  kind!: LicenceKind;

  @Field(() => String)
  @Length(1, 100)
  number!: string;

  @Field(() => String, { description: 'Who issued it, e.g. the provincial welfare office' })
  @Length(1, 200)
  issuer!: string;

  @Field(() => String)
  @MaxLength(20)
  issuedOn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  expiresOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'An uploaded scan (a LICENCE_SCAN document of the organisation)' })
  @IsOptional()
  documentId?: string | null;
}
