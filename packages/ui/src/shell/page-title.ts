import { nextTick } from 'vue';
import type { RouteLocationNormalized, Router } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page's own title, put before the service name in the tab's title. */
    title?: string | ((route: RouteLocationNormalized) => string);
  }
}

/** `Connexion — Portail NEC`: the page first, so a screen reader or a tab list tells them apart. */
export function pageTitle(route: RouteLocationNormalized, service: string): string {
  const own = typeof route.meta.title === 'function' ? route.meta.title(route) : route.meta.title;
  return own ? `${own} — ${service}` : service;
}

/**
 * After each navigation (not the first load): the tab's title changes and focus moves to the
 * page's main heading, so keyboard and screen-reader users start reading the new page at its
 * top instead of staying on the link they followed.
 */
export function installPageTitles(router: Router, service: string): void {
  let first = true;
  router.afterEach((to, from, failure) => {
    if (failure) return;
    document.title = pageTitle(to, service);
    if (first) {
      first = false;
      return;
    }
    if (to.hash) {
      // "Corriger" and error-summary links name a field: go to it, not to the title.
      void nextTick(() => focusField(to.hash.slice(1)));
      return;
    }
    if (to.path === from.path) return;
    void nextTick(() => focusMainHeading());
  });
}

/** Focuses the page's h1 (or the main region when a page has none yet). */
export function focusMainHeading(root: ParentNode = document): void {
  const heading = root.querySelector<HTMLElement>('main h1');
  const target = heading ?? root.querySelector<HTMLElement>('main');
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}

/** Focuses a form field by id, once it is rendered (a lazy step may take a moment). */
export function focusField(id: string, tries = 20): void {
  const target = document.getElementById(decodeURIComponent(id));
  if (target) {
    if (!target.matches('input, select, textarea, button, a') && !target.hasAttribute('tabindex')) {
      target.setAttribute('tabindex', '-1');
    }
    target.scrollIntoView({ block: 'center' });
    target.focus();
    return;
  }
  if (tries > 0) setTimeout(() => focusField(id, tries - 1), 100);
}
