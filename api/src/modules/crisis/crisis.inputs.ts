import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length, MaxLength } from 'class-validator';
import { CrisisKind, CrisisUrgency } from './crisis.entity.js';

@InputType()
export class ReportCrisisInput {
  @Field(() => ID)
  neighbourhoodId!: string;

  @Field(() => CrisisKind)
  kind!: CrisisKind;

  @Field(() => CrisisUrgency)
  urgency!: CrisisUrgency;

  @Field(() => String, { description: 'What is happening; no exact address is needed' })
  @Length(1, 4000)
  details!: string;

  @Field(() => String, { nullable: true, description: 'A number staff can call back; Persian digits accepted' })
  @IsOptional()
  @MaxLength(40)
  callbackPhone?: string | null;
}
