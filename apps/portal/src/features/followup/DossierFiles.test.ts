import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import DossierFiles from './DossierFiles.vue';
import { attachmentFixture } from '../../testing/attachment.js';

const file = attachmentFixture;

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
