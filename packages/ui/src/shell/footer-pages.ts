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
