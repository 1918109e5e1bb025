import { createHash, randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, selfServiceRoles } from '../../auth/roles.js';
import type { Grant, Viewer } from '../../auth/viewer.js';
import { AppError, badInput, notFound } from '../../server/errors.js';
import { decodeCursor, toConnection, type Connection } from '../../server/pagination.js';
import type { AuditChange } from '../audit/audit.service.js';
import { County } from '../geography/geography.entity.js';
import { isUuid, toCountyType } from '../geography/geography.service.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Locale, RoleAssignment, Session, User } from './accounts.entity.js';
import type { ChangePasswordInput, GrantRoleInput, SignUpInput, UpdateProfileInput } from './accounts.inputs.js';
import type { AccountType, RoleAssignmentType, ViewerType } from './accounts.types.js';
import type { LoginThrottle } from './login-throttle.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function toRoleAssignmentType(r: RoleAssignment): RoleAssignmentType {
  return {
    id: r.id,
    role: r.role,
    organisationId: r.organisation?.id ?? null,
    organisationNameFa: r.organisation?.nameFa ?? null,
    organisationNameEn: r.organisation?.nameEn ?? null,
    county: r.county ? toCountyType(r.county) : null,
  };
}

const rolePopulate = ['organisation.neighbourhoods', 'county.province'] as const;

export interface IssuedSession {
  id: string;
  token: string;
  expiresAt: Date;
}

export class AccountsService {
  constructor(private readonly em: EntityManager) {}

  /** The viewer behind a session token, or null when it is unknown or expired. */
  async resolveViewer(token: string): Promise<Viewer | null> {
    const session = await this.em.findOne(
      Session,
      { tokenHash: hashToken(token), expiresAt: { $gt: new Date() } },
      { populate: ['user'] },
    );
    if (!session) return null;
    const assignments = await this.em.find(RoleAssignment, { user: session.user }, { populate: rolePopulate });
    return {
      userId: session.user.id,
      email: session.user.email,
      sessionId: session.id,
      grants: assignments.map((a): Grant => ({
        role: a.role,
        organisationId: a.organisation?.id ?? null,
        countyId: a.county?.id ?? null,
        neighbourhoodIds: a.organisation ? a.organisation.neighbourhoods.getItems().map((n) => n.id) : [],
      })),
    };
  }

  async me(viewer: Viewer | null): Promise<ViewerType | null> {
    if (!viewer) return null;
    const user = await this.em.findOne(User, { id: viewer.userId });
    if (!user) return null;
    const [roles] = await this.rolesOf([user.id]);
    return { ...this.toAccount(user, roles ?? []), locale: user.locale };
  }

  async signUp(
    input: SignUpInput,
    sessionDays: number,
  ): Promise<{ user: ViewerType; session: IssuedSession; change: AuditChange }> {
    const email = normaliseEmail(input.email);
    if (input.password.length < MIN_PASSWORD_LENGTH)
      throw new AppError('WEAK_PASSWORD', { fields: [{ field: 'password', reason: 'TOO_SHORT' }] });
    const roles = input.roles?.length ? [...new Set(input.roles)] : [Role.RESIDENT];
    const notSelfService = roles.filter((r) => !(selfServiceRoles as readonly Role[]).includes(r));
    if (notSelfService.length) throw badInput([{ field: 'roles', reason: 'NOT_SELF_SERVICE' }]);
    if (await this.em.count(User, { email })) throw new AppError('EMAIL_TAKEN');
    const user = this.em.create(User, {
      email,
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName.trim(),
      locale: input.locale ?? Locale.FA,
    });
    for (const role of roles) this.em.create(RoleAssignment, { user, role });
    const session = this.issueSession(user, sessionDays);
    try {
      await this.em.flush();
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw new AppError('EMAIL_TAKEN');
      throw e;
    }
    const [assignments] = await this.rolesOf([user.id]);
    return {
      user: { ...this.toAccount(user, assignments ?? []), locale: user.locale },
      session,
      change: {
        entityType: 'User',
        entityId: user.id,
        before: null,
        after: { email, displayName: user.displayName, locale: user.locale, roles },
        note: { actorId: user.id },
      },
    };
  }

