import { defineConfig } from 'vitest/config';

/**
 * `integration` and `browser` each start the whole app (API + portal) once, on a real
 * database; `integration` talks GraphQL over HTTP/WebSocket, `browser` drives Debian Chromium.
 * `lifecycle` starts and stops its own embedded app to prove data survives a restart.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      // Starts and stops its own embedded app; no shared one.
      { extends: true, test: { name: 'lifecycle', include: ['lifecycle/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['api/**/*.test.ts'], globalSetup: ['./support/global-setup.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['browser/**/*.test.ts'],
          globalSetup: ['./support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
