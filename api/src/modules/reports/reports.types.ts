import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ReportState } from './reports.entity.js';

@ObjectType('PlatformCounts', {
  description: 'What the platform recorded in the quarter and the agreement’s neighbourhoods',
})
export class PlatformCountsType {
  @Field(() => Int, { description: 'Needs assessments whose first day falls in the quarter' })
  assessmentsHeld!: number;

  @Field(() => Int, { description: 'Map features added' })
  featuresAdded!: number;

  @Field(() => Int, { description: 'Map features confirmed (a moderator’s confirmation, or added confirmed)' })
  featuresConfirmed!: number;

  @Field(() => Int, { description: 'Action plans started' })
  plansStarted!: number;

  @Field(() => Int, { description: 'Plan tasks marked done' })
  tasksDone!: number;

  @Field(() => Int, { description: 'Different volunteers with confirmed hours' })
  volunteers!: number;

  @Field(() => Int, { description: 'Confirmed volunteer hours' })
  volunteerHours!: number;

  @Field(() => Int, { description: 'Receipts recorded' })
  receipts!: number;

  @Field(() => String, { description: 'Cash received, whole rials' })
  receivedRials!: string;
}

@ObjectType('QuarterlyReport', { description: 'A base’s report on one Jalali quarter (seed 003)' })
export class QuarterlyReportType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  agreementId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  quarter!: number;

  @Field(() => String)
  startsOn!: string;

  @Field(() => String)
  endsOn!: string;

  @Field(() => String)
  dueOn!: string;

  @Field(() => Boolean, { description: 'Past its due day and not yet submitted' })
  overdue!: boolean;

  @Field(() => ReportState)
  state!: ReportState;

  @Field(() => PlatformCountsType)
  platform!: PlatformCountsType;

  @Field(() => Date)
  prefilledAt!: Date;

  @Field(() => Int) interviews!: number;
  @Field(() => Int) homeVisits!: number;
  @Field(() => Int) individualEmployment!: number;
  @Field(() => Int) groupEmployment!: number;
  @Field(() => Int) jobPlacements!: number;
  @Field(() => Int) helperGroupsFormed!: number;
  @Field(() => Int) groupSessions!: number;
  @Field(() => Int) trainingsHeld!: number;
  @Field(() => Int) clientsExited!: number;

  @Field(() => String, { nullable: true })
  narrative!: string | null;

  @Field(() => String, { nullable: true, description: 'The supervisor’s comment when returned' })
  reviewComment!: string | null;

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  reviewedAt!: Date | null;

  @Field(() => Boolean, { description: 'Whether the viewer may edit and submit it' })
  canEdit!: boolean;

  @Field(() => Boolean, { description: 'Whether the viewer may accept or return it' })
  canReview!: boolean;
}

@ObjectType('QuarterSlot', { description: 'A quarter of an agreement’s year, with its report once started' })
export class QuarterSlotType {
  @Field(() => Int)
  quarter!: number;

  @Field(() => String)
  startsOn!: string;

  @Field(() => String)
  endsOn!: string;

  @Field(() => String)
  dueOn!: string;

  @Field(() => Boolean)
  overdue!: boolean;

  @Field(() => Boolean, { description: 'The quarter has begun, so a report can be started' })
  open!: boolean;

  @Field(() => QuarterlyReportType, { nullable: true })
  report!: QuarterlyReportType | null;
}
