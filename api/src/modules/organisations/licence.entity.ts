import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { StoredDocument } from '../documents/documents.entity.js';
import { Organisation } from './organisation.entity.js';

/** The licences seed 004 (service 19) follows up: approval, establishment, activity, technical manager. */
export enum LicenceKind {
  IN_PRINCIPLE_APPROVAL = 'IN_PRINCIPLE_APPROVAL',
  ESTABLISHMENT = 'ESTABLISHMENT',
  ACTIVITY = 'ACTIVITY',
  TECHNICAL_MANAGER = 'TECHNICAL_MANAGER',
}
registerEnumType(LicenceKind, { name: 'LicenceKind' });

@Entity({ tableName: 'licence' })
@Index({ properties: ['expiresOn'] })
@Check({ name: 'licence_dates_ordered', expression: 'expires_on is null or expires_on >= issued_on' })
export class Licence extends BaseEntity<'expiresOn' | 'document'> {
  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Enum({ items: () => LicenceKind, nativeEnumName: 'licence_kind' })
  kind!: LicenceKind;

  @Property({ type: 'text' })
  number!: string;

  @Property({ type: 'text' })
  issuer!: string;

  @Property({ type: 'date' })
  issuedOn!: string;

  @Property({ type: 'date', nullable: true })
  expiresOn?: string | null;

  /** The scan: a document of the same organisation. */
  @ManyToOne(() => StoredDocument, { nullable: true, deleteRule: 'set null' })
  document?: StoredDocument | null;
}
