import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row per successful mutation, written in the mutation's own transaction. Append-only: a
 * database trigger refuses UPDATE, DELETE and TRUNCATE (see the first migration).
 */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['entityType', 'entityId'] })
@Index({ properties: ['actorId'] })
@Index({ properties: ['at'] })
export class AuditEntry {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'text' })
  entityType!: string;

  @Property({ type: 'text', nullable: true })
  entityId?: string | null;

  @Property({ type: 'jsonb' })
  diff: Record<string, unknown> = {};
}
