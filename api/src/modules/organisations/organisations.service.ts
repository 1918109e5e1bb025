import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../auth/roles.js';
import type { Viewer } from '../../auth/viewer.js';
import { normaliseDigits } from '../../server/digits.js';
import { notFound } from '../../server/errors.js';
import { decodeCursor, toConnection, type Connection } from '../../server/pagination.js';
import { RoleAssignment } from '../accounts/accounts.entity.js';
import type { AuditChange } from '../audit/audit.service.js';
import { isUuid, toCountyType } from '../geography/geography.service.js';
import { Organisation } from './organisation.entity.js';
import type { UpdateOrganisationInput } from './organisations.inputs.js';
import { canManageOrganisation } from './organisations.policy.js';
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
});

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
}
