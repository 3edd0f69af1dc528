import { defineConfig } from 'vitest/config';

// The `source` condition makes the workspace packages resolve to their TypeScript sources.
const conditions = ['source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { include: ['src/**/*.test.ts'], environment: 'node', isolate: false },
});
