import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { parsePhone } from '../../server/digits.js';
import { AppError, badInput, notFound } from '../../server/errors.js';
import { decodeCursor, toConnection, type Connection } from '../../server/pagination.js';
import { User } from '../accounts/accounts.entity.js';
import { AuditService, type AuditChange } from '../audit/audit.service.js';
import { Neighbourhood } from '../geography/geography.entity.js';
import { isUuid, toNeighbourhoodType } from '../geography/geography.service.js';
import { CrisisReferral, CrisisStatus } from './crisis.entity.js';
import type { ReportCrisisInput } from './crisis.inputs.js';
import { canHandleReferral } from './crisis.policy.js';
import type { CrisisReceiptType, CrisisReferralType } from './crisis.types.js';

export const CRISIS_HOTLINE = '123';

/** Status only moves forward: new, then contacted, then closed. */
const nextStatuses: Record<CrisisStatus, CrisisStatus[]> = {
  [CrisisStatus.NEW]: [CrisisStatus.CONTACTED, CrisisStatus.CLOSED],
  [CrisisStatus.CONTACTED]: [CrisisStatus.CLOSED],
  [CrisisStatus.CLOSED]: [],
};

const referenceOf = (id: string) => id.slice(0, 8).toUpperCase();

function toReferralType(r: CrisisReferral): CrisisReferralType {
  return {
    id: r.id,
    reference: referenceOf(r.id),
    neighbourhood: toNeighbourhoodType(r.neighbourhood),
    kind: r.kind,
    urgency: r.urgency,
    status: r.status,
    details: r.details,
    callbackPhone: r.callbackPhone ?? null,
    reporterName: r.reporter.displayName,
    statusNote: r.statusNote ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export class CrisisService {
  constructor(private readonly em: EntityManager) {}

  /** Creates the confidential referral. It has no place on any map, by construction. */
  async report(
    viewer: Viewer | null,
    input: ReportCrisisInput,
  ): Promise<{ result: CrisisReceiptType; change: AuditChange }> {
    if (!viewer) throw new AppError('UNAUTHENTICATED');
    const neighbourhood = isUuid(input.neighbourhoodId)
      ? await this.em.findOne(Neighbourhood, { id: input.neighbourhoodId })
      : null;
    if (!neighbourhood) throw badInput([{ field: 'neighbourhoodId', reason: 'UNKNOWN_NEIGHBOURHOOD' }]);
    const details = input.details.trim();
    if (!details) throw badInput([{ field: 'details', reason: 'REQUIRED' }]);
    const callbackPhone = parsePhone(input.callbackPhone);
    if (callbackPhone === null) throw badInput([{ field: 'callbackPhone', reason: 'INVALID_PHONE' }]);
    const referral = this.em.create(CrisisReferral, {
      neighbourhood,
      reporter: this.em.getReference(User, viewer.userId),
      kind: input.kind,
      urgency: input.urgency,
      details,
      callbackPhone: callbackPhone ?? null,
    });
    await this.em.flush();
    return {
      result: { reference: referenceOf(referral.id), hotline: CRISIS_HOTLINE },
      // The audit log records that a referral was made, never what it says.
      change: {
        entityType: 'CrisisReferral',
        entityId: referral.id,
        before: null,
        after: { neighbourhoodId: neighbourhood.id, kind: input.kind, urgency: input.urgency, status: referral.status },
      },
    };
  }

  /** Referrals the viewer handles, newest first; each one returned is logged as read by the viewer. */
  async list(
    viewer: Viewer | null,
    filter: { neighbourhoodId?: string | null; status?: CrisisStatus | null },
    first: number,
    after?: string | null,
  ): Promise<Connection<CrisisReferralType>> {
    const cursor = decodeCursor(after);
    const scope = await this.scope(viewer);
    const ids = filter.neighbourhoodId ? scope.filter((id) => id === filter.neighbourhoodId) : scope;
    const where = {
      neighbourhood: { $in: ids },
      ...(filter.status ? { status: filter.status } : {}),
    };
    const pageWhere = cursor ? { ...where, createdAt: { $lt: new Date(cursor) } } : where;
    const [rows, total] = await Promise.all([
      this.em.find(CrisisReferral, pageWhere, {
        populate: ['neighbourhood.county.province', 'reporter'],
        orderBy: { createdAt: 'desc', id: 'desc' },
        limit: first + 1,
      }),
      this.em.count(CrisisReferral, where),
    ]);
    const connection = toConnection(rows, first, total, !!cursor, (r) => r.createdAt.toISOString(), toReferralType);
    await this.auditReads(
      viewer,
      connection.edges.map((e) => e.node.id),
    );
    return connection;
  }

  async update(
    viewer: Viewer | null,
    id: string,
    status: CrisisStatus,
    note: string | null | undefined,
  ): Promise<{ result: CrisisReferralType; change: AuditChange }> {
    const referral = isUuid(id)
      ? await this.em.findOne(CrisisReferral, { id }, { populate: ['neighbourhood.county.province', 'reporter'] })
      : null;
    if (
      !referral ||
      !canHandleReferral(viewer, { id: referral.neighbourhood.id, countyId: referral.neighbourhood.county.id })
    ) {
      throw notFound();
    }
    if (!nextStatuses[referral.status].includes(status)) {
      throw badInput([{ field: 'status', reason: 'ILLEGAL_TRANSITION' }]);
    }
    if (note && note.length > 4000) throw badInput([{ field: 'note', reason: 'TOO_LONG' }]);
    const before = { status: referral.status };
    referral.status = status;
    if (note?.trim()) referral.statusNote = note.trim();
    await this.em.flush();
    return {
      result: toReferralType(referral),
      change: { entityType: 'CrisisReferral', entityId: referral.id, before, after: { status } },
    };
  }

  /** Neighbourhoods whose referrals the viewer handles. */
  private async scope(viewer: Viewer | null): Promise<string[]> {
    if (!viewer) return [];
    const neighbourhoods = await this.em.find(Neighbourhood, {}, { fields: ['id', 'county'] });
    return neighbourhoods
      .filter((n) => canHandleReferral(viewer, { id: n.id, countyId: n.county.id }))
      .map((n) => n.id);
  }

  /** Reading a referral is itself recorded: who read which one, when. */
  private async auditReads(viewer: Viewer | null, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const audit = new AuditService(this.em);
    for (const id of ids) {
      audit.write('crisisReferrals', viewer, { entityType: 'CrisisReferral', entityId: id, note: { read: true } });
    }
    await this.em.flush();
  }
}
