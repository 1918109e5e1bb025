import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../server/pagination.js';
import { CountyType, NamedType } from '../geography/geography.types.js';
import { OrganisationType } from './organisation.entity.js';

@ObjectType('StaffMember', { description: 'A person working for an organisation' })
export class StaffMemberType {
  @Field(() => ID)
  userId!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String)
  email!: string;
}

@ObjectType('NeighbourhoodRef')
export class NeighbourhoodRefType extends NamedType {}

@ObjectType('Organisation')
export class OrganisationGqlType extends NamedType {
  @Field(() => OrganisationType)
  type!: OrganisationType;

  @Field(() => Int, { nullable: true, description: 'Social-work clinic grade 1-3; null when ungraded' })
  clinicGrade!: number | null;

  /** Resolved by a batched field resolver as `parent`. */
  parentId!: string | null;

  @Field(() => CountyType)
  county!: CountyType;

  @Field(() => [NeighbourhoodRefType])
  neighbourhoods!: NeighbourhoodRefType[];

  @Field(() => String, { nullable: true, description: 'Public office phone' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Public office email' })
  email!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => [StaffMemberType], {
    nullable: true,
    description: 'Its own staff, its county supervisor and province admins only',
  })
  staff?: StaffMemberType[] | null;

  /** County id kept for record-level rules; not a GraphQL field. */
  countyId!: string;
}

export const OrganisationConnection = ConnectionType('Organisation', OrganisationGqlType);
