import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { Role } from '../../auth/roles.js';
import { BaseEntity } from '../../db/base.entity.js';
import { County } from '../geography/geography.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';

export enum Locale {
  FA = 'fa',
  EN = 'en',
}
registerEnumType(Locale, { name: 'Locale' });

@Entity({ tableName: 'app_user' })
export class User extends BaseEntity<'locale'> {
  /** Stored lower-cased; unique. */
  @Property({ type: 'text' })
  @Unique()
  email!: string;

  /** argon2id; null for accounts that cannot sign in with a password (demo accounts outside demo mode). */
  @Property({ type: 'text', nullable: true, hidden: true })
  passwordHash?: string | null;

  @Property({ type: 'text' })
  displayName!: string;

  @Enum({ items: () => Locale, nativeEnumName: 'locale' })
  locale: Locale = Locale.FA;
}

@Entity({ tableName: 'role_assignment' })
@Unique({ properties: ['user', 'role', 'organisation', 'county'] })
export class RoleAssignment extends BaseEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Enum({ items: () => Role, nativeEnumName: 'role' })
  role!: Role;

  /** Scope of base_staff. */
  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'cascade' })
  organisation?: Organisation | null;

  /** Scope of county_supervisor. */
  @ManyToOne(() => County, { nullable: true, deleteRule: 'cascade' })
  county?: County | null;
}

@Entity({ tableName: 'session' })
export class Session extends BaseEntity {
  /** SHA-256 of the token; the token itself is only ever in the client's hands. */
  @Property({ type: 'text', hidden: true })
  @Unique()
  tokenHash!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'timestamptz' })
  @Index({ name: 'session_expires_at_index' })
  expiresAt!: Date;
}
