import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { NamedType } from '../geography/geography.types.js';
import { MapFeatureKind } from '../mapping/mapping.entity.js';
import {
  AssessmentStatus,
  NeedCategory,
  NeedStatus,
  ParticipantGroup,
  PrioritisationMethod,
} from './assessments.entity.js';

@ObjectType('PlaceRef', { description: 'A neighbourhood or organisation by name' })
export class PlaceRefType extends NamedType {}

@ObjectType('Criterion', { description: 'One weighted criterion of a scoring matrix' })
export class CriterionType {
  @Field(() => String, { description: 'severity, prevalence, urgency, feasibility, or a custom key' })
  key!: string;

  @Field(() => String, { nullable: true, description: 'Label of a custom criterion, as typed' })
  label!: string | null;

  @Field(() => String, { description: 'The weight as a decimal, e.g. "1.5"' })
  weight!: string;
}

@ObjectType('ParticipantCounts', { description: 'Who took part, counted by group' })
export class ParticipantCountsType {
  @Field(() => Int)
  residents!: number;

  @Field(() => Int)
  informants!: number;

  @Field(() => Int)
  trustedPersons!: number;

  @Field(() => Int)
  youth!: number;

  @Field(() => Int)
  women!: number;

  @Field(() => Int)
  officials!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType('NamedParticipant', { description: 'Named with their consent; seen only by those who run the assessment' })
export class NamedParticipantType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ParticipantGroup)
  group!: ParticipantGroup;
}

@ObjectType('LinkedFeature', { description: 'A map feature a need points to, as far as the viewer may see it' })
export class LinkedFeatureType {
  @Field(() => ID)
  id!: string;

  @Field(() => MapFeatureKind)
  kind!: MapFeatureKind;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  categoryNameFa!: string;

  @Field(() => String)
  categoryNameEn!: string;
}

@ObjectType('NeedScore')
export class NeedScoreType {
  @Field(() => String)
  criterionKey!: string;

  @Field(() => Int, { description: '0-5' })
  score!: number;
}

@ObjectType('Need', { description: 'A problem or need of the neighbourhood raised in an assessment' })
export class NeedType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  assessmentId!: string;

  @Field(() => Int, { description: 'Order of proposal' })
  position!: number;

  @Field(() => NeedCategory)
  category!: NeedCategory;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { nullable: true, description: 'Only for those who run the assessment' })
  evidence!: string | null;

  @Field(() => NeedStatus)
  status!: NeedStatus;

  @Field(() => Boolean)
  proposedByMe!: boolean;

  @Field(() => Int, { description: 'Harm features linked, counted even when the viewer may not see them' })
  harmLinkCount!: number;

  @Field(() => Int)
  strengthLinkCount!: number;

  @Field(() => [LinkedFeatureType], { description: 'Linked features the viewer may see on the map' })
  linkedFeatures!: LinkedFeatureType[];

  @Field(() => [NeedScoreType])
  scores!: NeedScoreType[];
}

@ObjectType('RankedNeed')
export class RankedNeedType {
  @Field(() => NeedType)
  need!: NeedType;

  @Field(() => Int, { description: 'Place in the deterministic order, 1 first' })
  position!: number;

  @Field(() => Int, { description: 'Competition rank on the score alone; tied needs share it' })
  rank!: number;

  @Field(() => Boolean)
  tied!: boolean;

  @Field(() => Float, { description: 'Matrix: weighted mean 0-5; dots: total dots' })
  score!: number;

  @Field(() => Int)
  dots!: number;

  @Field(() => Int)
  voters!: number;
}

@ObjectType('DotChoice', { description: "The viewer's own dots on one need" })
export class DotChoiceType {
  @Field(() => ID)
  needId!: string;

  @Field(() => Int)
  dots!: number;
}

@ObjectType('NeedsAssessment')
export class NeedsAssessmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => PlaceRefType)
  neighbourhood!: PlaceRefType;

  @Field(() => PlaceRefType, { description: 'The facilitating organisation' })
  organisation!: PlaceRefType;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'ISO day; shown Jalali in Persian' })
  heldFrom!: string;

  @Field(() => String, { nullable: true })
  heldTo!: string | null;

  @Field(() => AssessmentStatus)
  status!: AssessmentStatus;

  @Field(() => PrioritisationMethod)
  method!: PrioritisationMethod;

  @Field(() => [CriterionType])
  criteria!: CriterionType[];

  @Field(() => Int)
  dotsPerParticipant!: number;

  @Field(() => ParticipantCountsType)
  participantCounts!: ParticipantCountsType;

  @Field(() => [NamedParticipantType], { description: 'Empty unless the viewer runs the assessment' })
  namedParticipants!: NamedParticipantType[];

  @Field(() => String, {
    nullable: true,
    description: 'The join code, for those who run it or joined, until closed',
  })
  code!: string | null;

  @Field(() => [NeedType], { description: 'All needs the viewer may see, in order of proposal' })
  needs!: NeedType[];

  @Field(() => [RankedNeedType], { description: 'Accepted needs ranked; frozen once closed' })
  ranking!: RankedNeedType[];

  @Field(() => Int, { description: 'People who have cast their dots' })
  voterCount!: number;

  @Field(() => Int, { description: 'People who joined with the code' })
  memberCount!: number;

  @Field(() => Boolean, { description: 'The viewer runs this assessment' })
  canManage!: boolean;

  @Field(() => Boolean, { description: 'The viewer joined it with the code' })
  joined!: boolean;

  @Field(() => Boolean)
  hasVoted!: boolean;

  @Field(() => [DotChoiceType], { description: "The viewer's own dots, once cast" })
  myDots!: DotChoiceType[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;
}
