import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { AttachmentDto } from '@nec/contracts';
import DossierFiles from './DossierFiles.vue';

const file = (more: Partial<AttachmentDto>): AttachmentDto => ({
  id: crypto.randomUUID(),
  dossierId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  kind: 'budget',
  originalName: 'budget.pdf',
  sizeBytes: 2048,
  detectedType: 'application/pdf',
  sha256: 'a'.repeat(64),
  scanStatus: 'clean',
  downloadable: true,
  uploadedAt: '2026-05-04T12:32:00.000Z',
  uploadedByRole: 'applicant',
  uploadedByMe: true,
  caption: null,
  purgedAt: null,
  ...more,
});

describe('DossierFiles', () => {
  it('links a checked file to its download', () => {
    const wrapper = mount(DossierFiles, { props: { files: [file({})] } });
    const link = wrapper.get('a');
    expect(link.attributes('href')).toMatch(/\/api\/dossiers\/.+\/attachments\/.+/);
    expect(link.text()).toContain('budget.pdf');
  });

  it('says a file is being checked instead of a dead link', () => {
    const pending = file({ scanStatus: 'pending', downloadable: false });
    const wrapper = mount(DossierFiles, { props: { files: [pending] } });
    expect(wrapper.find('a').exists()).toBe(false);
    expect(wrapper.text()).toContain('en cours d’analyse antivirus');
  });

  it('keeps a file deleted at the end of its retention listed, with the day it went', () => {
    const purged = file({ downloadable: false, purgedAt: '2031-06-02T03:00:00.000Z' });
    const wrapper = mount(DossierFiles, { props: { files: [purged] } });
    expect(wrapper.find('a').exists()).toBe(false);
    expect(wrapper.text()).toContain('budget.pdf');
    expect(wrapper.text()).toMatch(/supprimé le 2 juin 2031.*fin de sa durée de conservation/);
  });
});
