import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Property tests over the 35,000 communes can exceed 5 s on a busy 2-core machine.
    testTimeout: 20_000,
    // Pure functions, no module state to reset: 76 files share their workers' loaded modules
    // (a fifth of the time of isolated files).
    isolate: false,
  },
});
