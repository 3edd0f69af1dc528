import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { footerPages, footerRoutes, unroutedFooterPages } from './footer-pages.js';

const view = () => Promise.resolve({ render: () => null });
const loadContacts = () => Promise.reject(new Error('pas dans ce test'));

describe('footerRoutes', () => {
  const routes = footerRoutes({
    loadContacts,
    personalData: view,
    accessibility: view,
    sitemap: view,
  });

  it('gives every page of the footer a route, titled', () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    expect(unroutedFooterPages(router)).toEqual([]);
    expect(routes.map((r) => [r.path, r.meta?.title])).toEqual([
      [footerPages.legal, 'Mentions légales'],
      [footerPages.personalData, 'Données personnelles'],
      [footerPages.accessibility, 'Déclaration d’accessibilité'],
      [footerPages.sitemap, 'Plan du site'],
    ]);
  });

  it('hands the legal notice the app’s way to its contact addresses', () => {
    expect(routes[0]?.props).toEqual({ loadContacts });
  });
});
