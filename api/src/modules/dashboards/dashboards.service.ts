import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { isoDayOf, todayInTehran } from '../../server/days.js';
import { notFound } from '../../server/errors.js';
import { AssessmentsService } from '../assessments/assessments.service.js';
import { isUuid } from '../geography/geography.service.js';
import { PlansService } from '../plans/plans.service.js';
import { pilotScope } from './dashboards.policy.js';
import type { NeighbourhoodDashboardType, PilotSummaryType } from './dashboards.types.js';

interface SummaryRow {
  id: string;
  slug: string;
  name_fa: string;
  name_en: string;
  county_id: string;
  county_slug: string;
  county_fa: string;
  county_en: string;
  assessments: string | number;
  closed_assessments: string | number;
  needs: string | number;
  plans: string | number;
  active_plans: string | number;
  tasks_total: string | number;
  tasks_done: string | number;
  tasks_overdue: string | number;
  progress: string | number | null;
  budget_rials: string;
  pledged_rials: string;
  received_rials: string;
  last_update_on: string | Date | null;
}

/**
 * Every figure of every pilot in one statement, whatever the number of needs, plans and tasks:
 * each table is aggregated once per neighbourhood and joined. Plans in draft or cancelled, and
 * cancelled tasks, are not counted.
 */
const summarySql = (where: string) => `
  with nb as (
    select n.id, n.slug, n.name_fa, n.name_en, c.id as county_id, c.slug as county_slug,
           c.name_fa as county_fa, c.name_en as county_en
      from neighbourhood n join county c on c.id = n.county_id
     where ${where}
  ), a as (
    select neighbourhood_id, count(*) as assessments, count(*) filter (where status = 'CLOSED') as closed
      from needs_assessment where neighbourhood_id in (select id from nb) group by neighbourhood_id
  ), nd as (
    select a.neighbourhood_id, count(*) as needs
      from need join needs_assessment a on a.id = need.assessment_id
     where need.status = 'ACCEPTED' and a.neighbourhood_id in (select id from nb)
     group by a.neighbourhood_id
  ), p as (
    select neighbourhood_id, count(*) as plans, count(*) filter (where status = 'ACTIVE') as active
      from action_plan
     where status in ('ACTIVE', 'COMPLETED') and neighbourhood_id in (select id from nb)
     group by neighbourhood_id
  ), t as (
    select p.neighbourhood_id,
           count(*) as total,
           count(*) filter (where t.status = 'DONE') as done,
           count(*) filter (where t.status not in ('DONE', 'CANCELLED') and t.end_on < ?::date) as overdue,
           round(avg(case when t.status = 'DONE' then 100 else t.progress end)) as progress,
           coalesce(sum(t.budget_rials), 0) as budget
      from plan_task t join action_plan p on p.id = t.plan_id
     where t.status <> 'CANCELLED' and p.status in ('ACTIVE', 'COMPLETED') and p.neighbourhood_id in (select id from nb)
     group by p.neighbourhood_id
  ), pl as (
    select p.neighbourhood_id,
           coalesce(sum(g.amount_rials) filter (where g.status <> 'CANCELLED'), 0) as pledged,
           coalesce(sum((select sum(r.amount_rials) from receipt r where r.pledge_id = g.id)), 0) as received
      from pledge g join action_plan p on p.id = g.plan_id
     where p.status in ('ACTIVE', 'COMPLETED') and p.neighbourhood_id in (select id from nb)
     group by p.neighbourhood_id
  ), u as (
    select p.neighbourhood_id, max(u.day) as last_on
      from plan_update u join action_plan p on p.id = u.plan_id
     where p.status in ('ACTIVE', 'COMPLETED') and p.neighbourhood_id in (select id from nb)
     group by p.neighbourhood_id
  )
  select nb.*, coalesce(a.assessments, 0) as assessments, coalesce(a.closed, 0) as closed_assessments,
         coalesce(nd.needs, 0) as needs, coalesce(p.plans, 0) as plans, coalesce(p.active, 0) as active_plans,
         coalesce(t.total, 0) as tasks_total, coalesce(t.done, 0) as tasks_done,
         coalesce(t.overdue, 0) as tasks_overdue, coalesce(t.progress, 0) as progress,
         coalesce(t.budget, 0)::text as budget_rials,
         coalesce(pl.pledged, 0)::text as pledged_rials, coalesce(pl.received, 0)::text as received_rials,
         u.last_on as last_update_on
    from nb
    left join a on a.neighbourhood_id = nb.id
    left join nd on nd.neighbourhood_id = nb.id
    left join p on p.neighbourhood_id = nb.id
    left join t on t.neighbourhood_id = nb.id
    left join pl on pl.neighbourhood_id = nb.id
    left join u on u.neighbourhood_id = nb.id
   order by nb.county_en, nb.name_en`;

const toSummary = (r: SummaryRow): PilotSummaryType => ({
  neighbourhood: { id: r.id, slug: r.slug, nameFa: r.name_fa, nameEn: r.name_en },
  county: { id: r.county_id, slug: r.county_slug, nameFa: r.county_fa, nameEn: r.county_en },
  assessments: Number(r.assessments),
  closedAssessments: Number(r.closed_assessments),
  needs: Number(r.needs),
  plans: Number(r.plans),
  activePlans: Number(r.active_plans),
  tasksTotal: Number(r.tasks_total),
  tasksDone: Number(r.tasks_done),
  tasksOverdue: Number(r.tasks_overdue),
  progress: Number(r.progress ?? 0),
  budgetRials: r.budget_rials,
  pledgedRials: r.pledged_rials,
  receivedRials: r.received_rials,
  lastUpdateOn: isoDayOf(r.last_update_on),
});

export class DashboardsService {
  constructor(private readonly em: EntityManager) {}

  /** The pilots the viewer oversees, side by side: one SQL statement. */
  async pilots(viewer: Viewer | null): Promise<PilotSummaryType[]> {
    const scope = pilotScope(viewer);
    if (!scope.all && !scope.neighbourhoodIds.length && !scope.countyIds.length) return [];
    const where = scope.all
      ? 'true'
      : `(n.id = any(string_to_array(?, ',')::uuid[]) or n.county_id = any(string_to_array(?, ',')::uuid[]))`;
    const params = scope.all ? [] : [scope.neighbourhoodIds.join(','), scope.countyIds.join(',')];
    // The CTE's parameters come first in the text, then the overdue day.
    const rows = await this.em.execute<SummaryRow[]>(summarySql(where), [...params, todayInTehran()]);
    return rows.map(toSummary);
  }

  /** One neighbourhood's page: its figures, its latest ranking, its plans; a fixed number of statements. */
  async neighbourhood(viewer: Viewer | null, neighbourhoodId: string): Promise<NeighbourhoodDashboardType> {
    if (!isUuid(neighbourhoodId)) throw notFound();
    const [row] = await this.em.execute<SummaryRow[]>(summarySql('n.id = ?'), [neighbourhoodId, todayInTehran()]);
    if (!row) throw notFound();
    const latestAssessment = await new AssessmentsService(this.em).latest(viewer, neighbourhoodId);
    const plans = await new PlansService(this.em).list(viewer, neighbourhoodId);
    return { summary: toSummary(row), latestAssessment, plans };
  }
}
