import { organisationId } from './factories.js';
import { gql, ok } from './gql.js';

export const ASSESSMENT_FIELDS = `id status method code dotsPerParticipant voterCount memberCount canManage joined hasVoted
  heldFrom heldTo criteria { key label weight }
  participantCounts { residents informants trustedPersons youth women officials total }
  namedParticipants { id name group }
  needs { id title status category position evidence harmLinkCount strengthLinkCount proposedByMe
          linkedFeatures { id kind title } scores { criterionKey score } }
  ranking { position rank tied score dots voters need { id title } }
  myDots { needId dots }`;

export interface AssessmentView {
  id: string;
  status: 'DRAFT' | 'VOTING' | 'CLOSED';
  method: 'MATRIX' | 'DOTS';
  code: string | null;
  dotsPerParticipant: number;
  voterCount: number;
  memberCount: number;
  canManage: boolean;
  joined: boolean;
  hasVoted: boolean;
  heldFrom: string;
  heldTo: string | null;
  criteria: { key: string; label: string | null; weight: string }[];
  participantCounts: Record<string, number>;
  namedParticipants: { id: string; name: string; group: string }[];
  needs: {
    id: string;
    title: string;
    status: string;
    category: string;
    position: number;
    evidence: string | null;
    harmLinkCount: number;
    strengthLinkCount: number;
    proposedByMe: boolean;
    linkedFeatures: { id: string; kind: string; title: string }[];
    scores: { criterionKey: string; score: number }[];
  }[];
  ranking: {
    position: number;
    rank: number;
    tied: boolean;
    score: number;
    dots: number;
    voters: number;
    need: { id: string; title: string };
  }[];
  myDots: { needId: string; dots: number }[];
}

/** An assessment in a neighbourhood, facilitated by the Amol base (which may work anywhere in Amol county). */
export async function createAssessment(
  token: string,
  neighbourhoodId: string,
  input: Record<string, unknown> = {},
): Promise<AssessmentView> {
  return ok(
    await gql<{ createNeedsAssessment: AssessmentView }>(
      `mutation($i: CreateAssessmentInput!) { createNeedsAssessment(input: $i) { ${ASSESSMENT_FIELDS} } }`,
      {
        i: {
          neighbourhoodId,
          organisationId: await organisationId('base-ommat-abad'),
          title: 'نیازسنجی آزمایشی',
          heldFrom: '1405/09/01',
          method: 'DOTS',
          ...input,
        },
      },
      { token },
    ),
  ).createNeedsAssessment;
}

export async function addNeed(
  token: string,
  assessmentId: string,
  title: string,
  extra: Record<string, unknown> = {},
): Promise<AssessmentView> {
  return ok(
    await gql<{ proposeNeed: AssessmentView }>(
      `mutation($a: ID!, $i: NeedInput!) { proposeNeed(assessmentId: $a, input: $i) { ${ASSESSMENT_FIELDS} } }`,
      { a: assessmentId, i: { category: 'OTHER', title, description: `${title}: شرح`, ...extra } },
      { token },
    ),
  ).proposeNeed;
}

export const assessmentCall = (name: string, args: string, vars: Record<string, unknown>, token: string | null) =>
  gql<Record<string, AssessmentView>>(
    `mutation(${Object.keys(vars)
      .map((k) => `$${k}: ${argTypes[k] ?? 'ID!'}`)
      .join(', ')}) { ${name}(${args}) { ${ASSESSMENT_FIELDS} } }`,
    vars,
    { token },
  );

const argTypes: Record<string, string> = {
  code: 'String!',
  dots: '[DotInput!]!',
  scores: '[NeedScoreInput!]!',
  input: 'UpdateAssessmentInput!',
  participant: 'NamedParticipantInput!',
  accept: 'Boolean!',
};

export async function readAssessment(id: string, token: string | null): Promise<AssessmentView | null> {
  return ok(
    await gql<{ needsAssessment: AssessmentView | null }>(
      `query($id: ID!) { needsAssessment(id: $id) { ${ASSESSMENT_FIELDS} } }`,
      { id },
      { token },
    ),
  ).needsAssessment;
}

/** Joins with the code and places dots: `{ needId: dots }`. */
export async function vote(token: string, a: { id: string; code: string | null }, dots: Record<string, number>) {
  ok(await assessmentCall('joinNeedsAssessment', 'code: $code', { code: a.code }, token));
  return assessmentCall(
    'castDots',
    'assessmentId: $a, dots: $dots',
    { a: a.id, dots: Object.entries(dots).map(([needId, n]) => ({ needId, dots: n })) },
    token,
  );
}
