import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import PageBreadcrumb from './PageBreadcrumb.vue';

const router = createRouter({
  history: createMemoryHistory(),
  routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
});
const links = [
  { text: 'Accueil', to: '/' },
  { text: 'Mes dossiers', to: '/mes-dossiers' },
  { text: 'Suivi du dossier' },
];
const mountTrail = () =>
  mount(PageBreadcrumb, {
    props: { links },
    attachTo: document.body,
    global: { plugins: [router] },
  });

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PageBreadcrumb', () => {
  it('links every step but the page itself, which is marked current', () => {
    const trail = mountTrail();
    const items = trail.findAll('.fr-breadcrumb__link');
    expect(items.map((a) => a.text())).toEqual(['Accueil', 'Mes dossiers', 'Suivi du dossier']);
    expect(items.map((a) => a.attributes('href'))).toEqual(['/', '/mes-dossiers', undefined]);
    expect(items[2]?.attributes('aria-current')).toBe('page');
    expect(trail.get('nav').attributes('aria-label')).toBe('vous êtes ici :');
  });

  it('unfolds on its button, which goes away and hands the focus to the first link', async () => {
    const trail = mountTrail();
    const button = trail.get('button');
    expect(button.attributes('aria-controls')).toBe('fil-ariane');
    await button.trigger('click');
    expect(trail.find('button').exists()).toBe(false);
    expect(trail.get('#fil-ariane').classes()).toContain('fr-collapse--expanded');
    expect(document.activeElement?.textContent).toBe('Accueil');
  });

  it('leaves the focus where it is when its fold ends a transition (window resized)', async () => {
    const field = document.createElement('input');
    document.body.append(field);
    const trail = mountTrail();
    field.focus();
    await trail.get('#fil-ariane').trigger('transitionend');
    expect(document.activeElement).toBe(field);
  });
});
