import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
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
  {
    path: '/mentions-legales',
    component: () => import('./views/LegalView.vue'),
    meta: { title: 'Mentions légales' },
  },
  {
    path: '/donnees-personnelles',
    component: () => import('./views/PrivacyView.vue'),
    meta: { title: 'Données personnelles' },
  },
  {
    path: '/accessibilite',
    component: () => import('./views/AccessibilityView.vue'),
    meta: { title: 'Déclaration d’accessibilité' },
  },
  {
    path: '/plan-du-site',
    component: () => import('./views/SitemapView.vue'),
    meta: { title: 'Plan du site' },
  },
  {
    path: '/:rest(.*)*',
    component: () => import('./views/NotFoundView.vue'),
    meta: { title: 'Page introuvable' },
  },
];

export const router = createRouter({ history: createWebHistory(), routes });
router.beforeEach(requireAnalyst);
