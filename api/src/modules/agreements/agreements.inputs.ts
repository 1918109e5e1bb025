import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { AgreementState } from './agreements.machine.js';

@InputType({ description: 'An application for a Jalali year' })
export class CreateAgreementInput {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => Int, { description: 'Jalali year, e.g. 1405' })
  @IsInt()
  @Min(1390)
  @Max(1500)
  year!: number;

  @Field(() => [ID])
  @ArrayMaxSize(50)
  neighbourhoodIds!: string[];

  @Field(() => String, { nullable: true, description: 'Whole rials; Persian digits and separators accepted' })
  @IsOptional()
  @MaxLength(40)
  requestedFundingRials?: string | null;
}

@InputType()
export class UpdateAgreementDraftInput {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  neighbourhoodIds?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  requestedFundingRials?: string | null;
}

@InputType({
  description:
    'What a transition needs: RETURN and DECLINE_RENEWAL a note; APPROVE fundingRials and signedOn; TERMINATE noticeOn, endsOn and a note (the reason)',
})
export class AgreementTransitionInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  note?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  fundingRials?: string | null;

  @Field(() => String, { nullable: true, description: 'Jalali or ISO day' })
  @IsOptional()
  @MaxLength(20)
  signedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Day notice of early termination was given' })
  @IsOptional()
  @MaxLength(20)
  noticeOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of service when terminated early' })
  @IsOptional()
  @MaxLength(20)
  endsOn?: string | null;
}

@ArgsType()
export class AgreementsArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  organisationId?: string | null;

  @Field(() => AgreementState, { nullable: true })
  @IsOptional()
  state?: AgreementState | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  year?: number | null;
}
