import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { ApiError } from '@nec/api-client';
import type { ServiceContacts } from '@nec/contracts';
import WriteTo from '../src/legal/WriteTo.vue';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const contacts: ServiceContacts = {
  contactEmail: 'contact@nec.example',
  dpoEmail: 'dpd@nec.example',
};

describe('WriteTo (where to write, on the legal pages)', () => {
  it('links the address the deployment publishes, the service’s or the data officer’s', async () => {
    const load = vi.fn(() => Promise.resolve(contacts));
    const service = mount(WriteTo, { props: { to: 'service', load } });
    const dpo = mount(WriteTo, { props: { to: 'dpo', load } });
    expect(service.text()).toBe('Chargement de l’adresse…');
    await flush();
    expect(service.get('a').attributes('href')).toBe('mailto:contact@nec.example');
    expect(dpo.get('a').text()).toBe('dpd@nec.example');
  });

  it('says there is no address yet rather than making one up', async () => {
    const load = () => Promise.resolve({ ...contacts, dpoEmail: null });
    const dpo = mount(WriteTo, { props: { to: 'dpo', load } });
    await flush();
    expect(dpo.find('a').exists()).toBe(false);
    expect(dpo.text()).toBe('L’adresse sera publiée ici à l’ouverture du service.');
  });

  it('says when the address could not be loaded', async () => {
    const load = () =>
      Promise.reject(new ApiError(0, { error: 'network', message: 'Hors ligne.', fields: [] }));
    const service = mount(WriteTo, { props: { to: 'service', load } });
    await flush();
    expect(service.text()).toContain('n’a pas pu être chargée');
  });
});
