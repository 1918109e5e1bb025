import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import type { AppConfig } from '../../config/config.js';
import { todayInTehran, type IsoDay } from '../../server/days.js';
import { AppError, badInput, forbidden, notFound } from '../../server/errors.js';
import { addDays, quarterRange, quarters, type Quarter } from '../../server/jalali.js';
import { User } from '../accounts/accounts.entity.js';
import { BaseAgreement } from '../agreements/agreements.entity.js';
import { runningStates } from '../agreements/agreements.machine.js';
import { canSeeAgreement, type AgreementFacts } from '../agreements/agreements.policy.js';
import type { BaseAgreementType } from '../agreements/agreements.types.js';
import type { AuditChange } from '../audit/audit.service.js';
import { isUuid } from '../geography/geography.service.js';
import { NotificationKind } from '../notifications/notifications.entity.js';
import { notify } from '../notifications/notifications.service.js';
import { QuarterlyReport, ReportState, staffCountKeys } from './reports.entity.js';
import type { QuarterlyReportInput } from './reports.inputs.js';
import { canReviewReport, canWriteReport } from './reports.policy.js';
import { platformCounts } from './reports.prefill.js';
import type { QuarterlyReportType, QuarterSlotType } from './reports.types.js';

const editable = new Set([ReportState.DRAFT, ReportState.RETURNED]);

interface AgreementScope extends AgreementFacts {
  id: string;
  year: number;
  state: BaseAgreement['state'];
  neighbourhoodIds: string[];
}

const scopeOf = (a: BaseAgreement): AgreementScope => ({
  id: a.id,
  organisationId: a.organisation.id,
  countyId: a.organisation.county.id,
  year: a.year,
  state: a.state,
  neighbourhoodIds: a.neighbourhoods.getItems().map((n) => n.id),
});

