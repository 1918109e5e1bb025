import type { EntityManager } from '@mikro-orm/postgresql';
import { isProvinceAdmin, supervisedCountyIds, type Viewer } from '../../auth/viewer.js';
import type { AppConfig } from '../../config/config.js';
import { csvFile } from '../../server/csv.js';
import { isoDayOf, jalaliOf, parseDay, todayInTehran } from '../../server/days.js';
import { AppError, badInput, forbidden, notFound, type FieldProblem, type Lang } from '../../server/errors.js';
import { addDays, jalaliYearOf, jalaliYearRange, quarters } from '../../server/jalali.js';
import { User } from '../accounts/accounts.entity.js';
import { BaseAgreement } from '../agreements/agreements.entity.js';
import { agreementStateLabels } from '../agreements/agreements.labels.js';
import { AgreementState, runningStates } from '../agreements/agreements.machine.js';
import { canSeeAgreement } from '../agreements/agreements.policy.js';
import { visitDueOn } from '../agreements/agreements.service.js';
import type { BaseAgreementType } from '../agreements/agreements.types.js';
import type { AuditChange } from '../audit/audit.service.js';
import { isUuid } from '../geography/geography.service.js';
import { Licence } from '../organisations/licence.entity.js';
import { expiryOf } from '../organisations/licences.service.js';
import { LicenceExpiry } from '../organisations/organisations.types.js';
import { QuarterlyReport, ReportState } from '../reports/reports.entity.js';
import { platformCounts } from '../reports/reports.prefill.js';
import { ReportsService } from '../reports/reports.service.js';
import { Complaint, ComplaintStatus, SupervisionVisit } from './supervision.entity.js';
import type { ComplaintInput, UpdateComplaintInput, VisitInput } from './supervision.inputs.js';
import { canSupervise } from './supervision.policy.js';
import type { ComplaintType, SupervisionVisitType, SupervisorDashboardType } from './supervision.types.js';

const presentVisit = (v: SupervisionVisit): SupervisionVisitType => ({
  id: v.id,
  agreementId: v.agreement.id,
  visitedOn: isoDayOf(v.visitedOn)!,
  supervisor: v.supervisor.displayName,
  findings: v.findings,
  recommendations: v.recommendations ?? null,
  followUpDueOn: isoDayOf(v.followUpDueOn),
  followUpDoneOn: isoDayOf(v.followUpDoneOn),
});

const presentComplaint = (c: Complaint, countyId: string): ComplaintType => ({
  id: c.id,
  agreementId: c.agreement.id,
  countyId,
  receivedOn: isoDayOf(c.receivedOn)!,
  subject: c.subject,
  details: c.details,
  status: c.status,
  resolution: c.resolution ?? null,
  closedOn: isoDayOf(c.closedOn),
  referredToArticle26: c.referredToArticle26,
  complainantName: c.complainantName ?? null,
  complainantContact: c.complainantContact ?? null,
});

const orgRef = (a: BaseAgreement) => ({
  id: a.organisation.id,
  slug: a.organisation.slug,
  nameFa: a.organisation.nameFa,
  nameEn: a.organisation.nameEn,
});

