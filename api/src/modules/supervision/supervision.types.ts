import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { AgreementState } from '../agreements/agreements.machine.js';
import { OrganisationRefType } from '../agreements/agreements.types.js';
import { LicenceKind } from '../organisations/licence.entity.js';
import { ComplaintStatus } from './supervision.entity.js';
import { complainantRule } from './supervision.policy.js';

@ObjectType('SupervisionVisit')
export class SupervisionVisitType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  agreementId!: string;

  @Field(() => String)
  visitedOn!: string;

  @Field(() => String, { description: 'Display name of the supervisor' })
  supervisor!: string;

  @Field(() => String)
  findings!: string;

  @Field(() => String, { nullable: true })
  recommendations!: string | null;

  @Field(() => String, { nullable: true })
  followUpDueOn!: string | null;

  @Field(() => String, { nullable: true })
  followUpDoneOn!: string | null;
}

@ObjectType('Complaint')
export class ComplaintType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  agreementId!: string;

  @Field(() => String)
  receivedOn!: string;

  @Field(() => String)
  subject!: string;

  @Field(() => String)
  details!: string;

  @Field(() => ComplaintStatus)
  status!: ComplaintStatus;

  @Field(() => String, { nullable: true })
  resolution!: string | null;

  @Field(() => String, { nullable: true })
  closedOn!: string | null;

  @Field(() => Boolean, { description: 'Reported to the province’s Article 26 commission' })
  referredToArticle26!: boolean;

  @Authorized(complainantRule)
  @Field(() => String, {
    nullable: true,
    description: 'Supervisors and province admins only; never the organisation complained about',
  })
  complainantName!: string | null;

  @Authorized(complainantRule)
  @Field(() => String, { nullable: true, description: 'Supervisors and province admins only' })
  complainantContact!: string | null;

  /** For the complainant rule; not a GraphQL field. */
  countyId!: string;
}

@ObjectType('AgreementStateCount')
export class StateCountType {
  @Field(() => AgreementState)
  state!: AgreementState;

  @Field(() => Int)
  count!: number;
}

@ObjectType('LicenceAlert')
export class LicenceAlertType {
  @Field(() => OrganisationRefType)
  organisation!: OrganisationRefType;

  @Field(() => ID)
  licenceId!: string;

  @Field(() => LicenceKind)
  kind!: LicenceKind;

  @Field(() => String)
  number!: string;

  @Field(() => String)
  expiresOn!: string;

  @Field(() => Boolean)
  expired!: boolean;
}

@ObjectType('ReportAlert')
export class ReportAlertType {
  @Field(() => OrganisationRefType)
  organisation!: OrganisationRefType;

  @Field(() => ID)
  agreementId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  quarter!: number;

  @Field(() => String)
  dueOn!: string;
}

@ObjectType('VisitAlert')
export class VisitAlertType {
  @Field(() => OrganisationRefType)
  organisation!: OrganisationRefType;

  @Field(() => ID)
  agreementId!: string;

  @Field(() => String, { nullable: true })
  lastVisitOn!: string | null;

  @Field(() => String, { description: 'When a visit was due: six months after the last one or the year’s start' })
  dueOn!: string;
}

@ObjectType('ComplaintAlert')
export class ComplaintAlertType {
  @Field(() => OrganisationRefType)
  organisation!: OrganisationRefType;

  @Field(() => ID)
  agreementId!: string;

  @Field(() => ID)
  complaintId!: string;

  @Field(() => String)
  subject!: string;

  @Field(() => String)
  receivedOn!: string;

  @Field(() => ComplaintStatus)
  status!: ComplaintStatus;
}

@ObjectType('OrganisationActivity', { description: 'One organisation’s agreement and platform activity in the year' })
export class OrganisationActivityType {
  @Field(() => OrganisationRefType)
  organisation!: OrganisationRefType;

  @Field(() => ID, { nullable: true })
  agreementId!: string | null;

  @Field(() => AgreementState, { nullable: true })
  agreementState!: AgreementState | null;

  @Field(() => Int)
  reportsAccepted!: number;

  @Field(() => Int)
  reportsOverdue!: number;

  @Field(() => String, { nullable: true })
  lastVisitOn!: string | null;

  @Field(() => Int)
  openComplaints!: number;

  @Field(() => Int)
  assessmentsHeld!: number;

  @Field(() => Int)
  featuresAdded!: number;

  @Field(() => Int)
  tasksDone!: number;

  @Field(() => Int)
  volunteerHours!: number;

  @Field(() => String)
  receivedRials!: string;
}

@ObjectType('SupervisorDashboard', { description: 'Agreements the viewer supervises, for one Jalali year' })
export class SupervisorDashboardType {
  @Field(() => Int)
  year!: number;

  @Field(() => String)
  today!: string;

  @Field(() => [StateCountType])
  byState!: StateCountType[];

  @Field(() => [LicenceAlertType])
  expiringLicences!: LicenceAlertType[];

  @Field(() => [ReportAlertType])
  overdueReports!: ReportAlertType[];

  @Field(() => [VisitAlertType])
  overdueVisits!: VisitAlertType[];

  @Field(() => [ComplaintAlertType])
  openComplaints!: ComplaintAlertType[];

  @Field(() => [OrganisationActivityType])
  organisations!: OrganisationActivityType[];
}
