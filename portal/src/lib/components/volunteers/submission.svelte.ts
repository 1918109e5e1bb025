import type { GraphQLErrorLike } from '$lib/graphql/errors';
import { hydrated } from '$lib/hydration.svelte';

import { volunteerErrorMessage, volunteerProblems } from './reasons';

interface MutationResult<T> {
  data?: T | null;
  errors?: readonly GraphQLErrorLike[] | null;
}

/**
 * The shared form Submission, with the volunteers API's refusals in words: one message for the
 * summary and one beside each refused field. Create it while the component initialises.
 */
export class VolunteerSubmission {
  error = $state<string | null>(null);
  problems = $state<Record<string, string>>({});
  submitting = $state(false);
  readonly #ready = hydrated();

  get disabled(): boolean {
    return !this.#ready.current || this.submitting;
  }

  /** Runs the mutation; resolves to its data, or to null after setting `error` and `problems`. */
  async run<T>(mutate: () => Promise<MutationResult<T>>): Promise<T | null> {
    this.error = null;
    this.problems = {};
    this.submitting = true;
    try {
      const result = await mutate();
      if (result.errors?.length || !result.data) {
        this.error = volunteerErrorMessage(result.errors);
        this.problems = volunteerProblems(result.errors);
        return null;
      }
      return result.data;
    } catch {
      this.error = volunteerErrorMessage(null);
      return null;
    } finally {
      this.submitting = false;
    }
  }

  clear(): void {
    this.error = null;
    this.problems = {};
  }
}
