import type { FieldProblem } from '../../server/errors.js';

/** What may be uploaded: scans and office documents, recognised by their first bytes, not only their label. */
const signatures: Record<string, { extensions: string[]; magic: number[][] }> = {
  'application/pdf': { extensions: ['pdf'], magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], magic: [[0xff, 0xd8, 0xff]] },
  'image/png': { extensions: ['png'], magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extensions: ['docx'],
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    extensions: ['xlsx'],
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
};

export const allowedContentTypes = Object.keys(signatures);

/**
 * A file name as shown back to people. Refused rather than cleaned: path separators, `..`,
 * control characters, leading dots and over-long names say the client is not what we expect.
 */
export function checkFileName(raw: string): { name: string } | { problem: FieldProblem } {
  const name = raw.normalize('NFC').trim();
  const bad =
    name.length === 0 ||
    name.length > 200 ||
    /[/\\]/.test(name) ||
    name.includes('..') ||
    name.startsWith('.') ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/.test(name) ||
    /[<>:"|?*]/.test(name);
  return bad ? { problem: { field: 'fileName', reason: 'INVALID_FILE_NAME' } } : { name };
}

/** The declared type must be allowed, match the name's extension and the file's first bytes. */
export function checkContent(contentType: string, name: string, bytes: Buffer): FieldProblem | null {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const sig = signatures[type];
  if (!sig) return { field: 'contentType', reason: 'TYPE_NOT_ALLOWED' };
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (!sig.extensions.includes(ext)) return { field: 'fileName', reason: 'EXTENSION_MISMATCH' };
  if (!sig.magic.some((m) => m.every((b, i) => bytes[i] === b))) {
    return { field: 'contentType', reason: 'CONTENT_MISMATCH' };
  }
  return null;
}

export function normaliseContentType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}
