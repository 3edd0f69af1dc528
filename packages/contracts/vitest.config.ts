import { defineConfig } from 'vitest/config';

// The `source` condition makes the workspace packages resolve to their TypeScript sources.
const conditions = ['source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  // A busy CI machine (2 cores shared) can take several seconds to check every breakdown row.
  test: { include: ['src/**/*.test.ts'], environment: 'node', isolate: false, testTimeout: 20_000 },
});
