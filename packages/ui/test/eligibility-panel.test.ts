import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import {
  evaluateEligibility,
  exampleNecLocalDossier,
  permanentNecLocalCampaign,
  type NecLocalDossierDraft,
} from '@nec/domain';
import EligibilityPanel from '../src/eligibility/EligibilityPanel.vue';
import { necIcons } from '../src/dsfr/icons.js';

const campaign = permanentNecLocalCampaign(2026);
const today = '2026-05-04';
const router = createRouter({
  history: createMemoryHistory(),
  routes: [{ path: '/:p(.*)*', component: { template: '<p/>' } }],
});

function panel(draft: NecLocalDossierDraft) {
  return mount(EligibilityPanel, {
    props: {
      eligibility: evaluateEligibility(draft, campaign, today),
      fixLink: (rule) => (rule.id === 'min-attendees' ? '/dossiers/1/publics#champ-x' : null),
      announceDelayMs: 500,
    },
    global: { plugins: [router, necIcons] },
  });
}

function withAttendees(n: number): NecLocalDossierDraft {
  const d = exampleNecLocalDossier();
  d.audiences.expectedAttendees = n;
  return d;
}

describe('EligibilityPanel', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the three blocks with their verdicts in words', () => {
    const wrapper = panel(exampleNecLocalDossier());
    const titles = wrapper.findAll('[data-block]').map((b) => b.attributes('data-block'));
    expect(titles).toEqual(['label', 'subsidy', 'duo']);
    expect(wrapper.find('[data-block="subsidy"]').text()).toContain('Incomplet');
  });

  it('explains a failing rule with the domain’s words and a link to fix it', () => {
    const wrapper = panel(withAttendees(100));
    const rule = wrapper.find('[data-rule="min-attendees"]');
    expect(rule.attributes('data-status')).toBe('fail');
    expect(rule.text()).toContain('Non respecté');
    expect(rule.text()).toMatch(/150/);
    expect(rule.find('a').attributes('href')).toBe('/dossiers/1/publics#champ-x');
    expect(wrapper.find('[data-block="subsidy"]').text()).toContain('Inéligible');
  });

  it('announces a verdict change politely once typing settles, not before', async () => {
    const wrapper = panel(withAttendees(200));
    const live = () => wrapper.find('[data-testid="eligibilite-annonce"]').text();
    await wrapper.setProps({
      eligibility: evaluateEligibility(withAttendees(120), campaign, today),
    });
    expect(live()).toBe('');
    vi.advanceTimersByTime(600);
    await wrapper.vm.$nextTick();
    expect(live()).toContain('Subvention : inéligible.');
  });

  it('says when a request is not made', () => {
    const d = exampleNecLocalDossier();
    d.requests.duo = false;
    const wrapper = panel(d);
    expect(wrapper.find('[data-block="duo"]').text()).toContain('Vous ne faites pas cette demande');
  });
});
