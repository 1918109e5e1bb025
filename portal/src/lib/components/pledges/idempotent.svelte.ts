import type { GraphQLErrorLike } from '$lib/graphql/errors';
import { hydrated } from '$lib/hydration.svelte';
import { m } from '$lib/paraglide/messages';

import { pledgeErrorMessage, pledgeProblems, refusalReasons } from './reasons';

interface MutationResult<T> {
  data?: T | null;
  errors?: readonly GraphQLErrorLike[] | null;
}

/** A fresh key the API accepts (8-80 of A-Z a-z 0-9 _ -); plain HTTP has no randomUUID, so bytes then. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A form that creates something at most once however shaky the network. Each submission carries
 * an idempotency key; the key stays the same while the same request is sent again after a failed
 * connection (the server may have stored the first one, and answers a repeat with it), and a new
 * key is made only after success or once the person changes what they are sending.
 */
export class IdempotentSubmission {
  submitting = $state(false);
  /** The last attempt never got an answer: it may or may not have been stored. */
  networkFailed = $state(false);
  error = $state<string | null>(null);
  /** The API's refusals by field path, in words. */
  problems = $state<Record<string, string>>({});
  /** The refusal reasons of the last answer (OVER_RECEIVED, ...). */
  reasons = $state<string[]>([]);
  #key: string | null = null;
  #request: string | null = null;
  readonly #ready = hydrated();

  get disabled(): boolean {
    return !this.#ready.current || this.submitting;
  }

  /** Sends `request` under its key; resolves to the data, or to null with the problem set. */
  async run<T>(request: object, mutate: (key: string) => Promise<MutationResult<T>>): Promise<T | null> {
    const fingerprint = JSON.stringify(request);
    if (this.#key === null || this.#request !== fingerprint) {
      this.#key = newIdempotencyKey();
      this.#request = fingerprint;
    }
    const key = this.#key;
    this.submitting = true;
    this.error = null;
    this.networkFailed = false;
    this.problems = {};
    this.reasons = [];
    try {
      const result = await mutate(key);
      if (result.errors?.length || !result.data) {
        this.error = pledgeErrorMessage(result.errors);
        this.problems = pledgeProblems(result.errors);
        this.reasons = refusalReasons(result.errors);
        return null;
      }
      this.#key = null;
      this.#request = null;
      return result.data;
    } catch {
      // No answer at all (dropped connection, offline, a proxy's error page): keep the key.
      this.networkFailed = true;
      this.error = m.pledge_network_error();
      return null;
    } finally {
      this.submitting = false;
    }
  }
}
