import { randomInt } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { normaliseDigits } from '../../server/digits.js';
import { AppError, badInput, notFound } from '../../server/errors.js';
import type { LoginThrottle } from '../accounts/login-throttle.js';
import { User } from '../accounts/accounts.entity.js';
import { Neighbourhood } from '../geography/geography.entity.js';
import { isUuid } from '../geography/geography.service.js';
import { MapEventType } from '../mapping/mapping.entity.js';
import { recordMapEvent, type MapEventPayload } from '../mapping/mapping.live.js';
import type { MapWrite } from '../mapping/mapping.service.js';
import { Workshop, WorkshopParticipant, WorkshopStatus } from './workshop.entity.js';
import { canOpenWorkshop, canRunWorkshop, canSeeWorkshop } from './workshops.policy.js';
import { loadWorkshops, presentWorkshop, type WorkshopRecord } from './workshops.records.js';
import type { WorkshopType } from './workshops.types.js';

const codePattern = /^\d{6}$/;

export class WorkshopsService {
  constructor(private readonly em: EntityManager) {}

  async byId(viewer: Viewer | null, id: string): Promise<WorkshopType | null> {
    const [w] = isUuid(id) ? await loadWorkshops(this.em, { ids: [id] }) : [];
    if (!w || !canSeeWorkshop(viewer, await this.facts(w), await this.isParticipant(viewer, w.id))) return null;
    return presentWorkshop(w, viewer?.userId ?? null);
  }

  /** Open and paused workshops of a neighbourhood, for those who may run them. */
  async live(viewer: Viewer | null, neighbourhoodId: string): Promise<WorkshopType[]> {
    const n = await this.neighbourhood(neighbourhoodId);
    if (!canOpenWorkshop(viewer, n)) return [];
    const rows = await loadWorkshops(this.em, { neighbourhoodId: n.id, live: true });
    return rows.map((w) => presentWorkshop(w, viewer?.userId ?? null));
  }

  async open(viewer: Viewer | null, neighbourhoodId: string, title: string): Promise<MapWrite<WorkshopType>> {
    const n = await this.neighbourhood(neighbourhoodId);
    if (!viewer || !canOpenWorkshop(viewer, n)) throw notFound();
    const clean = title.trim();
    if (clean.length < 1 || clean.length > 120) throw badInput([{ field: 'title', reason: 'LENGTH' }]);
    const workshop = this.em.create(Workshop, {
      neighbourhood: this.em.getReference(Neighbourhood, n.id),
      facilitator: this.em.getReference(User, viewer.userId),
      title: clean,
      code: await this.freeCode(),
    });
    await this.em.flush();
    return this.written(workshop.id, viewer, null, { status: workshop.status, title: clean });
  }

  async setStatus(viewer: Viewer | null, id: string, status: WorkshopStatus): Promise<MapWrite<WorkshopType>> {
    const workshop = isUuid(id) ? await this.em.findOne(Workshop, { id }, { populate: ['neighbourhood'] }) : null;
    if (!workshop) throw notFound();
    const [record] = await loadWorkshops(this.em, { ids: [id] });
    if (!canRunWorkshop(viewer, await this.facts(record!))) throw notFound();
    if (workshop.status === WorkshopStatus.CLOSED) throw badInput([{ field: 'status', reason: 'WORKSHOP_CLOSED' }]);
    const before = { status: workshop.status };
    workshop.status = status;
    if (status === WorkshopStatus.CLOSED) workshop.closedAt = new Date();
    await this.em.flush();
    return this.written(id, viewer, before, { status });
  }

  /**
   * A resident joins with the six-digit code (Persian digits accepted). Wrong codes count towards
   * the same throttle as failed logins, so codes cannot be guessed by trying them all.
   */
  async join(
    viewer: Viewer | null,
    rawCode: string,
    throttle: LoginThrottle,
    ip: string,
  ): Promise<MapWrite<WorkshopType>> {
    if (!viewer) throw new AppError('UNAUTHENTICATED');
    const key = `workshop:${viewer.userId}`;
    if (throttle.isBlocked(key, ip)) throw new AppError('RATE_LIMITED');
    const code = normaliseDigits(rawCode).replace(/[\s-]/g, '');
    if (!codePattern.test(code)) throw badInput([{ field: 'code', reason: 'INVALID_CODE' }]);
    const [w] = await loadWorkshops(this.em, { code, live: true });
    if (!w) {
      throttle.recordFailure(key, ip);
      throw badInput([{ field: 'code', reason: 'UNKNOWN_CODE' }]);
    }
    if (!(await this.isParticipant(viewer, w.id))) {
      this.em.create(WorkshopParticipant, {
        workshop: this.em.getReference(Workshop, w.id),
        user: this.em.getReference(User, viewer.userId),
      });
      await this.em.flush();
    }
    return this.written(w.id, viewer, null, { joined: viewer.userId });
  }

  private async written(
    id: string,
    viewer: Viewer | null,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): Promise<MapWrite<WorkshopType>> {
    const [record] = await loadWorkshops(this.em, { ids: [id] });
    const { seq, at } = await recordMapEvent(this.em, {
      neighbourhoodId: record!.neighbourhoodId,
      type: MapEventType.WORKSHOP_CHANGED,
      workshopId: id,
    });
    const event: MapEventPayload = {
      seq,
      at,
      type: MapEventType.WORKSHOP_CHANGED,
      neighbourhoodId: record!.neighbourhoodId,
      featureId: null,
      kind: null,
      feature: null,
      workshop: record!,
    };
    return {
      result: presentWorkshop(record!, viewer?.userId ?? null),
      change: { entityType: 'Workshop', entityId: id, before, after },
      event,
    };
  }

  private async freeCode(): Promise<string> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (!(await this.em.count(Workshop, { code, status: { $ne: WorkshopStatus.CLOSED } }))) return code;
    }
    throw new AppError('INTERNAL', { detail: 'no free workshop code' });
  }

  private async neighbourhood(id: string): Promise<{ id: string; countyId: string }> {
    const n = isUuid(id) ? await this.em.findOne(Neighbourhood, { id }) : null;
    if (!n) throw notFound();
    return { id: n.id, countyId: n.county.id };
  }

  private async facts(w: WorkshopRecord) {
    return { facilitatorId: w.facilitatorId, neighbourhood: await this.neighbourhood(w.neighbourhoodId) };
  }

  private async isParticipant(viewer: Viewer | null, workshopId: string): Promise<boolean> {
    if (!viewer) return false;
    return (await this.em.count(WorkshopParticipant, { workshop: workshopId, user: viewer.userId })) > 0;
  }
}
