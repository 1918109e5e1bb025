import { describe, expect, it } from 'vitest';
import { checkContent, checkFileName } from './documents.files.js';

const pdf = Buffer.from('%PDF-1.4\n%…');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);

describe('upload checks', () => {
  it('keeps ordinary Persian and English names as typed', () => {
    expect(checkFileName('پروانه فعالیت ۱۴۰۵.pdf')).toEqual({ name: 'پروانه فعالیت ۱۴۰۵.pdf' });
    expect(checkFileName('staff list v2.xlsx')).toEqual({ name: 'staff list v2.xlsx' });
  });

  it.each([
    '../../etc/passwd',
    '..\\..\\boot.ini',
    'a/b.pdf',
    '/abs.pdf',
    '.env',
    'a\u0000.pdf',
    'x..pdf',
    '',
    'a'.repeat(201),
  ])('must not accept the name %j', (name) => {
    expect(checkFileName(name)).toEqual({ problem: { field: 'fileName', reason: 'INVALID_FILE_NAME' } });
  });

  it('accepts a PDF that is a PDF', () => {
    expect(checkContent('application/pdf', 'a.pdf', pdf)).toBeNull();
    expect(checkContent('image/png', 'scan.PNG', png)).toBeNull();
  });

  it('must not accept other types, mismatched extensions or bytes that are not what they claim', () => {
    expect(checkContent('text/html', 'a.html', Buffer.from('<html>'))?.reason).toBe('TYPE_NOT_ALLOWED');
    expect(checkContent('application/x-msdownload', 'a.exe', Buffer.from('MZ'))?.reason).toBe('TYPE_NOT_ALLOWED');
    expect(checkContent('application/pdf', 'a.exe', pdf)?.reason).toBe('EXTENSION_MISMATCH');
    expect(checkContent('application/pdf', 'a.pdf', Buffer.from('MZ\u0090'))?.reason).toBe('CONTENT_MISMATCH');
    expect(checkContent('image/png', 'a.png', pdf)?.reason).toBe('CONTENT_MISMATCH');
  });
});
