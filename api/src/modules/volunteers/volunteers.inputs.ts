import { ArrayMaxSize, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { VolunteerSkill } from './volunteers.entity.js';

@InputType()
export class VolunteerProfileInput {
  @Field(() => [VolunteerSkill])
  @ArrayMaxSize(20)
  skills!: VolunteerSkill[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  skillsNote?: string | null;

  @Field(() => [ID])
  @ArrayMaxSize(50)
  neighbourhoodIds!: string[];

  @Field(() => String, { nullable: true, description: 'e.g. weekday evenings' })
  @IsOptional()
  @MaxLength(500)
  availability?: string | null;

  @Field(() => [String])
  @ArrayMaxSize(10)
  languages!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Seen only by base staff of the neighbourhoods whose slots you sign up for, and province admins',
  })
  @IsOptional()
  @MaxLength(40)
  phone?: string | null;
}

@InputType()
export class TaskSlotInput {
  @Field(() => String)
  @Length(1, 200)
  title!: string;

  @Field(() => Int)
  peopleNeeded!: number;

  @Field(() => [VolunteerSkill], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(12)
  skills?: VolunteerSkill[] | null;

  @Field(() => String, { description: 'Jalali or ISO day' })
  @MaxLength(20)
  startsOn!: string;

  @Field(() => String)
  @MaxLength(20)
  endsOn!: string;

  @Field(() => Int)
  hoursEach!: number;
}
