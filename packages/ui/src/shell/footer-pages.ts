import type { RouteComponent, RouteRecordRaw } from 'vue-router';
import type { ServiceContacts } from '@nec/contracts';

/**
 * The pages every NEC app's footer links to (the mandatory links of a State service, and the
 * sitemap): each app must have a route for each, or its footer leads to « page introuvable ».
 */
export const footerPages = {
  accessibility: '/accessibilite',
  legal: '/mentions-legales',
  personalData: '/donnees-personnelles',
  cookies: '/donnees-personnelles#cookies',
  sitemap: '/plan-du-site',
} as const;

/** The sitemap's section of the footer's pages, the same in every app. */
export const informationSection = {
  title: 'Informations',
  links: [
    { to: footerPages.legal, label: 'Mentions légales' },
    { to: footerPages.personalData, label: 'Données personnelles' },
    { to: footerPages.accessibility, label: 'Déclaration d’accessibilité' },
  ],
};

/** The footer's pages a router sends to no page of its own (its catch-all): none, in a test. */
export function unroutedFooterPages(router: {
  resolve: (path: string) => { matched: readonly { path: string }[] };
}): string[] {
  return Object.values(footerPages).filter((path) => {
    const matched = router.resolve(path).matched;
    return matched.length !== 1 || (matched[0]?.path ?? ':').includes(':');
  });
}

/** A page's component, loaded with its first visit: `() => import('./views/X.vue')`. */
type LazyView = () => Promise<RouteComponent | { default: RouteComponent }>;

/**
 * The routes of the footer's pages, their addresses and titles the same in every app: the legal
 * notice (the UI kit's own page, with the app's way to its contact addresses) and the app's own
 * personal data page, accessibility statement and sitemap.
 */
export function footerRoutes(pages: {
  loadContacts: (signal: AbortSignal) => Promise<ServiceContacts>;
  personalData: LazyView;
  accessibility: LazyView;
  sitemap: LazyView;
}): RouteRecordRaw[] {
  return [
    {
      path: footerPages.legal,
      component: () => import('../legal/LegalPage.vue'),
      props: { loadContacts: pages.loadContacts },
      meta: { title: 'Mentions légales' },
    },
    {
      path: footerPages.personalData,
      component: pages.personalData,
      meta: { title: 'Données personnelles' },
    },
    {
      path: footerPages.accessibility,
      component: pages.accessibility,
      meta: { title: 'Déclaration d’accessibilité' },
    },
    { path: footerPages.sitemap, component: pages.sitemap, meta: { title: 'Plan du site' } },
  ];
}
