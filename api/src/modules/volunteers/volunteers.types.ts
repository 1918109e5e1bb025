import { Field, ID, Int, ObjectType } from 'type-graphql';
import { HoursStatus, SignupStatus, VolunteerSkill } from './volunteers.entity.js';

@ObjectType('VolunteerContact', { description: 'For base staff of the neighbourhood and province admins only' })
export class VolunteerContactType {
  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}

@ObjectType('HoursEntry')
export class HoursEntryType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  day!: string;

  @Field(() => Int)
  hours!: number;

  @Field(() => HoursStatus)
  status!: HoursStatus;
}

@ObjectType('SlotSignup')
export class SlotSignupType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  slotId!: string;

  @Field(() => String)
  slotTitle!: string;

  @Field(() => ID)
  taskId!: string;

  @Field(() => String)
  taskTitle!: string;

  @Field(() => ID)
  planId!: string;

  @Field(() => String, { description: 'Shown to the volunteer and to staff of the neighbourhood' })
  volunteerName!: string;

  @Field(() => VolunteerContactType, { nullable: true })
  contact!: VolunteerContactType | null;

  @Field(() => SignupStatus)
  status!: SignupStatus;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [HoursEntryType])
  hours!: HoursEntryType[];

  @Field(() => Int)
  confirmedHours!: number;

  @Field(() => Boolean)
  mine!: boolean;
}

@ObjectType('TaskSlot')
export class TaskSlotType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  taskId!: string;

  @Field(() => String)
  taskTitle!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Int)
  peopleNeeded!: number;

  @Field(() => [VolunteerSkill])
  skills!: VolunteerSkill[];

  @Field(() => String)
  startsOn!: string;

  @Field(() => String)
  endsOn!: string;

  @Field(() => Int)
  hoursEach!: number;

  @Field(() => Int, { description: 'People signed up and not declined or cancelled' })
  signedUp!: number;

  @Field(() => Int)
  confirmed!: number;

  @Field(() => Boolean)
  full!: boolean;

  @Field(() => SlotSignupType, { nullable: true, description: "The viewer's own sign-up" })
  mySignup!: SlotSignupType | null;

  @Field(() => [SlotSignupType], { description: 'Who is coming: for staff of the neighbourhood only' })
  signups!: SlotSignupType[];
}

@ObjectType('VolunteerProfile')
export class VolunteerProfileType {
  @Field(() => [VolunteerSkill])
  skills!: VolunteerSkill[];

  @Field(() => String, { nullable: true })
  skillsNote!: string | null;

  @Field(() => [ID])
  neighbourhoodIds!: string[];

  @Field(() => String, { nullable: true })
  availability!: string | null;

  @Field(() => [String])
  languages!: string[];

  @Field(() => String, { nullable: true })
  phone!: string | null;
}

@ObjectType('VolunteerHistory')
export class VolunteerHistoryType {
  @Field(() => [SlotSignupType])
  signups!: SlotSignupType[];

  @Field(() => Int, { description: 'All confirmed hours' })
  confirmedHours!: number;
}
