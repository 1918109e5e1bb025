import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NeedCategory, ParticipantGroup, PrioritisationMethod } from './assessments.entity.js';

@InputType()
export class CriterionInput {
  @Field(() => String, { description: 'Lower-case key: severity, prevalence, urgency, feasibility, or your own' })
  @Length(1, 40)
  key!: string;

  @Field(() => String, { nullable: true, description: 'Label for a custom criterion' })
  @IsOptional()
  @MaxLength(80)
  label?: string | null;

  @Field(() => String, { description: 'As typed: "2", "1.5", "۱٫۵"; positive, at most 100, two decimals' })
  @MaxLength(20)
  weight!: string;
}

@InputType()
export class ParticipantCountsInput {
  @Field(() => Int) @Min(0) @Max(100_000) residents!: number;
  @Field(() => Int) @Min(0) @Max(100_000) informants!: number;
  @Field(() => Int) @Min(0) @Max(100_000) trustedPersons!: number;
  @Field(() => Int) @Min(0) @Max(100_000) youth!: number;
  @Field(() => Int) @Min(0) @Max(100_000) women!: number;
  @Field(() => Int) @Min(0) @Max(100_000) officials!: number;
}

@InputType()
export class CreateAssessmentInput {
  @Field(() => ID)
  neighbourhoodId!: string;

  @Field(() => ID, { description: 'The facilitating organisation; it must serve the neighbourhood' })
  organisationId!: string;

  @Field(() => String)
  @Length(1, 200)
  title!: string;

  @Field(() => String, { description: 'Jalali (1405/09/03) or ISO day; Persian digits accepted' })
  @MaxLength(20)
  heldFrom!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  heldTo?: string | null;

  @Field(() => PrioritisationMethod)
  method!: PrioritisationMethod;

  @Field(() => Int, { nullable: true, description: 'Dots each participant places; 3 when left out' })
  @IsOptional()
  @Min(1)
  @Max(20)
  dotsPerParticipant?: number | null;

  @Field(() => [CriterionInput], { nullable: true, description: 'Matrix criteria; the four usual ones when left out' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  criteria?: CriterionInput[] | null;

  @Field(() => ParticipantCountsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  participantCounts?: ParticipantCountsInput | null;
}

@InputType()
export class UpdateAssessmentInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  heldFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'An empty string clears it' })
  @IsOptional()
  @MaxLength(20)
  heldTo?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only before voting opens' })
  @IsOptional()
  @Min(1)
  @Max(20)
  dotsPerParticipant?: number | null;

  @Field(() => [CriterionInput], { nullable: true, description: 'Only before voting opens' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  criteria?: CriterionInput[] | null;

  @Field(() => ParticipantCountsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  participantCounts?: ParticipantCountsInput | null;
}

@InputType()
export class NamedParticipantInput {
  @Field(() => String)
  @Length(1, 120)
  name!: string;

  @Field(() => ParticipantGroup)
  group!: ParticipantGroup;

  @Field(() => Boolean, { description: 'The person agreed to be named; required to be true' })
  consent!: boolean;
}

@InputType()
export class NeedInput {
  @Field(() => NeedCategory)
  category!: NeedCategory;

  @Field(() => String)
  @Length(1, 200)
  title!: string;

  @Field(() => String)
  @MaxLength(4000)
  description!: string;

  @Field(() => String, { nullable: true, description: 'What shows it: observations, figures, sources' })
  @IsOptional()
  @MaxLength(4000)
  evidence?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Harm features of this neighbourhood the need is about' })
  @IsOptional()
  @ArrayMaxSize(50)
  harmFeatureIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Asset features (strengths) that could answer it' })
  @IsOptional()
  @ArrayMaxSize(50)
  strengthFeatureIds?: string[] | null;
}

@InputType()
export class NeedScoreInput {
  @Field(() => String)
  @Length(1, 40)
  criterionKey!: string;

  @Field(() => Int, { description: '0-5' })
  score!: number;
}

@InputType()
export class DotInput {
  @Field(() => ID)
  needId!: string;

  @Field(() => Int)
  dots!: number;
}
