import { defineConfig } from 'vitest/config';

// The smoke test of the built main process and preload: it needs out/ from `npm run build`,
// so it runs after the build in `npm test` (npm run test:smoke), not with the unit tests.
export default defineConfig({
  test: {
    include: ['tests/smoke/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
