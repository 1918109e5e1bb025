import { randomInt } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { parseDay, type IsoDay } from '../../server/days.js';
import { csvFile } from '../../server/csv.js';
import { normaliseDigits } from '../../server/digits.js';
import { AppError, badInput, notFound, type FieldProblem, type Lang } from '../../server/errors.js';
import { User } from '../accounts/accounts.entity.js';
import type { LoginThrottle } from '../accounts/login-throttle.js';
import type { AuditChange } from '../audit/audit.service.js';
import { Neighbourhood } from '../geography/geography.entity.js';
import { isUuid } from '../geography/geography.service.js';
import { MapFeature, MapFeatureKind } from '../mapping/mapping.entity.js';
import { canSeeFeature, mapAccessFor } from '../mapping/mapping.policy.js';
import { Organisation } from '../organisations/organisation.entity.js';
import {
  AssessmentMember,
  AssessmentStatus,
  DotAllocation,
  DotBallot,
  NamedParticipant,
  Need,
  NeedFeatureLink,
  NeedScore,
  NeedStatus,
  NeedsAssessment,
  PrioritisationMethod,
  type CriterionRecord,
} from './assessments.entity.js';
import type {
  CreateAssessmentInput,
  CriterionInput,
  DotInput,
  NamedParticipantInput,
  NeedInput,
  NeedScoreInput,
  ParticipantCountsInput,
  UpdateAssessmentInput,
} from './assessments.inputs.js';
import { criterionLabels, defaultCriteria, needCategoryLabels } from './assessments.labels.js';
import {
  canManageAssessment,
  canProposeNeed,
  canRunInNeighbourhood,
  canSeeAssessment,
  canVote,
} from './assessments.policy.js';
import {
  assessmentFacts,
  currentRanking,
  isMember,
  loadAssessments,
  presentAssessment,
} from './assessments.records.js';
import type { NeedsAssessmentType } from './assessments.types.js';
import { parseWeight } from './ranking.js';

/** What every write returns: the assessment as the writer now sees it, and its audit change. */
export interface AssessmentWrite {
  result: NeedsAssessmentType;
  change: AuditChange;
  assessmentId: string;
}

const codePattern = /^\d{6}$/;
const keyPattern = /^[a-z][a-z0-9_-]{0,39}$/;
const MIN_NEEDS_TO_VOTE = 2;

export class AssessmentsService {
  constructor(private readonly em: EntityManager) {}

  async list(viewer: Viewer | null, neighbourhoodId: string): Promise<NeedsAssessmentType[]> {
    if (!isUuid(neighbourhoodId)) return [];
    const rows = await this.em.execute<{ id: string }[]>(
      `select id from needs_assessment where neighbourhood_id = ? order by created_at desc, id desc limit 200`,
      [neighbourhoodId],
    );
    const bundle = await loadAssessments(
      this.em,
      rows.map((r) => r.id),
      viewer,
    );
    return bundle.assessments
      .filter((a) => canSeeAssessment(viewer, assessmentFacts(a), isMember(bundle, a.id)))
      .map((a) => presentAssessment(bundle, a, viewer));
  }

  /**
   * The assessment a neighbourhood's page leads with: the latest closed one (public), else the
   * latest the viewer may see. Loads one assessment, not the neighbourhood's whole history.
   */
  async latest(viewer: Viewer | null, neighbourhoodId: string): Promise<NeedsAssessmentType | null> {
    if (!isUuid(neighbourhoodId)) return null;
    const [closed] = await this.em.execute<{ id: string }[]>(
      `select id from needs_assessment where neighbourhood_id = ? and status = 'CLOSED'
        order by created_at desc, id desc limit 1`,
      [neighbourhoodId],
    );
    const found = closed ? await this.byId(viewer, closed.id) : null;
    return found ?? (await this.list(viewer, neighbourhoodId))[0] ?? null;
  }

  async byId(viewer: Viewer | null, id: string): Promise<NeedsAssessmentType | null> {
    if (!isUuid(id)) return null;
    const bundle = await loadAssessments(this.em, [id], viewer);
    const a = bundle.assessments[0];
    if (!a || !canSeeAssessment(viewer, assessmentFacts(a), isMember(bundle, a.id))) return null;
    return presentAssessment(bundle, a, viewer);
  }

