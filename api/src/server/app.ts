import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type RequestHandler } from 'express';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { GraphQLError, parse, specifiedRules, validate, type OperationDefinitionNode } from 'graphql';
import type { AppConfig } from '../config/config.js';
import type { Orm } from '../db/orm.js';
import { checkGate } from '../auth/operation-policy.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import { LoginThrottle } from '../modules/accounts/login-throttle.js';
import { MapLive } from '../modules/mapping/mapping.live.js';
import { scheduleOverdueReminders } from '../modules/pledges/pledges.reminders.js';
import { scheduleAgreementReminders } from '../modules/agreements/agreements.reminders.js';
import { documentRoutes } from '../modules/documents/documents.routes.js';
import { LocalDiskStorage } from '../modules/documents/documents.storage.js';
import type { Context } from './context.js';
import { errorMessages, formatError, pickLang } from './errors.js';
import { armor, MAX_TOKENS } from './hardening.js';
import { createAppPubSub } from './pubsub.js';
import { countStatements, currentStatementCounter, StatementCounter } from '../db/statement-count.js';
import { Topic } from './topic.js';
import { buildAppSchema, operationPolicies } from './schema.js';
import { requestToken, tokenFrom } from './session-cookie.js';

export async function createApp(config: AppConfig, orm: Orm): Promise<{ server: Server; stop(): Promise<void> }> {
  const pubsub = createAppPubSub();
  const schema = await buildAppSchema(pubsub);
  const loginThrottle = new LoginThrottle(config.loginMaxFailures, config.loginMaxFailures * 5, config.loginWindowMs);
  const mapLive = new MapLive();
  const changes = new Topic<string>();
  const stopReminders = scheduleOverdueReminders(() => orm.em.fork(), config.reminderIntervalMs);
  const stopAgreementReminders = scheduleAgreementReminders(() => orm.em.fork(), config);
  const storage = new LocalDiskStorage(config.filesDir);
  const app = express();
  // Behind a reverse proxy on loopback the client address comes from X-Forwarded-For.
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  const httpServer = createServer(app);

  const resolveViewer = (token: string | null) =>
    token ? new AccountsService(orm.em.fork()).resolveViewer(token) : Promise.resolve(null);
  const baseContext = async (token: string | null, lang: Context['lang'], ip: string) => {
    const em = orm.em.fork();
    const viewer = await resolveViewer(token);
    return {
      em,
      viewer,
      lang,
      ip,
      config,
      pubsub,
      loginThrottle,
      mapLive,
      storage,
      changes,
      audit: null,
      afterCommit: [],
    } satisfies Context;
  };

  const protection = armor();
  const validationRules = [...specifiedRules, ...protection.validationRules];

  // Subscriptions over graphql-ws on the same port and path, under the same limits, gate and
  // error format as HTTP.
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  type WsCtx = { connectionParams?: Readonly<Record<string, unknown>>; extra: Extra };
  const wsToken = (ctx: WsCtx) =>
    tokenFrom({
      authorization:
        typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined,
      cookie: ctx.extra.request.headers.cookie,
    });
  const wsLang = (ctx: WsCtx) => pickLang(ctx.extra.request.headers['accept-language']);
  const wsFormat = (ctx: WsCtx, errors: readonly GraphQLError[]) =>
    errors.map((e) => formatError(wsLang(ctx), e.toJSON(), e));
  const wsCleanup = useServer<Record<string, unknown>>(
    {
      schema,
      onSubscribe: async (ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query, { maxTokens: MAX_TOKENS });
        } catch (e) {
          return [e instanceof GraphQLError ? e : new GraphQLError('parse failed')];
        }
        const errors = validate(schema, document, validationRules);
        if (errors.length) return errors;
        const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
        if (op?.operation === 'subscription') {
          // The role gate applies before a subscription starts, not only when an event arrives.
          const viewer = await resolveViewer(wsToken(ctx));
          for (const sel of op.selectionSet.selections) {
            if (sel.kind !== 'Field') continue;
            const outcome = checkGate(operationPolicies[sel.name.value], viewer);
            if (outcome !== 'allow') {
              const code = outcome === 'unauthenticated' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
              return [new GraphQLError(errorMessages[code].en, { extensions: { code } })];
            }
          }
        }
        return {
          schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: await baseContext(wsToken(ctx), wsLang(ctx), ctx.extra.request.socket.remoteAddress ?? ''),
        };
      },
      onError: (ctx, _id, _payload, errors) => wsFormat(ctx, errors),
      onNext: (ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: wsFormat(ctx, result.errors) } : undefined,
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    // main.ts owns SIGINT/SIGTERM and stops the HTTP server, subscriptions and database in order.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    validationRules: protection.validationRules,
    plugins: [
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response }) {
              response.http.headers.set('cache-control', 'no-store');
              const counter = config.countStatements ? currentStatementCounter() : undefined;
              if (counter && response.body.kind === 'single') {
                const result = response.body.singleResult;
                result.extensions = { ...result.extensions, sqlStatements: counter.count };
              }
            },
          };
        },
      },
    ],
    formatError: (formatted, raw) => formatError(currentLang(), formatted, raw),
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    res.set('cache-control', 'no-store');
    try {
      await orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  const noStore: RequestHandler = (_req, res, next) => {
    res.set('cache-control', 'no-store');
    next();
  };
  app.use(
    '/graphql',
    noStore,
    langScope,
    // Room for a GeoJSON import of a few thousand features; the query document itself stays capped by tokens.
    express.json({ limit: '16mb' }),
    ...(config.countStatements ? [statementScope] : []),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        ...(await baseContext(requestToken(req), pickLang(req.headers['accept-language']), req.ip ?? '')),
        req,
        res,
      }),
    }),
  );

  app.use(documentRoutes({ config, storage, fork: () => orm.em.fork(), resolveViewer }));

  const handler = await loadPortal(config.portalBuildDir);
  if (handler) app.use(handler);
  else app.get('/', (_req, res) => res.type('text/plain').send('Mahalleh API: the portal is not built (pnpm build).'));

  return {
    server: httpServer,
    /** Stops taking requests, ends open connections and subscriptions, then stops Apollo. */
    async stop() {
      stopReminders();
      stopAgreementReminders();
      const closed = new Promise<void>((r) => httpServer.close(() => r()));
      httpServer.closeIdleConnections();
      await wsCleanup.dispose();
      httpServer.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
}

/** The adapter-node handler of the built portal, served from the same origin as the API. */
async function loadPortal(buildDir: string): Promise<RequestHandler | null> {
  const file = join(buildDir, 'handler.js');
  if (!existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as { handler: RequestHandler };
  return mod.handler;
}

/**
 * formatError has no request at hand; the language of the request being formatted is carried in
 * an AsyncLocalStorage set by this middleware.
 */
const langStore = new AsyncLocalStorage<Context['lang']>();
const langScope: RequestHandler = (req, _res, next) => langStore.run(pickLang(req.headers['accept-language']), next);
const currentLang = () => langStore.getStore() ?? 'fa';

/** Counts the SQL statements of each GraphQL request (SQL_STATEMENT_COUNT=1). */
const statementScope: RequestHandler = (_req, _res, next) => countStatements(new StatementCounter(), () => next());
