import request from 'supertest';
import { appUrl, demo, gql, login, ok, type GqlResult } from './gql.js';
import { createTestBase, createTestNeighbourhood, createUser, type TestUser } from './factories.js';
import { jalaliToday } from './days.js';

export const AGREEMENT_FIELDS = `id year state startsOn endsOn requestedFundingRials fundingRials signedOn previousId nextId
  reviewComment decisionNote noticeOn endsEarlyOn terminationReason actions canEditDraft visitOverdue lastVisitOn
  organisation { id slug } neighbourhoods { id } commitments { number }
  documents { id kind fileName } checklist { item done }
  history { action fromState toState actor note }`;

export interface AgreementView {
  id: string;
  year: number;
  state: string;
  startsOn: string;
  endsOn: string;
  requestedFundingRials: string | null;
  fundingRials: string | null;
  signedOn: string | null;
  previousId: string | null;
  nextId: string | null;
  reviewComment: string | null;
  decisionNote: string | null;
  noticeOn: string | null;
  endsEarlyOn: string | null;
  terminationReason: string | null;
  actions: string[];
  canEditDraft: boolean;
  visitOverdue: boolean;
  lastVisitOn: string | null;
  organisation: { id: string; slug: string };
  neighbourhoods: { id: string }[];
  commitments: { number: number }[];
  documents: { id: string; kind: string; fileName: string }[];
  checklist: { item: string; done: boolean }[];
  history: { action: string; fromState: string; toState: string; actor: string; note: string | null }[];
}

export const readAgreement = async (id: string, token: string | null) =>
  ok(
    await gql<{ agreement: AgreementView | null }>(
      `query($id: ID!) { agreement(id: $id) { ${AGREEMENT_FIELDS} } }`,
      { id },
      { token },
    ),
  ).agreement;

export const transition = (token: string, id: string, action: string, input: Record<string, unknown> | null = null) =>
  gql<{ transitionAgreement: AgreementView }>(
    `mutation($id: ID!, $a: AgreementAction!, $i: AgreementTransitionInput) { transitionAgreement(id: $id, action: $a, input: $i) { ${AGREEMENT_FIELDS} } }`,
    { id, a: action, i: input },
    { token },
  );

export const createAgreement = (token: string, input: Record<string, unknown>) =>
  gql<{ createAgreement: AgreementView }>(
    `mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { ${AGREEMENT_FIELDS} } }`,
    { i: input },
    { token },
  );

/** A minimal but real PDF: the API checks the first bytes, not only the declared type. */
export const pdfBytes = (text = 'Mahalleh test document') =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

export interface UploadOptions {
  organisationId: string;
  kind: string;
  agreementId?: string;
  fileName?: string;
  rawFileName?: string;
  contentType?: string;
  body?: Buffer;
}

/** POSTs a file to /files as the portal does: raw body, type in Content-Type, name in X-File-Name. */
export async function upload(token: string | null, o: UploadOptions) {
  const q = new URLSearchParams({
    organisationId: o.organisationId,
    kind: o.kind,
    ...(o.agreementId ? { agreementId: o.agreementId } : {}),
  });
  let req = request(appUrl())
    .post(`/files?${q}`)
    .set('accept-language', 'en')
    .set('content-type', o.contentType ?? 'application/pdf');
  const name = o.rawFileName ?? encodeURIComponent(o.fileName ?? 'document.pdf');
  if (name !== '') req = req.set('x-file-name', name);
  if (token) req = req.set('authorization', `Bearer ${token}`);
  const res = await req.send(o.body ?? pdfBytes());
  return res as unknown as {
    status: number;
    body: {
      document?: { id: string; url: string; fileName: string };
      error?: { code: string; message: string; fields?: { field: string; reason: string }[] };
    };
  };
}

export const downloadStatus = async (token: string | null, id: string) => {
  let req = request(appUrl())
    .get(`/files/${id}`)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  if (token) req = req.set('authorization', `Bearer ${token}`);
  const res = await req;
  return { status: res.status, body: res.body as Buffer, headers: res.headers as Record<string, string> };
};

export interface BaseSetup {
  neighbourhoodId: string;
  organisationId: string;
  organisationSlug: string;
  staff: TestUser;
  supervisor: string;
  admin: string;
}

/** A fresh neighbourhood in Amol, a base serving it, and a member of its staff; the demo Amol supervisor and admin. */
export async function setupBase(): Promise<BaseSetup> {
  const n = await createTestNeighbourhood();
  const base = await createTestBase(n.id);
  const staff = await createUser([{ role: 'BASE_STAFF', organisationSlug: base.slug }]);
  return {
    neighbourhoodId: n.id,
    organisationId: base.id,
    organisationSlug: base.slug,
    staff,
    supervisor: await login(demo.county_supervisor),
    admin: await login(demo.province_admin),
  };
}

/** An activity licence valid for the coming year, so the checklist's licence item is met. */
export const addValidLicence = (token: string, organisationId: string) =>
  gql(
    'mutation($o: ID!, $i: LicenceInput!) { saveLicence(organisationId: $o, input: $i) { id expiry } }',
    {
      o: organisationId,
      i: {
        kind: 'ACTIVITY',
        number: '۱۲۳۴/ب',
        issuer: 'بهزیستی استان مازندران',
        issuedOn: '1404/01/15',
        expiresOn: '1499/01/14',
      },
    },
    { token },
  );

/** A draft for `year` with the three documents and a licence: ready to submit. */
export async function readyDraft(b: BaseSetup, year: number): Promise<AgreementView> {
  ok(await addValidLicence(b.staff.token, b.organisationId));
  const a = ok(
    await createAgreement(b.staff.token, {
      organisationId: b.organisationId,
      year,
      neighbourhoodIds: [b.neighbourhoodId],
      requestedFundingRials: '۱٬۵۰۰٬۰۰۰٬۰۰۰',
    }),
  ).createAgreement;
  for (const kind of ['LICENCE_SCAN', 'RESUME', 'STAFF_LIST']) {
    const r = await upload(b.staff.token, {
      organisationId: b.organisationId,
      kind,
      agreementId: a.id,
      fileName: `${kind}.pdf`,
    });
    if (r.status !== 201) throw new Error(`upload ${kind}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return (await readAgreement(a.id, b.staff.token))!;
}

/** Submits, reviews, approves and activates; `year` must have begun. */
export async function activate(b: BaseSetup, id: string): Promise<AgreementView> {
  ok(await transition(b.staff.token, id, 'SUBMIT'));
  ok(await transition(b.supervisor, id, 'START_REVIEW'));
  ok(await transition(b.supervisor, id, 'APPROVE', { fundingRials: '1200000000', signedOn: '1404/01/10' }));
  return ok(await transition(b.supervisor, id, 'ACTIVATE')).transitionAgreement;
}

/** The Jalali year of today in Tehran, so tests stay right whenever they run. */
export const thisJalaliYear = () => Number(jalaliToday().split('/')[0]);

export const reasons = (r: GqlResult) =>
  ((r.body.errors?.[0]?.extensions?.fields ?? []) as { field: string; reason: string }[]).map(
    (f) => `${f.field}:${f.reason}`,
  );
