import { beforeAll, describe, expect, it } from 'vitest';
import {
  activate,
  createAgreement,
  readAgreement,
  readyDraft,
  reasons,
  setupBase,
  thisJalaliYear,
  transition,
  upload,
  type BaseSetup,
} from '../support/agreements.js';
import { createTestBase, createUser } from '../support/factories.js';
import { demo, errorCode, gql, login, ok } from '../support/gql.js';

const allActions = [
  'SUBMIT',
  'START_REVIEW',
  'RETURN',
  'APPROVE',
  'ACTIVATE',
  'BEGIN_YEAR_END_REVIEW',
  'RENEW',
  'DECLINE_RENEWAL',
  'TERMINATE',
];

/** 1404 has begun and ended whenever this runs, so its agreement can be activated and reviewed. */
const YEAR = 1404;

describe('base agreements over the API', () => {
  let b: BaseSetup;
  beforeAll(async () => {
    b = await setupBase();
  });

  it('walks one agreement through every legal step to renewal, keeping who did what', async () => {
    const draft = ok(
      await createAgreement(b.staff.token, {
        organisationId: b.organisationId,
        year: YEAR,
        neighbourhoodIds: [b.neighbourhoodId],
      }),
    ).createAgreement;
    expect(draft.state).toBe('DRAFT');
    expect(draft.startsOn).toBe('2025-03-21');
    expect(draft.endsOn).toBe('2026-03-20');
    expect(draft.actions).toEqual(['SUBMIT']);

    // Submitting an incomplete application says exactly what is missing.
    const early = await transition(b.staff.token, draft.id, 'SUBMIT');
    expect(errorCode(early)).toBe('CHECKLIST_INCOMPLETE');
    expect(reasons(early).sort()).toEqual(
      [
        'checklist.LICENCE_SCAN:MISSING',
        'checklist.RESUME:MISSING',
        'checklist.STAFF_LIST:MISSING',
        'checklist.VALID_LICENCE:MISSING',
      ].sort(),
    );
    expect((await readAgreement(draft.id, b.staff.token))!.state).toBe('DRAFT');

    const other = await setupBase();
    const ready = await readyDraft(other, YEAR);
    expect(ready.checklist.every((c) => c.done)).toBe(true);
    expect(ready.documents.map((d) => d.kind).sort()).toEqual(['LICENCE_SCAN', 'RESUME', 'STAFF_LIST']);

    const submitted = ok(await transition(other.staff.token, ready.id, 'SUBMIT')).transitionAgreement;
    expect(submitted.state).toBe('SUBMITTED');
    expect(submitted.canEditDraft).toBe(false);
    ok(await transition(other.supervisor, ready.id, 'START_REVIEW'));
    const noNote = await transition(other.supervisor, ready.id, 'RETURN');
    expect(reasons(noNote)).toEqual(['note:REQUIRED']);
    const returned = ok(
      await transition(other.supervisor, ready.id, 'RETURN', { note: 'فهرست کارکنان امضا ندارد' }),
    ).transitionAgreement;
    expect(returned.state).toBe('DRAFT');
    expect(returned.reviewComment).toBe('فهرست کارکنان امضا ندارد');
    ok(await transition(other.staff.token, ready.id, 'SUBMIT'));
    ok(await transition(other.supervisor, ready.id, 'START_REVIEW'));

    const bare = await transition(other.supervisor, ready.id, 'APPROVE');
    expect(reasons(bare)).toEqual(['fundingRials:REQUIRED', 'signedOn:REQUIRED']);
    const approved = ok(
      await transition(other.supervisor, ready.id, 'APPROVE', {
        fundingRials: '۱٬۲۰۰٬۰۰۰٬۰۰۰',
        signedOn: '۱۴۰۴/۰۱/۱۰',
      }),
    ).transitionAgreement;
    expect(approved.state).toBe('APPROVED');
    expect(approved.fundingRials).toBe('1200000000');
    expect(approved.signedOn).toBe('2025-03-30');
    expect(approved.commitments.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);

    ok(await transition(other.supervisor, ready.id, 'ACTIVATE'));
    ok(await transition(other.supervisor, ready.id, 'BEGIN_YEAR_END_REVIEW'));
    // Renewal is the Prevention deputy's decision, not the supervisor's.
    expect(errorCode(await transition(other.supervisor, ready.id, 'RENEW'))).toBe('FORBIDDEN');
    const renewed = ok(
      await transition(other.admin, ready.id, 'RENEW', { note: 'عملکرد سال تأیید شد' }),
    ).transitionAgreement;
    expect(renewed.state).toBe('RENEWED');
    expect(renewed.nextId).toBeTruthy();

    const next = (await readAgreement(renewed.nextId!, other.staff.token))!;
    expect(next).toMatchObject({
      year: YEAR + 1,
      state: 'DRAFT',
      previousId: ready.id,
      requestedFundingRials: '1200000000',
    });
    expect(next.startsOn).toBe('2026-03-21');
    expect(next.neighbourhoods.map((n) => n.id)).toEqual([other.neighbourhoodId]);
    // Licence scans and the staff list carry over; the year's activity record is new each year.
    expect(next.documents.map((d) => d.kind).sort()).toEqual(['LICENCE_SCAN', 'STAFF_LIST']);

    const history = (await readAgreement(ready.id, other.admin))!.history;
    expect(history.map((h) => `${h.fromState}>${h.action}>${h.toState}`)).toEqual([
      'DRAFT>SUBMIT>SUBMITTED',
      'SUBMITTED>START_REVIEW>UNDER_REVIEW',
      'UNDER_REVIEW>RETURN>DRAFT',
      'DRAFT>SUBMIT>SUBMITTED',
      'SUBMITTED>START_REVIEW>UNDER_REVIEW',
      'UNDER_REVIEW>APPROVE>APPROVED',
      'APPROVED>ACTIVATE>ACTIVE',
      'ACTIVE>BEGIN_YEAR_END_REVIEW>YEAR_END_REVIEW',
      'YEAR_END_REVIEW>RENEW>RENEWED',
    ]);
    expect(history.every((h) => h.actor.length > 0)).toBe(true);
    expect(history[2]!.note).toBe('فهرست کارکنان امضا ندارد');

    // A final state allows nothing, and every attempt leaves it as it was.
    for (const action of allActions) {
      expect(errorCode(await transition(other.admin, ready.id, action, { note: 'x' }))).toBe('ILLEGAL_TRANSITION');
    }
    expect((await readAgreement(ready.id, other.admin))!.history).toHaveLength(9);
  });

  it('refuses each illegal move from a draft with ILLEGAL_TRANSITION and changes nothing', async () => {
    const s = await setupBase();
    const d = await readyDraft(s, YEAR);
    for (const action of allActions.filter((a) => a !== 'SUBMIT')) {
      const r = await transition(s.admin, d.id, action, { note: 'x', fundingRials: '1', signedOn: '1404/01/01' });
      expect(errorCode(r), action).toBe('ILLEGAL_TRANSITION');
    }
    const after = (await readAgreement(d.id, s.admin))!;
    expect(after.state).toBe('DRAFT');
    expect(after.history).toEqual([]);
    expect(after.fundingRials).toBeNull();
  });

  it('terminates early only with a reason, notice and a last day inside the year', async () => {
    const s = await setupBase();
    const d = await readyDraft(s, YEAR);
    await activate(s, d.id);
    const bare = await transition(s.admin, d.id, 'TERMINATE');
    expect(reasons(bare)).toEqual(['note:REQUIRED', 'noticeOn:REQUIRED', 'endsOn:REQUIRED']);
    const short = await transition(s.admin, d.id, 'TERMINATE', {
      note: 'تخلف',
      noticeOn: '1404/10/01',
      endsOn: '1404/10/20',
    });
    expect(reasons(short)).toEqual(['endsOn:NOTICE_TOO_SHORT']);
    const outside = await transition(s.admin, d.id, 'TERMINATE', {
      note: 'تخلف',
      noticeOn: '1404/10/01',
      endsOn: '1405/02/01',
    });
    expect(reasons(outside)).toEqual(['endsOn:OUTSIDE_YEAR']);
    expect(
      errorCode(
        await transition(s.supervisor, d.id, 'TERMINATE', { note: 'x', noticeOn: '1404/10/01', endsOn: '1404/12/01' }),
      ),
    ).toBe('FORBIDDEN');
    expect((await readAgreement(d.id, s.admin))!.state).toBe('ACTIVE');
    const done = ok(
      await transition(s.admin, d.id, 'TERMINATE', {
        note: 'گزارش به کمیسیون ماده ۲۶',
        noticeOn: '1404/10/01',
        endsOn: '1404/11/15',
      }),
    ).transitionAgreement;
    expect(done).toMatchObject({
      state: 'TERMINATED',
      noticeOn: '2025-12-22',
      endsEarlyOn: '2026-02-04',
      terminationReason: 'گزارش به کمیسیون ماده ۲۶',
    });
  });

  it('declines renewal only with a note', async () => {
    const s = await setupBase();
    const d = await readyDraft(s, YEAR);
    await activate(s, d.id);
    ok(await transition(s.admin, d.id, 'BEGIN_YEAR_END_REVIEW'));
    expect(reasons(await transition(s.admin, d.id, 'DECLINE_RENEWAL'))).toEqual(['note:REQUIRED']);
    const declined = ok(
      await transition(s.admin, d.id, 'DECLINE_RENEWAL', { note: 'گزارش‌های فصل دوم و سوم نرسید' }),
    ).transitionAgreement;
    expect(declined).toMatchObject({
      state: 'NOT_RENEWED',
      nextId: null,
      decisionNote: 'گزارش‌های فصل دوم و سوم نرسید',
    });
  });

  it('does not activate an agreement before Nowruz of its year', async () => {
    const s = await setupBase();
    const d = await readyDraft(s, thisJalaliYear() + 1);
    ok(await transition(s.staff.token, d.id, 'SUBMIT'));
    ok(await transition(s.supervisor, d.id, 'START_REVIEW'));
    ok(await transition(s.supervisor, d.id, 'APPROVE', { fundingRials: '1000', signedOn: '1404/01/10' }));
    expect(errorCode(await transition(s.supervisor, d.id, 'ACTIVATE'))).toBe('YEAR_NOT_STARTED');
    expect((await readAgreement(d.id, s.supervisor))!.state).toBe('APPROVED');
  });

  it('refuses a second agreement for the same year and neighbourhoods the base does not serve', async () => {
    const s = await setupBase();
    await readyDraft(s, YEAR);
    const again = await createAgreement(s.staff.token, {
      organisationId: s.organisationId,
      year: YEAR,
      neighbourhoodIds: [b.neighbourhoodId],
    });
    expect(reasons(again)).toEqual(['year:DUPLICATE', 'neighbourhoodIds:ORGANISATION_NOT_SERVING']);
  });

  it('keeps agreements from other bases, other counties and people without a part in them', async () => {
    const s = await setupBase();
    const d = await readyDraft(s, YEAR);
    const otherStaff = b.staff.token;
    const neka = await createUser([{ role: 'COUNTY_SUPERVISOR', countySlug: 'neka' }]);
    for (const token of [otherStaff, neka.token]) {
      expect(await readAgreement(d.id, token)).toBeNull();
      const list = ok(await gql<{ agreements: { id: string }[] }>('{ agreements { id } }', {}, { token })).agreements;
      expect(list.map((a) => a.id)).not.toContain(d.id);
      expect(errorCode(await transition(token, d.id, 'SUBMIT'))).toBe('NOT_FOUND');
    }
    for (const who of [demo.resident, demo.donor, demo.volunteer]) {
      expect(errorCode(await gql('{ agreements { id } }', {}, { token: await login(who) }))).toBe('FORBIDDEN');
    }
    expect(errorCode(await gql('{ agreements { id } }'))).toBe('UNAUTHENTICATED');
    // The supervisor sees it but may not submit the organisation's application for it.
    expect(errorCode(await transition(s.supervisor, d.id, 'SUBMIT'))).toBe('FORBIDDEN');
    expect((await readAgreement(d.id, s.supervisor))!.state).toBe('DRAFT');
  });

  it('lets only the organisation edit its draft documents, and only while it is a draft', async () => {
    const s = await setupBase();
    const d = await readyDraft(s, YEAR);
    const docId = d.documents[0]!.id;
    expect(
      errorCode(
        await gql(
          'mutation($a: ID!, $d: ID!) { detachAgreementDocument(agreementId: $a, documentId: $d) { id } }',
          { a: d.id, d: docId },
          { token: s.supervisor },
        ),
      ),
    ).toBe('FORBIDDEN');
    ok(await transition(s.staff.token, d.id, 'SUBMIT'));
    const late = await gql(
      'mutation($a: ID!, $d: ID!) { detachAgreementDocument(agreementId: $a, documentId: $d) { id } }',
      { a: d.id, d: docId },
      { token: s.staff.token },
    );
    expect(errorCode(late)).toBe('ILLEGAL_TRANSITION');
    const lateUpload = await upload(s.staff.token, {
      organisationId: s.organisationId,
      kind: 'OTHER',
      agreementId: d.id,
    });
    expect(lateUpload.status).toBe(409);
    expect(lateUpload.body.error?.code).toBe('ILLEGAL_TRANSITION');
    // A document a submitted agreement relies on cannot be deleted.
    expect(
      errorCode(await gql('mutation($id: ID!) { deleteDocument(id: $id) }', { id: docId }, { token: s.staff.token })),
    ).toBe('DOCUMENT_IN_USE');
    expect((await readAgreement(d.id, s.staff.token))!.documents).toHaveLength(3);
  });
});

