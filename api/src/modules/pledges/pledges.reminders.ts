import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInTehran } from '../../server/days.js';

/**
 * Reminds donors of pledges whose due day (their own, or an instalment's with less arrived than due
 * by then) has passed, once per pledge and due day: the notice's dedupe key makes a second sweep,
 * or a second process, a no-op. One statement.
 */
export async function sendOverdueReminders(em: EntityManager, today: string = todayInTehran()): Promise<number> {
  const rows = await em.execute<{ id: string }[]>(
    `with due as (
       select p.id, p.pledger_id, p.due_on as day, pl.title
         from pledge p join action_plan pl on pl.id = p.plan_id
        where p.status in ('PLEDGED', 'CONFIRMED', 'PARTLY_RECEIVED') and p.due_on < ?::date
       union
       select p.id, p.pledger_id, i.due_on as day, pl.title
         from pledge_instalment i join pledge p on p.id = i.pledge_id join action_plan pl on pl.id = p.plan_id
        where p.status in ('PLEDGED', 'CONFIRMED', 'PARTLY_RECEIVED') and i.due_on < ?::date
          and coalesce((select sum(coalesce(r.amount_rials, r.quantity)) from receipt r where r.pledge_id = p.id), 0)
              < (select sum(coalesce(j.amount_rials, j.quantity)) from pledge_instalment j where j.pledge_id = p.id and j.due_on <= i.due_on)
     )
     insert into notification (id, created_at, updated_at, recipient_id, channel, kind, subject_type, subject_id, params, dedupe_key, delivered_at)
     select gen_random_uuid(), now(), now(), pledger_id, 'PORTAL', 'PLEDGE_OVERDUE', 'Pledge', id,
            json_build_object('plan', title, 'due', day::text), 'overdue:' || id || ':' || day || ':' || pledger_id, now()
       from due
     on conflict (dedupe_key) do nothing
     returning id`,
    [today, today],
  );
  return rows.length;
}

/** Runs the sweep now and then every `intervalMs`; returns a stop function. Errors are logged, never thrown. */
export function scheduleOverdueReminders(fork: () => EntityManager, intervalMs: number): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await sendOverdueReminders(fork());
    } catch (e) {
      console.error('[reminders] overdue sweep failed', e);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
