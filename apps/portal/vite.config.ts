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
        codeSplitting: {
          groups: [
            // zod in one chunk rather than in pieces split by who imports them: every screen
            // that checks a schema needs it whole (three requests fewer on the dossier's form).
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 2 },
            // The workspace's small modules that most screens share (the domain's money, dates
            // and field rules, the contract's schemas, the client, the UI's states) in one chunk
            // rather than in dozens of sub-kilobyte ones: each request costs a round trip on a
            // slow line. Shared by 12 routes or more, so a page does not load the modules only
            // the dossier's screens use (bench/README.md: the home 47 → 33 requests, 118.3 →
            // 115.7 kB; the form 70 → 52 requests, 158.6 → 153.4 kB).
            {
              name: 'shared',
              test: /packages[\\/](domain|contracts|api-client|ui)[\\/]src[\\/]/,
              minShareCount: 12,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  test: {
    ...shared.test,
    include: ['src/**/*.test.ts'],
  },
});
