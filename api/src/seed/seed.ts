import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { repoRoot } from '../config/config.js';
import { Role } from '../auth/roles.js';
import type { GeoJsonGeometry } from '../db/geometry.type.js';
import { RoleAssignment, User } from '../modules/accounts/accounts.entity.js';
import { hashPassword, verifyPassword } from '../modules/accounts/password.js';
import { County, Neighbourhood, Province } from '../modules/geography/geography.entity.js';
import {
  MapCategory,
  MapFeature,
  type MapFeatureKind,
  type MapFeatureSource,
  type MapFeatureStatus,
} from '../modules/mapping/mapping.entity.js';
import { Organisation, OrganisationType } from '../modules/organisations/organisation.entity.js';
import { seedDemoAgreements } from './demo-agreements.js';
import { seedDemoPlans } from './demo-plans.js';

const seedDir = join(repoRoot, 'db/seed');
const read = <T>(file: string): T => JSON.parse(readFileSync(join(seedDir, file), 'utf8')) as T;

interface Named {
  slug: string;
  nameFa: string;
  nameEn: string;
}
interface GeographySeed {
  province: Named;
  counties: Named[];
  neighbourhoods: (Named & {
    county: string;
    descriptionFa?: string;
    descriptionEn?: string;
    boundary: GeoJsonGeometry;
  })[];
}
interface OrganisationSeed extends Named {
  type: OrganisationType;
  county: string;
  parent?: string;
  clinicGrade?: number;
  neighbourhoods: string[];
  phone?: string;
  email?: string;
}
interface CategorySeed extends Named {
  kind: MapFeatureKind;
  icon: string;
  colour: string;
  sortOrder: number;
}
interface DemoFeatureSeed {
  id: string;
  neighbourhood: string;
  category: string;
  title: string;
  description?: string;
  severity?: number;
  capacity?: number;
  source: MapFeatureSource;
  status: MapFeatureStatus;
  geometry: GeoJsonGeometry;
}
interface DemoSeed {
  password: string;
  accounts: { email: string; displayName: string; role: Role; county?: string; organisation?: string }[];
}

async function upsertBySlug<T extends { slug: string }>(
  em: EntityManager,
  entity: new () => T,
  slug: string,
  fields: Partial<T>,
): Promise<T> {
  const existing = await em.findOne(entity, { slug } as never);
  if (existing) {
    em.assign(existing, fields as never);
    return existing as T;
  }
  return em.create(entity, { slug, ...fields } as never);
}

/** Loads the pilots, organisations and (in demo mode) demo accounts. Safe to run again. */
export async function seed(
  em: EntityManager,
  opts: { demo: boolean; filesDir: string },
): Promise<{ demoAccounts: number }> {
  return em.transactional(async (tx) => {
    const geo = read<GeographySeed>('geography.json');
    const province = await upsertBySlug(tx, Province, geo.province.slug, {
      nameFa: geo.province.nameFa,
      nameEn: geo.province.nameEn,
    });
    const counties = new Map<string, County>();
    for (const c of geo.counties) {
      counties.set(c.slug, await upsertBySlug(tx, County, c.slug, { nameFa: c.nameFa, nameEn: c.nameEn, province }));
    }
    const neighbourhoods = new Map<string, Neighbourhood>();
    for (const n of geo.neighbourhoods) {
      const county = counties.get(n.county);
      if (!county) throw new Error(`seed: neighbourhood ${n.slug} names unknown county ${n.county}`);
      const row = await upsertBySlug(tx, Neighbourhood, n.slug, {
        nameFa: n.nameFa,
        nameEn: n.nameEn,
        descriptionFa: n.descriptionFa ?? null,
        descriptionEn: n.descriptionEn ?? null,
        county,
        boundary: n.boundary,
      });
      neighbourhoods.set(n.slug, row);
    }
    await tx.flush();

    const orgs = new Map<string, Organisation>();
    for (const o of read<{ organisations: OrganisationSeed[] }>('organisations.json').organisations) {
      const county = counties.get(o.county);
      if (!county) throw new Error(`seed: organisation ${o.slug} names unknown county ${o.county}`);
      const row = await upsertBySlug(tx, Organisation, o.slug, {
        nameFa: o.nameFa,
        nameEn: o.nameEn,
        type: o.type,
        county,
        clinicGrade: o.clinicGrade ?? null,
        parent: o.parent ? (orgs.get(o.parent) ?? null) : null,
        phone: o.phone ?? null,
        email: o.email ?? null,
      });
      await tx.populate(row, ['neighbourhoods']);
      row.neighbourhoods.set(
        o.neighbourhoods.map((slug) => {
          const n = neighbourhoods.get(slug);
          if (!n) throw new Error(`seed: organisation ${o.slug} names unknown neighbourhood ${slug}`);
          return n;
        }),
      );
      orgs.set(o.slug, row);
    }
    await tx.flush();

    const categories = new Map<string, MapCategory>();
    for (const c of read<{ categories: CategorySeed[] }>('map-categories.json').categories) {
      categories.set(
        c.slug,
        await upsertBySlug(tx, MapCategory, c.slug, {
          kind: c.kind,
          nameFa: c.nameFa,
          nameEn: c.nameEn,
          icon: c.icon,
          colour: c.colour,
          sortOrder: c.sortOrder,
        }),
      );
    }
    await tx.flush();

    if (!opts.demo) return { demoAccounts: 0 };
    const demo = read<DemoSeed>('demo-accounts.json');
    for (const a of demo.accounts) {
      let user = await tx.findOne(User, { email: a.email });
      if (!user) {
        user = tx.create(User, {
          email: a.email,
          displayName: a.displayName,
          passwordHash: await hashPassword(demo.password),
        });
      } else if (!(await verifyPassword(user.passwordHash, demo.password))) {
        user.passwordHash = await hashPassword(demo.password);
      }
      const organisation = a.organisation ? orgs.get(a.organisation) : null;
      const county = a.county ? counties.get(a.county) : null;
      const held = await tx.count(RoleAssignment, {
        user,
        role: a.role,
        organisation: organisation ?? null,
        county: county ?? null,
      });
      if (!held)
        tx.create(RoleAssignment, { user, role: a.role, organisation: organisation ?? null, county: county ?? null });
    }
    await tx.flush();

    // Invented demo features, so the pilots' maps are not empty in a demo; never seeded otherwise.
    const demoMap = read<{ author: string; features: DemoFeatureSeed[] }>('demo-map-features.json');
    const author = await tx.findOne(User, { email: demoMap.author });
    for (const f of demoMap.features) {
      if (await tx.count(MapFeature, { id: f.id })) continue;
      const category = categories.get(f.category);
      const neighbourhood = neighbourhoods.get(f.neighbourhood);
      if (!category || !neighbourhood) throw new Error(`seed: demo feature ${f.id} names an unknown category or place`);
      tx.create(MapFeature, {
        id: f.id,
        neighbourhood,
        kind: category.kind,
        category,
        geometry: f.geometry,
        title: f.title,
        description: f.description ?? null,
        severity: f.severity ?? null,
        capacity: f.capacity ?? null,
        source: f.source,
        status: f.status,
        author,
      });
    }
    await tx.flush();
    await seedDemoPlans(tx, neighbourhoods, orgs);
    await seedDemoAgreements(tx, orgs, neighbourhoods, opts.filesDir);
    return { demoAccounts: demo.accounts.length };
  });
}
