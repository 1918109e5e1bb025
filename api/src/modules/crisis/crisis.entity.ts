import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { User } from '../accounts/accounts.entity.js';
import { Neighbourhood } from '../geography/geography.entity.js';

export enum CrisisKind {
  SUICIDE_RISK = 'SUICIDE_RISK',
  CHILD_ABUSE = 'CHILD_ABUSE',
  SPOUSE_ABUSE = 'SPOUSE_ABUSE',
  RUNAWAY_MINOR = 'RUNAWAY_MINOR',
  FAMILY_VIOLENCE = 'FAMILY_VIOLENCE',
  OTHER = 'OTHER',
}
registerEnumType(CrisisKind, { name: 'CrisisKind' });

export enum CrisisUrgency {
  IMMEDIATE = 'IMMEDIATE',
  URGENT = 'URGENT',
  ROUTINE = 'ROUTINE',
}
registerEnumType(CrisisUrgency, { name: 'CrisisUrgency' });

export enum CrisisStatus {
  NEW = 'NEW',
  CONTACTED = 'CONTACTED',
  CLOSED = 'CLOSED',
}
registerEnumType(CrisisStatus, { name: 'CrisisStatus' });

/**
 * A confidential referral of a person in crisis (seed 002). Deliberately has no geometry and no
 * link to map features: a crisis is never drawn on a map.
 */
@Entity({ tableName: 'crisis_referral' })
@Index({ properties: ['neighbourhood', 'status', 'createdAt'] })
export class CrisisReferral extends BaseEntity<'status' | 'callbackPhone' | 'statusNote'> {
  @ManyToOne(() => Neighbourhood, { deleteRule: 'restrict' })
  neighbourhood!: Neighbourhood;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  reporter!: User;

  @Enum({ items: () => CrisisKind, nativeEnumName: 'crisis_kind' })
  kind!: CrisisKind;

  @Enum({ items: () => CrisisUrgency, nativeEnumName: 'crisis_urgency' })
  urgency!: CrisisUrgency;

  @Enum({ items: () => CrisisStatus, nativeEnumName: 'crisis_status' })
  status: CrisisStatus = CrisisStatus.NEW;

  @Property({ type: 'text' })
  details!: string;

  @Property({ type: 'text', nullable: true })
  callbackPhone?: string | null;

  @Property({ type: 'text', nullable: true })
  statusNote?: string | null;
}
