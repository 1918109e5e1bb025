import { HoudiniClient, fetch, subscription } from '$houdini/runtime/client';

import { socketClient } from '$lib/graphql/socket';

// A relative URL on the server too: SvelteKit's fetch then treats GraphQL as same-origin (no CORS
// check, cookies forwarded) and hooks.server.ts hands it to the API in this same Node server.
// Subscriptions only start in the browser, over the tab's one WebSocket to the same /graphql.
export default new HoudiniClient({
  plugins: [subscription(() => socketClient()), fetch('/graphql')],
});