export class SupervisionService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
  ) {}

  /** Visits of many agreements in one query (the field is batched per request). */
  async visitsOf(agreementIds: readonly string[]): Promise<SupervisionVisitType[][]> {
    const rows = await this.em.find(
      SupervisionVisit,
      { agreement: { $in: [...agreementIds] } },
      { populate: ['supervisor'], orderBy: { visitedOn: 'desc', createdAt: 'desc' } },
    );
    return agreementIds.map((id) => rows.filter((v) => v.agreement.id === id).map(presentVisit));
  }

  /** Complaints of many agreements in one query. */
  async complaintsOf(agreements: readonly BaseAgreementType[]): Promise<ComplaintType[][]> {
    const rows = await this.em.find(
      Complaint,
      { agreement: { $in: agreements.map((a) => a.id) } },
      { orderBy: { receivedOn: 'desc', createdAt: 'desc' } },
    );
    return agreements.map((a) =>
      rows.filter((c) => c.agreement.id === a.id).map((c) => presentComplaint(c, a.countyId)),
    );
  }

  async recordVisit(
    viewer: Viewer | null,
    agreementId: string,
    input: VisitInput,
  ): Promise<{ result: SupervisionVisitType; change: AuditChange }> {
    const a = await this.supervised(viewer, agreementId);
    const problems: FieldProblem[] = [];
    const visitedOn = parseDay(input.visitedOn);
    if (!visitedOn) problems.push({ field: 'visitedOn', reason: 'INVALID_DATE' });
    else if (visitedOn > todayInTehran()) problems.push({ field: 'visitedOn', reason: 'IN_THE_FUTURE' });
    const followUpDueOn = input.followUpDueOn ? parseDay(input.followUpDueOn) : null;
    if (input.followUpDueOn && !followUpDueOn) problems.push({ field: 'followUpDueOn', reason: 'INVALID_DATE' });
    else if (visitedOn && followUpDueOn && followUpDueOn < visitedOn)
      problems.push({ field: 'followUpDueOn', reason: 'DATE_ORDER' });
    if (!input.findings.trim()) problems.push({ field: 'findings', reason: 'REQUIRED' });
    if (problems.length) throw badInput(problems);
    const visit = this.em.create(SupervisionVisit, {
      agreement: a,
      visitedOn: visitedOn!,
      supervisor: this.em.getReference(User, viewer!.userId),
      findings: input.findings.trim(),
      recommendations: input.recommendations?.trim() || null,
      followUpDueOn,
    });
    await this.em.flush();
    await this.em.populate(visit, ['supervisor']);
    return {
      result: presentVisit(visit),
      change: { entityType: 'SupervisionVisit', entityId: visit.id, after: { agreementId: a.id, visitedOn } },
    };
  }

  async recordComplaint(
    viewer: Viewer | null,
    agreementId: string,
    input: ComplaintInput,
  ): Promise<{ result: ComplaintType; change: AuditChange }> {
    const a = await this.supervised(viewer, agreementId);
    const receivedOn = parseDay(input.receivedOn);
    const problems: FieldProblem[] = [];
    if (!receivedOn) problems.push({ field: 'receivedOn', reason: 'INVALID_DATE' });
    else if (receivedOn > todayInTehran()) problems.push({ field: 'receivedOn', reason: 'IN_THE_FUTURE' });
    if (!input.subject.trim()) problems.push({ field: 'subject', reason: 'REQUIRED' });
    if (!input.details.trim()) problems.push({ field: 'details', reason: 'REQUIRED' });
    if (problems.length) throw badInput(problems);
    const c = this.em.create(Complaint, {
      agreement: a,
      receivedOn: receivedOn!,
      subject: input.subject.trim(),
      details: input.details.trim(),
      complainantName: input.complainantName?.trim() || null,
      complainantContact: input.complainantContact?.trim() || null,
      recordedBy: this.em.getReference(User, viewer!.userId),
    });
    await this.em.flush();
    // The audit row names the subject, never who complained.
    return {
      result: presentComplaint(c, a.organisation.county.id),
      change: {
        entityType: 'Complaint',
        entityId: c.id,
        after: { agreementId: a.id, subject: c.subject, status: c.status },
      },
    };
  }

  async updateComplaint(
    viewer: Viewer | null,
    id: string,
    input: UpdateComplaintInput,
  ): Promise<{ result: ComplaintType; change: AuditChange }> {
    const c = isUuid(id)
      ? await this.em.findOne(Complaint, { id }, { populate: ['agreement.organisation.county'] })
      : null;
    const scope = c
      ? { organisationId: c.agreement.organisation.id, countyId: c.agreement.organisation.county.id }
      : null;
    if (!c || !scope || !canSeeAgreement(viewer, scope)) throw notFound();
    if (!canSupervise(viewer, scope)) throw forbidden();
    if (c.status === ComplaintStatus.CLOSED)
      throw new AppError('ILLEGAL_TRANSITION', { detail: 'the complaint is closed' });
    const before = { status: c.status, resolution: c.resolution ?? null, referredToArticle26: c.referredToArticle26 };
    if (input.resolution !== undefined) c.resolution = input.resolution?.trim() || null;
    if (input.referredToArticle26 != null) c.referredToArticle26 = input.referredToArticle26;
    if (input.status) {
      if (input.status === ComplaintStatus.CLOSED && !c.resolution)
        throw badInput([{ field: 'resolution', reason: 'REQUIRED' }]);
      c.status = input.status;
      c.closedOn = input.status === ComplaintStatus.CLOSED ? todayInTehran() : null;
    }
    await this.em.flush();
    return {
      result: presentComplaint(c, scope.countyId),
      change: {
        entityType: 'Complaint',
        entityId: c.id,
        before,
        after: { status: c.status, resolution: c.resolution ?? null, referredToArticle26: c.referredToArticle26 },
      },
    };
  }

  /** The supervisor's page: every figure for the counties the viewer supervises, in a fixed number of statements. */
  async dashboard(viewer: Viewer | null, year: number | null): Promise<SupervisorDashboardType> {
    const today = todayInTehran();
    const y = year ?? jalaliYearOf(today);
    const range = jalaliYearRange(y);
    const countyFilter = isProvinceAdmin(viewer)
      ? {}
      : { organisation: { county: { $in: [...supervisedCountyIds(viewer)] } } };
    if (!isProvinceAdmin(viewer) && supervisedCountyIds(viewer).size === 0) throw forbidden();
    const [agreements, licences, openComplaints] = await Promise.all([
      this.em.find(
        BaseAgreement,
        { year: y, ...countyFilter },
        {
          populate: ['organisation.county', 'neighbourhoods'],
          orderBy: { organisation: { slug: 'asc' } },
        },
      ),
      this.em.find(
        Licence,
        {
          expiresOn: { $ne: null, $lte: addDays(today, this.config.licenceWarningDays) },
          ...(isProvinceAdmin(viewer) ? {} : { organisation: { county: { $in: [...supervisedCountyIds(viewer)] } } }),
        },
        { populate: ['organisation'], orderBy: { expiresOn: 'asc' } },
      ),
      this.em.find(
        Complaint,
        { status: { $ne: ComplaintStatus.CLOSED }, agreement: countyFilter },
        { populate: ['agreement.organisation'], orderBy: { receivedOn: 'asc' } },
      ),
    ]);
    const ids = agreements.map((a) => a.id);
    const [reports, lastVisits, activity] = await Promise.all([
      ids.length ? this.em.find(QuarterlyReport, { agreement: { $in: ids } }) : Promise.resolve([]),
      ids.length
        ? this.em.execute<{ agreement_id: string; last: string }[]>(
            `select agreement_id, max(visited_on)::text as last from supervision_visit
              where agreement_id in (${ids.map(() => '?').join(',')}) group by 1`,
            ids,
          )
        : Promise.resolve([]),
      platformCounts(
        this.em,
        agreements.map((a) => ({ key: a.id, neighbourhoodIds: a.neighbourhoods.getItems().map((n) => n.id) })),
        range,
      ),
    ]);
    const reportsService = new ReportsService(this.em, this.config);
    const overdueReports = agreements.flatMap((a) =>
      quarters
        .filter((q) =>
          reportsService.isOverdue(
            a.state,
            a.year,
            q,
            reports.find((r) => r.agreement.id === a.id && r.quarter === q) ?? null,
            today,
          ),
        )
        .map((q) => ({
          organisation: orgRef(a),
          agreementId: a.id,
          year: a.year,
          quarter: q,
          dueOn: reportsService.dueOn(a.year, q),
        })),
    );
    const lastVisitOf = (id: string) => lastVisits.find((v) => v.agreement_id === id)?.last ?? null;
    const overdueVisits = agreements
      .filter((a) => runningStates.has(a.state))
      .map((a) => ({ a, last: lastVisitOf(a.id), due: visitDueOn(lastVisitOf(a.id), range.from) }))
      .filter((v) => v.due < today)
      .map((v) => ({ organisation: orgRef(v.a), agreementId: v.a.id, lastVisitOn: v.last, dueOn: v.due }));
    return {
      year: y,
      today,
      byState: Object.values(AgreementState).map((state) => ({
        state,
        count: agreements.filter((a) => a.state === state).length,
      })),
      expiringLicences: licences.map((l) => ({
        organisation: {
          id: l.organisation.id,
          slug: l.organisation.slug,
          nameFa: l.organisation.nameFa,
          nameEn: l.organisation.nameEn,
        },
        licenceId: l.id,
        kind: l.kind,
        number: l.number,
        expiresOn: isoDayOf(l.expiresOn)!,
        expired:
          expiryOf(isoDayOf(l.expiresOn), today, this.config.licenceWarningDays).expiry === LicenceExpiry.EXPIRED,
      })),
      overdueReports,
      overdueVisits,
      openComplaints: openComplaints.map((c) => ({
        organisation: orgRef(c.agreement),
        agreementId: c.agreement.id,
        complaintId: c.id,
        subject: c.subject,
        receivedOn: isoDayOf(c.receivedOn)!,
        status: c.status,
      })),
      organisations: agreements.map((a) => {
        const counts = activity.get(a.id)!;
        return {
          organisation: orgRef(a),
          agreementId: a.id,
          agreementState: a.state,
          reportsAccepted: reports.filter((r) => r.agreement.id === a.id && r.state === ReportState.ACCEPTED).length,
          reportsOverdue: overdueReports.filter((r) => r.agreementId === a.id).length,
          lastVisitOn: lastVisitOf(a.id),
          openComplaints: openComplaints.filter((c) => c.agreement.id === a.id).length,
          assessmentsHeld: counts.assessmentsHeld,
          featuresAdded: counts.featuresAdded,
          tasksDone: counts.tasksDone,
          volunteerHours: counts.volunteerHours,
          receivedRials: counts.receivedRials,
        };
      }),
    };
  }

  async exportCsv(viewer: Viewer | null, year: number | null, lang: Lang): Promise<string> {
    const d = await this.dashboard(viewer, year);
    const day = (iso: string | null) => (iso ? (lang === 'fa' ? jalaliOf(iso) : iso) : null);
    return csvFile(
      [
        'organisation',
        'year',
        'agreement_state',
        'reports_accepted',
        'reports_overdue',
        'last_visit',
        'open_complaints',
        'assessments_held',
        'features_added',
        'tasks_done',
        'volunteer_hours',
        'received_rials',
      ],
      d.organisations.map((o) => [
        lang === 'fa' ? o.organisation.nameFa : o.organisation.nameEn,
        d.year,
        o.agreementState ? agreementStateLabels[o.agreementState]![lang] : null,
        o.reportsAccepted,
        o.reportsOverdue,
        day(o.lastVisitOn),
        o.openComplaints,
        o.assessmentsHeld,
        o.featuresAdded,
        o.tasksDone,
        o.volunteerHours,
        o.receivedRials,
      ]),
    );
  }

  private async supervised(viewer: Viewer | null, agreementId: string): Promise<BaseAgreement> {
    const a = isUuid(agreementId)
      ? await this.em.findOne(BaseAgreement, { id: agreementId }, { populate: ['organisation.county'] })
      : null;
    const scope = a ? { organisationId: a.organisation.id, countyId: a.organisation.county.id } : null;
    if (!a || !scope || !canSeeAgreement(viewer, scope)) throw notFound();
    if (!canSupervise(viewer, scope)) throw forbidden();
    return a;
  }
}
