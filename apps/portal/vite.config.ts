import { defineConfig } from 'vitest/config';
import { necViteConfig } from '@nec/ui/vite';

// Shared set-up (Vue, offline icons, DSFR assets, `/api` proxied to NEC_API_URL): see
// packages/ui/vite and docs/serving.md.
export default defineConfig({
  ...necViteConfig(),
  test: {
    ...necViteConfig().test,
    include: ['src/**/*.test.ts'],
  },
});
