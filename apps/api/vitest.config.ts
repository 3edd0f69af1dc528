import swc from 'unplugin-swc';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// SWC rather than esbuild/oxc: Nest and TypeORM need decorator metadata.
// The `source` condition makes @nec/domain resolve to its TypeScript source: no build needed.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Each file opens its own database; two at a time keeps a 2-core machine responsive.
    maxWorkers: 2,
    // Files share a worker's loaded modules: each file still opens its own database and app,
    // and importing Nest, TypeORM and the app again for each of 57 files cost ~2 minutes of CI.
    isolate: false,
  },
});
