import { Field, ID, ObjectType } from 'type-graphql';
import { NeighbourhoodType } from '../geography/geography.types.js';
import { ConnectionType } from '../../server/pagination.js';
import { CrisisKind, CrisisStatus, CrisisUrgency } from './crisis.entity.js';

@ObjectType('CrisisReceipt', { description: 'What the reporter gets back: a reference and the hotline' })
export class CrisisReceiptType {
  @Field(() => String)
  reference!: string;

  @Field(() => String, { description: 'The social-emergency hotline, 123' })
  hotline!: string;
}

@ObjectType('CrisisReferral', { description: 'Confidential; every read is audited' })
export class CrisisReferralType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  reference!: string;

  @Field(() => NeighbourhoodType)
  neighbourhood!: NeighbourhoodType;

  @Field(() => CrisisKind)
  kind!: CrisisKind;

  @Field(() => CrisisUrgency)
  urgency!: CrisisUrgency;

  @Field(() => CrisisStatus)
  status!: CrisisStatus;

  @Field(() => String)
  details!: string;

  @Field(() => String, { nullable: true })
  callbackPhone!: string | null;

  @Field(() => String)
  reporterName!: string;

  @Field(() => String, { nullable: true })
  statusNote!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

export const CrisisReferralConnection = ConnectionType('CrisisReferral', CrisisReferralType);
