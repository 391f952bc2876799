import { defineConfig } from 'vitest/config';

/** Browser journeys against the real product (built web app + `dichter serve` with the demo). */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    environment: 'node',
    // One server, one Chromium per file, files one after another: the journeys share demo data.
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 240_000,
    reporters: ['default'],
  },
});
