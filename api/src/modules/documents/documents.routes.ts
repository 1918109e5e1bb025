import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import type { AppConfig } from '../../config/config.js';
import { AppError, errorMessages, pickLang, type ErrorCode } from '../../server/errors.js';
import { requestToken } from '../../server/session-cookie.js';
import { AuditService } from '../audit/audit.service.js';
import { AgreementsService } from '../agreements/agreements.service.js';
import { DocumentsService, presentDocument } from './documents.service.js';
import type { FileStorage } from './documents.storage.js';

interface Deps {
  config: AppConfig;
  storage: FileStorage;
  fork: () => EntityManager;
  resolveViewer: (token: string | null) => Promise<Viewer | null>;
}

const statusOf: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  BAD_USER_INPUT: 400,
  ILLEGAL_TRANSITION: 409,
  BAD_REQUEST: 400,
};

/**
 * Files over plain HTTP, beside /graphql.
 * - `POST /files?organisationId=&kind=[&agreementId=]`: the body is the file itself, its type in
 *   `Content-Type` and its name, URL-encoded, in `X-File-Name`. The custom header also means a
 *   cross-site form cannot post here (browsers preflight it), so the session cookie is safe.
 * - `GET /files/:id`: the bytes, to those allowed only; anyone else gets 404.
 * Nothing is scanned for viruses: no scanner is reachable here. Files are served as attachments
 * with `nosniff` and a sandboxing CSP so a browser never runs them.
 */
export function documentRoutes(deps: Deps): Router {
  const router = express.Router();

  const fail = (res: express.Response, lang: 'fa' | 'en', code: ErrorCode, fields?: unknown) => {
    res
      .status(statusOf[code] ?? 500)
      .set('cache-control', 'no-store')
      .json({ error: { code, message: errorMessages[code][lang], ...(fields ? { fields } : {}) } });
  };

  const tooLarge: RequestHandler = (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared <= deps.config.uploadMaxBytes) return next();
    const refuse = () =>
      fail(res, pickLang(req.headers['accept-language']), 'FILE_TOO_LARGE', [{ field: 'file', reason: 'TOO_LARGE' }]);
    // Refused before anything is kept. A body up to a few times the limit is read and dropped
    // first, so the client finishes sending and reads this answer instead of a broken connection;
    // anything bigger is answered at once and its connection closed.
    if (declared > deps.config.uploadMaxBytes * 8) {
      res.set('connection', 'close');
      refuse();
    } else {
      req.on('end', refuse);
      req.resume();
    }
  };

  router.post(
    '/files',
    tooLarge,
    express.raw({ type: () => true, limit: deps.config.uploadMaxBytes }),
    async (req, res) => {
      const lang = pickLang(req.headers['accept-language']);
      const nameHeader = req.headers['x-file-name'];
      if (typeof nameHeader !== 'string')
        return fail(res, lang, 'BAD_REQUEST', [{ field: 'fileName', reason: 'REQUIRED' }]);
      let fileName: string;
      try {
        fileName = decodeURIComponent(nameHeader);
      } catch {
        return fail(res, lang, 'BAD_USER_INPUT', [{ field: 'fileName', reason: 'INVALID_FILE_NAME' }]);
      }
      const q = req.query as Record<string, string | undefined>;
      const viewer = await deps.resolveViewer(requestToken(req));
      const em = deps.fork();
      try {
        const document = await em.transactional(async (tx) => {
          const { document, change } = await new DocumentsService(tx, deps.storage).upload(viewer, {
            organisationId: q.organisationId ?? '',
            kind: q.kind ?? '',
            fileName,
            contentType: req.headers['content-type'] ?? '',
            bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
            attach: async (doc) => {
              if (!q.agreementId) return;
              const attached = await new AgreementsService(tx, deps.config).setDocument(
                viewer,
                q.agreementId,
                doc.id,
                true,
              );
              new AuditService(tx).write('attachAgreementDocument', viewer, attached.change);
              await tx.flush();
            },
          });
          new AuditService(tx).write('uploadDocument', viewer, change);
          await tx.flush();
          return document;
        });
        res
          .status(201)
          .set('cache-control', 'no-store')
          .json({ document: presentDocument(document) });
      } catch (e) {
        if (e instanceof AppError) return fail(res, lang, e.code, e.extensions.fields);
        console.error('[files] upload failed', e);
        return fail(res, lang, 'INTERNAL');
      }
    },
  );

  router.get('/files/:id', async (req, res) => {
    const viewer = await deps.resolveViewer(requestToken(req));
    const found = await new DocumentsService(deps.fork(), deps.storage).download(viewer, req.params.id);
    if (!found) {
      res.status(404).set('cache-control', 'no-store').type('text/plain').send('Not found');
      return;
    }
    const { document, stream } = found;
    res.set({
      'content-type': document.contentType,
      'content-length': String(document.sizeBytes),
      'content-disposition': `attachment; filename="document"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'private, no-store',
    });
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });

  // express.raw reports a body over the limit (when no length was declared) as an error.
  const bodyErrors: ErrorRequestHandler = (err: { type?: string }, req, res, next) => {
    const lang = pickLang(req.headers['accept-language']);
    if (err?.type === 'entity.too.large')
      return fail(res, lang, 'FILE_TOO_LARGE', [{ field: 'file', reason: 'TOO_LARGE' }]);
    if (err?.type) return fail(res, lang, 'BAD_REQUEST');
    next(err);
  };
  router.use(bodyErrors);
  return router;
}
