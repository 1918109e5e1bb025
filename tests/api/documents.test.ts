import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { downloadStatus, pdfBytes, setupBase, upload, type BaseSetup } from '../support/agreements.js';
import { createUser } from '../support/factories.js';
import { demo, login } from '../support/gql.js';

/** Every stored file under the test app's FILES_DIR. */
function storedFiles(): string[] {
  const root = inject('filesDir');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

async function documentRows(organisationId: string): Promise<number> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const r = await client.query<{ n: number }>(
      'select count(*)::int as n from stored_document where organisation_id = $1',
      [organisationId],
    );
    return r.rows[0]!.n;
  } finally {
    await client.end();
  }
}

describe('documents', () => {
  let b: BaseSetup;
  beforeAll(async () => {
    b = await setupBase();
  });

  it('stores an allowed upload and serves it to the organisation, its supervisor and the province only', async () => {
    const bytes = pdfBytes('پروانهٔ فعالیت');
    const r = await upload(b.staff.token, {
      organisationId: b.organisationId,
      kind: 'LICENCE_SCAN',
      fileName: 'پروانه فعالیت ۱۴۰۵.pdf',
      body: bytes,
    });
    expect(r.status).toBe(201);
    const doc = r.body.document!;
    expect(doc.fileName).toBe('پروانه فعالیت ۱۴۰۵.pdf');
    expect(doc.url).toBe(`/files/${doc.id}`);

    for (const token of [b.staff.token, b.supervisor, b.admin]) {
      const got = await downloadStatus(token, doc.id);
      expect(got.status).toBe(200);
      expect(Buffer.compare(got.body, bytes)).toBe(0);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('پروانه فعالیت ۱۴۰۵.pdf')}`,
      );
    }

    const otherBase = await setupBase();
    const neka = await createUser([{ role: 'COUNTY_SUPERVISOR', countySlug: 'neka' }]);
    const refused = [
      otherBase.staff.token,
      neka.token,
      await login(demo.resident),
      await login(demo.volunteer),
      await login(demo.donor),
      // Staff of the demo Ommat-Abad base: same county, different organisation.
      await login(demo.base_staff),
      null,
    ];
    for (const token of refused) {
      const got = await downloadStatus(token, doc.id);
      expect(got.status).toBe(404);
      expect(got.body.includes(Buffer.from('%PDF'))).toBe(false);
    }
  });

  it('refuses files that are too large, of the wrong type or badly named, and stores nothing', async () => {
    const before = { rows: await documentRows(b.organisationId), files: storedFiles().length };
    const base = { organisationId: b.organisationId, kind: 'RESUME' };

    const big = Buffer.concat([pdfBytes(), Buffer.alloc(300 * 1024, 0x20)]);
    const tooLarge = await upload(b.staff.token, { ...base, fileName: 'big.pdf', body: big });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error?.code).toBe('FILE_TOO_LARGE');

    const html = await upload(b.staff.token, {
      ...base,
      fileName: 'page.html',
      contentType: 'text/html',
      body: Buffer.from('<script>alert(1)</script>'),
    });
    expect(html.status).toBe(415);
    expect(html.body.error).toMatchObject({
      code: 'FILE_TYPE_NOT_ALLOWED',
      fields: [{ field: 'contentType', reason: 'TYPE_NOT_ALLOWED' }],
    });

    const exe = await upload(b.staff.token, {
      ...base,
      fileName: 'resume.pdf',
      body: Buffer.from('MZ\x90\x00\x03 this is a program'),
    });
    expect(exe.status).toBe(415);
    expect(exe.body.error?.fields).toEqual([{ field: 'contentType', reason: 'CONTENT_MISMATCH' }]);

    const renamed = await upload(b.staff.token, { ...base, fileName: 'resume.exe' });
    expect(renamed.body.error?.fields).toEqual([{ field: 'fileName', reason: 'EXTENSION_MISMATCH' }]);

    for (const name of [
      '../../etc/passwd.pdf',
      '..\\..\\boot.pdf',
      'a/b.pdf',
      '/tmp/x.pdf',
      '.hidden.pdf',
      'x\u0000.pdf',
    ]) {
      const r = await upload(b.staff.token, { ...base, fileName: name });
      expect(r.status, name).toBe(400);
      expect(r.body.error?.fields, name).toEqual([{ field: 'fileName', reason: 'INVALID_FILE_NAME' }]);
    }
    const undecodable = await upload(b.staff.token, { ...base, rawFileName: '%E0%A4%A.pdf' });
    expect(undecodable.status).toBe(400);
    const unnamed = await upload(b.staff.token, { ...base, rawFileName: '' });
    expect(unnamed.status).toBe(400);

    // Someone else's organisation, or nobody signed in.
    const stranger = await setupBase();
    expect((await upload(stranger.staff.token, { ...base, fileName: 'x.pdf' })).status).toBe(404);
    expect((await upload(null, { ...base, fileName: 'x.pdf' })).status).toBe(401);

    expect(await documentRows(b.organisationId)).toBe(before.rows);
    expect(storedFiles().length).toBe(before.files);
  });

  it('answers a refused upload in the caller’s language', async () => {
    const r = await upload(b.staff.token, { organisationId: b.organisationId, kind: 'RESUME', fileName: 'a/b.pdf' });
    expect(r.body.error?.message).toBe('The input is not valid.');
  });
});
