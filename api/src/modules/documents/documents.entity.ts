import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { User } from '../accounts/accounts.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';

/** What a file is for; the agreement checklist asks for some of these (seed 001's required documents). */
export enum DocumentKind {
  LICENCE_SCAN = 'LICENCE_SCAN',
  RESUME = 'RESUME',
  STAFF_LIST = 'STAFF_LIST',
  REPORT_ANNEX = 'REPORT_ANNEX',
  OTHER = 'OTHER',
}
registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'LICENCE_SCAN a licence; RESUME the résumé and record of activity; STAFF_LIST the staff list',
});

/** A file an organisation uploaded. The bytes live in file storage under `storageKey`, never in the database. */
@Entity({ tableName: 'stored_document' })
@Index({ properties: ['organisation', 'kind'] })
export class StoredDocument extends BaseEntity {
  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;

  @Enum({ items: () => DocumentKind, nativeEnumName: 'document_kind' })
  kind!: DocumentKind;

  /** The name as uploaded, checked: no path separators, no control characters. */
  @Property({ type: 'text' })
  fileName!: string;

  @Property({ type: 'text' })
  contentType!: string;

  @Property({ type: 'integer' })
  sizeBytes!: number;

  @Property({ type: 'text' })
  sha256!: string;

  /** Chosen by the server (a UUID); the uploaded name never reaches the file system. */
  @Property({ type: 'text' })
  @Unique()
  storageKey!: string;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  uploadedBy!: User;
}
