import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ResourceKind } from '../plans/plans.entity.js';
import { DonorKind, PledgeKind, PledgeStatus } from './pledges.entity.js';

@ObjectType('DonorContact', {
  description: 'Only for base staff of the receiving neighbourhood, its supervisor and province admins',
})
export class DonorContactType {
  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}

@ObjectType('PledgeInstalment')
export class PledgeInstalmentType {
  @Field(() => String)
  dueOn!: string;

  @Field(() => String, { nullable: true, description: 'Whole rials' })
  amountRials!: string | null;

  @Field(() => Int, { nullable: true })
  quantity!: number | null;

  @Field(() => Boolean)
  overdue!: boolean;
}

@ObjectType('Receipt', { description: 'What actually arrived' })
export class ReceiptType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  pledgeId!: string;

  @Field(() => String, { nullable: true, description: 'Whole rials' })
  amountRials!: string | null;

  @Field(() => Int, { nullable: true })
  quantity!: number | null;

  @Field(() => String)
  receivedOn!: string;

  @Field(() => String)
  recordedByName!: string;

  @Field(() => Boolean, { description: 'Received beyond the pledge, on purpose' })
  override!: boolean;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType('Pledge')
export class PledgeType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  planId!: string;

  @Field(() => String)
  planTitle!: string;

  @Field(() => ID, { nullable: true })
  taskId!: string | null;

  @Field(() => String, { nullable: true })
  taskTitle!: string | null;

  @Field(() => ID, { nullable: true })
  resourceId!: string | null;

  @Field(() => PledgeKind)
  kind!: PledgeKind;

  @Field(() => String, { nullable: true, description: 'Whole rials' })
  amountRials!: string | null;

  @Field(() => String, { nullable: true })
  item!: string | null;

  @Field(() => Int, { nullable: true })
  quantity!: number | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => String, { nullable: true })
  dueOn!: string | null;

  @Field(() => PledgeStatus)
  status!: PledgeStatus;

  @Field(() => Boolean, { description: 'A due day (its own or an instalment) passed with something still to arrive' })
  overdue!: boolean;

  @Field(() => Boolean)
  anonymous!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Null for anonymous pledges, except for staff of the receiving neighbourhood and supervisors',
  })
  donorName!: string | null;

  @Field(() => DonorContactType, { nullable: true })
  donorContact!: DonorContactType | null;

  @Field(() => String, { description: 'Whole rials received so far' })
  receivedRials!: string;

  @Field(() => Int)
  receivedQuantity!: number;

  @Field(() => [PledgeInstalmentType])
  instalments!: PledgeInstalmentType[];

  @Field(() => [ReceiptType], { description: 'For the pledger and those who run or supervise the plan' })
  receipts!: ReceiptType[];

  @Field(() => Boolean)
  mine!: boolean;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('PledgeResult')
export class PledgeResultType {
  @Field(() => PledgeType)
  pledge!: PledgeType;

  @Field(() => Boolean, { description: 'True when this was a retry of an earlier request with the same key' })
  replayed!: boolean;
}

@ObjectType('ReceiptResult')
export class ReceiptResultType {
  @Field(() => ReceiptType)
  receipt!: ReceiptType;

  @Field(() => PledgeType)
  pledge!: PledgeType;

  @Field(() => Boolean)
  replayed!: boolean;
}

@ObjectType('ResourceSupport', { description: 'One need of a task: needed, pledged, received' })
export class ResourceSupportType {
  @Field(() => ID)
  resourceId!: string;

  @Field(() => ID)
  taskId!: string;

  @Field(() => String)
  taskTitle!: string;

  @Field(() => ResourceKind)
  kind!: ResourceKind;

  @Field(() => String, { nullable: true })
  item!: string | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => String, { description: 'Rials for cash, the quantity for goods, hours for time' })
  needed!: string;

  @Field(() => String, { description: 'Pledged and not cancelled; for time, the hours of people signed up' })
  pledged!: string;

  @Field(() => String, { description: 'Received; for time, the hours confirmed' })
  received!: string;
}

@ObjectType('PlanSupport', { description: "A plan's needs and how far support has come; public for active plans" })
export class PlanSupportType {
  @Field(() => ID)
  planId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  goal!: string;

  @Field(() => String)
  neighbourhoodSlug!: string;

  @Field(() => String)
  neighbourhoodNameFa!: string;

  @Field(() => String)
  neighbourhoodNameEn!: string;

  @Field(() => Int)
  progress!: number;

  @Field(() => [ResourceSupportType])
  resources!: ResourceSupportType[];

  @Field(() => String, { description: 'Cash still needed, whole rials (never below zero)' })
  cashOpenRials!: string;

  @Field(() => Int, { description: 'Donors who gave their name publicly or anonymously' })
  donorCount!: number;
}

@ObjectType('LedgerTotals')
export class LedgerTotalsType {
  @Field(() => String, { description: 'Whole rials received' })
  receivedRials!: string;

  @Field(() => Int)
  receiptCount!: number;
}

@ObjectType('LedgerLine')
export class LedgerLineType {
  @Field(() => ReceiptType)
  receipt!: ReceiptType;

  @Field(() => ID)
  planId!: string;

  @Field(() => String)
  planTitle!: string;

  @Field(() => ID, { nullable: true })
  taskId!: string | null;

  @Field(() => String, { nullable: true })
  taskTitle!: string | null;

  @Field(() => PledgeKind)
  kind!: PledgeKind;

  @Field(() => String, { nullable: true })
  item!: string | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => String, { nullable: true, description: 'Null for anonymous donors, except for those allowed' })
  donorName!: string | null;
}

@ObjectType('LedgerGroupTotal')
export class LedgerGroupTotalType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  receivedRials!: string;
}

@ObjectType('OrganisationLedger', { description: 'Every receipt of an organisation, with totals by plan and task' })
export class OrganisationLedgerType {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => LedgerTotalsType)
  totals!: LedgerTotalsType;

  @Field(() => [LedgerGroupTotalType])
  byPlan!: LedgerGroupTotalType[];

  @Field(() => [LedgerGroupTotalType])
  byTask!: LedgerGroupTotalType[];

  @Field(() => [LedgerLineType], { description: 'Newest first' })
  lines!: LedgerLineType[];
}

@ObjectType('DonorProfile', { description: 'Your own donor profile' })
export class DonorProfileType {
  @Field(() => DonorKind)
  kind!: DonorKind;

  @Field(() => String, { nullable: true })
  organisationName!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}
