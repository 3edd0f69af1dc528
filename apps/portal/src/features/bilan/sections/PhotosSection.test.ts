import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttachmentDto } from '@nec/contracts';
import { necIcons } from '@nec/ui/dsfr';
import PhotosSection from './PhotosSection.vue';

const api = vi.hoisted(() => ({
  attachments: { list: vi.fn(), remove: vi.fn() },
  upload: vi.fn(),
}));
vi.mock('../../../api/index.js', async (original) => ({
  ...(await original<object>()),
  api,
}));

const dossierId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const photo = (caption: string, more: Partial<AttachmentDto> = {}): AttachmentDto => ({
  id: crypto.randomUUID(),
  dossierId,
  kind: 'bilan-photo',
  originalName: 'photo.jpg',
  sizeBytes: 1000,
  detectedType: 'image/jpeg',
  sha256: 'a'.repeat(64),
  scanStatus: 'clean',
  downloadable: true,
  uploadedAt: '2026-05-04T12:32:00.000Z',
  uploadedByRole: 'applicant',
  uploadedByMe: true,
  caption,
  ...more,
});
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
