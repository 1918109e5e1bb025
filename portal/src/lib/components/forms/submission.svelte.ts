import { errorMessage, type GraphQLErrorLike } from '$lib/graphql/errors';
import { hydrated } from '$lib/hydration.svelte';

interface MutationResult<T> {
  data?: T | null;
  errors?: readonly GraphQLErrorLike[] | null;
}

/**
 * What every form that sends one mutation shares: the submit button waits for hydration and for
 * the request in flight, and a failure becomes one message from the catalogue. Create it while
 * the component initialises.
 */
export class Submission {
  error = $state<string | null>(null);
  submitting = $state(false);
  readonly #ready = hydrated();

  get disabled(): boolean {
    return !this.#ready.current || this.submitting;
  }

  /** Runs the mutation; resolves to its data, or to null after setting `error`. */
  async run<T>(mutate: () => Promise<MutationResult<T>>): Promise<T | null> {
    this.error = null;
    this.submitting = true;
    try {
      const result = await mutate();
      if (result.errors?.length || !result.data) {
        this.error = errorMessage(result.errors);
        return null;
      }
      return result.data;
    } catch {
      this.error = errorMessage(null);
      return null;
    } finally {
      this.submitting = false;
    }
  }
}
