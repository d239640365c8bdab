import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
    environment: 'node',
    // Each test file opens its own SQLite files; two cores, so keep it modest.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
