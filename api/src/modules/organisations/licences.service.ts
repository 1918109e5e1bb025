import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import type { AppConfig } from '../../config/config.js';
import { isoDayOf, parseDay, todayInTehran, type IsoDay } from '../../server/days.js';
import { badInput, notFound, type FieldProblem } from '../../server/errors.js';
import type { AuditChange } from '../audit/audit.service.js';
import { DocumentKind, StoredDocument } from '../documents/documents.entity.js';
import { isUuid } from '../geography/geography.service.js';
import { Licence } from './licence.entity.js';
import { Organisation } from './organisation.entity.js';
import type { LicenceInput } from './organisations.inputs.js';
import { canManageOrganisation } from './organisations.policy.js';
import { LicenceExpiry, type LicenceType } from './organisations.types.js';

const dayMs = 86_400_000;
const daysBetween = (from: IsoDay, to: IsoDay) => Math.round((Date.parse(to) - Date.parse(from)) / dayMs);

/** Where a licence stands today, given the warning window. */
export function expiryOf(
  expiresOn: IsoDay | null,
  today: IsoDay,
  warningDays: number,
): { expiry: LicenceExpiry; daysLeft: number | null } {
  if (!expiresOn) return { expiry: LicenceExpiry.NO_EXPIRY, daysLeft: null };
  const daysLeft = daysBetween(today, expiresOn);
  if (daysLeft < 0) return { expiry: LicenceExpiry.EXPIRED, daysLeft };
  return { expiry: daysLeft <= warningDays ? LicenceExpiry.EXPIRING : LicenceExpiry.VALID, daysLeft };
}

export class LicencesService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
  ) {}

  present(l: Licence, today: IsoDay = todayInTehran()): LicenceType {
    const expiresOn = isoDayOf(l.expiresOn);
    return {
      id: l.id,
      kind: l.kind,
      number: l.number,
      issuer: l.issuer,
      issuedOn: isoDayOf(l.issuedOn)!,
      expiresOn,
      documentId: l.document?.id ?? null,
      ...expiryOf(expiresOn, today, this.config.licenceWarningDays),
    };
  }

  async ofOrganisations(ids: readonly string[]): Promise<LicenceType[][]> {
    const rows = await this.em.find(
      Licence,
      { organisation: { $in: [...ids] } },
      { orderBy: { kind: 'asc', issuedOn: 'desc' } },
    );
    const today = todayInTehran();
    return ids.map((id) => rows.filter((l) => l.organisation.id === id).map((l) => this.present(l, today)));
  }

  async save(
    viewer: Viewer | null,
    organisationId: string,
    id: string | null,
    input: LicenceInput,
  ): Promise<{ result: LicenceType; change: AuditChange }> {
    const org = isUuid(organisationId) ? await this.em.findOne(Organisation, { id: organisationId }) : null;
    if (!org || !canManageOrganisation(viewer, { id: org.id, countyId: org.county.id })) throw notFound();
    let licence: Licence | null = null;
    if (id) {
      licence = isUuid(id) ? await this.em.findOne(Licence, { id, organisation: org }) : null;
      if (!licence) throw notFound();
    }
    const problems: FieldProblem[] = [];
    const issuedOn = parseDay(input.issuedOn);
    if (!issuedOn) problems.push({ field: 'issuedOn', reason: 'INVALID_DATE' });
    else if (issuedOn > todayInTehran()) problems.push({ field: 'issuedOn', reason: 'IN_THE_FUTURE' });
    const expiresOn = input.expiresOn ? parseDay(input.expiresOn) : null;
    if (input.expiresOn && !expiresOn) problems.push({ field: 'expiresOn', reason: 'INVALID_DATE' });
    if (issuedOn && expiresOn && expiresOn < issuedOn) problems.push({ field: 'expiresOn', reason: 'DATE_ORDER' });
    if (!input.number.trim()) problems.push({ field: 'number', reason: 'REQUIRED' });
    if (!input.issuer.trim()) problems.push({ field: 'issuer', reason: 'REQUIRED' });
    let document: StoredDocument | null = null;
    if (input.documentId) {
      document = isUuid(input.documentId)
        ? await this.em.findOne(StoredDocument, { id: input.documentId, organisation: org })
        : null;
      if (!document) problems.push({ field: 'documentId', reason: 'UNKNOWN_DOCUMENT' });
      else if (document.kind !== DocumentKind.LICENCE_SCAN)
        problems.push({ field: 'documentId', reason: 'KIND_MISMATCH' });
    }
    if (problems.length) throw badInput(problems);
    const before = licence ? this.auditFields(licence) : null;
    const fields = {
      kind: input.kind,
      number: input.number.trim(),
      issuer: input.issuer.trim(),
      issuedOn: issuedOn!,
      expiresOn,
      document,
    };
    if (licence) Object.assign(licence, fields);
    else licence = this.em.create(Licence, { organisation: org, ...fields });
    await this.em.flush();
    return {
      result: this.present(licence),
      change: { entityType: 'Licence', entityId: licence.id, before, after: this.auditFields(licence) },
    };
  }

  async remove(viewer: Viewer | null, id: string): Promise<AuditChange> {
    const l = isUuid(id) ? await this.em.findOne(Licence, { id }, { populate: ['organisation'] }) : null;
    if (!l || !canManageOrganisation(viewer, { id: l.organisation.id, countyId: l.organisation.county.id })) {
      throw notFound();
    }
    const before = this.auditFields(l);
    this.em.remove(l);
    await this.em.flush();
    return { entityType: 'Licence', entityId: id, before };
  }

  private auditFields(l: Licence) {
    return {
      kind: l.kind,
      number: l.number,
      issuer: l.issuer,
      issuedOn: isoDayOf(l.issuedOn),
      expiresOn: isoDayOf(l.expiresOn),
      documentId: l.document?.id ?? null,
    };
  }
}
