import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { decodeCursor, toConnection, type Connection } from '../../server/pagination.js';
import { User } from '../accounts/accounts.entity.js';
import { Notification, type NotificationKind } from './notifications.entity.js';
import type { NotificationType } from './notifications.types.js';

export interface Notice {
  kind: NotificationKind;
  subjectType: string;
  subjectId: string;
  params: Record<string, string>;
  dedupeKey?: string;
}

/** Base staff serving a neighbourhood: who hears about new pledges and sign-ups there. */
export async function staffOfNeighbourhood(em: EntityManager, neighbourhoodId: string): Promise<string[]> {
  const rows = await em.execute<{ user_id: string }[]>(
    `select distinct r.user_id from role_assignment r
       join organisation_neighbourhood o on o.organisation_id = r.organisation_id
      where r.role = 'base_staff' and o.neighbourhood_id = ?`,
    [neighbourhoodId],
  );
  return rows.map((r) => r.user_id);
}

/** Queues portal notices inside the caller's transaction, so they exist exactly when the change does. */
export function notify(em: EntityManager, recipients: readonly string[], notice: Notice): void {
  for (const id of new Set(recipients)) {
    em.create(Notification, {
      recipient: em.getReference(User, id),
      kind: notice.kind,
      subjectType: notice.subjectType,
      subjectId: notice.subjectId,
      params: notice.params,
      dedupeKey: notice.dedupeKey ? `${notice.dedupeKey}:${id}` : null,
      deliveredAt: new Date(),
    });
  }
}

const present = (n: Notification): NotificationType => ({
  id: n.id,
  kind: n.kind,
  subjectType: n.subjectType,
  subjectId: n.subjectId,
  params: Object.entries(n.params).map(([key, value]) => ({ key, value })),
  read: !!n.readAt,
  createdAt: n.createdAt,
});

export class NotificationsService {
  constructor(private readonly em: EntityManager) {}

  async mine(viewer: Viewer | null, first: number, after?: string | null): Promise<Connection<NotificationType>> {
    const where = { recipient: viewer?.userId ?? '00000000-0000-0000-0000-000000000000' };
    const cursor = decodeCursor(after);
    const [rows, total] = await Promise.all([
      this.em.find(Notification, cursor ? { ...where, createdAt: { $lt: new Date(cursor) } } : where, {
        orderBy: { createdAt: 'desc', id: 'desc' },
        limit: first + 1,
      }),
      this.em.count(Notification, where),
    ]);
    return toConnection(rows, first, total, !!cursor, (n) => n.createdAt.toISOString(), present);
  }

  async unreadCount(viewer: Viewer | null): Promise<number> {
    if (!viewer) return 0;
    return this.em.count(Notification, { recipient: viewer.userId, readAt: null });
  }

  /** Marks the viewer's own notices read; ids of anyone else's are ignored. */
  async markRead(viewer: Viewer | null, ids: string[]): Promise<number> {
    if (!viewer || !ids.length) return 0;
    const rows = await this.em.find(Notification, { id: { $in: ids }, recipient: viewer.userId, readAt: null });
    const now = new Date();
    for (const n of rows) n.readAt = now;
    await this.em.flush();
    return rows.length;
  }
}
