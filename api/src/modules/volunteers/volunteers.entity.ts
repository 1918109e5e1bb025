import {
  Check,
  Collection,
  Entity,
  Enum,
  Index,
  ManyToMany,
  ManyToOne,
  OneToOne,
  Property,
  Unique,
} from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { User } from '../accounts/accounts.entity.js';
import { Neighbourhood } from '../geography/geography.entity.js';
import { PlanTask } from '../plans/plans.entity.js';

/** The skills catalogue volunteers pick from (free text beside it for the rest). */
export enum VolunteerSkill {
  TEACHING = 'TEACHING',
  CHILDCARE = 'CHILDCARE',
  HEALTH = 'HEALTH',
  COUNSELLING = 'COUNSELLING',
  CONSTRUCTION = 'CONSTRUCTION',
  CLEANING = 'CLEANING',
  TRANSPORT = 'TRANSPORT',
  COOKING = 'COOKING',
  SEWING = 'SEWING',
  EVENTS = 'EVENTS',
  ADMINISTRATION = 'ADMINISTRATION',
  COMPUTING = 'COMPUTING',
}
registerEnumType(VolunteerSkill, { name: 'VolunteerSkill' });

export enum SignupStatus {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SignupStatus, { name: 'SignupStatus' });

export enum HoursStatus {
  LOGGED = 'LOGGED',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
}
registerEnumType(HoursStatus, { name: 'HoursStatus' });

/** A volunteer's profile; the phone is for base staff of the neighbourhoods they serve, nobody else. */
@Entity({ tableName: 'volunteer_profile' })
export class VolunteerProfile extends BaseEntity<'skillsNote' | 'availability' | 'phone'> {
  @OneToOne(() => User, { owner: true, deleteRule: 'cascade', unique: true })
  user!: User;

  @Property({ type: 'json' })
  skills!: VolunteerSkill[];

  @Property({ type: 'text', nullable: true })
  skillsNote?: string | null;

  @ManyToMany({ entity: () => Neighbourhood, pivotTable: 'volunteer_neighbourhood' })
  neighbourhoods = new Collection<Neighbourhood>(this);

  @Property({ type: 'text', nullable: true })
  availability?: string | null;

  @Property({ type: 'json' })
  languages!: string[];

  @Property({ type: 'text', nullable: true })
  phone?: string | null;
}

/** Places for volunteers on a task: how many people, which skills, when. */
@Entity({ tableName: 'task_slot' })
@Check({ name: 'task_slot_sane', expression: 'people_needed > 0 and hours_each > 0 and ends_on >= starts_on' })
export class TaskSlot extends BaseEntity {
  @ManyToOne(() => PlanTask, { deleteRule: 'cascade' })
  task!: PlanTask;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'integer' })
  peopleNeeded!: number;

  @Property({ type: 'json' })
  skills!: VolunteerSkill[];

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  endsOn!: string;

  /** Hours each person is expected to give. */
  @Property({ type: 'integer' })
  hoursEach!: number;
}

@Entity({ tableName: 'slot_signup' })
@Unique({ properties: ['slot', 'volunteer'] })
@Index({ properties: ['volunteer', 'status'] })
export class SlotSignup extends BaseEntity<'status' | 'note'> {
  @ManyToOne(() => TaskSlot, { deleteRule: 'cascade' })
  slot!: TaskSlot;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  volunteer!: User;

  @Enum({ items: () => SignupStatus, nativeEnumName: 'signup_status' })
  status: SignupStatus = SignupStatus.PENDING;

  @Property({ type: 'text', nullable: true })
  note?: string | null;
}

/** Hours a volunteer gave on one day, logged by them and confirmed by staff. */
@Entity({ tableName: 'hours_log' })
@Check({ name: 'hours_log_range', expression: 'hours >= 1 and hours <= 24' })
export class HoursLog extends BaseEntity<'status' | 'reviewedBy'> {
  @ManyToOne(() => SlotSignup, { deleteRule: 'cascade' })
  signup!: SlotSignup;

  @Property({ type: 'date' })
  day!: string;

  @Property({ type: 'smallint' })
  hours!: number;

  @Enum({ items: () => HoursStatus, nativeEnumName: 'hours_status' })
  status: HoursStatus = HoursStatus.LOGGED;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  reviewedBy?: User | null;
}
