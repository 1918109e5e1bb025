import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { User } from '../accounts/accounts.entity.js';

export enum NotificationKind {
  NEW_PLEDGE = 'NEW_PLEDGE',
  PLEDGE_CONFIRMED = 'PLEDGE_CONFIRMED',
  RECEIPT_RECORDED = 'RECEIPT_RECORDED',
  PLEDGE_CANCELLED = 'PLEDGE_CANCELLED',
  PLEDGE_OVERDUE = 'PLEDGE_OVERDUE',
  NEW_SIGNUP = 'NEW_SIGNUP',
  SIGNUP_CONFIRMED = 'SIGNUP_CONFIRMED',
  SIGNUP_DECLINED = 'SIGNUP_DECLINED',
  HOURS_CONFIRMED = 'HOURS_CONFIRMED',
  AGREEMENT_CHANGED = 'AGREEMENT_CHANGED',
  LICENCE_EXPIRING = 'LICENCE_EXPIRING',
  REPORT_OVERDUE = 'REPORT_OVERDUE',
  REPORT_CHANGED = 'REPORT_CHANGED',
  VISIT_OVERDUE = 'VISIT_OVERDUE',
}
registerEnumType(NotificationKind, { name: 'NotificationKind' });

/** Where a notification goes. Only the portal today; SMS or email would be new values and a sender. */
export enum NotificationChannel {
  PORTAL = 'PORTAL',
}
registerEnumType(NotificationChannel, { name: 'NotificationChannel' });

/**
 * One message to one person on one channel. The text is not stored: the kind and its parameters
 * are, so each channel words it in the reader's language when it delivers.
 */
@Entity({ tableName: 'notification' })
@Index({ properties: ['recipient', 'channel', 'createdAt'] })
@Unique({ properties: ['dedupeKey'] })
export class Notification extends BaseEntity<'readAt' | 'deliveredAt' | 'dedupeKey' | 'channel'> {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  recipient!: User;

  @Enum({ items: () => NotificationChannel, nativeEnumName: 'notification_channel' })
  channel: NotificationChannel = NotificationChannel.PORTAL;

  @Enum({ items: () => NotificationKind, nativeEnumName: 'notification_kind' })
  kind!: NotificationKind;

  /** What it is about, e.g. Pledge and its id; the portal links there. */
  @Property({ type: 'text' })
  subjectType!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  /** Words to fill in: titles, amounts. Never contacts. */
  @Property({ type: 'json' })
  params!: Record<string, string>;

  /** Set for notices that must go out once only (an overdue reminder per pledge and due day). */
  @Property({ type: 'text', nullable: true })
  dedupeKey?: string | null;

  /** The portal delivers on creation; another channel sets this when its sender has sent it. */
  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  readAt?: Date | null;
}
