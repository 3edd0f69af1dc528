import { defineConfig } from 'vitest/config';
import { necViteConfig } from '@nec/ui/vite';
import { prerenderedPages } from '@nec/ui/vite/prerender';

// Shared set-up (Vue, offline icons, DSFR assets, `/api` proxied to NEC_API_URL): see
// packages/ui/vite and docs/serving.md.
const shared = necViteConfig();

export default defineConfig({
  ...shared,
  // The public pages rendered at build (scripts/prerender.mjs), served for their addresses.
  plugins: [...(shared.plugins ?? []), prerenderedPages()],
  build: {
    ...shared.build,
    // Which chunks (and CSS) each source module lands in, and what each chunk imports:
    // scripts/prerender.mjs links a rendered page's CSS and code from them.
    ssrManifest: true,
    manifest: true,
    // The official list of territories (35,000 communes, 355 kB compressed) is one chunk, loaded
    // only by the dossier's territory step when a search starts: above Vite's 500 kB warning on
    // purpose. Anything else that large would still be reported.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // zod in one chunk rather than in pieces split by who imports them: every screen that
        // checks a schema needs it whole (three requests fewer on the dossier's form).
        codeSplitting: { groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]/ }] },
      },
    },
  },
  test: {
    ...shared.test,
    include: ['src/**/*.test.ts'],
  },
});
