import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttachmentDto } from '@nec/contracts';
import { ApiError } from '@nec/api-client';
import { bilanPhotoLimits } from '@nec/domain';
import { necIcons } from '@nec/ui/dsfr';
import PhotosSection from './PhotosSection.vue';
import { photoFixture } from '../../../testing/attachment.js';

const api = vi.hoisted(() => ({
  attachments: { list: vi.fn(), remove: vi.fn() },
  upload: vi.fn(),
}));
vi.mock('../../../api/index.js', async (original) => ({
  ...(await original<object>()),
  api,
}));

const dossierId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const photo = (caption: string, more: Partial<AttachmentDto> = {}): AttachmentDto =>
  photoFixture({ dossierId, caption, ...more });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.resetAllMocks();
  document.body.innerHTML = '';
});

describe('PhotosSection', () => {
  it('shows a clean photo with its caption as text alternative, and says why others are not shown', async () => {
    const clean = photo('La plénière');
    api.attachments.list.mockResolvedValue({
      items: [
        clean,
        photo('Un atelier', { scanStatus: 'pending', downloadable: false }),
        photo('Le village', { scanStatus: 'infected', downloadable: false }),
      ],
      total: 3,
      page: 1,
      pageSize: 100,
    });
    const wrapper = mount(PhotosSection, {
      attachTo: document.body,
      global: { plugins: [necIcons] },
      props: { dossierId, editable: true },
    });
    await flush();
    const images = wrapper.findAll('img');
    expect(images.map((i) => i.attributes('alt'))).toEqual(['La plénière']);
    expect(images[0]?.attributes('src')).toBe(`/api/dossiers/${dossierId}/attachments/${clean.id}`);
    expect(wrapper.text()).toContain('Analyse antivirus en cours');
    expect(wrapper.text()).toContain('refusée par l’antivirus');
    expect(wrapper.findAll('button[aria-label^="Retirer la photo « "]')).toHaveLength(3);
    wrapper.unmount();
  });

  it('reads only, without the form, once the bilan is submitted; says when there is none', async () => {
    api.attachments.list.mockResolvedValue({ items: [], total: 0, page: 1, pageSize: 100 });
    const wrapper = mount(PhotosSection, {
      attachTo: document.body,
      global: { plugins: [necIcons] },
      props: { dossierId, editable: false },
    });
    await flush();
    expect(wrapper.text()).toContain('Aucune photo pour l’instant.');
    expect(wrapper.find('input[type="file"]').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('PhotosSection’s form, from one photo to the next', () => {
  const empty = { items: [], total: 0, page: 1, pageSize: 100 };
  async function mountForm() {
    api.attachments.list.mockResolvedValue(empty);
    const wrapper = mount(PhotosSection, {
      attachTo: document.body,
      global: { plugins: [necIcons] },
      props: { dossierId, editable: true },
    });
    await flush();
    return wrapper;
  }
  /** Fills the form as a person would: a file chosen, a caption typed, the consent ticked. */
  async function fill(wrapper: ReturnType<typeof mount>, name: string, caption: string) {
    const input = wrapper.find<HTMLInputElement>('#champ-photo-file');
    Object.defineProperty(input.element, 'files', {
      configurable: true,
      value: [new File(['x'], name, { type: 'image/jpeg' })],
    });
    await input.trigger('change');
    await wrapper.find('#champ-photo-caption').setValue(caption);
    await wrapper.find('#champ-photo-consent').setValue(true);
  }
  const consentBox = (wrapper: ReturnType<typeof mount>) =>
    wrapper.find<HTMLInputElement>('#champ-photo-consent').element;
  const send = async (wrapper: ReturnType<typeof mount>) => {
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Envoyer la photo')!
      .trigger('click');
    await flush();
    await flush();
  };

  it('unticks the consent and empties the caption once a photo is sent, focus on the consent', async () => {
    const wrapper = await mountForm();
    api.upload.mockResolvedValue(photo('La plénière'));
    expect(wrapper.get('#champ-photo-file-choix').text()).toBe('Aucune photo choisie');
    await fill(wrapper, 'pleniere.jpg', 'La plénière');
    expect(consentBox(wrapper).checked).toBe(true);
    expect(wrapper.get('#champ-photo-file-choix').text()).toBe('Fichier choisi : pleniere.jpg');
    await send(wrapper);

    expect(api.upload).toHaveBeenCalledTimes(1);
    expect(wrapper.findAll('img').map((i) => i.attributes('alt'))).toEqual(['La plénière']);
    expect(consentBox(wrapper).checked).toBe(false);
    expect(wrapper.find<HTMLInputElement>('#champ-photo-caption').element.value).toBe('');
    expect(wrapper.find<HTMLInputElement>('#champ-photo-file').element.value).toBe('');
    expect(wrapper.get('#champ-photo-file-choix').text()).toBe('Aucune photo choisie');
    expect(document.activeElement).toBe(consentBox(wrapper));
    expect(wrapper.find('[role="status"][aria-live="polite"]').text()).toContain(
      '« pleniere.jpg » est envoyée. Pour la photo suivante',
    );

    // The next photo cannot go without a fresh decision.
    await wrapper.find('#champ-photo-caption').setValue('Un atelier');
    const input = wrapper.find<HTMLInputElement>('#champ-photo-file');
    Object.defineProperty(input.element, 'files', {
      configurable: true,
      value: [new File(['x'], 'atelier.jpg', { type: 'image/jpeg' })],
    });
    await input.trigger('change');
    await send(wrapper);
    expect(api.upload).toHaveBeenCalledTimes(1);
    expect(wrapper.find('#champ-photo-consent-erreur').text()).toContain('reconnaissables');
    wrapper.unmount();
  });

  it('starts afresh after a failed upload too, the problem said and focus on the form', async () => {
    const wrapper = await mountForm();
    api.upload.mockRejectedValue(
      new ApiError(0, { error: 'network', message: 'Hors ligne.', fields: [] }),
    );
    await fill(wrapper, 'village.jpg', 'Le village');
    await send(wrapper);

    expect(consentBox(wrapper).checked).toBe(false);
    expect(wrapper.find<HTMLInputElement>('#champ-photo-caption').element.value).toBe('');
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
    expect(document.activeElement).toBe(consentBox(wrapper));
    expect(wrapper.find('[role="status"][aria-live="polite"]').text()).toBe(
      '« village.jpg » n’a pas été envoyée.',
    );
    wrapper.unmount();
  });

  it('puts focus on the file the API refused', async () => {
    const wrapper = await mountForm();
    api.upload.mockRejectedValue(
      new ApiError(415, {
        error: 'unsupported-file-type',
        message: 'Une photo est une image.',
        fields: [
          { path: 'file', code: 'unsupported-file-type', message: 'Une photo est une image.' },
        ],
      }),
    );
    await fill(wrapper, 'faux.jpg', 'Une photo');
    await send(wrapper);
    expect(wrapper.find('#champ-photo-file-erreur').text()).toBe('Une photo est une image.');
    expect(document.activeElement).toBe(wrapper.find('#champ-photo-file').element);
    expect(consentBox(wrapper).checked).toBe(false);
    wrapper.unmount();
  });

  it('puts focus on the heading once the bilan has all its photos', async () => {
    const others = Array.from({ length: bilanPhotoLimits.maxCount - 1 }, (_, i) => photo(`P${i}`));
    api.attachments.list.mockResolvedValue({ ...empty, items: others, total: others.length });
    const wrapper = mount(PhotosSection, {
      attachTo: document.body,
      global: { plugins: [necIcons] },
      props: { dossierId, editable: true },
    });
    await flush();
    api.upload.mockResolvedValue(photo('La dernière'));
    await fill(wrapper, 'derniere.jpg', 'La dernière');
    await send(wrapper);
    expect(wrapper.find('#champ-photo-consent').exists()).toBe(false);
    expect(document.activeElement?.textContent).toBe('Ajouter une photo');
    wrapper.unmount();
  });
});