  async login(
    emailInput: string,
    password: string,
    address: string,
    throttle: LoginThrottle,
    sessionDays: number,
  ): Promise<{ user: ViewerType; session: IssuedSession; change: AuditChange }> {
    const email = normaliseEmail(emailInput);
    if (throttle.isBlocked(email, address)) throw new AppError('RATE_LIMITED');
    const user = await this.em.findOne(User, { email });
    if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
      throttle.recordFailure(email, address);
      throw new AppError('INVALID_CREDENTIALS');
    }
    // Expired sessions of this user go when a new one starts, so the table does not grow forever.
    await this.em.nativeDelete(Session, { user: user.id, expiresAt: { $lte: new Date() } });
    const session = this.issueSession(user, sessionDays);
    await this.em.flush();
    const [roles] = await this.rolesOf([user.id]);
    return {
      user: { ...this.toAccount(user, roles ?? []), locale: user.locale },
      session,
      change: { entityType: 'Session', entityId: session.id, note: { actorId: user.id, event: 'login' } },
    };
  }

  async logout(viewer: Viewer): Promise<AuditChange> {
    await this.em.nativeDelete(Session, { id: viewer.sessionId });
    return { entityType: 'Session', entityId: viewer.sessionId, note: { event: 'logout' } };
  }

  async changePassword(viewer: Viewer, input: ChangePasswordInput): Promise<AuditChange> {
    const user = await this.em.findOneOrFail(User, { id: viewer.userId });
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new AppError('INVALID_CREDENTIALS', { fields: [{ field: 'currentPassword', reason: 'WRONG' }] });
    }
    if (input.newPassword.length < MIN_PASSWORD_LENGTH) {
      throw new AppError('WEAK_PASSWORD', { fields: [{ field: 'newPassword', reason: 'TOO_SHORT' }] });
    }
    user.passwordHash = await hashPassword(input.newPassword);
    // Every other session ends: a changed password must lock out whoever else had it.
    await this.em.nativeDelete(Session, { user: user.id, id: { $ne: viewer.sessionId } });
    await this.em.flush();
    return { entityType: 'User', entityId: user.id, before: { passwordHash: 'old' }, after: { passwordHash: 'new' } };
  }

  async updateProfile(viewer: Viewer, input: UpdateProfileInput): Promise<{ result: ViewerType; change: AuditChange }> {
    const user = await this.em.findOneOrFail(User, { id: viewer.userId });
    const before = { displayName: user.displayName, locale: user.locale };
    if (input.displayName) user.displayName = input.displayName.trim();
    if (input.locale) user.locale = input.locale;
    await this.em.flush();
    const result = (await this.me(viewer))!;
    return {
      result,
      change: {
        entityType: 'User',
        entityId: user.id,
        before,
        after: { displayName: user.displayName, locale: user.locale },
      },
    };
  }

  async listUsers(first: number, after?: string | null, search?: string | null): Promise<Connection<AccountType>> {
    const cursor = decodeCursor(after);
    const term = search?.trim();
    const where = term
      ? { $or: [{ email: { $ilike: `%${escapeLike(term)}%` } }, { displayName: { $ilike: `%${escapeLike(term)}%` } }] }
      : {};
    const [rows, total] = await Promise.all([
      this.em.find(User, cursor ? { $and: [where, { email: { $gt: cursor } }] } : where, {
        orderBy: { email: 'asc' },
        limit: first + 1,
      }),
      this.em.count(User, where),
    ]);
    const roles = await this.rolesOf(rows.map((u) => u.id));
    return toConnection(
      rows.map((u, i) => ({ u, roles: roles[i] ?? [] })),
      first,
      total,
      !!cursor,
      (r) => r.u.email,
      (r) => this.toAccount(r.u, r.roles),
    );
  }

  async grantRole(input: GrantRoleInput): Promise<{ result: RoleAssignmentType; change: AuditChange }> {
    const user = isUuid(input.userId) ? await this.em.findOne(User, { id: input.userId }) : null;
    if (!user) throw badInput([{ field: 'userId', reason: 'UNKNOWN_USER' }]);
    let organisation: Organisation | null = null;
    let county: County | null = null;
    if (input.role === Role.BASE_STAFF) {
      if (!input.organisationId || !isUuid(input.organisationId))
        throw badInput([{ field: 'organisationId', reason: 'REQUIRED' }]);
      organisation = await this.em.findOne(Organisation, { id: input.organisationId });
      if (!organisation) throw badInput([{ field: 'organisationId', reason: 'UNKNOWN_ORGANISATION' }]);
    } else if (input.organisationId) {
      throw badInput([{ field: 'organisationId', reason: 'NOT_APPLICABLE' }]);
    }
    if (input.role === Role.COUNTY_SUPERVISOR) {
      if (!input.countyId || !isUuid(input.countyId)) throw badInput([{ field: 'countyId', reason: 'REQUIRED' }]);
      county = await this.em.findOne(County, { id: input.countyId });
      if (!county) throw badInput([{ field: 'countyId', reason: 'UNKNOWN_COUNTY' }]);
    } else if (input.countyId) {
      throw badInput([{ field: 'countyId', reason: 'NOT_APPLICABLE' }]);
    }
    const existing = await this.em.findOne(RoleAssignment, { user, role: input.role, organisation, county });
    if (existing) throw badInput([{ field: 'role', reason: 'ALREADY_HELD' }]);
    const assignment = this.em.create(RoleAssignment, { user, role: input.role, organisation, county });
    await this.em.flush();
    await this.em.populate(assignment, rolePopulate);
    return {
      result: toRoleAssignmentType(assignment),
      change: {
        entityType: 'RoleAssignment',
        entityId: assignment.id,
        before: null,
        after: {
          userId: user.id,
          role: input.role,
          organisationId: organisation?.id ?? null,
          countyId: county?.id ?? null,
        },
      },
    };
  }

  async revokeRole(id: string): Promise<AuditChange> {
    const assignment = isUuid(id) ? await this.em.findOne(RoleAssignment, { id }) : null;
    if (!assignment) throw notFound();
    const before = {
      userId: assignment.user.id,
      role: assignment.role,
      organisationId: assignment.organisation?.id ?? null,
      countyId: assignment.county?.id ?? null,
    };
    this.em.remove(assignment);
    await this.em.flush();
    return { entityType: 'RoleAssignment', entityId: id, before, after: null };
  }

  /** Role assignments of several users in one query, in the order of `userIds`. */
  async rolesOf(userIds: string[]): Promise<RoleAssignment[][]> {
    if (!userIds.length) return [];
    const rows = await this.em.find(
      RoleAssignment,
      { user: { $in: userIds } },
      { populate: rolePopulate, orderBy: { role: 'asc' } },
    );
    return userIds.map((id) => rows.filter((r) => r.user.id === id));
  }

  private toAccount(user: User, roles: RoleAssignment[]): AccountType {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      createdAt: user.createdAt,
      roles: roles.map(toRoleAssignmentType),
    };
  }

  private issueSession(user: User, days: number): IssuedSession {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + days * 86_400_000);
    const session = this.em.create(Session, { tokenHash: hashToken(token), user, expiresAt });
    return { id: session.id, token, expiresAt };
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
