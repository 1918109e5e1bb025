import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../../auth/roles.js';
import { ConnectionType } from '../../server/pagination.js';
import { CountyType } from '../geography/geography.types.js';
import { Locale } from './accounts.entity.js';

@ObjectType('RoleAssignment', { description: 'A role held by a user, with its scope' })
export class RoleAssignmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Organisation scope (base staff)' })
  organisationId!: string | null;

  @Field(() => String, { nullable: true })
  organisationNameFa!: string | null;

  @Field(() => String, { nullable: true })
  organisationNameEn!: string | null;

  @Field(() => CountyType, { nullable: true, description: 'County scope (county supervisors)' })
  county!: CountyType | null;
}

@ObjectType('Account', { description: 'A user account as province admins see it' })
export class AccountType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => [RoleAssignmentType])
  roles!: RoleAssignmentType[];
}

@ObjectType('Viewer', { description: 'The signed-in user' })
export class ViewerType extends AccountType {
  @Field(() => Locale)
  locale!: Locale;
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String, { description: 'Bearer token for API clients; the portal uses the cookie instead' })
  token!: string;

  @Field(() => ViewerType)
  viewer!: ViewerType;
}

export const AccountConnection = ConnectionType('Account', AccountType);
