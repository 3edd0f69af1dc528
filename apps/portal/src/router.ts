import { createRouter, type Router, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import { dossierSteps } from './features/dossiers/steps.js';
import { requireSession } from './features/account/guard.js';
import { footerRoutes } from '@nec/ui';
import { api, loadServiceContacts, type ApiFeature } from './api/index.js';
import { campaignRead, openCampaignsRead } from './features/calls/campaign-reads.js';

declare module 'vue-router' {
  interface RouteMeta {
    /** The API's features the page calls first: they load beside its code (below). */
    calls?: readonly ApiFeature[];
  }
}

/** The service's name, after each page's own in the tab's title. */
export const serviceName = 'Portail Numérique en Commun[s]';

/**
 * French paths, since people read and share them. Each view is thin (features/ hold the
 * components) and lazy-loaded, so a page ships only what it shows. The public pages without
 * data (the home page, the FAQ, the footer's) and a call's page as it starts are also rendered
 * at build (prerender.ts): they show before their code has come.
 */
const routes: RouteRecordRaw[] = [
  // A page whose content is an API's answer starts reading it with its code (`beforeEnter`).
  {
    path: '/',
    component: () => import('./views/HomeView.vue'),
    meta: { title: 'Accueil', calls: ['campaigns'] },
    beforeEnter: () => openCampaignsRead.start('open'),
  },
  {
    path: '/appels/:id',
    component: () => import('./views/CallView.vue'),
    meta: { title: 'Appel', calls: ['campaigns'] },
    beforeEnter: (to) => campaignRead.start(String(to.params.id)),
  },
  {
    path: '/questions-frequentes',
    component: () => import('./views/FaqView.vue'),
    meta: { title: 'Questions fréquentes' },
  },
  ...footerRoutes({
    loadContacts: loadServiceContacts,
    personalData: () => import('./views/PrivacyView.vue'),
    accessibility: () => import('./views/AccessibilityView.vue'),
    sitemap: () => import('./views/SitemapView.vue'),
  }),
  {
    path: '/inscription',
    component: () => import('./views/SignUpView.vue'),
    meta: { title: 'Créer un compte', accountJourney: true },
  },
  {
    path: '/confirmer-mon-adresse',
    component: () => import('./views/ConfirmView.vue'),
    meta: { title: 'Confirmer votre adresse', accountJourney: true },
  },
  {
    path: '/connexion',
    component: () => import('./views/SignInView.vue'),
    meta: { title: 'Se connecter', accountJourney: true },
  },
  {
    path: '/mot-de-passe-oublie',
    component: () => import('./views/ForgotPasswordView.vue'),
    meta: { title: 'Mot de passe oublié', accountJourney: true },
  },
  {
    path: '/nouveau-mot-de-passe',
    component: () => import('./views/ResetPasswordView.vue'),
    meta: { title: 'Choisir un nouveau mot de passe', accountJourney: true },
  },
  {
    path: '/deconnexion',
    component: () => import('./views/SignOutView.vue'),
    meta: { title: 'Déconnexion', accountJourney: true },
  },
  {
    path: '/compte',
    component: () => import('./views/AccountView.vue'),
    meta: { title: 'Mon compte', requiresSession: true },
  },
  {
    path: '/mes-dossiers',
    component: () => import('./views/MyDossiersView.vue'),
    meta: { title: 'Mes dossiers', requiresSession: true, calls: ['dossiers'] },
  },
  {
    path: '/mes-structures',
    component: () => import('./views/OrganisationsView.vue'),
    meta: {
      title: 'Mes structures',
      requiresSession: true,
      calls: ['organisations', 'memberships'],
    },
  },
  {
    path: '/invitation',
    component: () => import('./views/InvitationView.vue'),
    meta: { title: 'Invitation à rejoindre une structure', calls: ['memberships'] },
  },
  {
    path: '/dossiers/nouveau',
    component: () => import('./views/NewDossierView.vue'),
    meta: {
      title: 'Nouveau dossier',
      requiresSession: true,
      calls: ['campaigns', 'organisations'],
    },
  },
  {
    path: '/dossiers/:id/accuse-de-reception',
    component: () => import('./views/ReceiptView.vue'),
    meta: { title: 'Accusé de réception', requiresSession: true, calls: ['dossiers', 'campaigns'] },
  },
  {
    path: '/dossiers/:id/bilan',
    component: () => import('./views/BilanView.vue'),
    meta: {
      title: 'Bilan de l’événement',
      requiresSession: true,
      calls: ['bilans', 'attachments'],
    },
  },
  {
    path: '/dossiers/:id/:etape',
    component: () => import('./views/DossierFormView.vue'),
    meta: {
      requiresSession: true,
      calls: ['dossiers', 'campaigns'],
      title: (route) => {
        const step = dossierSteps.find((s) => s.slug === route.params.etape);
        return step ? `${step.title} — Dossier` : 'Dossier';
      },
    },
  },
  {
    path: '/dossiers/:id',
    component: () => import('./views/DossierView.vue'),
    meta: {
      title: 'Suivi du dossier',
      requiresSession: true,
      calls: ['dossiers', 'exchanges', 'attachments'],
    },
  },
  {
    path: '/:chemin(.*)*',
    component: () => import('./views/NotFoundView.vue'),
    meta: { title: 'Page introuvable' },
  },
];

/**
 * The portal's router on a history: the browser's (main.ts), or memory's when the public pages
 * are rendered at build (prerender.ts).
 */
export function createPortalRouter(history: RouterHistory): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (to, _from, saved) => saved ?? (to.hash ? { el: to.hash } : { top: 0 }),
  });
  // First, without waiting: the routes a page calls load beside its code, not after it.
  router.beforeEach((to) => {
    api.preload(to.meta.calls ?? []);
  });
  router.beforeEach(requireSession);
  return router;
}
