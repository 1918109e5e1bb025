import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/app-process.js';
import { neighbourhood, organisationId } from '../support/factories.js';
import { DEMO_PASSWORD, demo, errorCode, gql, login, uniqueEmail } from '../support/gql.js';
import { subscribe } from '../support/ws.js';

type Audience = 'public' | keyof typeof demo;
const audiences: Audience[] = [
  'public',
  'resident',
  'volunteer',
  'donor',
  'base_staff',
  'county_supervisor',
  'province_admin',
];
const signedIn: Audience[] = audiences.filter((a) => a !== 'public');
const moderators: Audience[] = ['base_staff', 'county_supervisor', 'province_admin'];
/** Assessments and plans are run by base staff and province admins; supervisors only read them. */
const runners: Audience[] = ['base_staff', 'province_admin'];
/** The welfare office: county supervisors and the province. */
const office: Audience[] = ['county_supervisor', 'province_admin'];

/**
 * The declared policy: who may call each operation. Scoped roles act inside their own scope here
 * (the demo base staff work for the Ommat-Abad base, the demo supervisor for Amol county); the
 * cross-scope cases are below. Every operation in schema.graphql must appear here.
 */
const policy: Record<string, Audience[]> = {
  me: audiences,
  neighbourhoods: audiences,
  neighbourhood: audiences,
  counties: audiences,
  organisations: audiences,
  organisation: audiences,
  users: ['province_admin'],
  auditLog: ['province_admin'],
  signUp: audiences,
  login: audiences,
  logout: signedIn,
  changePassword: signedIn,
  updateProfile: signedIn,
  grantRole: ['province_admin'],
  revokeRole: ['province_admin'],
  createNeighbourhood: ['province_admin'],
  updateNeighbourhood: ['base_staff', 'county_supervisor', 'province_admin'],
  updateOrganisation: ['base_staff', 'county_supervisor', 'province_admin'],
  neighbourhoodUpdated: audiences,
  mapCategories: audiences,
  mapAccess: audiences,
  mapView: audiences,
  mapLegend: audiences,
  mapFeature: audiences,
  mapExport: audiences,
  mapEvents: audiences,
  mapPresence: signedIn,
  createMapFeature: signedIn,
  updateMapFeature: signedIn,
  deleteMapFeature: signedIn,
  setMapFeatureStatus: moderators,
  importMapFeatures: moderators,
  createMapCategory: ['province_admin'],
  setMapPresence: signedIn,
  workshop: signedIn,
  workshops: moderators,
  openWorkshop: moderators,
  setWorkshopStatus: moderators,
  joinWorkshop: signedIn,
  reportCrisis: signedIn,
  crisisReferrals: ['base_staff', 'county_supervisor'],
  updateCrisisReferral: ['base_staff', 'county_supervisor'],
  needsAssessments: audiences,
  needsAssessment: audiences,
  assessmentExport: audiences,
  assessmentChanged: audiences,
  createNeedsAssessment: runners,
  updateNeedsAssessment: runners,
  addNamedParticipant: runners,
  removeNamedParticipant: runners,
  joinNeedsAssessment: signedIn,
  proposeNeed: signedIn,
  updateNeed: runners,
  reviewNeed: runners,
  scoreNeed: runners,
  openVoting: runners,
  castDots: signedIn,
  closeVoting: runners,
  actionPlans: audiences,
  actionPlan: audiences,
  planExport: audiences,
  createActionPlan: runners,
  updateActionPlan: runners,
  addPlanTask: runners,
  updatePlanTask: runners,
  addPlanMilestone: runners,
  setMilestoneReached: runners,
  addPlanUpdate: runners,
  pilotDashboard: moderators,
  neighbourhoodDashboard: audiences,
  supportProjects: audiences,
  planSupport: audiences,
  myPledges: signedIn,
  myDonorProfile: signedIn,
  planPledges: signedIn,
  organisationLedger: moderators,
  createPledge: signedIn,
  cancelPledge: signedIn,
  confirmPledge: runners,
  recordReceipt: runners,
  saveDonorProfile: signedIn,
  myNotifications: signedIn,
  unreadNotificationCount: signedIn,
  markNotificationsRead: signedIn,
  taskSlots: audiences,
  myVolunteerHistory: signedIn,
  myVolunteerProfile: signedIn,
  saveVolunteerProfile: signedIn,
  addTaskSlot: runners,
  signUpForSlot: signedIn,
  cancelSignup: signedIn,
  reviewSignup: runners,
  logHours: signedIn,
  reviewHours: runners,
  createOrganisation: office,
  addOrganisationStaff: office,
  removeOrganisationStaff: office,
  saveLicence: moderators,
  removeLicence: moderators,
  uploadLimits: audiences,
  deleteDocument: moderators,
  agreements: moderators,
  agreement: moderators,
  createAgreement: runners,
  updateAgreementDraft: runners,
  attachAgreementDocument: runners,
  detachAgreementDocument: runners,
  transitionAgreement: moderators,
  quarterlyReport: moderators,
  startQuarterlyReport: ['base_staff'],
  saveQuarterlyReport: ['base_staff'],
  submitQuarterlyReport: ['base_staff'],
  reviewQuarterlyReport: office,
  recordVisit: office,
  recordComplaint: office,
  updateComplaint: office,
  supervisorDashboard: office,
  supervisorDashboardExport: office,
};

