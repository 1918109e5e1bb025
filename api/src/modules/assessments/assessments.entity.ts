import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { User } from '../accounts/accounts.entity.js';
import { Neighbourhood } from '../geography/geography.entity.js';
import { MapFeature } from '../mapping/mapping.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import type { Ranked } from './ranking.js';

/** The groups and harms of DOMAIN.md (seeds 000, 002, 004) a neighbourhood need is filed under. */
export enum NeedCategory {
  ADDICTION = 'ADDICTION',
  FAMILY_CONFLICT = 'FAMILY_CONFLICT',
  DOMESTIC_VIOLENCE = 'DOMESTIC_VIOLENCE',
  CHILD_PROTECTION = 'CHILD_PROTECTION',
  STREET_WORKING_CHILDREN = 'STREET_WORKING_CHILDREN',
  SCHOOL_DROPOUT = 'SCHOOL_DROPOUT',
  EARLY_CHILDHOOD = 'EARLY_CHILDHOOD',
  WOMEN_AT_RISK = 'WOMEN_AT_RISK',
  MENTAL_HEALTH_SUICIDE = 'MENTAL_HEALTH_SUICIDE',
  RUNAWAY_YOUTH = 'RUNAWAY_YOUTH',
  LIFE_SKILLS = 'LIFE_SKILLS',
  DISABILITY_SCREENING = 'DISABILITY_SCREENING',
  LIVELIHOOD = 'LIVELIHOOD',
  UNSAFE_SPACES = 'UNSAFE_SPACES',
  SOCIAL_COHESION = 'SOCIAL_COHESION',
  OTHER = 'OTHER',
}
registerEnumType(NeedCategory, { name: 'NeedCategory' });

export enum PrioritisationMethod {
  MATRIX = 'MATRIX',
  DOTS = 'DOTS',
}
registerEnumType(PrioritisationMethod, {
  name: 'PrioritisationMethod',
  description: 'MATRIX: weighted criteria scored by the group; DOTS: each participant places N dots',
});

export enum AssessmentStatus {
  DRAFT = 'DRAFT',
  VOTING = 'VOTING',
  CLOSED = 'CLOSED',
}
registerEnumType(AssessmentStatus, {
  name: 'AssessmentStatus',
  description: 'DRAFT: collecting needs; VOTING: prioritising; CLOSED: the ranking is frozen',
});

export enum NeedStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(NeedStatus, {
  name: 'NeedStatus',
  description: 'Needs proposed by residents wait for the facilitator; only accepted needs are ranked',
});

export enum ParticipantGroup {
  RESIDENT = 'RESIDENT',
  INFORMANT = 'INFORMANT',
  TRUSTED_PERSON = 'TRUSTED_PERSON',
  YOUTH = 'YOUTH',
  WOMEN = 'WOMEN',
  OFFICIAL = 'OFFICIAL',
}
registerEnumType(ParticipantGroup, { name: 'ParticipantGroup' });

/** One weighted criterion of a scoring matrix; the weight is kept in hundredths so sums are exact. */
export interface CriterionRecord {
  key: string;
  label: string | null;
  weightHundredths: number;
}

/** A ranking as frozen when voting closed. */
export type FrozenRankRecord = Ranked;

/** Seed 001 commitment 1: assessing and prioritising needs with local informants. */
@Entity({ tableName: 'needs_assessment' })
@Check({ name: 'needs_assessment_dates_in_order', expression: 'held_to is null or held_to >= held_from' })
@Index({ properties: ['neighbourhood', 'createdAt'] })
export class NeedsAssessment extends BaseEntity<
  | 'heldTo'
  | 'status'
  | 'frozenRanking'
  | 'closedAt'
  | 'votingOpenedAt'
  | 'residents'
  | 'informants'
  | 'trustedPersons'
  | 'youth'
  | 'women'
  | 'officials'
