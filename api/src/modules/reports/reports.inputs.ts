import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

const count = { nullable: true } as const;

@InputType({ description: 'Seed 003’s counts, entered by staff; a count left out stays as it was' })
export class QuarterlyReportInput {
  @Field(() => Int, count) @IsOptional() @IsInt() @Min(0) @Max(100000) interviews?: number | null;
  @Field(() => Int, count) @IsOptional() @IsInt() @Min(0) @Max(100000) homeVisits?: number | null;
  @Field(() => Int, count) @IsOptional() @IsInt() @Min(0) @Max(100000) individualEmployment?: number | null;
  @Field(() => Int, count) @IsOptional() @IsInt() @Min(0) @Max(100000) groupEmployment?: number | null;
  @Field(() => Int, count) @IsOptional() @IsInt() @Min(0) @Max(100000) jobPlacements?: number | null;
  @Field(() => Int, count) @IsOptional() @IsInt() @Min(0) @Max(100000) helperGroupsFormed?: number | null;
  @Field(() => Int, count) @IsOptional() @IsInt() @Min(0) @Max(100000) groupSessions?: number | null;
  @Field(() => Int, count) @IsOptional() @IsInt() @Min(0) @Max(100000) trainingsHeld?: number | null;
  @Field(() => Int, count) @IsOptional() @IsInt() @Min(0) @Max(100000) clientsExited?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  narrative?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Recount the platform figures now' })
  @IsOptional()
  refreshPrefill?: boolean | null;
}
