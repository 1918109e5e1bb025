import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isProvinceAdmin, staffOrganisationIds, supervisedCountyIds, type Viewer } from '../../auth/viewer.js';
import type { AppConfig } from '../../config/config.js';
import { isoDayOf, parseDay, todayInTehran, type IsoDay } from '../../server/days.js';
import { parseRials } from '../../server/digits.js';
import { AppError, badInput, forbidden, notFound, type FieldProblem } from '../../server/errors.js';
import { addJalaliMonths, jalaliYearOf, jalaliYearRange } from '../../server/jalali.js';
import { User } from '../accounts/accounts.entity.js';
import type { AuditChange } from '../audit/audit.service.js';
import { DocumentKind, StoredDocument } from '../documents/documents.entity.js';
import { presentDocument } from '../documents/documents.service.js';
import { Neighbourhood } from '../geography/geography.entity.js';
import { isUuid } from '../geography/geography.service.js';
import { NotificationKind } from '../notifications/notifications.entity.js';
import { notify } from '../notifications/notifications.service.js';
import { Licence, LicenceKind } from '../organisations/licence.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { AgreementHistory, BaseAgreement } from './agreements.entity.js';
import type {
  AgreementsArgs,
  AgreementTransitionInput,
  CreateAgreementInput,
  UpdateAgreementDraftInput,
} from './agreements.inputs.js';
import { commitments } from './agreements.labels.js';
import { AgreementAction, AgreementState, availableActions, nextState, runningStates } from './agreements.machine.js';
import { actorsOf, canApplyFor, canEditDraft, canSeeAgreement } from './agreements.policy.js';
import {
  ChecklistItem,
  requiredDocumentKinds,
  type BaseAgreementType,
  type ChecklistEntryType,
} from './agreements.types.js';

const populate = ['organisation.county', 'neighbourhoods', 'documents.uploadedBy', 'createdBy'] as const;

/** A running agreement needs a supervision visit at least every six months (seed 003). */
export function visitDueOn(lastVisitOn: IsoDay | null, yearStartsOn: IsoDay): IsoDay {
  return addJalaliMonths(lastVisitOn && lastVisitOn > yearStartsOn ? lastVisitOn : yearStartsOn, 6);
}

/** Everyone told about an agreement's moves: the organisation's staff and its county's supervisors. */
export async function agreementAudience(
  em: EntityManager,
  organisationId: string,
  countyId: string,
): Promise<string[]> {
  const rows = await em.execute<{ user_id: string }[]>(
    `select distinct user_id from role_assignment
      where (role = 'base_staff' and organisation_id = ?) or (role = 'county_supervisor' and county_id = ?)`,
    [organisationId, countyId],
  );
  return rows.map((r) => r.user_id);
}

/** bigint columns come back as JS bigints; rials travel as decimal strings. */
const rialsText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const facts = (a: BaseAgreement) => ({
  organisationId: a.organisation.id,
  countyId: a.organisation.county.id,
  state: a.state,
});

