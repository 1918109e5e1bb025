import { Field, Int, ObjectType } from 'type-graphql';
import { PlaceRefType } from '../assessments/assessments.types.js';
import { NeedsAssessmentType } from '../assessments/assessments.types.js';
import { ActionPlanType } from '../plans/plans.types.js';

@ObjectType('PilotSummary', {
  description: 'One neighbourhood in figures; plans in draft or cancelled are not counted',
})
export class PilotSummaryType {
  @Field(() => PlaceRefType)
  neighbourhood!: PlaceRefType;

  @Field(() => PlaceRefType)
  county!: PlaceRefType;

  @Field(() => Int)
  assessments!: number;

  @Field(() => Int, { description: 'Assessments whose ranking is final' })
  closedAssessments!: number;

  @Field(() => Int, { description: 'Accepted needs in all assessments' })
  needs!: number;

  @Field(() => Int)
  plans!: number;

  @Field(() => Int)
  activePlans!: number;

  @Field(() => Int, { description: 'Tasks not cancelled' })
  tasksTotal!: number;

  @Field(() => Int)
  tasksDone!: number;

  @Field(() => Int)
  tasksOverdue!: number;

  @Field(() => Int, { description: 'Mean task progress 0-100' })
  progress!: number;

  @Field(() => String, { description: 'Whole rials' })
  budgetRials!: string;

  @Field(() => String, { description: 'Whole rials pledged in cash and not cancelled' })
  pledgedRials!: string;

  @Field(() => String, { description: 'Whole rials received in cash' })
  receivedRials!: string;

  @Field(() => String, { nullable: true, description: 'Last day of any progress note' })
  lastUpdateOn!: string | null;
}

@ObjectType('NeighbourhoodDashboard')
export class NeighbourhoodDashboardType {
  @Field(() => PilotSummaryType)
  summary!: PilotSummaryType;

  @Field(() => NeedsAssessmentType, {
    nullable: true,
    description: 'The latest assessment whose ranking is final, else the latest the viewer may see',
  })
  latestAssessment!: NeedsAssessmentType | null;

  @Field(() => [ActionPlanType])
  plans!: ActionPlanType[];
}
