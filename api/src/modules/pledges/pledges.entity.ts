import { Check, Entity, Enum, Index, ManyToOne, OneToOne, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { User } from '../accounts/accounts.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { ActionPlan, PlanTask, TaskResource } from '../plans/plans.entity.js';

export enum DonorKind {
  INDIVIDUAL = 'INDIVIDUAL',
  ORGANISATION = 'ORGANISATION',
}
registerEnumType(DonorKind, { name: 'DonorKind' });

export enum PledgeKind {
  CASH = 'CASH',
  IN_KIND = 'IN_KIND',
}
registerEnumType(PledgeKind, {
  name: 'PledgeKind',
  description: 'CASH in whole rials; IN_KIND an item, quantity and unit',
});

export enum PledgeStatus {
  PLEDGED = 'PLEDGED',
  CONFIRMED = 'CONFIRMED',
  PARTLY_RECEIVED = 'PARTLY_RECEIVED',
  FULFILLED = 'FULFILLED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PledgeStatus, {
  name: 'PledgeStatus',
  description: 'PLEDGED, then CONFIRMED by staff, then PARTLY_RECEIVED and FULFILLED as receipts arrive; or CANCELLED',
});

/** A donor (خیّر): a person or an organisation. Contacts are for base staff of the receiving neighbourhoods only. */
@Entity({ tableName: 'donor_profile' })
export class DonorProfile extends BaseEntity<'organisationName' | 'phone'> {
  @OneToOne(() => User, { owner: true, deleteRule: 'cascade', unique: true })
  user!: User;

  @Enum({ items: () => DonorKind, nativeEnumName: 'donor_kind' })
  kind!: DonorKind;

  /** For organisations: the name they give under; otherwise the user's display name is used. */
  @Property({ type: 'text', nullable: true })
  organisationName?: string | null;

  @Property({ type: 'text', nullable: true })
  phone?: string | null;
}

/**
 * A promise of cash or goods to a task's resource need, or to a plan in general. The idempotency
 * key is unique per pledger: the same key never makes a second row, even under concurrent retries.
 */
@Entity({ tableName: 'pledge' })
@Unique({ properties: ['pledger', 'idempotencyKey'] })
@Index({ properties: ['plan', 'status'] })
@Check({
  name: 'pledge_amount_matches_kind',
  expression:
    "(kind = 'CASH' and amount_rials > 0 and quantity is null) or (kind = 'IN_KIND' and amount_rials is null and quantity > 0 and unit is not null)",
})
export class Pledge extends BaseEntity<
  'task' | 'resource' | 'amountRials' | 'item' | 'quantity' | 'unit' | 'dueOn' | 'note' | 'status' | 'anonymous'
> {
  @ManyToOne(() => User, { deleteRule: 'restrict' })
  pledger!: User;

  @Property({ type: 'text' })
  idempotencyKey!: string;

  /** What the first request with this key asked for; a retry asking for something else is refused. */
  @Property({ type: 'text' })
  requestHash!: string;

  @ManyToOne(() => ActionPlan, { deleteRule: 'restrict' })
  plan!: ActionPlan;

  @ManyToOne(() => PlanTask, { nullable: true, deleteRule: 'restrict' })
  task?: PlanTask | null;

  @ManyToOne(() => TaskResource, { nullable: true, deleteRule: 'set null' })
  resource?: TaskResource | null;

  /** Who receives it and keeps it in its ledger: the plan's lead organisation when pledged. */
  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;

  @Enum({ items: () => PledgeKind, nativeEnumName: 'pledge_kind' })
  kind!: PledgeKind;

  @Property({ type: 'bigint', columnType: 'bigint', nullable: true })
  amountRials?: string | null;

  @Property({ type: 'text', nullable: true })
  item?: string | null;

  @Property({ type: 'integer', nullable: true })
  quantity?: number | null;

  @Property({ type: 'text', nullable: true })
  unit?: string | null;

  /** Hidden from everyone but base staff of the receiving neighbourhood and supervisors. */
  @Property({ type: 'boolean' })
  anonymous: boolean = false;

  @Property({ type: 'date', nullable: true })
  dueOn?: string | null;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Enum({ items: () => PledgeStatus, nativeEnumName: 'pledge_status' })
  status: PledgeStatus = PledgeStatus.PLEDGED;
}

/** One part of a pledge promised for a later day. */
@Entity({ tableName: 'pledge_instalment' })
@Check({
  name: 'pledge_instalment_positive',
  expression: 'coalesce(amount_rials, 1) > 0 and coalesce(quantity, 1) > 0',
})
export class PledgeInstalment extends BaseEntity<'amountRials' | 'quantity'> {
  @ManyToOne(() => Pledge, { deleteRule: 'cascade' })
  pledge!: Pledge;

  @Property({ type: 'date' })
  dueOn!: string;

  @Property({ type: 'bigint', columnType: 'bigint', nullable: true })
  amountRials?: string | null;

  @Property({ type: 'integer', nullable: true })
  quantity?: number | null;
}

/** What actually arrived, recorded by staff; the rows of an organisation's ledger. */
@Entity({ tableName: 'receipt' })
@Unique({ properties: ['recordedBy', 'idempotencyKey'] })
@Index({ properties: ['organisation', 'receivedOn'] })
@Check({ name: 'receipt_positive', expression: 'coalesce(amount_rials, 1) > 0 and coalesce(quantity, 1) > 0' })
export class Receipt extends BaseEntity<'amountRials' | 'quantity' | 'note' | 'override'> {
  @ManyToOne(() => Pledge, { deleteRule: 'restrict' })
  pledge!: Pledge;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  recordedBy!: User;

  @Property({ type: 'text' })
  idempotencyKey!: string;

  @Property({ type: 'text' })
  requestHash!: string;

  @Property({ type: 'bigint', columnType: 'bigint', nullable: true })
  amountRials?: string | null;

  @Property({ type: 'integer', nullable: true })
  quantity?: number | null;

  @Property({ type: 'date' })
  receivedOn!: string;

  /** Received beyond what was pledged, on purpose. */
  @Property({ type: 'boolean' })
  override: boolean = false;

  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
