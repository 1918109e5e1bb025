import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ComplaintStatus } from './supervision.entity.js';

@InputType({ description: 'Days Jalali or ISO, Persian digits accepted' })
export class VisitInput {
  @Field(() => String)
  @MaxLength(20)
  visitedOn!: string;

  @Field(() => String)
  @Length(1, 10000)
  findings!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  recommendations?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  followUpDueOn?: string | null;
}

@InputType()
export class ComplaintInput {
  @Field(() => String)
  @MaxLength(20)
  receivedOn!: string;

  @Field(() => String)
  @Length(1, 300)
  subject!: string;

  @Field(() => String)
  @Length(1, 10000)
  details!: string;

  @Field(() => String, { nullable: true, description: 'Kept from the organisation complained about' })
  @IsOptional()
  @MaxLength(200)
  complainantName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  complainantContact?: string | null;
}

@InputType({ description: 'CLOSED needs a resolution' })
export class UpdateComplaintInput {
  @Field(() => ComplaintStatus, { nullable: true })
  @IsOptional()
  status?: ComplaintStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  resolution?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  referredToArticle26?: boolean | null;
}
