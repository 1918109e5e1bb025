import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NeedCategory } from '../assessments/assessments.entity.js';
import { PlaceRefType } from '../assessments/assessments.types.js';
import { PlanStatus, ResourceKind, TaskStatus } from './plans.entity.js';

@ObjectType('PlanNeed', { description: 'A ranked need the plan answers' })
export class PlanNeedType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  assessmentId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => NeedCategory)
  category!: NeedCategory;

  @Field(() => Int, { nullable: true, description: 'Its rank when the assessment closed' })
  rank!: number | null;

  @Field(() => Boolean)
  tied!: boolean;
}

@ObjectType('Indicator')
export class IndicatorType {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  target!: string | null;
}

@ObjectType('TaskResource', { description: 'What a task needs' })
export class TaskResourceType {
  @Field(() => ID)
  id!: string;

  @Field(() => ResourceKind)
  kind!: ResourceKind;

  @Field(() => String, { nullable: true, description: 'CASH: whole rials as decimal digits' })
  amountRials!: string | null;

  @Field(() => String, { nullable: true })
  item!: string | null;

  @Field(() => Int, { nullable: true })
  quantity!: number | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => Int, { nullable: true })
  hours!: number | null;
}

@ObjectType('PlanTask')
export class PlanTaskType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  position!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => PlaceRefType, { nullable: true })
  leadOrganisation!: PlaceRefType | null;

  @Field(() => String, { description: 'ISO day' })
  startOn!: string;

  @Field(() => String, { description: 'ISO day' })
  endOn!: string;

  @Field(() => TaskStatus)
  status!: TaskStatus;

  @Field(() => Int, { description: '0-100' })
  progress!: number;

  @Field(() => Boolean, { description: 'Past its end day and neither done nor cancelled' })
  overdue!: boolean;

  @Field(() => String, { description: 'Whole rials as decimal digits' })
  budgetRials!: string;

  @Field(() => [TaskResourceType])
  resources!: TaskResourceType[];
}

@ObjectType('PlanMilestone')
export class PlanMilestoneType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  dueOn!: string;

  @Field(() => String, { nullable: true })
  reachedOn!: string | null;

  @Field(() => Boolean)
  overdue!: boolean;
}

@ObjectType('PlanUpdate', { description: 'A dated progress note' })
export class PlanUpdateType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  on!: string;

  @Field(() => String)
  text!: string;

  @Field(() => ID, { nullable: true })
  taskId!: string | null;

  @Field(() => String, { nullable: true, description: 'Who wrote it; for those who run or supervise the plan' })
  authorName!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('TaskCounts')
export class TaskCountsType {
  @Field(() => Int, { description: 'Tasks not cancelled' })
  total!: number;

  @Field(() => Int)
  done!: number;

  @Field(() => Int)
  inProgress!: number;

  @Field(() => Int)
  blocked!: number;

  @Field(() => Int)
  overdue!: number;
}

/** Its needs, tasks, milestones and updates are resolved by `PlanDetailsResolver`, once per response. */
@ObjectType('ActionPlan', { description: 'A participatory action plan answering ranked needs' })
export class ActionPlanType {
  @Field(() => ID)
  id!: string;

  @Field(() => PlaceRefType)
  neighbourhood!: PlaceRefType;

  @Field(() => ID, { nullable: true })
  assessmentId!: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  goal!: string;

  @Field(() => String, { nullable: true })
  expectedResults!: string | null;

  @Field(() => [IndicatorType])
  indicators!: IndicatorType[];

  @Field(() => PlaceRefType)
  leadOrganisation!: PlaceRefType;

  @Field(() => PlanStatus)
  status!: PlanStatus;

  @Field(() => Int, { description: 'Mean progress of tasks not cancelled (done = 100); never typed' })
  progress!: number;

  @Field(() => String, { description: 'Sum of the budgets of tasks not cancelled, whole rials' })
  budgetRials!: string;

  @Field(() => TaskCountsType)
  taskCounts!: TaskCountsType;

  @Field(() => String, { nullable: true, description: 'First task start' })
  startOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Last task end' })
  endOn!: string | null;

  /** Not a field: whether this viewer sees who wrote the plan's updates (`canSeePlanAuthors`). */
  showAuthors!: boolean;

  @Field(() => Boolean)
  canManage!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}