interface Call {
  query: string;
  variables?: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Logout ends the session it uses, so it gets a session of its own. */
  freshSession?: boolean;
  subscription?: boolean;
}

let ommatAbad: { id: string; version: number };
let ommatBase: string;

const calls: Record<string, Call> = {
  me: { query: '{ me { id } }' },
  neighbourhoods: { query: '{ neighbourhoods { totalCount } }' },
  neighbourhood: { query: '{ neighbourhood(slug: "ommat-abad") { id } }' },
  counties: { query: '{ counties { id } }' },
  organisations: { query: '{ organisations { totalCount } }' },
  organisation: { query: '{ organisation(slug: "base-ommat-abad") { id } }' },
  users: { query: '{ users { totalCount } }' },
  auditLog: { query: '{ auditLog(first: 1) { totalCount } }' },
  signUp: {
    query: 'mutation($i: SignUpInput!) { signUp(input: $i) { viewer { id } } }',
    variables: () => ({ i: { email: uniqueEmail('matrix'), password: 'matrix-password-1', displayName: 'M' } }),
  },
  login: {
    query: 'mutation($i: LoginInput!) { login(input: $i) { viewer { id } } }',
    variables: () => ({ i: { email: demo.donor, password: DEMO_PASSWORD } }),
  },
  logout: { query: 'mutation { logout }', freshSession: true },
  changePassword: {
    query: 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) }',
    variables: () => ({ i: { currentPassword: 'not-the-password', newPassword: 'whatever-123456' } }),
  },
  updateProfile: { query: 'mutation { updateProfile(input: {}) { id } }' },
  grantRole: {
    query: 'mutation($i: GrantRoleInput!) { grantRole(input: $i) { id } }',
    variables: () => ({ i: { userId: randomUUID(), role: 'RESIDENT' } }),
  },
  revokeRole: { query: 'mutation($id: ID!) { revokeRole(id: $id) }', variables: () => ({ id: randomUUID() }) },
  createNeighbourhood: {
    query: 'mutation($i: CreateNeighbourhoodInput!) { createNeighbourhood(input: $i) { id } }',
    variables: () => ({ i: { slug: 'x', nameFa: 'x', nameEn: 'x', countyId: randomUUID(), boundary: {} } }),
  },
  updateNeighbourhood: {
    query: 'mutation($id: ID!, $i: UpdateNeighbourhoodInput!) { updateNeighbourhood(id: $id, input: $i) { id } }',
    // A stale version: allowed callers get CONFLICT and nothing changes.
    variables: () => ({ id: ommatAbad.id, i: { version: ommatAbad.version + 1000 } }),
  },
  updateOrganisation: {
    query: 'mutation($id: ID!) { updateOrganisation(id: $id, input: {}) { id } }',
    variables: () => ({ id: ommatBase }),
  },
  neighbourhoodUpdated: {
    query: 'subscription($id: ID!) { neighbourhoodUpdated(id: $id) { id } }',
    variables: () => ({ id: ommatAbad.id }),
    subscription: true,
  },
  // Map and workshop calls name an absent record: allowed callers get NOT_FOUND or an empty answer.
  mapCategories: { query: '{ mapCategories { id } }' },
  mapAccess: { query: '{ mapAccess(neighbourhoodId: "ommat") { canEdit } }', variables: () => ({}) },
  mapView: {
    query: 'query($n: ID!) { mapView(neighbourhoodId: $n) { total } }',
    variables: () => ({ n: ommatAbad.id }),
  },
  mapLegend: {
    query: 'query($n: ID!) { mapLegend(neighbourhoodId: $n) { count } }',
    variables: () => ({ n: ommatAbad.id }),
  },
  mapFeature: { query: 'query($id: ID!) { mapFeature(id: $id) { id } }', variables: () => ({ id: randomUUID() }) },
  mapExport: {
    query: 'query($n: ID!) { mapExport(neighbourhoodId: $n, format: CSV) { filename } }',
    variables: () => ({ n: ommatAbad.id }),
  },
  mapEvents: {
    query: 'subscription($n: ID!) { mapEvents(neighbourhoodId: $n) { seq } }',
    variables: () => ({ n: ommatAbad.id }),
    subscription: true,
  },
  mapPresence: {
    query: 'subscription($n: ID!) { mapPresence(neighbourhoodId: $n, clientId: "matrix") { userId } }',
    variables: () => ({ n: randomUUID() }),
    subscription: true,
  },
  createMapFeature: {
    query: 'mutation($i: CreateMapFeatureInput!) { createMapFeature(input: $i) { id } }',
    variables: () => ({
      i: {
        neighbourhoodId: randomUUID(),
        categoryId: randomUUID(),
        geometry: { type: 'Point', coordinates: [52, 36] },
        title: 'x',
        source: 'REPORT',
      },
    }),
  },
  updateMapFeature: {
    query: 'mutation($id: ID!) { updateMapFeature(id: $id, input: { version: 1 }) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  deleteMapFeature: {
    query: 'mutation($id: ID!) { deleteMapFeature(id: $id, version: 1) }',
    variables: () => ({ id: randomUUID() }),
  },
  setMapFeatureStatus: {
    query: 'mutation($id: ID!) { setMapFeatureStatus(id: $id, version: 1, status: CONFIRMED) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  importMapFeatures: {
    query: 'mutation($n: ID!) { importMapFeatures(neighbourhoodId: $n, geojson: {}) { created } }',
    variables: () => ({ n: randomUUID() }),
  },
  createMapCategory: {
    query: 'mutation($i: CreateMapCategoryInput!) { createMapCategory(input: $i) { id } }',
    variables: () => ({ i: { slug: 'X', kind: 'ASSET', nameFa: 'x', nameEn: 'x', icon: 'x', colour: 'red' } }),
  },
  setMapPresence: {
    query: 'mutation($n: ID!) { setMapPresence(neighbourhoodId: $n, clientId: "matrix") }',
    variables: () => ({ n: ommatAbad.id }),
  },
  workshop: { query: 'query($id: ID!) { workshop(id: $id) { id } }', variables: () => ({ id: randomUUID() }) },
  workshops: {
    query: 'query($n: ID!) { workshops(neighbourhoodId: $n) { id } }',
    variables: () => ({ n: ommatAbad.id }),
  },
  openWorkshop: {
    query: 'mutation($n: ID!) { openWorkshop(neighbourhoodId: $n, title: "x") { id } }',
    variables: () => ({ n: randomUUID() }),
  },
  setWorkshopStatus: {
    query: 'mutation($id: ID!) { setWorkshopStatus(id: $id, status: PAUSED) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  joinWorkshop: { query: 'mutation { joinWorkshop(code: "not-a-code") { id } }' },
  reportCrisis: {
    query: 'mutation($i: ReportCrisisInput!) { reportCrisis(input: $i) { reference } }',
    variables: () => ({
      i: { neighbourhoodId: randomUUID(), kind: 'OTHER', urgency: 'ROUTINE', details: 'matrix probe' },
    }),
  },
  crisisReferrals: { query: '{ crisisReferrals(first: 1) { totalCount } }' },
  updateCrisisReferral: {
    query: 'mutation($id: ID!) { updateCrisisReferral(id: $id, status: CLOSED) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  // Assessment and plan calls name absent records: allowed callers get NOT_FOUND or an empty answer.
  needsAssessments: {
    query: 'query($n: ID!) { needsAssessments(neighbourhoodId: $n) { id } }',
    variables: () => ({ n: ommatAbad.id }),
  },
  needsAssessment: {
    query: 'query($id: ID!) { needsAssessment(id: $id) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  assessmentExport: { query: 'query($id: ID!) { assessmentExport(id: $id) }', variables: () => ({ id: randomUUID() }) },
  assessmentChanged: {
    query: 'subscription($id: ID!) { assessmentChanged(id: $id) { id } }',
    variables: () => ({ id: randomUUID() }),
    subscription: true,
  },
  createNeedsAssessment: {
    query: 'mutation($i: CreateAssessmentInput!) { createNeedsAssessment(input: $i) { id } }',
    variables: () => ({
      i: {
        neighbourhoodId: randomUUID(),
        organisationId: randomUUID(),
        title: 'x',
        heldFrom: '1405/09/01',
        method: 'DOTS',
      },
    }),
  },
  updateNeedsAssessment: {
    query: 'mutation($id: ID!) { updateNeedsAssessment(id: $id, input: {}) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  addNamedParticipant: {
    query:
      'mutation($id: ID!) { addNamedParticipant(assessmentId: $id, input: { name: "x", group: YOUTH, consent: true }) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  removeNamedParticipant: {
    query: 'mutation($id: ID!) { removeNamedParticipant(id: $id) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  joinNeedsAssessment: { query: 'mutation { joinNeedsAssessment(code: "not-a-code") { id } }' },
  proposeNeed: {
    query:
      'mutation($id: ID!) { proposeNeed(assessmentId: $id, input: { category: OTHER, title: "x", description: "" }) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  updateNeed: {
    query: 'mutation($id: ID!) { updateNeed(id: $id, input: { category: OTHER, title: "x", description: "" }) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  reviewNeed: {
    query: 'mutation($id: ID!) { reviewNeed(id: $id, accept: true) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  scoreNeed: {
    query: 'mutation($id: ID!) { scoreNeed(needId: $id, scores: [{ criterionKey: "severity", score: 1 }]) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  openVoting: { query: 'mutation($id: ID!) { openVoting(id: $id) { id } }', variables: () => ({ id: randomUUID() }) },
  castDots: {
    query: 'mutation($id: ID!, $n: ID!) { castDots(assessmentId: $id, dots: [{ needId: $n, dots: 1 }]) { id } }',
    variables: () => ({ id: randomUUID(), n: randomUUID() }),
  },
  closeVoting: { query: 'mutation($id: ID!) { closeVoting(id: $id) { id } }', variables: () => ({ id: randomUUID() }) },
  actionPlans: {
    query: 'query($n: ID!) { actionPlans(neighbourhoodId: $n) { id } }',
    variables: () => ({ n: ommatAbad.id }),
  },
  actionPlan: { query: 'query($id: ID!) { actionPlan(id: $id) { id } }', variables: () => ({ id: randomUUID() }) },
  planExport: { query: 'query($id: ID!) { planExport(id: $id) }', variables: () => ({ id: randomUUID() }) },
  createActionPlan: {
    query: 'mutation($i: CreatePlanInput!) { createActionPlan(input: $i) { id } }',
    variables: () => ({ i: { needIds: [randomUUID()], title: 'x', goal: 'x', leadOrganisationId: randomUUID() } }),
  },
  updateActionPlan: {
    query: 'mutation($id: ID!) { updateActionPlan(id: $id, input: {}) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  addPlanTask: {
    query: 'mutation($id: ID!) { addPlanTask(planId: $id, input: { title: "x" }) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  updatePlanTask: {
    query: 'mutation($id: ID!) { updatePlanTask(id: $id, input: {}) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  addPlanMilestone: {
    query: 'mutation($id: ID!) { addPlanMilestone(planId: $id, input: { title: "x", dueOn: "1405/09/01" }) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  setMilestoneReached: {
    query: 'mutation($id: ID!) { setMilestoneReached(id: $id, reachedOn: null) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  addPlanUpdate: {
    query: 'mutation($id: ID!) { addPlanUpdate(planId: $id, input: { on: "1405/09/01", text: "x" }) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  pilotDashboard: { query: '{ pilotDashboard { progress } }' },
  neighbourhoodDashboard: {
    query: 'query($n: ID!) { neighbourhoodDashboard(neighbourhoodId: $n) { summary { needs } } }',
    variables: () => ({ n: ommatAbad.id }),
  },
  supportProjects: { query: '{ supportProjects { planId } }' },
  planSupport: {
    query: 'query($p: ID!) { planSupport(planId: $p) { planId } }',
    variables: () => ({ p: randomUUID() }),
  },
  myPledges: { query: '{ myPledges { id } }' },
  myDonorProfile: { query: '{ myDonorProfile { kind } }' },
  planPledges: { query: 'query($p: ID!) { planPledges(planId: $p) { id } }', variables: () => ({ p: randomUUID() }) },
  organisationLedger: {
    query: 'query($o: ID!) { organisationLedger(organisationId: $o) { organisationId } }',
    variables: () => ({ o: randomUUID() }),
  },
  createPledge: {
    query: 'mutation($i: PledgeInput!) { createPledge(input: $i) { replayed } }',
    variables: () => ({
      i: { idempotencyKey: `matrix-${randomUUID()}`, planId: randomUUID(), kind: 'CASH', amountRials: '1000' },
    }),
  },
  cancelPledge: {
    query: 'mutation($id: ID!) { cancelPledge(id: $id) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  confirmPledge: {
    query: 'mutation($id: ID!) { confirmPledge(id: $id) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  recordReceipt: {
    query: 'mutation($i: ReceiptInput!) { recordReceipt(input: $i) { replayed } }',
    variables: () => ({
      i: {
        idempotencyKey: `matrix-${randomUUID()}`,
        pledgeId: randomUUID(),
        amountRials: '1',
        receivedOn: '1405/09/01',
      },
    }),
  },
  // Invalid on purpose: allowed callers get BAD_USER_INPUT and no profile is stored.
  saveDonorProfile: {
    query: 'mutation { saveDonorProfile(input: { kind: ORGANISATION }) }',
  },
  myNotifications: { query: '{ myNotifications(first: 1) { totalCount } }' },
  unreadNotificationCount: { query: '{ unreadNotificationCount }' },
  markNotificationsRead: {
    query: 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
    variables: () => ({ ids: [randomUUID()] }),
  },
  taskSlots: { query: 'query($p: ID!) { taskSlots(planId: $p) { id } }', variables: () => ({ p: randomUUID() }) },
  myVolunteerHistory: { query: '{ myVolunteerHistory { confirmedHours } }' },
  myVolunteerProfile: { query: '{ myVolunteerProfile { skills } }' },
  // An unknown neighbourhood: allowed callers get BAD_USER_INPUT and no profile is stored.
  saveVolunteerProfile: {
    query: 'mutation($i: VolunteerProfileInput!) { saveVolunteerProfile(input: $i) { skills } }',
    variables: () => ({ i: { skills: [], neighbourhoodIds: [randomUUID()], languages: [] } }),
  },
  addTaskSlot: {
    query: 'mutation($t: ID!, $i: TaskSlotInput!) { addTaskSlot(taskId: $t, input: $i) { id } }',
    variables: () => ({
      t: randomUUID(),
      i: { title: 'x', peopleNeeded: 1, startsOn: '1405/09/01', endsOn: '1405/09/02', hoursEach: 1 },
    }),
  },
  signUpForSlot: {
    query: 'mutation($s: ID!) { signUpForSlot(slotId: $s) { id } }',
    variables: () => ({ s: randomUUID() }),
  },
  cancelSignup: { query: 'mutation($s: ID!) { cancelSignup(id: $s) { id } }', variables: () => ({ s: randomUUID() }) },
  reviewSignup: {
    query: 'mutation($s: ID!) { reviewSignup(id: $s, accept: true) { id } }',
    variables: () => ({ s: randomUUID() }),
  },
  logHours: {
    query: 'mutation($s: ID!) { logHours(signupId: $s, day: "1405/09/01", hours: 1) { confirmedHours } }',
    variables: () => ({ s: randomUUID() }),
  },
  reviewHours: {
    query: 'mutation($h: ID!) { reviewHours(id: $h, accept: true) { id } }',
    variables: () => ({ h: randomUUID() }),
  },
  // Registry, agreement, report and supervision calls name absent records (or an absent county):
  // allowed callers get NOT_FOUND or BAD_USER_INPUT and nothing is stored.
  createOrganisation: {
    query: 'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
    variables: () => ({
      i: { slug: 'matrix-org', nameFa: 'x', nameEn: 'x', type: 'NGO', countyId: randomUUID(), neighbourhoodIds: [] },
    }),
  },
  addOrganisationStaff: {
    query: 'mutation($o: ID!) { addOrganisationStaff(organisationId: $o, email: "nobody@x.ir") { userId } }',
    variables: () => ({ o: randomUUID() }),
  },
  removeOrganisationStaff: {
    query: 'mutation($o: ID!, $u: ID!) { removeOrganisationStaff(organisationId: $o, userId: $u) { userId } }',
    variables: () => ({ o: randomUUID(), u: randomUUID() }),
  },
  saveLicence: {
    query: 'mutation($o: ID!, $i: LicenceInput!) { saveLicence(organisationId: $o, input: $i) { id } }',
    variables: () => ({ o: randomUUID(), i: { kind: 'ACTIVITY', number: 'x', issuer: 'x', issuedOn: '1404/01/01' } }),
  },
  removeLicence: { query: 'mutation($id: ID!) { removeLicence(id: $id) }', variables: () => ({ id: randomUUID() }) },
  uploadLimits: { query: '{ uploadLimits { maxBytes } }' },
  deleteDocument: { query: 'mutation($id: ID!) { deleteDocument(id: $id) }', variables: () => ({ id: randomUUID() }) },
  agreements: { query: '{ agreements { id } }' },
  agreement: { query: 'query($id: ID!) { agreement(id: $id) { id } }', variables: () => ({ id: randomUUID() }) },
  createAgreement: {
    query: 'mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }',
    variables: () => ({ i: { organisationId: randomUUID(), year: 1405, neighbourhoodIds: [] } }),
  },
  updateAgreementDraft: {
    query: 'mutation($id: ID!) { updateAgreementDraft(id: $id, input: {}) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  attachAgreementDocument: {
    query: 'mutation($a: ID!, $d: ID!) { attachAgreementDocument(agreementId: $a, documentId: $d) { id } }',
    variables: () => ({ a: randomUUID(), d: randomUUID() }),
  },
  detachAgreementDocument: {
    query: 'mutation($a: ID!, $d: ID!) { detachAgreementDocument(agreementId: $a, documentId: $d) { id } }',
    variables: () => ({ a: randomUUID(), d: randomUUID() }),
  },
  transitionAgreement: {
    query: 'mutation($id: ID!) { transitionAgreement(id: $id, action: SUBMIT) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  quarterlyReport: {
    query: 'query($id: ID!) { quarterlyReport(id: $id) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  startQuarterlyReport: {
    query: 'mutation($a: ID!) { startQuarterlyReport(agreementId: $a, quarter: 1) { id } }',
    variables: () => ({ a: randomUUID() }),
  },
  saveQuarterlyReport: {
    query: 'mutation($id: ID!) { saveQuarterlyReport(id: $id, input: {}) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  submitQuarterlyReport: {
    query: 'mutation($id: ID!) { submitQuarterlyReport(id: $id) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  reviewQuarterlyReport: {
    query: 'mutation($id: ID!) { reviewQuarterlyReport(id: $id, accept: true) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  recordVisit: {
    query:
      'mutation($a: ID!) { recordVisit(agreementId: $a, input: { visitedOn: "1405/01/01", findings: "x" }) { id } }',
    variables: () => ({ a: randomUUID() }),
  },
  recordComplaint: {
    query:
      'mutation($a: ID!) { recordComplaint(agreementId: $a, input: { receivedOn: "1405/01/01", subject: "x", details: "x" }) { id } }',
    variables: () => ({ a: randomUUID() }),
  },
  updateComplaint: {
    query: 'mutation($id: ID!) { updateComplaint(id: $id, input: {}) { id } }',
    variables: () => ({ id: randomUUID() }),
  },
  supervisorDashboard: { query: '{ supervisorDashboard { year } }' },
  supervisorDashboardExport: { query: '{ supervisorDashboardExport }' },
};

async function tokenFor(a: Audience, fresh: boolean): Promise<string | null> {
  if (a === 'public') return null;
  if (!fresh) return login(demo[a]);
  const r = await gql<{ login: { token: string } }>('mutation($i: LoginInput!) { login(input: $i) { token } }', {
    i: { email: demo[a], password: DEMO_PASSWORD },
  });
  return r.body.data!.login.token;
}

/** 'allow' when the role gate let the call through (it may still fail on its input or scope). */
async function outcome(op: string, a: Audience): Promise<string> {
  const call = calls[op]!;
  const token = await tokenFor(a, !!call.freshSession);
  const variables = (await call.variables?.()) ?? {};
  let code: string | undefined;
  if (call.subscription) {
    const sub = subscribe(call.query, variables, token);
    await new Promise((r) => setTimeout(r, 400));
    const err = sub.errors[0] as { extensions?: { code?: string } }[] | { extensions?: { code?: string } } | undefined;
    code = Array.isArray(err) ? err[0]?.extensions?.code : err?.extensions?.code;
    await sub.close();
  } else {
    code = errorCode(await gql(call.query, variables, { token }));
  }
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') return code;
  return 'allow';
}

describe('authorization matrix', () => {
  beforeAll(async () => {
    ommatAbad = await neighbourhood('ommat-abad');
    ommatBase = await organisationId('base-ommat-abad');
  });

  it('declares a policy for exactly the operations in schema.graphql', () => {
    const schema = buildSchema(readFileSync(join(repoRoot, 'schema.graphql'), 'utf8'));
    const ops = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((t) =>
      t ? Object.keys(t.getFields()) : [],
    );
    expect(Object.keys(policy).sort()).toEqual([...ops].sort());
    expect(Object.keys(calls).sort()).toEqual([...ops].sort());
  });

  for (const op of Object.keys(policy)) {
    it(`${op}: outcome for each of the 7 roles matches the policy`, async () => {
      const got: Record<string, string> = {};
      for (const a of audiences) got[a] = await outcome(op, a);
      const expected = Object.fromEntries(
        audiences.map((a) => [a, policy[op]!.includes(a) ? 'allow' : a === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN']),
      );
      expect(got).toEqual(expected);
    });
  }
});
