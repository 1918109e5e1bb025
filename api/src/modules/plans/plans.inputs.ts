import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { PlanStatus, ResourceKind, TaskStatus } from './plans.entity.js';

@InputType()
export class IndicatorInput {
  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  target?: string | null;
}

@InputType()
export class CreatePlanInput {
  @Field(() => [ID], { description: 'Ranked needs (of closed assessments) of one neighbourhood' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  needIds!: string[];

  @Field(() => String)
  @Length(1, 200)
  title!: string;

  @Field(() => String)
  @Length(1, 4000)
  goal!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  expectedResults?: string | null;

  @Field(() => [IndicatorInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  indicators?: IndicatorInput[] | null;

  @Field(() => ID)
  leadOrganisationId!: string;

  @Field(() => PlanStatus, { nullable: true, description: 'DRAFT keeps it internal; ACTIVE when left out' })
  @IsOptional()
  status?: PlanStatus | null;
}

@InputType()
export class UpdatePlanInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  goal?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  expectedResults?: string | null;

  @Field(() => [IndicatorInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  indicators?: IndicatorInput[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  leadOrganisationId?: string | null;

  @Field(() => PlanStatus, { nullable: true })
  @IsOptional()
  status?: PlanStatus | null;
}

@InputType()
export class ResourceInput {
  @Field(() => ResourceKind)
  kind!: ResourceKind;

  @Field(() => String, { nullable: true, description: 'CASH: whole rials; Persian digits and separators accepted' })
  @IsOptional()
  @MaxLength(30)
  amountRials?: string | null;

  @Field(() => String, { nullable: true, description: 'IN_KIND: what' })
  @IsOptional()
  @MaxLength(200)
  item?: string | null;

  @Field(() => Int, { nullable: true, description: 'IN_KIND: how many' })
  @IsOptional()
  quantity?: number | null;

  @Field(() => String, { nullable: true, description: 'IN_KIND: of what unit (kg, pack, ...)' })
  @IsOptional()
  @MaxLength(40)
  unit?: string | null;

  @Field(() => Int, { nullable: true, description: 'VOLUNTEER_HOURS: people-hours' })
  @IsOptional()
  hours?: number | null;
}

@InputType()
export class TaskInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  leadOrganisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Jalali or ISO day' })
  @IsOptional()
  @MaxLength(20)
  startOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Jalali or ISO day; not before the start' })
  @IsOptional()
  @MaxLength(20)
  endOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Whole rials; Persian digits and separators accepted' })
  @IsOptional()
  @MaxLength(30)
  budgetRials?: string | null;

  @Field(() => TaskStatus, { nullable: true })
  @IsOptional()
  status?: TaskStatus | null;

  @Field(() => Int, { nullable: true, description: '0-100' })
  @IsOptional()
  progress?: number | null;

  @Field(() => [ResourceInput], { nullable: true, description: 'Replaces the list when given' })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  resources?: ResourceInput[] | null;
}

@InputType()
export class MilestoneInput {
  @Field(() => String)
  @Length(1, 200)
  title!: string;

  @Field(() => String)
  @MaxLength(20)
  dueOn!: string;
}

@InputType()
export class PlanUpdateInput {
  @Field(() => String, { description: 'Jalali or ISO day' })
  @MaxLength(20)
  on!: string;

  @Field(() => String)
  @Length(1, 4000)
  text!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  taskId?: string | null;
}
