import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config/config.js';
import type { Viewer } from '../auth/viewer.js';
import type { AuditChange } from '../modules/audit/audit.service.js';
import type { Lang } from './errors.js';
import type { PubSub } from './pubsub.js';
import type { LoginThrottle } from '../modules/accounts/login-throttle.js';
import type { MapLive } from '../modules/mapping/mapping.live.js';
import type { Topic } from './topic.js';
import type { FileStorage } from '../modules/documents/documents.storage.js';

/** Everything a resolver may use during one request (or one subscription). */
export interface Context {
  /** A request-scoped fork; inside a mutation it is the mutation's transaction. */
  em: EntityManager;
  viewer: Viewer | null;
  lang: Lang;
  ip: string;
  config: AppConfig;
  pubsub: PubSub;
  loginThrottle: LoginThrottle;
  /** Live co-mapping: event fan-out, presence, the category catalogue. */
  mapLive: MapLive;
  /** Where document bytes are kept. */
  storage: FileStorage;
  /** Changes to live records other than maps, keyed like `assessment:<id>`; published after commit. */
  changes: Topic<string>;
  /** Present for HTTP requests (not for subscriptions over WebSocket). */
  req?: Request;
  res?: Response;
  /** Set by the mutation middleware: the change this mutation made, written as its audit row. */
  audit: AuditChange | null;
  /** Work to do once the mutation's transaction has committed (e.g. publishing live events). */
  afterCommit: (() => void)[];
}
