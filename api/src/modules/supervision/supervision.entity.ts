import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { User } from '../accounts/accounts.entity.js';
import { BaseAgreement } from '../agreements/agreements.entity.js';

/** A supervisor's visit to a base (seed 003: at least every six months). */
@Entity({ tableName: 'supervision_visit' })
@Index({ properties: ['agreement', 'visitedOn'] })
export class SupervisionVisit extends BaseEntity<'recommendations' | 'followUpDueOn' | 'followUpDoneOn'> {
  @ManyToOne(() => BaseAgreement, { deleteRule: 'cascade' })
  agreement!: BaseAgreement;

  @Property({ type: 'date' })
  visitedOn!: string;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  supervisor!: User;

  @Property({ type: 'text' })
  findings!: string;

  @Property({ type: 'text', nullable: true })
  recommendations?: string | null;

  @Property({ type: 'date', nullable: true })
  followUpDueOn?: string | null;

  @Property({ type: 'date', nullable: true })
  followUpDoneOn?: string | null;
}

export enum ComplaintStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  CLOSED = 'CLOSED',
}
registerEnumType(ComplaintStatus, { name: 'ComplaintStatus' });

/** A complaint about a base, tracked to closure; violations may go to the Article 26 commission. */
@Entity({ tableName: 'complaint' })
@Index({ properties: ['agreement', 'status'] })
export class Complaint extends BaseEntity<
  'status' | 'complainantName' | 'complainantContact' | 'resolution' | 'closedOn' | 'referredToArticle26'
> {
  @ManyToOne(() => BaseAgreement, { deleteRule: 'cascade' })
  agreement!: BaseAgreement;

  @Property({ type: 'date' })
  receivedOn!: string;

  /** Who complained stays with supervisors: never shown to the organisation complained about. */
  @Property({ type: 'text', nullable: true })
  complainantName?: string | null;

  @Property({ type: 'text', nullable: true })
  complainantContact?: string | null;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  details!: string;

  @Enum({ items: () => ComplaintStatus, nativeEnumName: 'complaint_status' })
  status: ComplaintStatus = ComplaintStatus.OPEN;

  @Property({ type: 'text', nullable: true })
  resolution?: string | null;

  @Property({ type: 'date', nullable: true })
  closedOn?: string | null;

  @Property({ type: 'boolean' })
  referredToArticle26 = false;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  recordedBy!: User;
}
