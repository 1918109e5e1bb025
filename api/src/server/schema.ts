import { buildSchema } from 'type-graphql';
import { createAppPubSub, type PubSub } from './pubsub.js';
import type { GraphQLSchema } from 'graphql';
import { FieldAuthChecker } from '../auth/field-rules.js';
import { gateRootFields, operationMiddleware } from '../auth/operation-middleware.js';
import type { OperationPolicies } from '../auth/operation-policy.js';
import { accountsOperations } from '../modules/accounts/accounts.policy.js';
import { AccountsResolver } from '../modules/accounts/accounts.resolver.js';
import { auditOperations } from '../modules/audit/audit.policy.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { geographyOperations } from '../modules/geography/geography.policy.js';
import { GeographyResolver } from '../modules/geography/geography.resolver.js';
import { assessmentsOperations } from '../modules/assessments/assessments.policy.js';
import { AssessmentsResolver } from '../modules/assessments/assessments.resolver.js';
import { plansOperations } from '../modules/plans/plans.policy.js';
import { PlanDetailsResolver, PlansResolver } from '../modules/plans/plans.resolver.js';
import { dashboardsOperations } from '../modules/dashboards/dashboards.policy.js';
import { DashboardsResolver } from '../modules/dashboards/dashboards.resolver.js';
import { pledgesOperations } from '../modules/pledges/pledges.policy.js';
import { PledgesResolver } from '../modules/pledges/pledges.resolver.js';
import { notificationsOperations } from '../modules/notifications/notifications.policy.js';
import { NotificationsResolver } from '../modules/notifications/notifications.resolver.js';
import { volunteersOperations } from '../modules/volunteers/volunteers.policy.js';
import { VolunteersResolver } from '../modules/volunteers/volunteers.resolver.js';
import { crisisOperations } from '../modules/crisis/crisis.policy.js';
import { CrisisResolver } from '../modules/crisis/crisis.resolver.js';
import { mappingOperations } from '../modules/mapping/mapping.policy.js';
import { MappingResolver } from '../modules/mapping/mapping.resolver.js';
import { workshopsOperations } from '../modules/workshops/workshops.policy.js';
import { WorkshopsResolver } from '../modules/workshops/workshops.resolver.js';
import { organisationsOperations } from '../modules/organisations/organisations.policy.js';
import { documentsOperations } from '../modules/documents/documents.policy.js';
import { DocumentsResolver } from '../modules/documents/documents.resolver.js';
import { agreementsOperations } from '../modules/agreements/agreements.policy.js';
import { AgreementsResolver } from '../modules/agreements/agreements.resolver.js';
import { reportsOperations } from '../modules/reports/reports.policy.js';
import { AgreementQuartersResolver, ReportsResolver } from '../modules/reports/reports.resolver.js';
import { supervisionOperations } from '../modules/supervision/supervision.policy.js';
import { AgreementSupervisionResolver, SupervisionResolver } from '../modules/supervision/supervision.resolver.js';
import { OrganisationsResolver } from '../modules/organisations/organisations.resolver.js';

/** Every module's operation gates, merged. An operation missing here is refused to everyone. */
export const operationPolicies: OperationPolicies = {
  ...accountsOperations,
  ...geographyOperations,
  ...organisationsOperations,
  ...auditOperations,
  ...mappingOperations,
  ...workshopsOperations,
  ...crisisOperations,
  ...assessmentsOperations,
  ...plansOperations,
  ...dashboardsOperations,
  ...pledgesOperations,
  ...notificationsOperations,
  ...volunteersOperations,
  ...documentsOperations,
  ...agreementsOperations,
  ...reportsOperations,
  ...supervisionOperations,
};

export const resolvers = [
  AccountsResolver,
  GeographyResolver,
  OrganisationsResolver,
  AuditResolver,
  MappingResolver,
  WorkshopsResolver,
  CrisisResolver,
  AssessmentsResolver,
  PlansResolver,
  PlanDetailsResolver,
  DashboardsResolver,
  PledgesResolver,
  NotificationsResolver,
  VolunteersResolver,
  DocumentsResolver,
  AgreementsResolver,
  AgreementQuartersResolver,
  ReportsResolver,
  AgreementSupervisionResolver,
  SupervisionResolver,
] as const;

export async function buildAppSchema(pubSub: PubSub = createAppPubSub()): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    pubSub,
    resolvers,
    authChecker: FieldAuthChecker,
    // A field the viewer may not see reads as null rather than failing the whole query.
    authMode: 'null',
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
  gateRootFields(schema, operationMiddleware(operationPolicies));
  return schema;
}
