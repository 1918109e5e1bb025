import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppConfig } from '../../config/config.js';
import { isoDayOf, todayInTehran } from '../../server/days.js';
import { addDays, jalaliYearRange, quarters } from '../../server/jalali.js';
import { QuarterlyReport } from '../reports/reports.entity.js';
import { ReportsService } from '../reports/reports.service.js';
import { BaseAgreement } from './agreements.entity.js';
import { runningStates } from './agreements.machine.js';
import { visitDueOn } from './agreements.service.js';

interface Notice {
  recipients: string[];
  kind: 'LICENCE_EXPIRING' | 'REPORT_OVERDUE' | 'VISIT_OVERDUE';
  subjectType: string;
  subjectId: string;
  params: Record<string, string>;
  dedupeKey: string;
}

/**
 * Flags what needs attention, once each: licences inside the warning window (to the organisation and
 * its county's supervisors), overdue quarterly reports (to the organisation) and agreements with no
 * supervision visit in six months (to the supervisors). Dedupe keys make repeated sweeps no-ops.
 */
export async function sendAgreementReminders(
  em: EntityManager,
  config: AppConfig,
  today = todayInTehran(),
): Promise<number> {
  const staff = await em.execute<
    { user_id: string; organisation_id: string | null; county_id: string | null; role: string }[]
  >(
    `select user_id, organisation_id, county_id, role from role_assignment where role in ('base_staff', 'county_supervisor')`,
  );
  const staffOf = (orgId: string) =>
    staff.filter((s) => s.role === 'base_staff' && s.organisation_id === orgId).map((s) => s.user_id);
  const supervisorsOf = (countyId: string) =>
    staff.filter((s) => s.role === 'county_supervisor' && s.county_id === countyId).map((s) => s.user_id);
  const notices: Notice[] = [];

  const licences = await em.execute<
    {
      id: string;
      organisation_id: string;
      county_id: string;
      name_fa: string;
      slug: string;
      kind: string;
      expires_on: string;
    }[]
  >(
    `select l.id, l.organisation_id, o.county_id, o.name_fa, o.slug, l.kind, l.expires_on::text
       from licence l join organisation o on o.id = l.organisation_id
      where l.expires_on is not null and l.expires_on <= ?::date`,
    [addDays(today, config.licenceWarningDays)],
  );
  for (const l of licences) {
    notices.push({
      recipients: [...staffOf(l.organisation_id), ...supervisorsOf(l.county_id)],
      kind: 'LICENCE_EXPIRING',
      subjectType: 'Licence',
      subjectId: l.id,
      params: { organisation: l.name_fa, slug: l.slug, kind: l.kind, expiresOn: l.expires_on },
      dedupeKey: `licence:${l.id}:${l.expires_on}`,
    });
  }

  const running = await em.find(
    BaseAgreement,
    { state: { $in: [...runningStates] } },
    { populate: ['organisation.county'] },
  );
  if (running.length) {
    const ids = running.map((a) => a.id);
    const [reports, visits] = await Promise.all([
      em.find(QuarterlyReport, { agreement: { $in: ids } }),
      em.execute<{ agreement_id: string; last: string }[]>(
        `select agreement_id, max(visited_on)::text as last from supervision_visit group by 1`,
      ),
    ]);
    const reportsService = new ReportsService(em, config);
    for (const a of running) {
      const params = { organisation: a.organisation.nameFa, year: String(a.year) };
      for (const q of quarters) {
        const report = reports.find((r) => r.agreement.id === a.id && r.quarter === q) ?? null;
        if (!reportsService.isOverdue(a.state, a.year, q, report, today)) continue;
        notices.push({
          recipients: staffOf(a.organisation.id),
          kind: 'REPORT_OVERDUE',
          subjectType: 'BaseAgreement',
          subjectId: a.id,
          params: { ...params, quarter: String(q), dueOn: reportsService.dueOn(a.year, q) },
          dedupeKey: `report:${a.id}:${q}`,
        });
      }
      const last = visits.find((v) => v.agreement_id === a.id)?.last ?? null;
      const due = visitDueOn(isoDayOf(last), jalaliYearRange(a.year).from);
      if (due < today) {
        notices.push({
          recipients: supervisorsOf(a.organisation.county.id),
          kind: 'VISIT_OVERDUE',
          subjectType: 'BaseAgreement',
          subjectId: a.id,
          params: { ...params, dueOn: due },
          dedupeKey: `visit:${a.id}:${due}`,
        });
      }
    }
  }

  const rows = notices.flatMap((n) => [...new Set(n.recipients)].map((r) => [r, n] as const));
  if (!rows.length) return 0;
  const inserted = await em.execute<{ id: string }[]>(
    `insert into notification (id, created_at, updated_at, recipient_id, channel, kind, subject_type, subject_id, params, dedupe_key, delivered_at)
     select gen_random_uuid(), now(), now(), v.recipient::uuid, 'PORTAL', v.kind::notification_kind, v.subject_type, v.subject_id::uuid, v.params::jsonb, v.dedupe_key, now()
       from (values ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}) as v(recipient, kind, subject_type, subject_id, params, dedupe_key)
     on conflict (dedupe_key) do nothing
     returning id`,
    rows.flatMap(([r, n]) => [r, n.kind, n.subjectType, n.subjectId, JSON.stringify(n.params), `${n.dedupeKey}:${r}`]),
  );
  return inserted.length;
}

/** Runs the sweep now and then every reminder interval; returns a stop function. Errors are logged, never thrown. */
export function scheduleAgreementReminders(fork: () => EntityManager, config: AppConfig): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await sendAgreementReminders(fork(), config);
    } catch (e) {
      console.error('[reminders] agreement sweep failed', e);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), config.reminderIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
