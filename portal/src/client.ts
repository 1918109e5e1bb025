import { HoudiniClient, fetch } from '$houdini';

// A relative URL on the server too: SvelteKit's fetch then treats GraphQL as same-origin (no CORS
// check, cookies forwarded) and hooks.server.ts hands it to the API in this same Node server.
export default new HoudiniClient({
  plugins: [fetch('/graphql')],
});
