import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomUUID } from 'node:crypto';
import { User } from '../modules/accounts/accounts.entity.js';
import { AgreementHistory, BaseAgreement } from '../modules/agreements/agreements.entity.js';
import { commitments } from '../modules/agreements/agreements.labels.js';
import { AgreementAction, AgreementState } from '../modules/agreements/agreements.machine.js';
import { DocumentKind, StoredDocument } from '../modules/documents/documents.entity.js';
import { LocalDiskStorage } from '../modules/documents/documents.storage.js';
import type { Neighbourhood } from '../modules/geography/geography.entity.js';
import { Licence, LicenceKind } from '../modules/organisations/licence.entity.js';
import type { Organisation } from '../modules/organisations/organisation.entity.js';
import { parseDay } from '../server/days.js';
import { tehranDayStart } from '../server/jalali.js';
import { SupervisionVisit } from '../modules/supervision/supervision.entity.js';

const AGREEMENT_ID = '5f0c2a61-0000-4000-8000-000000006001';

/** A one-page PDF with a line of text, so the demo documents open in any viewer. */
function demoPdf(title: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${title}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * The demo base's year: licences (one about to expire, so the warning shows), its three
 * documents, and an active 1405 agreement with its history and one supervision visit. Demo mode
 * only; skipped when already there.
 */
export async function seedDemoAgreements(
  tx: EntityManager,
  orgs: Map<string, Organisation>,
  neighbourhoods: Map<string, Neighbourhood>,
  filesDir: string,
): Promise<void> {
  if (await tx.count(BaseAgreement, { id: AGREEMENT_ID })) return;
  const base = orgs.get('base-ommat-abad');
  const ommatAbad = neighbourhoods.get('ommat-abad');
  if (!base || !ommatAbad) throw new Error('seed: the demo agreement needs base-ommat-abad and ommat-abad');
  const staff = await tx.findOneOrFail(User, { email: 'staff@demo.mahalleh.ir' });
  const supervisor = await tx.findOneOrFail(User, { email: 'supervisor@demo.mahalleh.ir' });
  const storage = new LocalDiskStorage(filesDir);
  const day = (jalali: string) => parseDay(jalali)!;

  const documents: StoredDocument[] = [];
  for (const [kind, fileName, title] of [
    [DocumentKind.LICENCE_SCAN, 'parvaneh-faaliat.pdf', 'Activity licence (demo)'],
    [DocumentKind.RESUME, 'sabeghe-faaliat-1404.pdf', 'Record of activity 1404 (demo)'],
    [DocumentKind.STAFF_LIST, 'fehrest-karkonan.pdf', 'Staff list (demo)'],
  ] as const) {
    const bytes = demoPdf(title);
    const doc = tx.create(StoredDocument, {
      organisation: base,
      kind,
      fileName,
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storageKey: randomUUID(),
      uploadedBy: staff,
    });
    await storage.put(doc.storageKey, bytes);
    documents.push(doc);
  }
  tx.create(Licence, {
    organisation: base,
    kind: LicenceKind.ACTIVITY,
    number: '۱۴۰۳/م/۲۱۵',
    issuer: 'ادارهٔ کل بهزیستی استان مازندران',
    issuedOn: day('1403/10/20'),
    expiresOn: day('1405/10/20'),
    document: documents[0]!,
  });
  tx.create(Licence, {
    organisation: base,
    kind: LicenceKind.ESTABLISHMENT,
    number: '۹۸/ت/۴۴',
    issuer: 'ادارهٔ کل بهزیستی استان مازندران',
    issuedOn: day('1398/05/01'),
  });

  const agreement = tx.create(BaseAgreement, {
    id: AGREEMENT_ID,
    organisation: base,
    createdBy: staff,
    year: 1405,
    state: AgreementState.ACTIVE,
    requestedFundingRials: '1500000000',
    fundingRials: '1200000000',
    signedOn: day('1405/01/10'),
    commitments: commitments.map((c) => c.number),
  });
  agreement.neighbourhoods.set([ommatAbad]);
  agreement.documents.set(documents);
  const steps: [AgreementAction, AgreementState, AgreementState, User, string][] = [
    [AgreementAction.SUBMIT, AgreementState.DRAFT, AgreementState.SUBMITTED, staff, '1404/12/15'],
    [AgreementAction.START_REVIEW, AgreementState.SUBMITTED, AgreementState.UNDER_REVIEW, supervisor, '1404/12/18'],
    [AgreementAction.APPROVE, AgreementState.UNDER_REVIEW, AgreementState.APPROVED, supervisor, '1405/01/10'],
    [AgreementAction.ACTIVATE, AgreementState.APPROVED, AgreementState.ACTIVE, supervisor, '1405/01/15'],
  ];
  for (const [action, fromState, toState, actor, on] of steps) {
    tx.create(AgreementHistory, {
      agreement,
      action,
      fromState,
      toState,
      actor,
      at: tehranDayStart(day(on)),
      note: null,
    });
  }
  tx.create(SupervisionVisit, {
    agreement,
    visitedOn: day('1405/04/20'),
    supervisor,
    findings: 'پرونده‌های نیازسنجی و نقشهٔ محله کامل است؛ گزارش فصل اول به‌موقع رسید.',
    recommendations: 'برگزاری جلسهٔ ماهانه با معتمدان محله.',
    followUpDueOn: day('1405/07/20'),
  });
  await tx.flush();
}