> {
  @ManyToOne(() => Neighbourhood, { deleteRule: 'restrict' })
  neighbourhood!: Neighbourhood;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  facilitator!: User;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'date' })
  heldFrom!: string;

  @Property({ type: 'date', nullable: true })
  heldTo?: string | null;

  @Enum({ items: () => PrioritisationMethod, nativeEnumName: 'prioritisation_method' })
  method!: PrioritisationMethod;

  @Property({ type: 'json' })
  criteria!: CriterionRecord[];

  @Property({ type: 'smallint' })
  dotsPerParticipant!: number;

  @Enum({ items: () => AssessmentStatus, nativeEnumName: 'assessment_status' })
  status: AssessmentStatus = AssessmentStatus.DRAFT;

  /** Six digits participants type on their phones; unique among assessments not closed. */
  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'integer' })
  residents: number = 0;

  @Property({ type: 'integer' })
  informants: number = 0;

  @Property({ type: 'integer' })
  trustedPersons: number = 0;

  @Property({ type: 'integer' })
  youth: number = 0;

  @Property({ type: 'integer' })
  women: number = 0;

  @Property({ type: 'integer' })
  officials: number = 0;

  @Property({ type: 'json', nullable: true })
  frozenRanking?: FrozenRankRecord[] | null;

  @Property({ type: 'timestamptz', nullable: true })
  votingOpenedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;
}

/** A participant named in the record; only with their consent (otherwise they are only counted). */
@Entity({ tableName: 'assessment_named_participant' })
export class NamedParticipant extends BaseEntity {
  @ManyToOne(() => NeedsAssessment, { deleteRule: 'cascade' })
  assessment!: NeedsAssessment;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => ParticipantGroup, nativeEnumName: 'participant_group' })
  group!: ParticipantGroup;
}

/** A signed-in person who joined the session with its code: may propose needs and vote. */
@Entity({ tableName: 'assessment_member' })
@Unique({ properties: ['assessment', 'user'] })
export class AssessmentMember extends BaseEntity {
  @ManyToOne(() => NeedsAssessment, { deleteRule: 'cascade' })
  assessment!: NeedsAssessment;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;
}

@Entity({ tableName: 'need' })
@Index({ properties: ['assessment', 'position'] })
export class Need extends BaseEntity<'evidence' | 'status'> {
  @ManyToOne(() => NeedsAssessment, { deleteRule: 'cascade' })
  assessment!: NeedsAssessment;

  /** Order of proposal within the assessment: the last tie-breaker of every ranking. */
  @Property({ type: 'integer' })
  position!: number;

  @Enum({ items: () => NeedCategory, nativeEnumName: 'need_category' })
  category!: NeedCategory;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'text', nullable: true })
  evidence?: string | null;

  @Enum({ items: () => NeedStatus, nativeEnumName: 'need_status' })
  status: NeedStatus = NeedStatus.ACCEPTED;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  proposedBy!: User;
}

/** A need's link to a harm on the map (what it is about) or an asset (a strength that could answer it). */
@Entity({ tableName: 'need_feature_link' })
@Unique({ properties: ['need', 'feature'] })
export class NeedFeatureLink extends BaseEntity {
  @ManyToOne(() => Need, { deleteRule: 'cascade' })
  need!: Need;

  @ManyToOne(() => MapFeature, { deleteRule: 'cascade' })
  feature!: MapFeature;
}

/** The group's agreed score (0-5) of one need on one criterion of the matrix. */
@Entity({ tableName: 'need_score' })
@Check({ name: 'need_score_range', expression: 'score >= 0 and score <= 5' })
@Unique({ properties: ['need', 'criterionKey'] })
export class NeedScore extends BaseEntity {
  @ManyToOne(() => Need, { deleteRule: 'cascade' })
  need!: Need;

  @Property({ type: 'text' })
  criterionKey!: string;

  @Property({ type: 'smallint' })
  score!: number;
}

/** One participant's dots; the unique key is what makes a second vote impossible, even when racing. */
@Entity({ tableName: 'dot_ballot' })
@Unique({ properties: ['assessment', 'voter'] })
export class DotBallot extends BaseEntity {
  @ManyToOne(() => NeedsAssessment, { deleteRule: 'cascade' })
  assessment!: NeedsAssessment;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  voter!: User;
}

@Entity({ tableName: 'dot_allocation' })
@Check({ name: 'dot_allocation_positive', expression: 'dots >= 1' })
@Unique({ properties: ['ballot', 'need'] })
export class DotAllocation extends BaseEntity {
  @ManyToOne(() => DotBallot, { deleteRule: 'cascade' })
  ballot!: DotBallot;

  @ManyToOne(() => Need, { deleteRule: 'cascade' })
  need!: Need;

  @Property({ type: 'smallint' })
  dots!: number;
}
