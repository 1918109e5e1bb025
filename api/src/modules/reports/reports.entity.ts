import { Check, Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { User } from '../accounts/accounts.entity.js';
import { BaseAgreement } from '../agreements/agreements.entity.js';

export enum ReportState {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  ACCEPTED = 'ACCEPTED',
}
registerEnumType(ReportState, { name: 'ReportState' });

/** What the platform itself recorded in the quarter and the agreement's neighbourhoods. */
export interface PlatformCounts {
  assessmentsHeld: number;
  featuresAdded: number;
  featuresConfirmed: number;
  plansStarted: number;
  tasksDone: number;
  volunteers: number;
  volunteerHours: number;
  receipts: number;
  receivedRials: string;
}

/** The counts seed 003 asks of a quarterly report, entered by the organisation's staff. */
export const staffCountKeys = [
  'interviews',
  'homeVisits',
  'individualEmployment',
  'groupEmployment',
  'jobPlacements',
  'helperGroupsFormed',
  'groupSessions',
  'trainingsHeld',
  'clientsExited',
] as const;
export type StaffCountKey = (typeof staffCountKeys)[number];

/** One report per Jalali quarter per agreement. */
@Entity({ tableName: 'quarterly_report' })
@Unique({ properties: ['agreement', 'quarter'] })
@Check({ name: 'quarterly_report_quarter', expression: 'quarter >= 1 and quarter <= 4' })
@Check({
  name: 'quarterly_report_counts_non_negative',
  expression:
    'interviews >= 0 and home_visits >= 0 and individual_employment >= 0 and group_employment >= 0 and job_placements >= 0 and helper_groups_formed >= 0 and group_sessions >= 0 and trainings_held >= 0 and clients_exited >= 0',
})
export class QuarterlyReport extends BaseEntity<
  | 'state'
  | StaffCountKey
  | 'narrative'
  | 'reviewComment'
  | 'submittedAt'
  | 'submittedBy'
  | 'reviewedAt'
  | 'reviewedBy'
  | 'prefilledAt'
> {
  @ManyToOne(() => BaseAgreement, { deleteRule: 'cascade' })
  agreement!: BaseAgreement;

  @Property({ type: 'smallint' })
  quarter!: number;

  @Enum({ items: () => ReportState, nativeEnumName: 'report_state' })
  state: ReportState = ReportState.DRAFT;

  /** Snapshot of the platform's figures, taken when the report is started and refreshed on request. */
  @Property({ type: 'json' })
  platform!: PlatformCounts;

  @Property({ type: 'timestamptz' })
  prefilledAt: Date = new Date();

  @Property({ type: 'integer' }) interviews = 0;
  @Property({ type: 'integer' }) homeVisits = 0;
  @Property({ type: 'integer' }) individualEmployment = 0;
  @Property({ type: 'integer' }) groupEmployment = 0;
  @Property({ type: 'integer' }) jobPlacements = 0;
  @Property({ type: 'integer' }) helperGroupsFormed = 0;
  @Property({ type: 'integer' }) groupSessions = 0;
  @Property({ type: 'integer' }) trainingsHeld = 0;
  @Property({ type: 'integer' }) clientsExited = 0;

  @Property({ type: 'text', nullable: true })
  narrative?: string | null;

  @Property({ type: 'text', nullable: true })
  reviewComment?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  submittedBy?: User | null;

  @Property({ type: 'timestamptz', nullable: true })
  reviewedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  reviewedBy?: User | null;
}
