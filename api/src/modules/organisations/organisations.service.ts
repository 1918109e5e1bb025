import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../auth/roles.js';
import type { Viewer } from '../../auth/viewer.js';
import { normaliseDigits } from '../../server/digits.js';
import { badInput, notFound, type FieldProblem } from '../../server/errors.js';
import { decodeCursor, toConnection, type Connection } from '../../server/pagination.js';
import { RoleAssignment, User } from '../accounts/accounts.entity.js';
import type { AuditChange } from '../audit/audit.service.js';
import { County, Neighbourhood } from '../geography/geography.entity.js';
import { isUuid, toCountyType } from '../geography/geography.service.js';
import { Organisation, OrganisationType } from './organisation.entity.js';
import type { CreateOrganisationInput, UpdateOrganisationInput } from './organisations.inputs.js';
import { canEditRegistry, canManageOrganisation } from './organisations.policy.js';
import type { OrganisationGqlType, StaffMemberType } from './organisations.types.js';

export function toOrganisationType(o: Organisation): OrganisationGqlType {
  return {
    id: o.id,
    slug: o.slug,
    nameFa: o.nameFa,
    nameEn: o.nameEn,
    type: o.type,
    clinicGrade: o.clinicGrade ?? null,
    parentId: o.parent?.id ?? null,
    county: toCountyType(o.county),
    countyId: o.county.id,
    neighbourhoods: o.neighbourhoods
      .getItems()
      .map((n) => ({ id: n.id, slug: n.slug, nameFa: n.nameFa, nameEn: n.nameEn }))
      .sort((a, b) => a.slug.localeCompare(b.slug)),
    phone: o.phone ?? null,
    email: o.email ?? null,
    address: o.address ?? null,
  };
}

const populate = ['county.province', 'neighbourhoods'] as const;

const auditFields = (o: Organisation) => ({
  nameFa: o.nameFa,
  nameEn: o.nameEn,
  phone: o.phone ?? null,
  email: o.email ?? null,
  address: o.address ?? null,
  type: o.type,
  clinicGrade: o.clinicGrade ?? null,
  parentId: o.parent?.id ?? null,
  neighbourhoodIds: o.neighbourhoods.isInitialized()
    ? o.neighbourhoods
        .getItems()
        .map((n) => n.id)
        .sort()
    : [],
});

type RegistryFields = Pick<CreateOrganisationInput, 'type' | 'clinicGrade' | 'parentId' | 'neighbourhoodIds'>;

export class OrganisationsService {
  constructor(private readonly em: EntityManager) {}

  async list(
    first: number,
    after?: string | null,
    neighbourhoodId?: string | null,
  ): Promise<Connection<OrganisationGqlType>> {
    const cursor = decodeCursor(after);
    if (neighbourhoodId && !isUuid(neighbourhoodId))
      return toConnection([], first, 0, !!cursor, () => '', toOrganisationType);
    const where = neighbourhoodId ? { neighbourhoods: { id: neighbourhoodId } } : {};
    const [rows, total] = await Promise.all([
      this.em.find(Organisation, cursor ? { ...where, slug: { $gt: cursor } } : where, {
        populate,
        orderBy: { slug: 'asc' },
        limit: first + 1,
      }),
      this.em.count(Organisation, where),
    ]);
    return toConnection(rows, first, total, !!cursor, (o) => o.slug, toOrganisationType);
  }

  async bySlug(slug: string): Promise<OrganisationGqlType | null> {
    const o = await this.em.findOne(Organisation, { slug }, { populate });
    return o ? toOrganisationType(o) : null;
  }

  async byIds(ids: readonly string[]): Promise<(OrganisationGqlType | null)[]> {
    const rows = await this.em.find(Organisation, { id: { $in: [...ids] } }, { populate });
    return ids.map((id) => {
      const o = rows.find((r) => r.id === id);
      return o ? toOrganisationType(o) : null;
    });
  }

  /** Staff of several organisations in one query (the field is batched per request). */
  async staffOf(organisationIds: readonly string[]): Promise<StaffMemberType[][]> {
    const rows = await this.em.find(
      RoleAssignment,
      { role: Role.BASE_STAFF, organisation: { $in: [...organisationIds] } },
      { populate: ['user'], orderBy: { user: { displayName: 'asc' } } },
    );
    return organisationIds.map((id) =>
      rows
        .filter((r) => r.organisation?.id === id)
        .map((r) => ({ userId: r.user.id, displayName: r.user.displayName, email: r.user.email })),
    );
  }

  async update(
    viewer: Viewer | null,
    id: string,
    input: UpdateOrganisationInput,
  ): Promise<{ result: OrganisationGqlType; change: AuditChange }> {
    const o = isUuid(id) ? await this.em.findOne(Organisation, { id }, { populate }) : null;
    if (!o || !canManageOrganisation(viewer, { id: o.id, countyId: o.county.id })) throw notFound();
    const before = auditFields(o);
    const registry =
      input.type != null ||
      input.clinicGrade !== undefined ||
      input.parentId !== undefined ||
      input.neighbourhoodIds != null;
    if (registry) {
      if (!canEditRegistry(viewer, { countyId: o.county.id })) {
        throw badInput([{ field: 'type', reason: 'REGISTRY_FIELDS' }]);
      }
      await this.applyRegistry(o, {
        type: input.type ?? o.type,
        clinicGrade: input.clinicGrade === undefined ? (o.clinicGrade ?? null) : input.clinicGrade,
        parentId: input.parentId === undefined ? (o.parent?.id ?? null) : input.parentId,
        neighbourhoodIds: input.neighbourhoodIds ?? o.neighbourhoods.getItems().map((n) => n.id),
      });
    }
    if (input.nameFa) o.nameFa = input.nameFa.trim();
    if (input.nameEn) o.nameEn = input.nameEn.trim();
    if (input.phone !== undefined) o.phone = input.phone === null ? null : normaliseDigits(input.phone);
    if (input.email !== undefined) o.email = input.email?.toLowerCase() ?? null;
    if (input.address !== undefined) o.address = input.address;
    await this.em.flush();
    return {
      result: toOrganisationType(o),
      change: { entityType: 'Organisation', entityId: o.id, before, after: auditFields(o) },
    };
  }

