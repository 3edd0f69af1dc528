import { defineConfig } from 'vitest/config';
import { necViteConfig } from '@nec/ui/vite';

// Shared set-up (Vue, offline icons, DSFR assets, `/api` proxied to NEC_API_URL): see
// packages/ui/vite and docs/serving.md. ECharts and the map are split into their own chunks,
// loaded only by the routes that draw.
const shared = necViteConfig();
export default defineConfig({
  ...shared,
  build: {
    ...shared.build,
    // Read by bench/reporting/app-size.mjs to add up what the first page loads.
    manifest: true,
    rollupOptions: {
      output: {
        manualChunks: (id: string) =>
          /node_modules\/(\.pnpm\/)?(echarts|zrender|vue-echarts)/.test(id) ? 'charts' : undefined,
      },
    },
  },
  test: {
    ...shared.test,
    include: ['src/**/*.test.ts'],
  },
});
