import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityName, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from './errors.js';

const keyPattern = /^[A-Za-z0-9_-]{8,80}$/;

/** A stable fingerprint of what a request asked for (keys sorted, so order does not matter). */
export function requestHash(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .filter(([, x]) => x !== undefined)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
}

export function checkIdempotencyKey(key: string): void {
  if (!keyPattern.test(key)) throw badInput([{ field: 'idempotencyKey', reason: 'INVALID_KEY' }]);
}

/**
 * Creates a row at most once per (creator, key). A retry with the same key and the same request
 * gets the first row back (`replayed`); the same key for a different request is refused. Two
 * requests racing with one key: the unique index lets one insert win, the other's savepoint is
 * rolled back and it returns the winner's row.
 */
export async function createOnce<T extends { id: string; requestHash: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  hash: string,
  create: (tx: EntityManager) => Promise<string>,
): Promise<{ id: string; replayed: boolean }> {
  const existing = async () => {
    const found = await em.findOne(entity, where, { fields: ['id', 'requestHash'] as never });
    if (!found) return null;
    if (found.requestHash !== hash) throw badInput([{ field: 'idempotencyKey', reason: 'KEY_REUSED' }]);
    return { id: found.id, replayed: true };
  };
  const before = await existing();
  if (before) return before;
  try {
    // A savepoint: losing the race rolls back only this insert, not the caller's transaction.
    const id = await em.transactional((tx) => create(tx as EntityManager));
    return { id, replayed: false };
  } catch (e) {
    if (!(e instanceof UniqueConstraintViolationException)) throw e;
    const winner = await existing();
    if (!winner) throw e;
    return winner;
  }
}
