import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { ApiError } from '@nec/api-client';
import WriteTo from './WriteTo.vue';

const api = vi.hoisted(() => ({ reference: { contacts: vi.fn() } }));
vi.mock('../../api/index.js', async (original) => ({
  ...(await original<object>()),
  api,
}));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const contacts = { contactEmail: 'contact@nec.example', dpoEmail: 'dpd@nec.example' };

afterEach(() => vi.resetAllMocks());

describe('WriteTo (where to write, on the legal pages)', () => {
  it('links the address the deployment publishes, the service’s or the data officer’s', async () => {
    api.reference.contacts.mockResolvedValue(contacts);
    const service = mount(WriteTo, { props: { to: 'service' } });
    const dpo = mount(WriteTo, { props: { to: 'dpo' } });
    expect(service.text()).toBe('Chargement de l’adresse…');
    await flush();
    expect(service.get('a').attributes('href')).toBe('mailto:contact@nec.example');
    expect(dpo.get('a').text()).toBe('dpd@nec.example');
  });

  it('says there is no address yet rather than making one up', async () => {
    api.reference.contacts.mockResolvedValue({
      contactEmail: 'contact@nec.example',
      dpoEmail: null,
    });
    const dpo = mount(WriteTo, { props: { to: 'dpo' } });
    await flush();
    expect(dpo.find('a').exists()).toBe(false);
    expect(dpo.text()).toBe('L’adresse sera publiée ici à l’ouverture du service.');
  });

  it('says when the address could not be loaded', async () => {
    api.reference.contacts.mockRejectedValue(
      new ApiError(0, { error: 'network', message: 'Hors ligne.', fields: [] }),
    );
    const service = mount(WriteTo, { props: { to: 'service' } });
    await flush();
    expect(service.text()).toContain('n’a pas pu être chargée');
  });
});