  async create(viewer: Viewer | null, input: CreateAssessmentInput): Promise<AssessmentWrite> {
    const n = isUuid(input.neighbourhoodId)
      ? await this.em.findOne(Neighbourhood, { id: input.neighbourhoodId })
      : null;
    if (!n || !viewer || !canRunInNeighbourhood(viewer, { id: n.id, countyId: n.county.id })) throw notFound();
    const problems: FieldProblem[] = [];
    const organisation = isUuid(input.organisationId)
      ? await this.em.findOne(Organisation, { id: input.organisationId }, { populate: ['neighbourhoods'] })
      : null;
    if (!organisation) problems.push({ field: 'organisationId', reason: 'UNKNOWN_ORGANISATION' });
    else if (
      !organisation.neighbourhoods.getItems().some((x) => x.id === n.id) &&
      organisation.county.id !== n.county.id
    ) {
      // A base may facilitate in a neighbourhood of its own county that it does not (yet) serve.
      problems.push({ field: 'organisationId', reason: 'ORGANISATION_NOT_SERVING' });
    }
    const title = input.title.trim();
    if (!title) problems.push({ field: 'title', reason: 'REQUIRED' });
    const dates = this.dates(input.heldFrom, input.heldTo, problems);
    const criteria = this.criteria(input.criteria ?? defaultCriteria, problems);
    if (input.method === PrioritisationMethod.MATRIX && !criteria.length && !problems.length) {
      problems.push({ field: 'criteria', reason: 'REQUIRED' });
    }
    if (problems.length) throw badInput(problems);
    const assessment = this.em.create(NeedsAssessment, {
      neighbourhood: n,
      organisation: organisation!,
      facilitator: this.em.getReference(User, viewer.userId),
      title,
      heldFrom: dates.from!,
      heldTo: dates.to,
      method: input.method,
      criteria,
      dotsPerParticipant: input.dotsPerParticipant ?? 3,
      code: await this.freeCode(),
      ...counts(input.participantCounts),
    });
    await this.em.flush();
    return this.written(viewer, assessment.id, null, { title, method: input.method, heldFrom: dates.from });
  }

  async update(viewer: Viewer | null, id: string, input: UpdateAssessmentInput): Promise<AssessmentWrite> {
    const a = await this.managed(viewer, id);
    const problems: FieldProblem[] = [];
    const before = { title: a.title, heldFrom: a.heldFrom, heldTo: a.heldTo, status: a.status };
    if (input.title !== undefined && input.title !== null) {
      if (!input.title.trim()) problems.push({ field: 'title', reason: 'REQUIRED' });
      else a.title = input.title.trim();
    }
    if (input.heldFrom !== undefined || input.heldTo !== undefined) {
      const dates = this.dates(
        input.heldFrom ?? a.heldFrom,
        input.heldTo === undefined ? a.heldTo : input.heldTo,
        problems,
      );
      a.heldFrom = dates.from ?? a.heldFrom;
      a.heldTo = dates.to;
    }
    const changesVoting = (input.criteria ?? input.dotsPerParticipant ?? null) !== null;
    if (changesVoting && a.status !== AssessmentStatus.DRAFT) {
      problems.push({ field: input.criteria ? 'criteria' : 'dotsPerParticipant', reason: 'VOTING_STARTED' });
    }
    if (input.criteria) a.criteria = this.criteria(input.criteria, problems);
    if (input.dotsPerParticipant) a.dotsPerParticipant = input.dotsPerParticipant;
    if (input.participantCounts) Object.assign(a, counts(input.participantCounts));
    if (problems.length) throw badInput(problems);
    await this.em.flush();
    return this.written(viewer, a.id, before, { title: a.title, heldFrom: a.heldFrom, heldTo: a.heldTo });
  }

  async addNamedParticipant(viewer: Viewer | null, id: string, input: NamedParticipantInput): Promise<AssessmentWrite> {
    const a = await this.managed(viewer, id);
    const name = input.name.trim();
    const problems: FieldProblem[] = [];
    if (!input.consent) problems.push({ field: 'consent', reason: 'CONSENT_REQUIRED' });
    if (!name) problems.push({ field: 'name', reason: 'REQUIRED' });
    if (problems.length) throw badInput(problems);
    const p = this.em.create(NamedParticipant, { assessment: a, name, group: input.group });
    await this.em.flush();
    // The audit row records that someone was named, not who.
    return this.written(viewer, a.id, null, { namedParticipant: p.id, group: input.group });
  }

  async removeNamedParticipant(viewer: Viewer | null, participantId: string): Promise<AssessmentWrite> {
    const p = isUuid(participantId) ? await this.em.findOne(NamedParticipant, { id: participantId }) : null;
    if (!p) throw notFound();
    const a = await this.managed(viewer, p.assessment.id);
    this.em.remove(p);
    await this.em.flush();
    return this.written(viewer, a.id, { namedParticipant: participantId }, null);
  }