describe('organisation registry', () => {
  it('registers an organisation, and only the welfare office changes registry fields', async () => {
    const s = await setupBase();
    const update = (token: string, input: Record<string, unknown>) =>
      gql<{ updateOrganisation: { type: string; clinicGrade: number | null; phone: string | null } }>(
        'mutation($id: ID!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $i) { type clinicGrade phone } }',
        { id: s.organisationId, i: input },
        { token },
      );
    expect(reasons(await update(s.staff.token, { type: 'CHARITY' }))).toEqual(['type:REGISTRY_FIELDS']);
    expect(ok(await update(s.staff.token, { phone: '۰۱۱-۴۴۲۲۳۳۴۴' })).updateOrganisation.phone).toBe('011-44223344');
    expect(reasons(await update(s.supervisor, { type: 'CHARITY', clinicGrade: 2 }))).toEqual([
      'clinicGrade:CLINICS_ONLY',
    ]);
    expect(reasons(await update(s.supervisor, { type: 'SOCIAL_WORK_CLINIC', clinicGrade: 4 }))).toEqual([
      'clinicGrade:OUT_OF_RANGE',
    ]);
    expect(
      ok(await update(s.supervisor, { type: 'SOCIAL_WORK_CLINIC', clinicGrade: 2 })).updateOrganisation,
    ).toMatchObject({
      type: 'SOCIAL_WORK_CLINIC',
      clinicGrade: 2,
    });
    const notHub = await update(s.supervisor, { parentId: (await createTestBase(s.neighbourhoodId)).id });
    expect(reasons(notHub)).toEqual(['parentId:NOT_A_HUB']);

    const newcomer = await createUser();
    const added = ok(
      await gql<{ addOrganisationStaff: { userId: string }[] }>(
        'mutation($o: ID!, $e: String!) { addOrganisationStaff(organisationId: $o, email: $e) { userId } }',
        { o: s.organisationId, e: newcomer.email.toUpperCase() },
        { token: s.supervisor },
      ),
    ).addOrganisationStaff;
    expect(added.map((m) => m.userId)).toContain(newcomer.id);
    expect(
      errorCode(
        await gql(
          'mutation($o: ID!, $e: String!) { addOrganisationStaff(organisationId: $o, email: $e) { userId } }',
          { o: s.organisationId, e: newcomer.email },
          { token: s.staff.token },
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('flags licences inside the warning window and refuses impossible days', async () => {
    const s = await setupBase();
    const save = (input: Record<string, unknown>) =>
      gql<{ saveLicence: { expiry: string; daysLeft: number | null } }>(
        'mutation($o: ID!, $i: LicenceInput!) { saveLicence(organisationId: $o, input: $i) { expiry daysLeft } }',
        {
          o: s.organisationId,
          i: { kind: 'ESTABLISHMENT', number: 'x-1', issuer: 'بهزیستی', issuedOn: '1403/01/01', ...input },
        },
        { token: s.staff.token },
      );
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    expect(ok(await save({ expiresOn: soon })).saveLicence.expiry).toBe('EXPIRING');
    expect(ok(await save({ expiresOn: '1404/01/01' })).saveLicence.expiry).toBe('EXPIRED');
    expect(ok(await save({ expiresOn: '1499/01/01' })).saveLicence.expiry).toBe('VALID');
    expect(reasons(await save({ expiresOn: '1402/01/01' }))).toEqual(['expiresOn:DATE_ORDER']);
    expect(reasons(await save({ issuedOn: '1404/12/30' }))).toEqual(['issuedOn:INVALID_DATE']);
    const count = ok(
      await gql<{ organisation: { licences: unknown[] } }>(
        'query($s: String!) { organisation(slug: $s) { licences { id } } }',
        { s: s.organisationSlug },
        { token: s.staff.token },
      ),
    ).organisation.licences.length;
    expect(count).toBe(3);
  });
});
