import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { AppError, badInput, notFound } from '../../server/errors.js';
import { User } from '../accounts/accounts.entity.js';
import type { AuditChange } from '../audit/audit.service.js';
import { isUuid } from '../geography/geography.service.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { DocumentKind, StoredDocument } from './documents.entity.js';
import { checkContent, checkFileName, normaliseContentType } from './documents.files.js';
import { canDeleteDocument, canReadDocument, canUploadDocument } from './documents.policy.js';
import type { FileStorage } from './documents.storage.js';
import type { DocumentType } from './documents.types.js';

export const presentDocument = (d: StoredDocument): DocumentType => ({
  id: d.id,
  organisationId: d.organisation.id,
  kind: d.kind,
  fileName: d.fileName,
  contentType: d.contentType,
  sizeBytes: d.sizeBytes,
  uploadedAt: d.createdAt,
  uploadedBy: d.uploadedBy.displayName,
  url: `/files/${d.id}`,
});

export interface Upload {
  organisationId: string;
  kind: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
  /** More work in the same transaction (attaching to an agreement); if it fails, the stored bytes go too. */
  attach?: (document: StoredDocument) => Promise<void>;
}

export class DocumentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly storage: FileStorage,
  ) {}

  /**
   * Checks and stores one upload. The bytes are written first and the row after; if the row cannot be
   * written the bytes are removed, so a refused upload leaves nothing behind.
   */
  async upload(viewer: Viewer | null, u: Upload): Promise<{ document: StoredDocument; change: AuditChange }> {
    const org = isUuid(u.organisationId) ? await this.em.findOne(Organisation, { id: u.organisationId }) : null;
    if (!viewer) throw new AppError('UNAUTHENTICATED');
    if (!org || !canUploadDocument(viewer, { organisationId: org.id, countyId: org.county.id })) throw notFound();
    if (!Object.values(DocumentKind).includes(u.kind as DocumentKind)) {
      throw badInput([{ field: 'kind', reason: 'UNKNOWN_KIND' }]);
    }
    const named = checkFileName(u.fileName);
    if ('problem' in named) throw badInput([named.problem]);
    if (u.bytes.length === 0) throw badInput([{ field: 'file', reason: 'EMPTY' }]);
    const problem = checkContent(u.contentType, named.name, u.bytes);
    if (problem) throw new AppError('FILE_TYPE_NOT_ALLOWED', { fields: [problem] });

    const key = randomUUID();
    await this.storage.put(key, u.bytes);
    try {
      const document = this.em.create(StoredDocument, {
        organisation: org,
        kind: u.kind as DocumentKind,
        fileName: named.name,
        contentType: normaliseContentType(u.contentType),
        sizeBytes: u.bytes.length,
        sha256: createHash('sha256').update(u.bytes).digest('hex'),
        storageKey: key,
        uploadedBy: this.em.getReference(User, viewer.userId),
      });
      await this.em.flush();
      await this.em.populate(document, ['uploadedBy']);
      await u.attach?.(document);
      return {
        document,
        change: {
          entityType: 'StoredDocument',
          entityId: document.id,
          after: {
            organisationId: org.id,
            kind: document.kind,
            fileName: document.fileName,
            sizeBytes: document.sizeBytes,
          },
        },
      };
    } catch (e) {
      await this.storage.remove(key);
      throw e;
    }
  }

  /** The document and its bytes, when the viewer may read it; null otherwise (absent and forbidden look alike). */
  async download(viewer: Viewer | null, id: string) {
    const d = isUuid(id) ? await this.em.findOne(StoredDocument, { id }, { populate: ['organisation'] }) : null;
    if (!d || !canReadDocument(viewer, { organisationId: d.organisation.id, countyId: d.organisation.county.id })) {
      return null;
    }
    const stream = await this.storage.open(d.storageKey);
    return stream ? { document: d, stream } : null;
  }

  async ofOrganisations(ids: readonly string[]): Promise<DocumentType[][]> {
    const rows = await this.em.find(
      StoredDocument,
      { organisation: { $in: [...ids] } },
      { populate: ['uploadedBy'], orderBy: { createdAt: 'desc' } },
    );
    return ids.map((id) => rows.filter((d) => d.organisation.id === id).map(presentDocument));
  }

  /**
   * Deletes a document unless an agreement past its draft relies on it. Returns the storage key to
   * remove once the transaction has committed.
   */
  async delete(viewer: Viewer | null, id: string): Promise<{ change: AuditChange; storageKey: string }> {
    const d = isUuid(id) ? await this.em.findOne(StoredDocument, { id }, { populate: ['organisation'] }) : null;
    if (!d || !canDeleteDocument(viewer, { organisationId: d.organisation.id, countyId: d.organisation.county.id })) {
      throw notFound();
    }
    const [{ n }] = await this.em.execute<{ n: number }[]>(
      `select count(*)::int as n from base_agreement_document l join base_agreement a on a.id = l.base_agreement_id
        where l.stored_document_id = ? and a.state <> 'DRAFT'`,
      [d.id],
    );
    if (n > 0) throw new AppError('DOCUMENT_IN_USE');
    const before = { kind: d.kind, fileName: d.fileName };
    this.em.remove(d);
    await this.em.flush();
    return { change: { entityType: 'StoredDocument', entityId: id, before }, storageKey: d.storageKey };
  }
}