  /** Joining with the code shown on the shared screen; wrong codes count like failed logins. */
  async join(viewer: Viewer | null, rawCode: string, throttle: LoginThrottle, ip: string): Promise<AssessmentWrite> {
    if (!viewer) throw new AppError('UNAUTHENTICATED');
    const key = `assessment:${viewer.userId}`;
    if (throttle.isBlocked(key, ip)) throw new AppError('RATE_LIMITED');
    const code = normaliseDigits(rawCode).replace(/[\s-]/g, '');
    if (!codePattern.test(code)) throw badInput([{ field: 'code', reason: 'INVALID_CODE' }]);
    const a = await this.em.findOne(NeedsAssessment, { code, status: { $ne: AssessmentStatus.CLOSED } });
    if (!a) {
      throttle.recordFailure(key, ip);
      throw badInput([{ field: 'code', reason: 'UNKNOWN_CODE' }]);
    }
    const already = await this.em.count(AssessmentMember, { assessment: a.id, user: viewer.userId });
    if (!already) {
      this.em.create(AssessmentMember, { assessment: a, user: this.em.getReference(User, viewer.userId) });
      await this.em.flush();
    }
    return this.written(viewer, a.id, null, { joined: viewer.userId });
  }

  async proposeNeed(viewer: Viewer | null, assessmentId: string, input: NeedInput): Promise<AssessmentWrite> {
    const a = await this.visible(viewer, assessmentId);
    const member = await this.member(viewer, a.id);
    if (!viewer || !canProposeNeed(viewer, assessmentFacts(a), member)) {
      if (a.status === AssessmentStatus.CLOSED) throw new AppError('VOTING_CLOSED');
      throw badInput([{ field: 'assessmentId', reason: 'PROPOSALS_CLOSED' }]);
    }
    const manage = canManageAssessment(viewer, assessmentFacts(a));
    const problems: FieldProblem[] = [];
    const text = this.needText(input, problems);
    const features = await this.features(viewer, a, input, problems);
    if (problems.length) throw badInput(problems);
    const [{ next }] = await this.em.execute<{ next: number }[]>(
      `select coalesce(max(position), 0) + 1 as next from need where assessment_id = ?`,
      [a.id],
    );
    const need = this.em.create(Need, {
      assessment: a,
      position: Number(next),
      category: input.category,
      ...text,
      status: manage ? NeedStatus.ACCEPTED : NeedStatus.PROPOSED,
      proposedBy: this.em.getReference(User, viewer.userId),
    });
    for (const feature of features) this.em.create(NeedFeatureLink, { need, feature });
    await this.em.flush();
    return this.written(viewer, a.id, null, { need: need.id, title: need.title, status: need.status });
  }

  async updateNeed(viewer: Viewer | null, needId: string, input: NeedInput): Promise<AssessmentWrite> {
    const need = await this.need(needId);
    const a = await this.managed(viewer, need.assessment.id);
    if (a.status === AssessmentStatus.CLOSED) throw new AppError('VOTING_CLOSED');
    const problems: FieldProblem[] = [];
    const text = this.needText(input, problems);
    const features = await this.features(viewer, a, input, problems);
    if (problems.length) throw badInput(problems);
    const before = { title: need.title, category: need.category };
    Object.assign(need, text, { category: input.category });
    await this.em.nativeDelete(NeedFeatureLink, { need: need.id });
    for (const feature of features) this.em.create(NeedFeatureLink, { need, feature });
    await this.em.flush();
    return this.written(viewer, a.id, before, { need: need.id, title: need.title, category: need.category });
  }

  async reviewNeed(viewer: Viewer | null, needId: string, accept: boolean): Promise<AssessmentWrite> {
    const need = await this.need(needId);
    const a = await this.managed(viewer, need.assessment.id);
    if (a.status === AssessmentStatus.CLOSED) throw new AppError('VOTING_CLOSED');
    // Accepting or rejecting during the vote would change what people already voted on.
    if (a.status !== AssessmentStatus.DRAFT) throw badInput([{ field: 'needId', reason: 'VOTING_STARTED' }]);
    const before = { status: need.status };
    need.status = accept ? NeedStatus.ACCEPTED : NeedStatus.REJECTED;
    await this.em.flush();
    return this.written(viewer, a.id, before, { need: need.id, status: need.status });
  }

