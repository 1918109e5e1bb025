import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { isoDayOf } from '../../server/days.js';
import { groupBy } from '../../server/group-by.js';
import { MapFeatureKind, type MapFeatureStatus } from '../mapping/mapping.entity.js';
import { canSeeFeature, mapAccessFor } from '../mapping/mapping.policy.js';
import {
  NamedParticipant,
  NeedStatus,
  NeedsAssessment,
  PrioritisationMethod,
  type NeedCategory,
} from './assessments.entity.js';
import { canManageAssessment, canSeeCode, canSeeInternals } from './assessments.policy.js';
import { rankByDots, rankByMatrix, weightText, type Allocation, type Ranked } from './ranking.js';
import type { NeedType, NeedsAssessmentType, RankedNeedType } from './assessments.types.js';

interface LinkRow {
  need_id: string;
  feature_id: string;
  kind: MapFeatureKind;
  status: MapFeatureStatus;
  author_id: string | null;
  title: string;
  name_fa: string;
  name_en: string;
}

interface MemberRow {
  assessment_id: string;
  members: string | number;
  mine: boolean;
}

/** Everything stored about a set of assessments, loaded in a fixed number of statements. */
interface NeedRow {
  id: string;
  assessment_id: string;
  position: number;
  category: NeedCategory;
  title: string;
  description: string;
  evidence: string | null;
  status: NeedStatus;
  proposed_by_id: string;
}

interface ScoreRow {
  need_id: string;
  criterion_key: string;
  score: number;
}

export interface AssessmentBundle {
  assessments: NeedsAssessment[];
  needs: NeedRow[];
  links: LinkRow[];
  scores: ScoreRow[];
  allocations: (Allocation & { assessmentId: string })[];
  members: Map<string, { count: number; mine: boolean }>;
  named: NamedParticipant[];
}

const idList = (ids: readonly string[]) => ids.join(',');

export async function loadAssessments(
  em: EntityManager,
  ids: readonly string[],
  viewer: Viewer | null,
): Promise<AssessmentBundle> {
  const empty: AssessmentBundle = {
    assessments: [],
    needs: [],
    links: [],
    scores: [],
    allocations: [],
    members: new Map(),
    named: [],
  };
  if (!ids.length) return empty;
  const assessments = await em.find(
    NeedsAssessment,
    { id: { $in: [...ids] } },
    { populate: ['neighbourhood', 'organisation'], orderBy: { createdAt: 'desc', id: 'desc' } },
  );
  if (!assessments.length) return empty;
  const found = idList(assessments.map((a) => a.id));
  const [needs, links, scores, allocations, members, named] = await Promise.all([
    em.execute<NeedRow[]>(
      `select id, assessment_id, position, category, title, description, evidence, status, proposed_by_id
         from need where assessment_id = any(string_to_array(?, ',')::uuid[])
        order by position, id`,
      [found],
    ),
    em.execute<LinkRow[]>(
      `select l.need_id, l.feature_id, f.kind, f.status, f.author_id, f.title, c.name_fa, c.name_en
         from need_feature_link l
         join need n on n.id = l.need_id
         join map_feature f on f.id = l.feature_id
         join map_category c on c.id = f.category_id
        where n.assessment_id = any(string_to_array(?, ',')::uuid[])
        order by f.title, f.id`,
      [found],
    ),
    // Needs and scores as rows, not entities: hydrating them was most of a dashboard's ORM time.
    em.execute<ScoreRow[]>(
      `select s.need_id, s.criterion_key, s.score
         from need_score s join need n on n.id = s.need_id
        where n.assessment_id = any(string_to_array(?, ',')::uuid[])`,
      [found],
    ),
    em.execute<{ assessment_id: string; need_id: string; voter_id: string; dots: number }[]>(
      `select b.assessment_id, a.need_id, b.voter_id, a.dots
         from dot_allocation a join dot_ballot b on b.id = a.ballot_id
        where b.assessment_id = any(string_to_array(?, ',')::uuid[])`,
      [found],
    ),
    em.execute<MemberRow[]>(
      `select assessment_id, count(*) as members, coalesce(bool_or(user_id = ?), false) as mine
         from assessment_member
        where assessment_id = any(string_to_array(?, ',')::uuid[])
        group by assessment_id`,
      [viewer?.userId ?? '00000000-0000-0000-0000-000000000000', found],
    ),
    em.find(NamedParticipant, { assessment: { $in: assessments.map((a) => a.id) } }, { orderBy: { createdAt: 'asc' } }),
  ]);
  return {
    assessments,
    needs,
    links,
    scores,
    allocations: allocations.map((a) => ({
      assessmentId: a.assessment_id,
      needId: a.need_id,
      voterId: a.voter_id,
      dots: Number(a.dots),
    })),
    members: new Map(members.map((m) => [m.assessment_id, { count: Number(m.members), mine: !!m.mine }])),
    named,
  };
}

export const neighbourhoodFacts = (a: NeedsAssessment) => ({
  id: a.neighbourhood.id,
  countyId: a.neighbourhood.county.id,
});
export const assessmentFacts = (a: NeedsAssessment) => ({ neighbourhood: neighbourhoodFacts(a), status: a.status });

export const isMember = (bundle: AssessmentBundle, assessmentId: string): boolean =>
  bundle.members.get(assessmentId)?.mine ?? false;

