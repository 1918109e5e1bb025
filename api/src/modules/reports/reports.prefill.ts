import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, tehranDayStart, type DayRange } from '../../server/jalali.js';
import type { PlatformCounts } from './reports.entity.js';

export const zeroCounts = (): PlatformCounts => ({
  assessmentsHeld: 0,
  featuresAdded: 0,
  featuresConfirmed: 0,
  plansStarted: 0,
  tasksDone: 0,
  volunteers: 0,
  volunteerHours: 0,
  receipts: 0,
  receivedRials: '0',
});

interface Row {
  key: string;
  assessments_held: number;
  features_added: number;
  features_confirmed: number;
  plans_started: number;
  tasks_done: number;
  volunteers: number;
  volunteer_hours: number;
  receipts: number;
  received_rials: string;
}

/**
 * What the platform recorded between two Tehran days (inclusive) in each group's neighbourhoods,
 * for any number of groups (one quarterly report, or every organisation on the supervisor's
 * dashboard) in one statement. Days are compared as days; timestamps against the instants the
 * Tehran days begin. A map feature counts as confirmed when its last status change (or its
 * creation, if it was added confirmed) falls in the range and it is confirmed now.
 */
export async function platformCounts(
  em: EntityManager,
  groups: { key: string; neighbourhoodIds: string[] }[],
  range: DayRange,
): Promise<Map<string, PlatformCounts>> {
  const result = new Map(groups.map((g) => [g.key, zeroCounts()]));
  const pairs = groups.flatMap((g) => g.neighbourhoodIds.map((n) => [g.key, n] as const));
  if (!pairs.length) return result;
  const from = range.from;
  const to = range.to;
  const start = tehranDayStart(from).toISOString();
  const end = tehranDayStart(addDays(to, 1)).toISOString();
  const rows = await em.execute<Row[]>(
    `with scope(key, neighbourhood_id) as (values ${pairs.map(() => '(?::text, ?::uuid)').join(', ')}),
     plans as (select s.key, p.id, p.status, p.created_at from scope s join action_plan p on p.neighbourhood_id = s.neighbourhood_id),
     held as (select s.key, count(*)::int n from scope s join needs_assessment x on x.neighbourhood_id = s.neighbourhood_id
               where x.held_from between ?::date and ?::date group by 1),
     added as (select s.key, count(*)::int n from scope s join map_feature f on f.neighbourhood_id = s.neighbourhood_id
                where f.created_at >= ?::timestamptz and f.created_at < ?::timestamptz group by 1),
     confirmed as (select s.key, count(*)::int n from scope s join map_feature f on f.neighbourhood_id = s.neighbourhood_id
                    where f.status = 'CONFIRMED'
                      and coalesce((select max(e.at) from map_event e where e.feature_id = f.id and e.type = 'STATUS_CHANGED'), f.created_at)
                          between ?::timestamptz and ?::timestamptz - interval '1 microsecond'
                    group by 1),
     started as (select key, count(*)::int n from plans where status <> 'DRAFT' and created_at >= ?::timestamptz and created_at < ?::timestamptz group by 1),
     done as (select p.key, count(*)::int n from plans p join plan_task t on t.plan_id = p.id
               where t.status = 'DONE' and t.completed_on between ?::date and ?::date group by 1),
     hours as (select p.key, count(distinct g.volunteer_id)::int volunteers, sum(h.hours)::int hours
                 from plans p join plan_task t on t.plan_id = p.id join task_slot ts on ts.task_id = t.id
                 join slot_signup g on g.slot_id = ts.id join hours_log h on h.signup_id = g.id
                where h.status = 'CONFIRMED' and h.day between ?::date and ?::date group by 1),
     received as (select p.key, count(*)::int n, coalesce(sum(r.amount_rials), 0)::text rials
                    from plans p join pledge g on g.plan_id = p.id join receipt r on r.pledge_id = g.id
                   where r.received_on between ?::date and ?::date group by 1)
     select k.key,
            coalesce(held.n, 0) as assessments_held, coalesce(added.n, 0) as features_added,
            coalesce(confirmed.n, 0) as features_confirmed, coalesce(started.n, 0) as plans_started,
            coalesce(done.n, 0) as tasks_done, coalesce(hours.volunteers, 0) as volunteers,
            coalesce(hours.hours, 0) as volunteer_hours, coalesce(received.n, 0) as receipts,
            coalesce(received.rials, '0') as received_rials
       from (select distinct key from scope) k
       left join held using (key) left join added using (key) left join confirmed using (key)
       left join started using (key) left join done using (key) left join hours using (key)
       left join received using (key)`,
    [...pairs.flat(), from, to, start, end, start, end, start, end, from, to, from, to, from, to],
  );
  for (const r of rows) {
    result.set(r.key, {
      assessmentsHeld: r.assessments_held,
      featuresAdded: r.features_added,
      featuresConfirmed: r.features_confirmed,
      plansStarted: r.plans_started,
      tasksDone: r.tasks_done,
      volunteers: r.volunteers,
      volunteerHours: r.volunteer_hours,
      receipts: r.receipts,
      receivedRials: r.received_rials,
    });
  }
  return result;
}
