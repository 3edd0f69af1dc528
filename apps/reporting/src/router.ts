import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { footerRoutes } from '@nec/ui';
import { loadServiceContacts } from './api/index.js';
import { requireAnalyst } from './features/session/session.js';
import PublicView from './views/PublicView.vue';

/**
 * French paths, since people read and share them; the dashboard's filters live in the query
 * string. Views are lazy-loaded, but the public page: most visitors land there, and its view
 * in the entry saves a round trip before the first paint (its charts come later, lazily).
 */
const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: PublicView,
    meta: { title: 'Chiffres du réseau' },
  },
  {
    path: '/connexion',
    component: () => import('./views/SignInView.vue'),
    meta: { title: 'Se connecter' },
  },
  {
    path: '/deconnexion',
    component: () => import('./views/SignOutView.vue'),
    meta: { title: 'Déconnexion' },
  },
  {
    path: '/tableau-de-bord',
    component: () => import('./views/DashboardView.vue'),
    meta: { title: 'Tableau de bord', analyst: true },
  },
  {
    path: '/editions-nationales',
    component: () => import('./views/EditionsView.vue'),
    meta: { title: 'Éditions nationales' },
  },
  {
    path: '/territoires/:code',
    component: () => import('./views/TerritoryView.vue'),
    meta: { title: 'Territoire', analyst: true },
  },
  {
    path: '/evenements/:id',
    component: () => import('./views/EventView.vue'),
    meta: { title: 'Bilan d’un événement', analyst: true },
  },
  {
    path: '/exports',
    component: () => import('./views/ExportsView.vue'),
    meta: { title: 'Exports', analyst: true },
  },
  {
    path: '/compte',
    component: () => import('./views/AccountView.vue'),
    meta: { title: 'Mon compte', analyst: true },
  },
  ...footerRoutes({
    loadContacts: loadServiceContacts,
    personalData: () => import('./views/PrivacyView.vue'),
    accessibility: () => import('./views/AccessibilityView.vue'),
    sitemap: () => import('./views/SitemapView.vue'),
  }),
  {
    path: '/:rest(.*)*',
    component: () => import('./views/NotFoundView.vue'),
    meta: { title: 'Page introuvable' },
  },
];

export const router = createRouter({ history: createWebHistory(), routes });
router.beforeEach(requireAnalyst);
