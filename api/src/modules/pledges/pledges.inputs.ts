import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DonorKind, PledgeKind } from './pledges.entity.js';

@InputType()
export class InstalmentInput {
  @Field(() => String, { description: 'Jalali or ISO day' })
  @MaxLength(20)
  dueOn!: string;

  @Field(() => String, { nullable: true, description: 'CASH: whole rials' })
  @IsOptional()
  @MaxLength(30)
  amountRials?: string | null;

  @Field(() => Int, { nullable: true, description: 'IN_KIND: how many' })
  @IsOptional()
  quantity?: number | null;
}

@InputType()
export class PledgeInput {
  @Field(() => String, {
    description: 'Made once per attempt by the client (8-80 of A-Z a-z 0-9 _ -); a retry sends the same',
  })
  @MaxLength(80)
  idempotencyKey!: string;

  @Field(() => ID)
  planId!: string;

  @Field(() => ID, { nullable: true, description: "A task's resource need; left out for the plan in general" })
  @IsOptional()
  resourceId?: string | null;

  @Field(() => PledgeKind)
  kind!: PledgeKind;

  @Field(() => String, { nullable: true, description: 'CASH: whole rials; Persian digits and separators accepted' })
  @IsOptional()
  @MaxLength(30)
  amountRials?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  item?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  quantity?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  unit?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Hide my name from everyone but the staff and supervisors' })
  @IsOptional()
  anonymous?: boolean | null;

  @Field(() => String, { nullable: true, description: 'When it will arrive (Jalali or ISO)' })
  @IsOptional()
  @MaxLength(20)
  dueOn?: string | null;

  @Field(() => [InstalmentInput], { nullable: true, description: 'Optional schedule; parts must add up to the pledge' })
  @IsOptional()
  @ArrayMaxSize(24)
  @ValidateNested({ each: true })
  instalments?: InstalmentInput[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@InputType()
export class ReceiptInput {
  @Field(() => String)
  @MaxLength(80)
  idempotencyKey!: string;

  @Field(() => ID)
  pledgeId!: string;

  @Field(() => String, { nullable: true, description: 'CASH: whole rials' })
  @IsOptional()
  @MaxLength(30)
  amountRials?: string | null;

  @Field(() => Int, { nullable: true, description: 'IN_KIND: how many arrived' })
  @IsOptional()
  quantity?: number | null;

  @Field(() => String, { description: 'Jalali or ISO day; not in the future' })
  @MaxLength(20)
  receivedOn!: string;

  @Field(() => Boolean, { nullable: true, description: 'Accept more than was pledged, on purpose' })
  @IsOptional()
  override?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@InputType()
export class DonorProfileInput {
  @Field(() => DonorKind)
  kind!: DonorKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  organisationName?: string | null;

  @Field(() => String, { nullable: true, description: 'Seen only by staff of neighbourhoods you give to' })
  @IsOptional()
  @MaxLength(40)
  phone?: string | null;
}