/** The live ranking of accepted needs, by the assessment's method. */
export function currentRanking(bundle: AssessmentBundle, a: NeedsAssessment): Ranked[] {
  const accepted = bundle.needs
    .filter((n) => n.assessment_id === a.id && n.status === NeedStatus.ACCEPTED)
    .map((n) => ({ id: n.id, position: n.position }));
  if (a.method === PrioritisationMethod.DOTS) {
    return rankByDots(
      accepted,
      bundle.allocations.filter((x) => x.assessmentId === a.id),
    );
  }
  const scores = new Map<string, Map<string, number>>();
  for (const s of bundle.scores) {
    const own = scores.get(s.need_id) ?? new Map<string, number>();
    own.set(s.criterion_key, s.score);
    scores.set(s.need_id, own);
  }
  return rankByMatrix(accepted, a.criteria, scores);
}

type Link = AssessmentBundle['links'][number];
type Score = AssessmentBundle['scores'][number];

/** Links and scores grouped by need, once per bundle: filtering them per need was quadratic. */
const byNeed = new WeakMap<AssessmentBundle, { links: Map<string, Link[]>; scores: Map<string, Score[]> }>();
function groupedByNeed(bundle: AssessmentBundle) {
  let grouped = byNeed.get(bundle);
  if (!grouped) {
    grouped = {
      links: groupBy(bundle.links, (l) => l.need_id),
      scores: groupBy(bundle.scores, (sc) => sc.need_id),
    };
    byNeed.set(bundle, grouped);
  }
  return grouped;
}

/** One assessment as this viewer may see it. */
export function presentAssessment(
  bundle: AssessmentBundle,
  a: NeedsAssessment,
  viewer: Viewer | null,
): NeedsAssessmentType {
  const facts = assessmentFacts(a);
  const member = isMember(bundle, a.id);
  const internals = canSeeInternals(viewer, facts);
  const access = mapAccessFor(viewer, facts.neighbourhood, null);
  const userId = viewer?.userId ?? null;
  const needs = bundle.needs
    .filter((n) => n.assessment_id === a.id)
    .filter((n) => internals || n.status === NeedStatus.ACCEPTED || (!!userId && n.proposed_by_id === userId));
  const needTypes = new Map<string, NeedType>();
  const grouped = groupedByNeed(bundle);
  for (const n of needs) {
    const links = grouped.links.get(n.id) ?? [];
    needTypes.set(n.id, {
      id: n.id,
      assessmentId: a.id,
      position: n.position,
      category: n.category,
      title: n.title,
      description: n.description,
      evidence: internals ? (n.evidence ?? null) : null,
      status: n.status,
      proposedByMe: !!userId && n.proposed_by_id === userId,
      harmLinkCount: links.filter((l) => l.kind === MapFeatureKind.HARM).length,
      strengthLinkCount: links.filter((l) => l.kind === MapFeatureKind.ASSET).length,
      linkedFeatures: links
        .filter((l) => canSeeFeature(access, { kind: l.kind, status: l.status, authorId: l.author_id }))
        .map((l) => ({
          id: l.feature_id,
          kind: l.kind,
          title: l.title,
          categoryNameFa: l.name_fa,
          categoryNameEn: l.name_en,
        })),
      scores: (grouped.scores.get(n.id) ?? []).map((s) => ({ criterionKey: s.criterion_key, score: s.score })),
    });
  }
  const ranked = a.frozenRanking ?? currentRanking(bundle, a);
  const ranking: RankedNeedType[] = ranked.flatMap((r) => {
    const need = needTypes.get(r.needId);
    return need
      ? [{ need, position: r.position, rank: r.rank, tied: r.tied, score: r.score, dots: r.dots, voters: r.voters }]
      : [];
  });
  const own = bundle.allocations.filter((x) => x.assessmentId === a.id && x.voterId === userId);
  const voters = new Set(bundle.allocations.filter((x) => x.assessmentId === a.id).map((x) => x.voterId));
  const c = {
    residents: a.residents,
    informants: a.informants,
    trustedPersons: a.trustedPersons,
    youth: a.youth,
    women: a.women,
    officials: a.officials,
  };
  return {
    id: a.id,
    neighbourhood: {
      id: a.neighbourhood.id,
      slug: a.neighbourhood.slug,
      nameFa: a.neighbourhood.nameFa,
      nameEn: a.neighbourhood.nameEn,
    },
    organisation: {
      id: a.organisation.id,
      slug: a.organisation.slug,
      nameFa: a.organisation.nameFa,
      nameEn: a.organisation.nameEn,
    },
    title: a.title,
    heldFrom: isoDayOf(a.heldFrom)!,
    heldTo: isoDayOf(a.heldTo),
    status: a.status,
    method: a.method,
    criteria: a.criteria.map((k) => ({ key: k.key, label: k.label, weight: weightText(k.weightHundredths) })),
    dotsPerParticipant: a.dotsPerParticipant,
    participantCounts: { ...c, total: Object.values(c).reduce((s, v) => s + v, 0) },
    namedParticipants: internals
      ? bundle.named.filter((p) => p.assessment.id === a.id).map((p) => ({ id: p.id, name: p.name, group: p.group }))
      : [],
    code: canSeeCode(viewer, facts, member) ? a.code : null,
    needs: [...needTypes.values()],
    ranking,
    voterCount: voters.size,
    memberCount: bundle.members.get(a.id)?.count ?? 0,
    canManage: canManageAssessment(viewer, facts),
    joined: member,
    hasVoted: own.length > 0,
    myDots: own.map((x) => ({ needId: x.needId, dots: x.dots })),
    createdAt: a.createdAt,
    closedAt: a.closedAt ?? null,
  };
}
