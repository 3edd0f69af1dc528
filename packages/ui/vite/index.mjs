// The Vite set-up the three Vue apps share (portal, back office, reporting). Plain ESM so
// each app's vite.config.ts imports it without a build step.
import vue from '@vitejs/plugin-vue';
import { removeUnusedCss } from './unused-css.mjs';
import { subsetFonts } from './subset-fonts.mjs';
import { securityHeadersPlugin } from './security-headers.mjs';

/**
 * Where the browser's `/api` calls go, in dev and in preview: one origin for the page and the
 * API, so the session cookie and the CSRF header work as in production (see docs/serving.md).
 */
function apiProxy(env) {
  const target = env.NEC_API_URL || 'http://127.0.0.1:3000';
  return { '/api': { target, changeOrigin: false, xfwd: true } };
}

/** @param {{ env?: Record<string, string | undefined> }} [options] */
export function necViteConfig(options = {}) {
  const env = options.env ?? process.env;
  const proxy = apiProxy(env);
  return {
    plugins: [vue(), removeUnusedCss(), subsetFonts(), securityHeadersPlugin()],
    resolve: {
      // Read the workspace packages' TypeScript sources (their `source` export condition).
      conditions: ['source', 'module', 'browser', 'development|production'],
      alias: [
        // vue-dsfr's icon component falls back on Iconify's online client: swap it for the
        // offline build so no icon request ever leaves the browser.
        { find: /^@iconify\/vue$/, replacement: '@iconify/vue/offline' },
      ],
    },
    build: {
      // DSFR's CSS references hundreds of SVG icons; inlined they weigh megabytes. Keep them
      // as files, fetched only when an icon class is actually rendered.
      assetsInlineLimit: (file) => (file.endsWith('.svg') ? false : undefined),
      target: 'es2022',
    },
    server: { proxy, host: '127.0.0.1' },
    preview: { proxy, host: '127.0.0.1' },
    test: {
      environment: 'happy-dom',
      setupFiles: [new URL('./test-setup.mjs', import.meta.url).pathname],
    },
  };
}
