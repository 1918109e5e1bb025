import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IsEmail, IsOptional, Length, MaxLength } from 'class-validator';
import { Role } from '../../auth/roles.js';
import { PageArgs } from '../../server/pagination.js';
import { Locale } from './accounts.entity.js';

@InputType()
export class SignUpInput {
  @Field(() => String)
  @IsEmail({}, { message: 'INVALID_EMAIL' })
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @MaxLength(200)
  password!: string;

  @Field(() => String)
  @Length(1, 120)
  displayName!: string;

  @Field(() => Locale, { defaultValue: Locale.FA })
  locale: Locale = Locale.FA;

  @Field(() => [Role], {
    nullable: true,
    description: 'Self-service roles to take: RESIDENT (default), VOLUNTEER, DONOR',
  })
  @IsOptional()
  roles?: Role[] | null;
}

@InputType()
export class LoginInput {
  @Field(() => String)
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @MaxLength(200)
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  @MaxLength(200)
  currentPassword!: string;

  @Field(() => String)
  @MaxLength(200)
  newPassword!: string;
}

@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120)
  displayName?: string | null;

  @Field(() => Locale, { nullable: true })
  @IsOptional()
  locale?: Locale | null;
}

@InputType()
export class GrantRoleInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Required for BASE_STAFF' })
  @IsOptional()
  organisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required for COUNTY_SUPERVISOR' })
  @IsOptional()
  countyId?: string | null;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of an email or display name' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}
