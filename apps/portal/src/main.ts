import '@nec/ui/styles';
import { createApp } from 'vue';
import { necIcons } from '@nec/ui/dsfr';
import { installPageTitles } from '@nec/ui';
import App from './App.vue';
import { router } from './router.js';

installPageTitles(router, 'Portail Numérique en Commun[s]');
createApp(App).use(router).use(necIcons).mount('#app');
