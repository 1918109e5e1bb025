import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IsEmail, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { PageArgs } from '../../server/pagination.js';

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
}

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only organisations serving this neighbourhood' })
  @IsOptional()
  neighbourhoodId?: string | null;
}
