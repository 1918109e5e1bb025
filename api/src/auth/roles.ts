import { registerEnumType } from 'type-graphql';

/** Roles a user can hold. "public" is not stored: it is what everyone, signed in or not, is. */
export enum Role {
  RESIDENT = 'resident',
  VOLUNTEER = 'volunteer',
  DONOR = 'donor',
  BASE_STAFF = 'base_staff',
  COUNTY_SUPERVISOR = 'county_supervisor',
  PROVINCE_ADMIN = 'province_admin',
}

registerEnumType(Role, { name: 'Role', description: 'A role a user holds, possibly within a scope' });

/** Roles a person may take by signing up; the others are granted by a province admin. */
export const selfServiceRoles = [Role.RESIDENT, Role.VOLUNTEER, Role.DONOR] as const;

export type Audience = 'public' | Role;
export const allAudiences: Audience[] = ['public', ...Object.values(Role)];
