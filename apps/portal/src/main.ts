import '@nec/ui/styles';
import { createApp, createSSRApp } from 'vue';
import { createWebHistory } from 'vue-router';
import { necIcons } from '@nec/ui/dsfr';
import { installPageTitles } from '@nec/ui';
import App from './App.vue';
import { createPortalRouter, serviceName } from './router.js';

const router = createPortalRouter(createWebHistory());
installPageTitles(router, serviceName);

// A public page rendered at build (prerender.ts) is already on screen: the app takes over its
// markup (hydration) once the page's code has come. Any other address starts from an empty page.
const root = document.getElementById('app');
if (root?.dataset.prerendered === undefined) {
  createApp(App).use(router).use(necIcons).mount('#app');
} else {
  const app = createSSRApp(App).use(router).use(necIcons);
  void router.isReady().then(() => app.mount(root));
}
