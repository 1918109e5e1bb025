import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { decodeCursor, toConnection, type Connection } from '../../server/pagination.js';
import { AuditEntry } from './audit-entry.entity.js';
import { diff } from './redact.js';

/** What a mutation changed, recorded by its service and written once by the mutation middleware. */
export interface AuditChange {
  entityType: string;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Extra non-field facts, e.g. { reason: 'expired' }; redacted like the diff. */
  note?: Record<string, unknown>;
}

export interface AuditFilter {
  entityType?: string | null;
  entityId?: string | null;
  actorId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export class AuditService {
  constructor(private readonly em: EntityManager) {}

  /** Writes the audit row of one operation inside the caller's transaction. */
  write(operation: string, viewer: Viewer | null, change: AuditChange, actorId?: string | null): AuditEntry {
    const entry = this.em.create(AuditEntry, {
      at: new Date(),
      actorId: actorId ?? viewer?.userId ?? null,
      operation,
      entityType: change.entityType,
      entityId: change.entityId,
      diff: {
        ...diff(change.before ?? null, change.after ?? null),
        ...(change.note ? { _note: diff(null, change.note) } : {}),
      },
    });
    this.em.persist(entry);
    return entry;
  }

  async list(filter: AuditFilter, first: number, after?: string | null): Promise<Connection<AuditEntry>> {
    const cursor = decodeCursor(after);
    const where: Record<string, unknown> = {};
    if (filter.entityType) where.entityType = filter.entityType;
    if (filter.entityId) where.entityId = filter.entityId;
    if (filter.actorId) where.actorId = filter.actorId;
    if (filter.from || filter.to) {
      where.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    }
    const pageWhere = cursor ? { ...where, id: { $lt: cursor } } : where;
    const [rows, total] = await Promise.all([
      this.em.find(AuditEntry, pageWhere, { orderBy: { id: 'desc' }, limit: first + 1 }),
      this.em.count(AuditEntry, where),
    ]);
    return toConnection(
      rows,
      first,
      total,
      !!cursor,
      (r) => String(r.id),
      (r) => r,
    );
  }
}
