import { defineConfig } from 'vitest/config';

/**
 * Two projects share one global setup that starts the whole app (API + portal) on a real
 * database: `integration` talks GraphQL over HTTP/WebSocket, `browser` drives Debian's Chromium.
 */
export default defineConfig({
  test: {
    globalSetup: ['./support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'integration', include: ['api/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'browser', include: ['browser/**/*.test.ts'], fileParallelism: false, testTimeout: 60_000 },
      },
    ],
  },
});
