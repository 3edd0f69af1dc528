/**
 * The public pages without data of their own, rendered at build (scripts/prerender.mjs) so
 * that they show as soon as the HTML and the CSS have come, before the app's code: the home
 * page, a call's page (until its call has come), the FAQ and the pages of the footer. The app then takes over the markup (main.ts).
 * Lists that come from the API are rendered in their loading state: this runs with no API.
 */
import { createSSRApp } from 'vue';
import { renderToString, type SSRContext } from 'vue/server-renderer';
import { createMemoryHistory } from 'vue-router';
import { footerPages, pageTitle } from '@nec/ui';
import { necIcons } from '@nec/ui/dsfr';
import App from './App.vue';
import { createPortalRouter, serviceName } from './router.js';

/**
 * The addresses rendered at build: each is the same for every visitor. A call's page starts the
 * same for every call (its frame, the call's loading state): rendered once for `/appels/:id`,
 * it shows before its code and asks for its call at once (docs/decisions.md).
 */
export const prerenderedPaths = [
  '/',
  '/appels/:id',
  '/questions-frequentes',
  footerPages.legal,
  footerPages.personalData,
  footerPages.accessibility,
  footerPages.sitemap,
] as const;

export interface RenderedPage {
  /** The app's markup, for `<div id="app">`. */
  html: string;
  /** The tab's title, as the app sets it after a navigation. */
  title: string;
  /** The source modules the page rendered with: their chunks (code, CSS) go in the page. */
  modules: string[];
  /**
   * The API's features the page calls as it starts — the session's (the header's links), and
   * those of its route (`meta.calls`): their routes' chunks come with the page's code.
   */
  calls: string[];
}

export async function renderPage(path: string): Promise<RenderedPage> {
  const router = createPortalRouter(createMemoryHistory());
  const app = createSSRApp(App).use(router).use(necIcons);
  await router.push(path);
  await router.isReady();
  const context: SSRContext = {};
  const html = await renderToString(app, context);
  const modules = context.modules instanceof Set ? [...(context.modules as Set<string>)] : [];
  const route = router.currentRoute.value;
  return {
    html,
    title: pageTitle(route, serviceName),
    modules,
    calls: ['auth', ...(route.meta.calls ?? [])],
  };
}
