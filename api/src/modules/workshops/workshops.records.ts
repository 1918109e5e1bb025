import type { EntityManager } from '@mikro-orm/postgresql';
import type { WorkshopStatus } from './workshop.entity.js';
import type { WorkshopType } from './workshops.types.js';

/** A workshop as stored, with the facts presentation needs; the code is shown only to insiders. */
export interface WorkshopRecord {
  id: string;
  neighbourhoodId: string;
  title: string;
  code: string;
  status: WorkshopStatus;
  facilitatorId: string;
  facilitatorName: string;
  participantCount: number;
  openedAt: Date;
}

export async function loadWorkshops(
  em: EntityManager,
  where: { ids?: readonly string[]; neighbourhoodId?: string; code?: string; live?: boolean },
): Promise<WorkshopRecord[]> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (where.ids) {
    if (!where.ids.length) return [];
    conditions.push(`w.id = any(string_to_array(?, ',')::uuid[])`);
    params.push(where.ids.join(','));
  }
  if (where.neighbourhoodId) {
    conditions.push('w.neighbourhood_id = ?');
    params.push(where.neighbourhoodId);
  }
  if (where.code) {
    conditions.push('w.code = ?');
    params.push(where.code);
  }
  if (where.live) conditions.push(`w.status <> 'CLOSED'`);
  const rows = await em.execute<
    {
      id: string;
      neighbourhood_id: string;
      title: string;
      code: string;
      status: WorkshopStatus;
      facilitator_id: string;
      facilitator_name: string;
      participants: number;
      created_at: Date;
    }[]
  >(
    `select w.id, w.neighbourhood_id, w.title, w.code, w.status, w.facilitator_id,
            u.display_name as facilitator_name, w.created_at,
            (select count(*)::int from workshop_participant p where p.workshop_id = w.id) as participants
       from workshop w join app_user u on u.id = w.facilitator_id
      where ${conditions.length ? conditions.join(' and ') : 'true'}
      order by w.created_at desc`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    neighbourhoodId: r.neighbourhood_id,
    title: r.title,
    code: r.code,
    status: r.status,
    facilitatorId: r.facilitator_id,
    facilitatorName: r.facilitator_name,
    participantCount: r.participants,
    openedAt: new Date(r.created_at),
  }));
}

export function presentWorkshop(w: WorkshopRecord, viewerId: string | null): WorkshopType {
  return {
    id: w.id,
    neighbourhoodId: w.neighbourhoodId,
    title: w.title,
    code: w.code,
    status: w.status,
    facilitatorName: w.facilitatorName,
    participantCount: w.participantCount,
    isFacilitator: !!viewerId && viewerId === w.facilitatorId,
    openedAt: w.openedAt,
  };
}
