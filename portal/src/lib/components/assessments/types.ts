import type { AssessmentFields$data } from '$houdini';

/** One assessment as the viewer sees it: what every query, mutation and live update returns. */
export type Assessment = Omit<AssessmentFields$data, ' $fragments'>;
export type Need = Assessment['needs'][number];
export type RankedNeed = Assessment['ranking'][number];
export type Criterion = Assessment['criteria'][number];
export type ParticipantCounts = Assessment['participantCounts'];

/** A map feature a need may be linked to. */
export interface LinkableFeature {
  id: string;
  title: string;
  category: { nameFa: string; nameEn: string };
}
