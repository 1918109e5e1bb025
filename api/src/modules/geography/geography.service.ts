import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { bboxOf, validateMultiPolygon } from '../../db/geometry.validate.js';
import type { AuditChange } from '../audit/audit.service.js';
import { AppError, badInput, notFound } from '../../server/errors.js';
import { decodeCursor, toConnection, type Connection } from '../../server/pagination.js';
import { County, Neighbourhood } from './geography.entity.js';
import type { CreateNeighbourhoodInput, UpdateNeighbourhoodInput } from './geography.inputs.js';
import { canCreateNeighbourhood, canEditNeighbourhood } from './geography.policy.js';
import type { CountyType, NeighbourhoodType } from './geography.types.js';

export function toCountyType(c: County): CountyType {
  return {
    id: c.id,
    slug: c.slug,
    nameFa: c.nameFa,
    nameEn: c.nameEn,
    province: { id: c.province.id, slug: c.province.slug, nameFa: c.province.nameFa, nameEn: c.province.nameEn },
  };
}

export function toNeighbourhoodType(n: Neighbourhood): NeighbourhoodType {
  return {
    id: n.id,
    slug: n.slug,
    nameFa: n.nameFa,
    nameEn: n.nameEn,
    descriptionFa: n.descriptionFa ?? null,
    descriptionEn: n.descriptionEn ?? null,
    county: toCountyType(n.county),
    boundary: n.boundary,
    bbox: bboxOf(n.boundary),
    version: n.version,
    updatedAt: n.updatedAt,
  };
}

const auditFields = (n: Neighbourhood) => ({
  slug: n.slug,
  nameFa: n.nameFa,
  nameEn: n.nameEn,
  descriptionFa: n.descriptionFa ?? null,
  descriptionEn: n.descriptionEn ?? null,
  countyId: n.county.id,
  boundary: n.boundary,
});

export class GeographyService {
  constructor(private readonly em: EntityManager) {}

  async list(first: number, after?: string | null): Promise<Connection<NeighbourhoodType>> {
    const cursor = decodeCursor(after);
    const where = cursor ? { slug: { $gt: cursor } } : {};
    const [rows, total] = await Promise.all([
      this.em.find(Neighbourhood, where, {
        populate: ['county.province'],
        orderBy: { slug: 'asc' },
        limit: first + 1,
      }),
      this.em.count(Neighbourhood, {}),
    ]);
    return toConnection(rows, first, total, !!cursor, (n) => n.slug, toNeighbourhoodType);
  }

  async bySlug(slug: string): Promise<NeighbourhoodType | null> {
    const n = await this.em.findOne(Neighbourhood, { slug }, { populate: ['county.province'] });
    return n ? toNeighbourhoodType(n) : null;
  }

  async byId(id: string): Promise<NeighbourhoodType | null> {
    const n = await this.em.findOne(Neighbourhood, { id }, { populate: ['county.province'] });
    return n ? toNeighbourhoodType(n) : null;
  }

  async counties(): Promise<CountyType[]> {
    const rows = await this.em.find(County, {}, { populate: ['province'], orderBy: { slug: 'asc' } });
    return rows.map(toCountyType);
  }

  async create(
    viewer: Viewer | null,
    input: CreateNeighbourhoodInput,
  ): Promise<{ result: NeighbourhoodType; change: AuditChange }> {
    if (!canCreateNeighbourhood(viewer)) throw new AppError('FORBIDDEN');
    const county = await this.em.findOne(County, { id: input.countyId }, { populate: ['province'] });
    if (!county) throw badInput([{ field: 'countyId', reason: 'UNKNOWN_COUNTY' }]);
    if (await this.em.count(Neighbourhood, { slug: input.slug })) {
      throw badInput([{ field: 'slug', reason: 'TAKEN' }]);
    }
    const boundary = await validateMultiPolygon(this.em, 'boundary', input.boundary);
    const n = this.em.create(Neighbourhood, {
      slug: input.slug,
      nameFa: input.nameFa.trim(),
      nameEn: input.nameEn.trim(),
      descriptionFa: input.descriptionFa ?? null,
      descriptionEn: input.descriptionEn ?? null,
      county,
      boundary,
    });
    await this.em.flush();
    return {
      result: toNeighbourhoodType(n),
      change: { entityType: 'Neighbourhood', entityId: n.id, before: null, after: auditFields(n) },
    };
  }

  async update(
    viewer: Viewer | null,
    id: string,
    input: UpdateNeighbourhoodInput,
  ): Promise<{ result: NeighbourhoodType; change: AuditChange }> {
    const n = isUuid(id) ? await this.em.findOne(Neighbourhood, { id }, { populate: ['county.province'] }) : null;
    // Out of scope looks exactly like absent, so ids cannot be probed.
    if (!n || !canEditNeighbourhood(viewer, n)) throw notFound();
    if (n.version !== input.version) throw new AppError('CONFLICT');
    const before = auditFields(n);
    if (input.nameFa) n.nameFa = input.nameFa.trim();
    if (input.nameEn) n.nameEn = input.nameEn.trim();
    if (input.descriptionFa !== undefined) n.descriptionFa = input.descriptionFa;
    if (input.descriptionEn !== undefined) n.descriptionEn = input.descriptionEn;
    if (input.boundary !== undefined && input.boundary !== null) {
      n.boundary = await validateMultiPolygon(this.em, 'boundary', input.boundary);
    }
    await this.em.flush();
    return {
      result: toNeighbourhoodType(n),
      change: { entityType: 'Neighbourhood', entityId: n.id, before, after: auditFields(n) },
    };
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => uuidPattern.test(s);