  async create(
    viewer: Viewer | null,
    input: CreateOrganisationInput,
  ): Promise<{ result: OrganisationGqlType; change: AuditChange }> {
    const county = isUuid(input.countyId)
      ? await this.em.findOne(County, { id: input.countyId }, { populate: ['province'] })
      : null;
    if (!county) throw badInput([{ field: 'countyId', reason: 'UNKNOWN_COUNTY' }]);
    if (!canEditRegistry(viewer, { countyId: county.id }))
      throw badInput([{ field: 'countyId', reason: 'OTHER_COUNTY' }]);
    if (await this.em.count(Organisation, { slug: input.slug }))
      throw badInput([{ field: 'slug', reason: 'DUPLICATE' }]);
    const o = this.em.create(Organisation, {
      slug: input.slug,
      nameFa: input.nameFa.trim(),
      nameEn: input.nameEn.trim(),
      type: input.type,
      county,
      phone: input.phone ? normaliseDigits(input.phone) : null,
      email: input.email?.toLowerCase() ?? null,
      address: input.address ?? null,
    });
    await this.applyRegistry(o, input);
    await this.em.flush();
    return {
      result: toOrganisationType(o),
      change: { entityType: 'Organisation', entityId: o.id, before: null, after: auditFields(o) },
    };
  }

  /** Type, clinic grade, hub and neighbourhoods served, checked together; refuses with every problem at once. */
  private async applyRegistry(o: Organisation, r: RegistryFields): Promise<void> {
    const problems: FieldProblem[] = [];
    const isClinic = r.type === OrganisationType.SOCIAL_WORK_CLINIC;
    if (r.clinicGrade != null && (!isClinic || ![1, 2, 3].includes(r.clinicGrade))) {
      problems.push({ field: 'clinicGrade', reason: isClinic ? 'OUT_OF_RANGE' : 'CLINICS_ONLY' });
    }
    let parent: Organisation | null = null;
    if (r.parentId) {
      parent = isUuid(r.parentId) ? await this.em.findOne(Organisation, { id: r.parentId }) : null;
      if (!parent) problems.push({ field: 'parentId', reason: 'UNKNOWN_ORGANISATION' });
      else if (parent.type !== OrganisationType.HUB_ASSOCIATION || parent.id === o.id) {
        problems.push({ field: 'parentId', reason: 'NOT_A_HUB' });
      }
    }
    const ids = [...new Set(r.neighbourhoodIds)];
    const neighbourhoods = ids.every(isUuid) ? await this.em.find(Neighbourhood, { id: { $in: ids } }) : [];
    if (neighbourhoods.length !== ids.length) {
      problems.push({ field: 'neighbourhoodIds', reason: 'UNKNOWN_NEIGHBOURHOOD' });
    } else if (neighbourhoods.some((n) => n.county.id !== o.county.id)) {
      problems.push({ field: 'neighbourhoodIds', reason: 'OTHER_COUNTY' });
    }
    if (problems.length) throw badInput(problems);
    o.type = r.type;
    o.clinicGrade = isClinic ? (r.clinicGrade ?? null) : null;
    o.parent = parent;
    o.neighbourhoods.set(neighbourhoods);
  }

  /** Adds (by the account's email) or removes one base-staff grant; returns the staff list after. */
  async setStaff(
    viewer: Viewer | null,
    organisationId: string,
    change: { email: string } | { removeUserId: string },
  ): Promise<{ result: StaffMemberType[]; change: AuditChange }> {
    const o = isUuid(organisationId) ? await this.em.findOne(Organisation, { id: organisationId }) : null;
    if (!o || !canEditRegistry(viewer, { countyId: o.county.id })) throw notFound();
    let userId: string;
    if ('email' in change) {
      const user = await this.em.findOne(User, { email: change.email.trim().toLowerCase() });
      if (!user) throw badInput([{ field: 'email', reason: 'UNKNOWN_USER' }]);
      userId = user.id;
      const held = await this.em.count(RoleAssignment, { user, role: Role.BASE_STAFF, organisation: o });
      if (held) throw badInput([{ field: 'email', reason: 'ALREADY_HELD' }]);
      this.em.create(RoleAssignment, { user, role: Role.BASE_STAFF, organisation: o, county: null });
    } else {
      userId = change.removeUserId;
      const grant = isUuid(userId)
        ? await this.em.findOne(RoleAssignment, { user: userId, role: Role.BASE_STAFF, organisation: o })
        : null;
      if (!grant) throw badInput([{ field: 'userId', reason: 'NOT_STAFF' }]);
      this.em.remove(grant);
    }
    await this.em.flush();
    const [staff] = await this.staffOf([o.id]);
    return {
      result: staff!,
      change: {
        entityType: 'RoleAssignment',
        entityId: o.id,
        note: { userId, role: Role.BASE_STAFF, action: 'email' in change ? 'added' : 'removed' },
      },
    };
  }
}
