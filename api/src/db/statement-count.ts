import { AsyncLocalStorage } from 'node:async_hooks';
import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';

/** SQL statements sent while serving one request. */
export class StatementCounter {
  count = 0;
}

const current = new AsyncLocalStorage<StatementCounter>();

/** Runs `fn` (and everything it awaits) counting the SQL statements it sends. */
export function countStatements<T>(counter: StatementCounter, fn: () => T): T {
  return current.run(counter, fn);
}

export const currentStatementCounter = (): StatementCounter | undefined => current.getStore();

/**
 * MikroORM hands every statement to its logger, whether or not it prints it; this one also counts
 * them for the request in progress. Used to prove queries stay bounded (tests, `pnpm bench`).
 */
export class CountingLogger extends DefaultLogger {
  override logQuery(context: { query: string } & LogContext): void {
    const counter = current.getStore();
    if (counter) counter.count++;
    super.logQuery(context);
  }

  static override create(this: void, options: LoggerOptions): CountingLogger {
    return new CountingLogger(options);
  }
}
