import { RoleAssignment, Session, User } from '../modules/accounts/accounts.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { County, Neighbourhood, Province } from '../modules/geography/geography.entity.js';
import { Organisation } from '../modules/organisations/organisation.entity.js';

/** Every entity the ORM knows; a new module adds its entities here. */
export const entities = [Province, County, Neighbourhood, Organisation, User, RoleAssignment, Session, AuditEntry];