  /** The group's agreed scores of one need; only a matrix assessment that is not closed. */
  async scoreNeed(viewer: Viewer | null, needId: string, scores: NeedScoreInput[]): Promise<AssessmentWrite> {
    const need = await this.need(needId);
    const a = await this.managed(viewer, need.assessment.id, LockMode.PESSIMISTIC_READ);
    if (a.status === AssessmentStatus.CLOSED) throw new AppError('VOTING_CLOSED');
    const problems: FieldProblem[] = [];
    if (a.method !== PrioritisationMethod.MATRIX) problems.push({ field: 'needId', reason: 'NOT_A_MATRIX' });
    if (need.status !== NeedStatus.ACCEPTED) problems.push({ field: 'needId', reason: 'NEED_NOT_ACCEPTED' });
    const keys = new Set(a.criteria.map((c) => c.key));
    const seen = new Set<string>();
    scores.forEach((s, i) => {
      if (!keys.has(s.criterionKey)) problems.push({ field: `scores.${i}.criterionKey`, reason: 'UNKNOWN_CRITERION' });
      if (seen.has(s.criterionKey)) problems.push({ field: `scores.${i}.criterionKey`, reason: 'DUPLICATE' });
      seen.add(s.criterionKey);
      if (!Number.isInteger(s.score) || s.score < 0 || s.score > 5) {
        problems.push({ field: `scores.${i}.score`, reason: 'OUT_OF_RANGE' });
      }
    });
    if (!scores.length) problems.push({ field: 'scores', reason: 'REQUIRED' });
    if (problems.length) throw badInput(problems);
    const existing = await this.em.find(NeedScore, { need: need.id });
    const before = Object.fromEntries(existing.map((s) => [s.criterionKey, s.score]));
    for (const s of scores) {
      const row = existing.find((e) => e.criterionKey === s.criterionKey);
      if (row) row.score = s.score;
      else this.em.create(NeedScore, { need, criterionKey: s.criterionKey, score: s.score });
    }
    await this.em.flush();
    return this.written(
      viewer,
      a.id,
      { need: need.id, scores: before },
      {
        need: need.id,
        scores: Object.fromEntries(scores.map((s) => [s.criterionKey, s.score])),
      },
    );
  }

  async openVoting(viewer: Viewer | null, id: string): Promise<AssessmentWrite> {
    const a = await this.managed(viewer, id, LockMode.PESSIMISTIC_WRITE);
    if (a.status === AssessmentStatus.CLOSED) throw new AppError('VOTING_CLOSED');
    if (a.status !== AssessmentStatus.DRAFT) throw badInput([{ field: 'status', reason: 'ALREADY_OPEN' }]);
    const accepted = await this.em.count(Need, { assessment: a.id, status: NeedStatus.ACCEPTED });
    if (accepted < MIN_NEEDS_TO_VOTE) throw badInput([{ field: 'needs', reason: 'TOO_FEW_NEEDS' }]);
    a.status = AssessmentStatus.VOTING;
    a.votingOpenedAt = new Date();
    await this.em.flush();
    return this.written(viewer, a.id, { status: AssessmentStatus.DRAFT }, { status: a.status });
  }

  /**
   * One ballot per participant. The assessment row is read with a share lock, so a close waits for
   * votes in flight and a vote after it sees CLOSED; the unique key refuses a second ballot even
   * when two arrive at once.
   */
  async castDots(viewer: Viewer | null, id: string, dots: DotInput[]): Promise<AssessmentWrite> {
    const a = await this.visible(viewer, id, LockMode.PESSIMISTIC_READ);
    if (!viewer || !canVote(viewer, await this.member(viewer, a.id))) throw notFound();
    if (a.status === AssessmentStatus.CLOSED) throw new AppError('VOTING_CLOSED');
    if (a.status !== AssessmentStatus.VOTING) throw badInput([{ field: 'assessmentId', reason: 'VOTING_NOT_OPEN' }]);
    if (a.method !== PrioritisationMethod.DOTS) throw badInput([{ field: 'assessmentId', reason: 'NOT_DOT_VOTING' }]);
    if (await this.em.count(DotBallot, { assessment: a.id, voter: viewer.userId })) throw new AppError('ALREADY_VOTED');
    const needs = await this.em.find(Need, { assessment: a.id, status: NeedStatus.ACCEPTED });
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    let total = 0;
    dots.forEach((d, i) => {
      if (!needs.some((n) => n.id === d.needId)) problems.push({ field: `dots.${i}.needId`, reason: 'UNKNOWN_NEED' });
      if (seen.has(d.needId)) problems.push({ field: `dots.${i}.needId`, reason: 'DUPLICATE' });
      seen.add(d.needId);
      if (!Number.isInteger(d.dots) || d.dots < 1) problems.push({ field: `dots.${i}.dots`, reason: 'OUT_OF_RANGE' });
      else total += d.dots;
    });
    if (!dots.length) problems.push({ field: 'dots', reason: 'REQUIRED' });
    if (total > a.dotsPerParticipant) problems.push({ field: 'dots', reason: 'TOO_MANY_DOTS' });
    if (problems.length) throw badInput(problems);
    const ballot = this.em.create(DotBallot, { assessment: a, voter: this.em.getReference(User, viewer.userId) });
    for (const d of dots) {
      this.em.create(DotAllocation, { ballot, need: this.em.getReference(Need, d.needId), dots: d.dots });
    }
    try {
      await this.em.flush();
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw new AppError('ALREADY_VOTED');
      throw e;
    }
    // The audit row says that this person voted and how many dots, not on what.
    return this.written(viewer, a.id, null, { ballot: ballot.id, dots: total });
  }

