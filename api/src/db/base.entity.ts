import { randomUUID } from 'node:crypto';
import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** Columns every domain row has. Ids are UUIDs so they reveal nothing about counts or order. */
export abstract class BaseEntity<Optional extends string = never> {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | Optional;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** Reference data known by a URL name and shown in Persian and English. */
export abstract class NamedEntity<Optional extends string = never> extends BaseEntity<Optional> {
  @Property({ type: 'text', unique: true })
  slug!: string;

  @Property({ type: 'text' })
  nameFa!: string;

  @Property({ type: 'text' })
  nameEn!: string;
}
