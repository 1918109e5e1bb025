import { Check, Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, Property } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { User } from '../accounts/accounts.entity.js';
import { Need, NeedsAssessment } from '../assessments/assessments.entity.js';
import { Neighbourhood } from '../geography/geography.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';

export enum PlanStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PlanStatus, { name: 'PlanStatus' });

export enum TaskStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  BLOCKED = 'BLOCKED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TaskStatus, { name: 'TaskStatus' });

export enum ResourceKind {
  CASH = 'CASH',
  IN_KIND = 'IN_KIND',
  VOLUNTEER_HOURS = 'VOLUNTEER_HOURS',
}
registerEnumType(ResourceKind, {
  name: 'ResourceKind',
  description: 'CASH in rials; IN_KIND an item with quantity and unit; VOLUNTEER_HOURS people-hours',
});

export interface IndicatorRecord {
  name: string;
  target: string | null;
}

/** Seed 001 commitments 4 and 5: a participatory action plan answering ranked needs. */
@Entity({ tableName: 'action_plan' })
@Index({ properties: ['neighbourhood', 'status'] })
export class ActionPlan extends BaseEntity<'status' | 'assessment' | 'expectedResults'> {
  @ManyToOne(() => Neighbourhood, { deleteRule: 'restrict' })
  neighbourhood!: Neighbourhood;

  @ManyToOne(() => NeedsAssessment, { nullable: true, deleteRule: 'set null' })
  assessment?: NeedsAssessment | null;

  @ManyToMany({ entity: () => Need, pivotTable: 'action_plan_need' })
  needs = new Collection<Need>(this);

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  leadOrganisation!: Organisation;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  createdBy!: User;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  goal!: string;

  @Property({ type: 'text', nullable: true })
  expectedResults?: string | null;

  @Property({ type: 'json' })
  indicators!: IndicatorRecord[];

  @Enum({ items: () => PlanStatus, nativeEnumName: 'plan_status' })
  status: PlanStatus = PlanStatus.ACTIVE;

  @OneToMany(() => PlanTask, (t) => t.plan)
  tasks = new Collection<PlanTask>(this);
}

@Entity({ tableName: 'plan_task' })
// The service refuses these with reasons; the database refuses them too, whatever the caller.
@Check({ name: 'plan_task_progress_range', expression: 'progress >= 0 and progress <= 100' })
@Check({ name: 'plan_task_dates_in_order', expression: 'end_on >= start_on' })
@Check({ name: 'plan_task_budget_not_negative', expression: 'budget_rials >= 0' })
@Index({ properties: ['plan', 'position'] })
@Index({ properties: ['status', 'endOn'] })
export class PlanTask extends BaseEntity<
  'description' | 'leadOrganisation' | 'status' | 'progress' | 'budgetRials' | 'completedOn'
> {
  @ManyToOne(() => ActionPlan, { deleteRule: 'cascade' })
  plan!: ActionPlan;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'set null' })
  leadOrganisation?: Organisation | null;

  @Property({ type: 'date' })
  startOn!: string;

  @Property({ type: 'date' })
  endOn!: string;

  @Enum({ items: () => TaskStatus, nativeEnumName: 'task_status' })
  status: TaskStatus = TaskStatus.PLANNED;

  /** 0-100; DONE is always 100. */
  @Property({ type: 'smallint' })
  progress: number = 0;

  /** Rials are whole numbers; bigint read back as a string so nothing is rounded. */
  @Property({ type: 'bigint', columnType: 'bigint' })
  budgetRials: string = '0';

  /** The Tehran day it became DONE; quarterly reports count tasks done by this day. */
  @Property({ type: 'date', nullable: true })
  completedOn?: string | null;
}

/** What a task needs: cash, goods or volunteer hours. Pledges (a later module) point here. */
@Entity({ tableName: 'task_resource' })
@Check({
  name: 'task_resource_positive',
  expression: 'coalesce(amount_rials, 1) > 0 and coalesce(quantity, 1) > 0 and coalesce(hours, 1) > 0',
})
export class TaskResource extends BaseEntity<'amountRials' | 'item' | 'quantity' | 'unit' | 'hours'> {
  @ManyToOne(() => PlanTask, { deleteRule: 'cascade' })
  task!: PlanTask;

  /** Order as entered. */
  @Property({ type: 'smallint' })
  position!: number;

  @Enum({ items: () => ResourceKind, nativeEnumName: 'resource_kind' })
  kind!: ResourceKind;

  @Property({ type: 'bigint', columnType: 'bigint', nullable: true })
  amountRials?: string | null;

  @Property({ type: 'text', nullable: true })
  item?: string | null;

  @Property({ type: 'integer', nullable: true })
  quantity?: number | null;

  @Property({ type: 'text', nullable: true })
  unit?: string | null;

  @Property({ type: 'integer', nullable: true })
  hours?: number | null;
}

@Entity({ tableName: 'plan_milestone' })
export class PlanMilestone extends BaseEntity<'reachedOn'> {
  @ManyToOne(() => ActionPlan, { deleteRule: 'cascade' })
  plan!: ActionPlan;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'date' })
  dueOn!: string;

  @Property({ type: 'date', nullable: true })
  reachedOn?: string | null;
}

/** A dated note of what happened; a photo will hang here later. */
@Entity({ tableName: 'plan_update' })
@Index({ properties: ['plan', 'day'] })
export class PlanUpdate extends BaseEntity<'task'> {
  @ManyToOne(() => ActionPlan, { deleteRule: 'cascade' })
  plan!: ActionPlan;

  @ManyToOne(() => PlanTask, { nullable: true, deleteRule: 'set null' })
  task?: PlanTask | null;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;

  @Property({ type: 'date' })
  day!: string;

  @Property({ type: 'text' })
  text!: string;
}