  /** Closing freezes the ranking as it stands; nothing about it changes afterwards. */
  async closeVoting(viewer: Viewer | null, id: string): Promise<AssessmentWrite> {
    const a = await this.managed(viewer, id, LockMode.PESSIMISTIC_WRITE);
    if (a.status === AssessmentStatus.CLOSED) throw new AppError('VOTING_CLOSED');
    if (a.status !== AssessmentStatus.VOTING) throw badInput([{ field: 'status', reason: 'VOTING_NOT_OPEN' }]);
    const bundle = await loadAssessments(this.em, [a.id], viewer);
    a.frozenRanking = currentRanking(bundle, bundle.assessments[0]!);
    a.status = AssessmentStatus.CLOSED;
    a.closedAt = new Date();
    await this.em.flush();
    return this.written(
      viewer,
      a.id,
      { status: AssessmentStatus.VOTING },
      { status: a.status, ranking: a.frozenRanking.map((r) => r.needId) },
    );
  }

  /** The ranked list as CSV (BOM for spreadsheets), in the caller's language. */
  async exportCsv(viewer: Viewer | null, id: string, lang: Lang): Promise<string> {
    const a = await this.byId(viewer, id);
    if (!a) throw notFound();
    const head =
      lang === 'fa'
        ? [
            'ردیف',
            'رتبه',
            'نیاز',
            'دسته',
            'امتیاز',
            'نقطه‌ها',
            'رأی‌دهندگان',
            'آسیب‌های پیوندشده',
            'داشته‌های پیوندشده',
          ]
        : ['Position', 'Rank', 'Need', 'Category', 'Score', 'Dots', 'Voters', 'Linked harms', 'Linked strengths'];
    const rows = a.ranking.map((r) => [
      r.position,
      `${r.rank}${r.tied ? '=' : ''}`,
      r.need.title,
      needCategoryLabels[r.need.category][lang],
      r.score,
      r.dots,
      r.voters,
      r.need.harmLinkCount,
      r.need.strengthLinkCount,
    ]);
    return csvFile(head, rows);
  }

  // ---- helpers -------------------------------------------------------------

  private dates(fromRaw: string, toRaw: string | null | undefined, problems: FieldProblem[]) {
    const from = parseDay(fromRaw);
    if (!from) problems.push({ field: 'heldFrom', reason: 'INVALID_DATE' });
    let to: IsoDay | null = null;
    if (toRaw?.trim()) {
      to = parseDay(toRaw);
      if (!to) problems.push({ field: 'heldTo', reason: 'INVALID_DATE' });
      else if (from && to < from) problems.push({ field: 'heldTo', reason: 'DATE_ORDER' });
    }
    return { from, to };
  }

  private criteria(input: readonly CriterionInput[], problems: FieldProblem[]): CriterionRecord[] {
    const seen = new Set<string>();
    return input.map((c, i) => {
      const key = c.key.trim().toLowerCase();
      if (!keyPattern.test(key)) problems.push({ field: `criteria.${i}.key`, reason: 'INVALID_KEY' });
      if (seen.has(key)) problems.push({ field: `criteria.${i}.key`, reason: 'DUPLICATE' });
      seen.add(key);
      const label = c.label?.trim() || null;
      if (!criterionLabels[key] && !label) problems.push({ field: `criteria.${i}.label`, reason: 'REQUIRED' });
      const weight = parseWeight(c.weight, normaliseDigits);
      if (weight === null) problems.push({ field: `criteria.${i}.weight`, reason: 'INVALID_WEIGHT' });
      return { key, label, weightHundredths: weight ?? 0 };
    });
  }

