import { createVueDsfrIconPlugin } from '@gouvminint/vue-dsfr';
import { riIcons } from './icons.generated.js';

/**
 * vue-dsfr's icons from our bundled subset only (`preferOffline`). With the `@iconify/vue` →
 * `@iconify/vue/offline` alias of the shared Vite config, an icon missing from the subset
 * renders nothing instead of calling an icon API: add its name to icon-names.json.
 */
export const necIcons = createVueDsfrIconPlugin([riIcons], { preferOffline: true });
