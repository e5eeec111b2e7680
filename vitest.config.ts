import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/store/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/editor/**/*.test.ts'],
          environment: 'node',
          // Correctness, not speed (speed is `npm run bench`): a loaded CI machine may take several
          // times longer than a laptop on the property and crypto tests, and must not fail them for it.
          testTimeout: 30_000,
          setupFiles: ['tests/setup-indexeddb.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