  private needText(input: NeedInput, problems: FieldProblem[]) {
    const title = input.title.trim();
    if (!title) problems.push({ field: 'title', reason: 'REQUIRED' });
    return { title, description: input.description.trim(), evidence: input.evidence?.trim() || null };
  }

  /** Linked features must be of this neighbourhood, of the right kind, and visible to the linker. */
  private async features(
    viewer: Viewer | null,
    a: NeedsAssessment,
    input: NeedInput,
    problems: FieldProblem[],
  ): Promise<MapFeature[]> {
    const wanted = [
      ...(input.harmFeatureIds ?? []).map((id, i) => ({ id, field: `harmFeatureIds.${i}`, kind: MapFeatureKind.HARM })),
      ...(input.strengthFeatureIds ?? []).map((id, i) => ({
        id,
        field: `strengthFeatureIds.${i}`,
        kind: MapFeatureKind.ASSET,
      })),
    ];
    if (!wanted.length) return [];
    const ids = wanted.map((w) => w.id).filter(isUuid);
    const found = ids.length
      ? await this.em.find(MapFeature, { id: { $in: ids }, neighbourhood: a.neighbourhood.id })
      : [];
    const access = mapAccessFor(viewer, assessmentFacts(a).neighbourhood, null);
    const result: MapFeature[] = [];
    const seen = new Set<string>();
    for (const w of wanted) {
      const f = found.find((x) => x.id === w.id);
      if (!f || !canSeeFeature(access, { kind: f.kind, status: f.status, authorId: f.author?.id ?? null })) {
        problems.push({ field: w.field, reason: 'UNKNOWN_FEATURE' });
      } else if (f.kind !== w.kind) {
        problems.push({ field: w.field, reason: w.kind === MapFeatureKind.HARM ? 'NOT_A_HARM' : 'NOT_AN_ASSET' });
      } else if (!seen.has(f.id)) {
        seen.add(f.id);
        result.push(f);
      }
    }
    return result;
  }

  private async written(
    viewer: Viewer | null,
    id: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): Promise<AssessmentWrite> {
    const result = await this.byId(viewer, id);
    if (!result) throw notFound();
    return { result, change: { entityType: 'NeedsAssessment', entityId: id, before, after }, assessmentId: id };
  }

  /** The assessment if the viewer may see it (or, with `manage`, run it); NOT_FOUND otherwise. */
  private async load(
    viewer: Viewer | null,
    id: string,
    manage: boolean,
    lockMode?: LockMode,
  ): Promise<NeedsAssessment> {
    const a = isUuid(id)
      ? await this.em.findOne(
          NeedsAssessment,
          { id },
          { populate: ['neighbourhood'], ...(lockMode ? { lockMode } : {}) },
        )
      : null;
    const allowed =
      !!a &&
      (manage
        ? canManageAssessment(viewer, assessmentFacts(a))
        : canSeeAssessment(viewer, assessmentFacts(a), await this.member(viewer, a.id)));
    if (!allowed) throw notFound();
    return a;
  }

  private visible = (viewer: Viewer | null, id: string, lockMode?: LockMode) => this.load(viewer, id, false, lockMode);
  private managed = (viewer: Viewer | null, id: string, lockMode?: LockMode) => this.load(viewer, id, true, lockMode);

  private async need(id: string): Promise<Need> {
    const need = isUuid(id) ? await this.em.findOne(Need, { id }) : null;
    if (!need) throw notFound();
    return need;
  }

  private async member(viewer: Viewer | null, assessmentId: string): Promise<boolean> {
    if (!viewer) return false;
    return (await this.em.count(AssessmentMember, { assessment: assessmentId, user: viewer.userId })) > 0;
  }

  private async freeCode(): Promise<string> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (!(await this.em.count(NeedsAssessment, { code, status: { $ne: AssessmentStatus.CLOSED } }))) return code;
    }
    throw new AppError('INTERNAL', { detail: 'no free assessment code' });
  }
}

function counts(input: ParticipantCountsInput | null | undefined) {
  if (!input) return {};
  const { residents, informants, trustedPersons, youth, women, officials } = input;
  return { residents, informants, trustedPersons, youth, women, officials };
}