export class ReportsService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
  ) {}

  /** Due day: the configured number of days after the quarter's last day. */
  dueOn(year: number, quarter: Quarter): IsoDay {
    return addDays(quarterRange(year, quarter).to, this.config.reportDueDays);
  }

  /** Overdue: the agreement is running, the due day has passed and nothing was submitted. */
  isOverdue(
    state: BaseAgreement['state'],
    year: number,
    quarter: Quarter,
    report: { state: ReportState } | null,
    today: IsoDay,
  ) {
    return runningStates.has(state) && today > this.dueOn(year, quarter) && (!report || editable.has(report.state));
  }

  /** The four quarters of each agreement, with their reports, in one query however many agreements. */
  async quartersOfMany(viewer: Viewer | null, agreements: readonly BaseAgreementType[]): Promise<QuarterSlotType[][]> {
    const reports = await this.em.find(QuarterlyReport, { agreement: { $in: agreements.map((a) => a.id) } });
    return agreements.map((a) =>
      this.slots(
        viewer,
        a,
        reports.filter((r) => r.agreement.id === a.id),
      ),
    );
  }

  private slots(viewer: Viewer | null, a: BaseAgreementType, reports: QuarterlyReport[]): QuarterSlotType[] {
    const today = todayInTehran();
    const scope = { ...a, neighbourhoodIds: a.neighbourhoods.map((n) => n.id) };
    return quarters.map((q) => {
      const range = quarterRange(a.year, q);
      const report = reports.find((r) => r.quarter === q) ?? null;
      return {
        quarter: q,
        startsOn: range.from,
        endsOn: range.to,
        dueOn: this.dueOn(a.year, q),
        open: today >= range.from,
        overdue: this.isOverdue(a.state, a.year, q, report, today),
        report: report ? this.present(viewer, report, scope, today) : null,
      };
    });
  }

  async byId(viewer: Viewer | null, id: string): Promise<QuarterlyReportType | null> {
    const found = await this.load(id, false);
    if (!found || !canSeeAgreement(viewer, found.scope)) return null;
    return this.present(viewer, found.report, found.scope);
  }

  /** Starts the quarter's report with the platform's figures; starting it again returns the same report. */
  async start(
    viewer: Viewer | null,
    agreementId: string,
    quarter: number,
  ): Promise<{ result: QuarterlyReportType; change: AuditChange }> {
    const a = isUuid(agreementId)
      ? await this.em.findOne(BaseAgreement, { id: agreementId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (a) await this.em.populate(a, ['organisation.county', 'neighbourhoods']);
    if (!a || !canSeeAgreement(viewer, scopeOf(a))) throw notFound();
    if (!canWriteReport(viewer, scopeOf(a))) throw forbidden();
    if (!runningStates.has(a.state))
      throw new AppError('ILLEGAL_TRANSITION', { detail: `no reports while ${a.state}` });
    if (!quarters.includes(quarter as Quarter)) throw badInput([{ field: 'quarter', reason: 'OUT_OF_RANGE' }]);
    const range = quarterRange(a.year, quarter as Quarter);
    if (todayInTehran() < range.from) throw badInput([{ field: 'quarter', reason: 'NOT_STARTED' }]);
    let report = await this.em.findOne(QuarterlyReport, { agreement: a, quarter });
    if (!report) {
      const counts = await platformCounts(
        this.em,
        [{ key: a.id, neighbourhoodIds: scopeOf(a).neighbourhoodIds }],
        range,
      );
      report = this.em.create(QuarterlyReport, { agreement: a, quarter, platform: counts.get(a.id)! });
      await this.em.flush();
    }
    return {
      result: this.present(viewer, report, scopeOf(a)),
      change: {
        entityType: 'QuarterlyReport',
        entityId: report.id,
        after: { agreementId: a.id, quarter, state: report.state },
      },
    };
  }

  async save(
    viewer: Viewer | null,
    id: string,
    input: QuarterlyReportInput,
  ): Promise<{ result: QuarterlyReportType; change: AuditChange }> {
    const { report, scope } = await this.writable(viewer, id);
    const before = this.auditFields(report);
    for (const key of staffCountKeys) {
      const value = input[key];
      if (value !== undefined && value !== null) report[key] = value;
    }
    if (input.narrative !== undefined) report.narrative = input.narrative?.trim() || null;
    if (input.refreshPrefill) {
      const counts = await platformCounts(
        this.em,
        [{ key: scope.id, neighbourhoodIds: scope.neighbourhoodIds }],
        quarterRange(scope.year, report.quarter as Quarter),
      );
      report.platform = counts.get(scope.id)!;
      report.prefilledAt = new Date();
    }
    await this.em.flush();
    return this.written(viewer, report, scope, before);
  }

  async submit(viewer: Viewer | null, id: string): Promise<{ result: QuarterlyReportType; change: AuditChange }> {
    const { report, scope } = await this.writable(viewer, id);
    const before = this.auditFields(report);
    if (todayInTehran() <= quarterRange(scope.year, report.quarter as Quarter).to)
      throw new AppError('QUARTER_NOT_ENDED');
    report.state = ReportState.SUBMITTED;
    report.submittedAt = new Date();
    report.submittedBy = this.em.getReference(User, viewer!.userId);
    report.reviewComment = null;
    await this.tell(scope, viewer!, report, 'supervisors');
    await this.em.flush();
    return this.written(viewer, report, scope, before);
  }

  async review(
    viewer: Viewer | null,
    id: string,
    accept: boolean,
    comment: string | null,
  ): Promise<{ result: QuarterlyReportType; change: AuditChange }> {
    const found = await this.load(id, true);
    if (!found || !canSeeAgreement(viewer, found.scope)) throw notFound();
    const { report, scope } = found;
    if (!canReviewReport(viewer, scope)) throw forbidden();
    if (report.state !== ReportState.SUBMITTED) {
      throw new AppError('ILLEGAL_TRANSITION', { detail: `a ${report.state} report cannot be reviewed` });
    }
    const note = comment?.trim() || null;
    if (!accept && !note) throw badInput([{ field: 'comment', reason: 'REQUIRED' }]);
    const before = this.auditFields(report);
    report.state = accept ? ReportState.ACCEPTED : ReportState.RETURNED;
    report.reviewComment = note;
    report.reviewedAt = new Date();
    report.reviewedBy = this.em.getReference(User, viewer!.userId);
    await this.tell(scope, viewer!, report, 'organisation');
    await this.em.flush();
    return this.written(viewer, report, scope, before);
  }

  present(
    viewer: Viewer | null,
    r: QuarterlyReport,
    scope: AgreementScope | (AgreementFacts & { year: number; state: BaseAgreement['state'] }),
    today = todayInTehran(),
  ): QuarterlyReportType {
    const q = r.quarter as Quarter;
    const range = quarterRange(scope.year, q);
    return {
      id: r.id,
      agreementId: r.agreement.id,
      year: scope.year,
      quarter: q,
      startsOn: range.from,
      endsOn: range.to,
      dueOn: this.dueOn(scope.year, q),
      overdue: this.isOverdue(scope.state, scope.year, q, r, today),
      state: r.state,
      platform: r.platform,
      prefilledAt: r.prefilledAt,
      interviews: r.interviews,
      homeVisits: r.homeVisits,
      individualEmployment: r.individualEmployment,
      groupEmployment: r.groupEmployment,
      jobPlacements: r.jobPlacements,
      helperGroupsFormed: r.helperGroupsFormed,
      groupSessions: r.groupSessions,
      trainingsHeld: r.trainingsHeld,
      clientsExited: r.clientsExited,
      narrative: r.narrative ?? null,
      reviewComment: r.reviewComment ?? null,
      submittedAt: r.submittedAt ?? null,
      reviewedAt: r.reviewedAt ?? null,
      canEdit: editable.has(r.state) && runningStates.has(scope.state) && canWriteReport(viewer, scope),
      canReview: r.state === ReportState.SUBMITTED && canReviewReport(viewer, scope),
    };
  }

  private async load(id: string, lock: boolean) {
    const report = isUuid(id)
      ? await this.em.findOne(QuarterlyReport, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {})
      : null;
    if (report) await this.em.populate(report, ['agreement.organisation.county', 'agreement.neighbourhoods']);
    return report ? { report, scope: scopeOf(report.agreement) } : null;
  }

  private async writable(viewer: Viewer | null, id: string) {
    const found = await this.load(id, true);
    if (!found || !canSeeAgreement(viewer, found.scope)) throw notFound();
    if (!canWriteReport(viewer, found.scope)) throw forbidden();
    if (!editable.has(found.report.state) || !runningStates.has(found.scope.state)) {
      throw new AppError('ILLEGAL_TRANSITION', { detail: `a ${found.report.state} report cannot be changed` });
    }
    return found;
  }

  private async tell(
    scope: AgreementScope,
    viewer: Viewer,
    report: QuarterlyReport,
    who: 'supervisors' | 'organisation',
  ) {
    const rows = await this.em.execute<{ user_id: string }[]>(
      who === 'supervisors'
        ? `select user_id from role_assignment where role = 'county_supervisor' and county_id = ?`
        : `select user_id from role_assignment where role = 'base_staff' and organisation_id = ?`,
      [who === 'supervisors' ? scope.countyId : scope.organisationId],
    );
    notify(
      this.em,
      rows.map((r) => r.user_id).filter((u) => u !== viewer.userId),
      {
        kind: NotificationKind.REPORT_CHANGED,
        subjectType: 'QuarterlyReport',
        subjectId: report.id,
        params: {
          agreementId: scope.id,
          year: String(scope.year),
          quarter: String(report.quarter),
          state: report.state,
        },
      },
    );
  }

  private auditFields(r: QuarterlyReport) {
    return {
      state: r.state,
      narrative: r.narrative ?? null,
      ...Object.fromEntries(staffCountKeys.map((k) => [k, r[k]])),
    };
  }

  private written(viewer: Viewer | null, r: QuarterlyReport, scope: AgreementScope, before: Record<string, unknown>) {
    return {
      result: this.present(viewer, r, scope),
      change: { entityType: 'QuarterlyReport', entityId: r.id, before, after: this.auditFields(r) },
    };
  }
}
