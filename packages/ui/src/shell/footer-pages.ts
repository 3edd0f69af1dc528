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