export class AgreementsService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
  ) {}

  async list(viewer: Viewer | null, args: AgreementsArgs): Promise<BaseAgreementType[]> {
    const where: Record<string, unknown> = {};
    if (args.organisationId) {
      if (!isUuid(args.organisationId)) return [];
      where.organisation = args.organisationId;
    }
    if (args.state) where.state = args.state;
    if (args.year) where.year = args.year;
    // The viewer's scope in SQL, so a supervisor never loads the whole province's agreements.
    if (!isProvinceAdmin(viewer)) {
      where.$or = [
        { organisation: { $in: [...staffOrganisationIds(viewer)] } },
        { organisation: { county: { $in: [...supervisedCountyIds(viewer)] } } },
      ];
    }
    const rows = await this.em.find(BaseAgreement, where, {
      populate,
      orderBy: { year: 'desc', organisation: { slug: 'asc' } },
    });
    return this.present(
      viewer,
      rows.filter((a) => canSeeAgreement(viewer, facts(a))),
    );
  }

  async byId(viewer: Viewer | null, id: string): Promise<BaseAgreementType | null> {
    const a = isUuid(id) ? await this.em.findOne(BaseAgreement, { id }, { populate }) : null;
    if (!a || !canSeeAgreement(viewer, facts(a))) return null;
    return (await this.present(viewer, [a]))[0]!;
  }

  async create(
    viewer: Viewer | null,
    input: CreateAgreementInput,
  ): Promise<{ result: BaseAgreementType; change: AuditChange }> {
    const org = isUuid(input.organisationId)
      ? await this.em.findOne(Organisation, { id: input.organisationId }, { populate: ['neighbourhoods'] })
      : null;
    if (!org || !canSeeAgreement(viewer, { organisationId: org.id, countyId: org.county.id })) throw notFound();
    if (!canApplyFor(viewer, { organisationId: org.id, countyId: org.county.id })) throw forbidden();
    const problems: FieldProblem[] = [];
    if (await this.em.count(BaseAgreement, { organisation: org, year: input.year })) {
      problems.push({ field: 'year', reason: 'DUPLICATE' });
    }
    const requested = this.rials(input.requestedFundingRials, 'requestedFundingRials', problems);
    const neighbourhoods = await this.neighbourhoods(input.neighbourhoodIds, org, problems);
    if (problems.length) throw badInput(problems);
    const a = this.em.create(BaseAgreement, {
      organisation: org,
      year: input.year,
      requestedFundingRials: requested,
      createdBy: this.em.getReference(User, viewer!.userId),
    });
    a.neighbourhoods.set(neighbourhoods);
    await this.em.flush();
    return this.written(viewer, a.id, null);
  }

  async updateDraft(
    viewer: Viewer | null,
    id: string,
    input: UpdateAgreementDraftInput,
  ): Promise<{ result: BaseAgreementType; change: AuditChange }> {
    const a = await this.editable(viewer, id);
    const before = this.auditFields(a);
    const problems: FieldProblem[] = [];
    if (input.requestedFundingRials !== undefined) {
      a.requestedFundingRials = this.rials(input.requestedFundingRials, 'requestedFundingRials', problems);
    }
    if (input.neighbourhoodIds) {
      const org = await this.em.findOneOrFail(
        Organisation,
        { id: a.organisation.id },
        { populate: ['neighbourhoods'] },
      );
      a.neighbourhoods.set(await this.neighbourhoods(input.neighbourhoodIds, org, problems));
    }
    if (problems.length) throw badInput(problems);
    await this.em.flush();
    return this.written(viewer, a.id, before);
  }

  /** Attaches or detaches one of the organisation's documents while the application is a draft. */
  async setDocument(
    viewer: Viewer | null,
    agreementId: string,
    documentId: string,
    attach: boolean,
  ): Promise<{ result: BaseAgreementType; change: AuditChange }> {
    const a = await this.editable(viewer, agreementId);
    const d = isUuid(documentId)
      ? await this.em.findOne(StoredDocument, { id: documentId, organisation: a.organisation.id })
      : null;
    if (!d) throw badInput([{ field: 'documentId', reason: 'UNKNOWN_DOCUMENT' }]);
    const before = this.auditFields(a);
    if (attach) a.documents.add(d);
    else a.documents.remove(d);
    await this.em.flush();
    return this.written(viewer, a.id, before);
  }

  /**
   * One step of the state machine, under a row lock so two people acting at once are serialised and
   * the second sees the first's result. Writes a history row and tells the parties.
   */
  async transition(
    viewer: Viewer | null,
    id: string,
    action: AgreementAction,
    input: AgreementTransitionInput,
  ): Promise<{ result: BaseAgreementType; change: AuditChange }> {
    const a = await this.locked(id);
    if (!a || !canSeeAgreement(viewer, facts(a))) throw notFound();
    const outcome = nextState(a.state, action, actorsOf(viewer, facts(a)));
    if (!outcome.ok) {
      if (outcome.reason === 'NOT_YOUR_STEP') throw forbidden();
      throw new AppError('ILLEGAL_TRANSITION', { detail: `${action} is not possible from ${a.state}` });
    }
    const before = this.auditFields(a);
    const from = a.state;
    const today = todayInTehran();
    const year = jalaliYearRange(a.year);
    const note = input.note?.trim() || null;
    const problems: FieldProblem[] = [];
    let renewal: BaseAgreement | null = null;

    switch (action) {
      case AgreementAction.SUBMIT: {
        const missing = (await this.checklists([a])).get(a.id)!.filter((c) => !c.done);
        if (missing.length) {
          throw new AppError('CHECKLIST_INCOMPLETE', {
            fields: missing.map((c) => ({ field: `checklist.${c.item}`, reason: 'MISSING' })),
          });
        }
        break;
      }
      case AgreementAction.RETURN:
        if (!note) problems.push({ field: 'note', reason: 'REQUIRED' });
        a.reviewComment = note;
        break;
      case AgreementAction.APPROVE: {
        const funding = input.fundingRials ? parseRials(input.fundingRials) : null;
        if (!funding || funding === '0')
          problems.push({ field: 'fundingRials', reason: input.fundingRials ? 'INVALID_AMOUNT' : 'REQUIRED' });
        const signedOn = input.signedOn ? parseDay(input.signedOn) : null;
        if (!signedOn) problems.push({ field: 'signedOn', reason: input.signedOn ? 'INVALID_DATE' : 'REQUIRED' });
        else if (signedOn > today) problems.push({ field: 'signedOn', reason: 'IN_THE_FUTURE' });
        a.fundingRials = funding;
        a.signedOn = signedOn;
        a.commitments = commitments.map((c) => c.number);
        a.reviewComment = note;
        break;
      }
      case AgreementAction.ACTIVATE:
        if (today < year.from) throw new AppError('YEAR_NOT_STARTED');
        break;
      case AgreementAction.RENEW: {
        a.decisionNote = note;
        if (await this.em.count(BaseAgreement, { organisation: a.organisation, year: a.year + 1 })) {
          problems.push({ field: 'year', reason: 'NEXT_YEAR_EXISTS' });
          break;
        }
        renewal = this.em.create(BaseAgreement, {
          organisation: a.organisation,
          year: a.year + 1,
          previous: a,
          requestedFundingRials: rialsText(a.fundingRials ?? a.requestedFundingRials),
          createdBy: this.em.getReference(User, viewer!.userId),
        });
        renewal.neighbourhoods.set(a.neighbourhoods.getItems());
        // The licence scans and staff list carry over; the year's activity record is the organisation's to renew.
        renewal.documents.set(a.documents.getItems().filter((d) => d.kind !== DocumentKind.RESUME));
        break;
      }
      case AgreementAction.DECLINE_RENEWAL:
        if (!note) problems.push({ field: 'note', reason: 'REQUIRED' });
        a.decisionNote = note;
        break;
      case AgreementAction.TERMINATE: {
        if (!note) problems.push({ field: 'note', reason: 'REQUIRED' });
        const noticeOn = input.noticeOn ? parseDay(input.noticeOn) : null;
        const endsOn = input.endsOn ? parseDay(input.endsOn) : null;
        if (!noticeOn) problems.push({ field: 'noticeOn', reason: input.noticeOn ? 'INVALID_DATE' : 'REQUIRED' });
        else if (noticeOn > today) problems.push({ field: 'noticeOn', reason: 'IN_THE_FUTURE' });
        if (!endsOn) problems.push({ field: 'endsOn', reason: input.endsOn ? 'INVALID_DATE' : 'REQUIRED' });
        else if (endsOn < year.from || endsOn > year.to) problems.push({ field: 'endsOn', reason: 'OUTSIDE_YEAR' });
        if (noticeOn && endsOn) {
          const days = Math.round((Date.parse(endsOn) - Date.parse(noticeOn)) / 86_400_000);
          if (days < 0) problems.push({ field: 'endsOn', reason: 'DATE_ORDER' });
          else if (days < this.config.agreementNoticeDays)
            problems.push({ field: 'endsOn', reason: 'NOTICE_TOO_SHORT' });
        }
        a.noticeOn = noticeOn;
        a.endsEarlyOn = endsOn;
        a.terminationReason = note;
        break;
      }
      default:
        break;
    }
    if (problems.length) throw badInput(problems);

    a.state = outcome.to;
    this.em.create(AgreementHistory, {
      agreement: a,
      action,
      fromState: from,
      toState: a.state,
      actor: this.em.getReference(User, viewer!.userId),
      note,
    });
    const recipients = (await agreementAudience(this.em, a.organisation.id, a.organisation.county.id)).filter(
      (u) => u !== viewer!.userId,
    );
    notify(this.em, recipients, {
      kind: NotificationKind.AGREEMENT_CHANGED,
      subjectType: 'BaseAgreement',
      subjectId: a.id,
      params: { organisation: a.organisation.nameFa, year: String(a.year), state: a.state },
    });
    await this.em.flush();
    const written = await this.written(viewer, a.id, before);
    if (renewal) written.change.note = { renewedAs: renewal.id };
    return written;
  }

  /** Presents agreements with everything the page shows, in a fixed number of statements. */
  async present(viewer: Viewer | null, rows: BaseAgreement[]): Promise<BaseAgreementType[]> {
    if (!rows.length) return [];
    const ids = rows.map((a) => a.id);
    const [history, checklists, nexts, visits] = await Promise.all([
      this.em.find(AgreementHistory, { agreement: { $in: ids } }, { populate: ['actor'], orderBy: { at: 'asc' } }),
      this.checklists(rows),
      this.em.find(BaseAgreement, { previous: { $in: ids } }, { fields: ['id', 'previous'] }),
      this.em.execute<{ agreement_id: string; last: string }[]>(
        `select agreement_id, max(visited_on)::text as last from supervision_visit where agreement_id in (${ids.map(() => '?').join(',')}) group by 1`,
        ids,
      ),
    ]);
    const today = todayInTehran();
    return rows.map((a) => {
      const year = jalaliYearRange(a.year);
      const lastVisitOn = visits.find((v) => v.agreement_id === a.id)?.last ?? null;
      const f = facts(a);
      return {
        id: a.id,
        organisationId: a.organisation.id,
        countyId: a.organisation.county.id,
        organisation: {
          id: a.organisation.id,
          slug: a.organisation.slug,
          nameFa: a.organisation.nameFa,
          nameEn: a.organisation.nameEn,
        },
        year: a.year,
        startsOn: year.from,
        endsOn: year.to,
        state: a.state,
        neighbourhoods: a.neighbourhoods
          .getItems()
          .map((n) => ({ id: n.id, slug: n.slug, nameFa: n.nameFa, nameEn: n.nameEn }))
          .sort((x, y) => x.slug.localeCompare(y.slug)),
        requestedFundingRials: rialsText(a.requestedFundingRials),
        fundingRials: rialsText(a.fundingRials),
        signedOn: isoDayOf(a.signedOn),
        commitments: commitments.filter((c) => a.commitments.includes(c.number)),
        previousId: a.previous?.id ?? null,
        nextId: nexts.find((n) => n.previous?.id === a.id)?.id ?? null,
        reviewComment: a.reviewComment ?? null,
        decisionNote: a.decisionNote ?? null,
        noticeOn: isoDayOf(a.noticeOn),
        endsEarlyOn: isoDayOf(a.endsEarlyOn),
        terminationReason: a.terminationReason ?? null,
        documents: a.documents.getItems().map(presentDocument),
        checklist: checklists.get(a.id)!,
        history: history
          .filter((h) => h.agreement.id === a.id)
          .map((h) => ({
            id: h.id,
            action: h.action,
            fromState: h.fromState,
            toState: h.toState,
            actor: h.actor.displayName,
            at: h.at,
            note: h.note ?? null,
          })),
        actions: availableActions(a.state, actorsOf(viewer, f)),
        canEditDraft: canEditDraft(viewer, f),
        lastVisitOn,
        visitOverdue: runningStates.has(a.state) && visitDueOn(lastVisitOn, year.from) < today,
        createdBy: a.createdBy.displayName,
        createdAt: a.createdAt,
      };
    });
  }

  /** Seed 001's requirements per agreement: the three documents, a licence valid today, neighbourhoods. */
  private async checklists(rows: BaseAgreement[]): Promise<Map<string, ChecklistEntryType[]>> {
    const today = todayInTehran();
    const licences = await this.em.find(Licence, {
      organisation: { $in: [...new Set(rows.map((a) => a.organisation.id))] },
      kind: { $in: [LicenceKind.ESTABLISHMENT, LicenceKind.ACTIVITY] },
    });
    return new Map(
      rows.map((a) => {
        const kinds = new Set(a.documents.getItems().map((d) => d.kind));
        const validLicence = licences.some(
          (l) => l.organisation.id === a.organisation.id && (!l.expiresOn || isoDayOf(l.expiresOn)! >= today),
        );
        return [
          a.id,
          [
            ...requiredDocumentKinds.map((k) => ({ item: ChecklistItem[k], done: kinds.has(k) })),
            { item: ChecklistItem.VALID_LICENCE, done: validLicence },
            { item: ChecklistItem.NEIGHBOURHOODS, done: a.neighbourhoods.length > 0 },
          ],
        ];
      }),
    );
  }

  private async editable(viewer: Viewer | null, id: string): Promise<BaseAgreement> {
    const a = await this.locked(id);
    if (!a || !canSeeAgreement(viewer, facts(a))) throw notFound();
    if (a.state !== AgreementState.DRAFT)
      throw new AppError('ILLEGAL_TRANSITION', { detail: 'only a draft can be edited' });
    if (!canEditDraft(viewer, facts(a))) throw forbidden();
    return a;
  }

  /** The row locked for the rest of the transaction (FOR UPDATE cannot take outer joins), then its relations. */
  private async locked(id: string): Promise<BaseAgreement | null> {
    if (!isUuid(id)) return null;
    const a = await this.em.findOne(BaseAgreement, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (a) await this.em.populate(a, populate, { refresh: true });
    return a;
  }

  private rials(raw: string | null | undefined, field: string, problems: FieldProblem[]): string | null {
    if (raw === undefined || raw === null || raw.trim() === '') return null;
    const value = parseRials(raw);
    if (!value || value === '0') problems.push({ field, reason: 'INVALID_AMOUNT' });
    return value;
  }

  /** Neighbourhoods of the agreement must be ones the organisation serves (the registry says which). */
  private async neighbourhoods(ids: string[], org: Organisation, problems: FieldProblem[]): Promise<Neighbourhood[]> {
    const unique = [...new Set(ids)];
    const served = new Map(org.neighbourhoods.getItems().map((n) => [n.id, n]));
    if (unique.some((id) => !served.has(id))) {
      problems.push({ field: 'neighbourhoodIds', reason: 'ORGANISATION_NOT_SERVING' });
      return [];
    }
    return unique.map((id) => served.get(id)!);
  }

  private auditFields(a: BaseAgreement) {
    return {
      state: a.state,
      year: a.year,
      requestedFundingRials: rialsText(a.requestedFundingRials),
      fundingRials: rialsText(a.fundingRials),
      signedOn: isoDayOf(a.signedOn),
      neighbourhoodIds: a.neighbourhoods
        .getItems()
        .map((n) => n.id)
        .sort(),
      documentIds: a.documents.isInitialized()
        ? a.documents
            .getItems()
            .map((d) => d.id)
            .sort()
        : [],
    };
  }

  private async written(
    viewer: Viewer | null,
    id: string,
    before: Record<string, unknown> | null,
  ): Promise<{ result: BaseAgreementType; change: AuditChange }> {
    const a = await this.em.findOneOrFail(BaseAgreement, { id }, { populate, refresh: true });
    const [result] = await this.present(viewer, [a]);
    return {
      result: result!,
      change: { entityType: 'BaseAgreement', entityId: id, before, after: this.auditFields(a) },
    };
  }
}

/** The Jalali year a day falls in, for callers that default to "this year". */
export const currentJalaliYear = (): number => jalaliYearOf(todayInTehran());
