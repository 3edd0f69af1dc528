import { defineConfig } from 'vitest/config';
import { necViteConfig } from '@nec/ui/vite';

// Shared set-up (Vue, offline icons, DSFR assets, `/api` proxied to NEC_API_URL): see
// packages/ui/vite and docs/serving.md. ECharts is reached only through dynamic imports
// (src/features/charts/lazy.ts, chart-parts.ts, features/map/FranceMap.vue), so it lands in
// chunks of their own that a page loads after its first paint, each chart type and the map in
// its own; the map's contours are a static file fetched beside them. No `manualChunks`: a
// manual chunk also takes in the modules its members share with the entry (Vue itself), and the
// entry then loads it up front.
const shared = necViteConfig();
export default defineConfig({
  ...shared,
  build: {
    ...shared.build,
    // Read by bench/reporting/app-size.mjs to add up what the first page loads.
    manifest: true,
  },
  test: {
    ...shared.test,
    include: ['src/**/*.test.ts'],
  },
});
