// Vitest set-up shared by the Vue apps and @nec/ui: nothing global is needed yet beyond a
// clean DOM between tests, which @vue/test-utils handles; kept as the one place to add to.
import { config } from '@vue/test-utils';

config.global.stubs = { ...config.global.stubs, transition: false };
