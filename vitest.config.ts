import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The renderer's alias for pure domain code (tsconfig.renderer.json), for tests of renderer modules.
  resolve: { alias: [{ find: /^@domain\//, replacement: `${resolve(import.meta.dirname, 'electron/domain')}/` }] },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Tests open real SQLite files and real sockets; two workers fit the 2-core machines.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
