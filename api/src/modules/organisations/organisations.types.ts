import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../server/pagination.js';
import { CountyType, NamedType } from '../geography/geography.types.js';
import { LicenceKind } from './licence.entity.js';
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

export enum LicenceExpiry {
  VALID = 'VALID',
  EXPIRING = 'EXPIRING',
  EXPIRED = 'EXPIRED',
  NO_EXPIRY = 'NO_EXPIRY',
}
registerEnumType(LicenceExpiry, {
  name: 'LicenceExpiry',
  description: 'EXPIRING: within the warning window (LICENCE_WARNING_DAYS)',
});

@ObjectType('Licence')
export class LicenceType {
  @Field(() => ID)
  id!: string;

  @Field(() => LicenceKind)
  kind!: LicenceKind;

  @Field(() => String)
  number!: string;

  @Field(() => String)
  issuer!: string;

  @Field(() => String, { description: 'ISO day' })
  issuedOn!: string;

  @Field(() => String, { nullable: true, description: 'ISO day' })
  expiresOn!: string | null;

  @Field(() => LicenceExpiry)
  expiry!: LicenceExpiry;

  @Field(() => Int, { nullable: true, description: 'Days until it expires; negative once expired' })
  daysLeft!: number | null;

  @Field(() => ID, { nullable: true, description: 'The scan; download from /files/<id>' })
  documentId!: string | null;
}
