import type { DocumentKind$options } from '$houdini';

import { reasonMessage } from '$lib/graphql/errors';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** A document as `POST /files` answers it (the same fields as the `DocumentFields` fragment). */
export interface UploadedDocument {
  id: string;
  organisationId: string;
  kind: DocumentKind$options;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
  uploadedBy: string;
  /** Same-origin download path, /files/<id>. */
  url: string;
}

/** What the file input accepts; the API checks again by type, extension and content. */
export const UPLOAD_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';

const typesByExtension: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file's type as the browser knows it, else from its extension (some phones leave it empty). */
export function contentTypeOf(file: File): string {
  if (file.type) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return typesByExtension[extension] ?? 'application/octet-stream';
}

export interface UploadRequest {
  file: File;
  organisationId: string;
  kind: DocumentKind$options;
  /** Also attach the document to this draft agreement. */
  agreementId?: string | null;
  /** 0-100 as the bytes leave. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

export type UploadResult =
  | { ok: true; document: UploadedDocument }
  /** `network`: no answer came (connection dropped); sending the same file again is safe. */
  | { ok: false; network: boolean; aborted: boolean; code: string | null; message: string };

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; fields?: unknown };
}

/** The words for a refusal: the field reasons for refused input, else the API's own message. */
export function uploadErrorMessage(body: unknown): { code: string | null; message: string } {
  const error = (body as ErrorBody | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : null;
  const apiMessage = typeof error?.message === 'string' && error.message ? error.message : null;
  const reasons = Array.isArray(error?.fields)
    ? [
        ...new Set(
          (error.fields as { reason?: unknown }[])
            .map((field) => field?.reason)
            .filter((reason): reason is string => typeof reason === 'string'),
        ),
      ]
    : [];
  // The general "input not valid" says little; the reasons say what to fix.
  if ((code === 'BAD_USER_INPUT' || code === 'BAD_REQUEST' || !apiMessage) && reasons.length) {
    return { code, message: reasons.map(reasonMessage).join(' ') };
  }
  // A type refusal may say more precisely what is wrong (extension or content not matching).
  const detail = reasons.filter((r) => r === 'EXTENSION_MISMATCH' || r === 'CONTENT_MISMATCH');
  if (apiMessage && detail.length) return { code, message: [apiMessage, ...detail.map(reasonMessage)].join(' ') };
  return { code, message: apiMessage ?? m.error_generic() };
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Sends one file to `POST /files` with XMLHttpRequest (fetch cannot report upload progress).
 * Never rejects: every outcome is an `UploadResult`.
 */
export function uploadDocument(request: UploadRequest): Promise<UploadResult> {
  const { file, organisationId, kind, agreementId, onProgress, signal } = request;
  const params = new URLSearchParams({ organisationId, kind });
  if (agreementId) params.set('agreementId', agreementId);

  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const networkFailure = (aborted: boolean) =>
      resolve({
        ok: false,
        network: !aborted,
        aborted,
        code: null,
        message: aborted ? m.doc_cancelled() : m.doc_network_error(),
      });

    xhr.open('POST', `/files?${params.toString()}`);
    // Same origin, so the session cookie goes along (as with fetch's `credentials: 'same-origin'`).
    xhr.responseType = 'text';
    xhr.setRequestHeader('Content-Type', contentTypeOf(file));
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', getLocale());

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress?.(Math.min(100, Math.round((event.loaded / event.total) * 100)));
      }
    };
    xhr.onerror = () => networkFailure(false);
    xhr.ontimeout = () => networkFailure(false);
    xhr.onabort = () => networkFailure(true);
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      const document = (body as { document?: UploadedDocument } | null)?.document;
      if (xhr.status >= 200 && xhr.status < 300 && document) {
        onProgress?.(100);
        resolve({ ok: true, document });
        return;
      }
      // A proxy's HTML error page (e.g. 502 while the server restarts) is like a dropped connection.
      if (!body && (xhr.status === 0 || xhr.status >= 500)) {
        networkFailure(false);
        return;
      }
      resolve({ ok: false, network: false, aborted: false, ...uploadErrorMessage(body) });
    };

    if (signal) {
      if (signal.aborted) {
        networkFailure(true);
        return;
      }
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(file);
  });
}
