import { RoleAssignment, Session, User } from '../modules/accounts/accounts.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { County, Neighbourhood, Province } from '../modules/geography/geography.entity.js';
import { Organisation } from '../modules/organisations/organisation.entity.js';
import { MapCategory, MapEvent, MapFeature } from '../modules/mapping/mapping.entity.js';
import { Workshop, WorkshopParticipant } from '../modules/workshops/workshop.entity.js';
import { CrisisReferral } from '../modules/crisis/crisis.entity.js';
import {
  AssessmentMember,
  DotAllocation,
  DotBallot,
  NamedParticipant,
  Need,
  NeedFeatureLink,
  NeedScore,
  NeedsAssessment,
} from '../modules/assessments/assessments.entity.js';
import { ActionPlan, PlanMilestone, PlanTask, PlanUpdate, TaskResource } from '../modules/plans/plans.entity.js';
import { DonorProfile, Pledge, PledgeInstalment, Receipt } from '../modules/pledges/pledges.entity.js';
import { Notification } from '../modules/notifications/notifications.entity.js';
import { HoursLog, SlotSignup, TaskSlot, VolunteerProfile } from '../modules/volunteers/volunteers.entity.js';
import { Licence } from '../modules/organisations/licence.entity.js';
import { StoredDocument } from '../modules/documents/documents.entity.js';
import { AgreementHistory, BaseAgreement } from '../modules/agreements/agreements.entity.js';
import { QuarterlyReport } from '../modules/reports/reports.entity.js';
import { Complaint, SupervisionVisit } from '../modules/supervision/supervision.entity.js';

/** Every entity the ORM knows; a new module adds its entities here. */
export const entities = [
  Province,
  County,
  Neighbourhood,
  Organisation,
  User,
  RoleAssignment,
  Session,
  AuditEntry,
  MapCategory,
  MapFeature,
  MapEvent,
  Workshop,
  WorkshopParticipant,
  CrisisReferral,
  NeedsAssessment,
  NamedParticipant,
  AssessmentMember,
  Need,
  NeedFeatureLink,
  NeedScore,
  DotBallot,
  DotAllocation,
  ActionPlan,
  PlanTask,
  TaskResource,
  PlanMilestone,
  PlanUpdate,
  DonorProfile,
  Pledge,
  PledgeInstalment,
  Receipt,
  Notification,
  VolunteerProfile,
  TaskSlot,
  SlotSignup,
  HoursLog,
  StoredDocument,
  Licence,
  BaseAgreement,
  AgreementHistory,
  QuarterlyReport,
  SupervisionVisit,
  Complaint,
];
