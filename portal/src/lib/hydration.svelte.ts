import { onMount } from 'svelte';

/**
 * False in the server-rendered HTML and until the component mounts in the browser. Forms send their
 * mutations from script, so their submit buttons wait for it rather than fall back to a plain POST.
 */
export function hydrated(): { readonly current: boolean } {
  let mounted = $state(false);
  onMount(() => {
    mounted = true;
  });
  return {
    get current() {
      return mounted;
    },
  };
}
