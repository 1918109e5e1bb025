import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { User } from '../accounts/accounts.entity.js';
import { Neighbourhood } from '../geography/geography.entity.js';

export enum WorkshopStatus {
  OPEN = 'OPEN',
  PAUSED = 'PAUSED',
  CLOSED = 'CLOSED',
}
registerEnumType(WorkshopStatus, {
  name: 'WorkshopStatus',
  description: 'PAUSED: participants may look but not edit; CLOSED: ended for good',
});

/** A co-mapping meeting around one shared screen; residents join from their phones with its code. */
@Entity({ tableName: 'workshop' })
@Index({ properties: ['neighbourhood', 'status'] })
export class Workshop extends BaseEntity<'closedAt' | 'status'> {
  @ManyToOne(() => Neighbourhood, { deleteRule: 'restrict' })
  neighbourhood!: Neighbourhood;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  facilitator!: User;

  @Property({ type: 'text' })
  title!: string;

  /** Six digits; unique among workshops that are not closed (partial index in the migration). */
  @Property({ type: 'text' })
  code!: string;

  @Enum({ items: () => WorkshopStatus, nativeEnumName: 'workshop_status' })
  status: WorkshopStatus = WorkshopStatus.OPEN;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;
}

@Entity({ tableName: 'workshop_participant' })
@Unique({ properties: ['workshop', 'user'] })
export class WorkshopParticipant extends BaseEntity {
  @ManyToOne(() => Workshop, { deleteRule: 'cascade' })
  workshop!: Workshop;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;
}
