/// <references types="houdini-svelte">

/** @type {import('houdini').ConfigFile} */
const config = {
  // The API emits schema.graphql at the repository root; the portal never fetches it over the network.
  schemaPath: '../schema.graphql',
  watchSchema: false,
  // The API serves the portal, so GraphQL lives on the same origin.
  url: '/graphql',
  scalars: {
    DateTimeISO: {
      type: 'string',
      unmarshal(val) {
        return val;
      },
      marshal(val) {
        return val;
      },
    },
    JSON: {
      type: 'unknown',
      unmarshal(val) {
        return val;
      },
      marshal(val) {
        return val;
      },
    },
  },
  plugins: {
    'houdini-svelte': { forceRunesMode: true, defaultRouteBlocking: true },
  },
};

export default config;
