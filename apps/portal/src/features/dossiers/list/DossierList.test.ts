import { mount, RouterLinkStub } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { DossierSummaryDto } from '@nec/contracts';
import { necIcons } from '@nec/ui/dsfr';
import DossierList from './DossierList.vue';

const dossier = (over: Partial<DossierSummaryDto>): DossierSummaryDto => ({
  id: '0b5f3c38-8a1e-4a47-9f3c-2f3d1e0a9b11',
  reference: 'NEC-2026-0001',
  campaignId: 'nec-local-2026',
  callKind: 'nec-local',
  state: 'draft',
  title: 'Rencontre numérique du bocage',
  organisation: { id: '6c1a2e55-1d0a-4b1e-8a51-0c2d8f7e6a22', name: 'Association Essai' },
  eventDate: '2026-12-10',
  requestedSubsidyCents: 350_000,
  version: 3,
  createdAt: '2026-10-01T08:00:00.000Z',
  updatedAt: '2026-10-02T09:30:00.000Z',
  submittedAt: null,
  ...over,
});

const mountList = (dossiers: DossierSummaryDto[]) =>
  mount(DossierList, {
    props: { dossiers },
    global: { plugins: [necIcons], stubs: { RouterLink: RouterLinkStub } },
  });

describe('DossierList', () => {
  it('shows each dossier in the table and as a card, with what comes next', () => {
    const list = mountList([
      dossier({}),
      dossier({
        id: '1c5f3c38-8a1e-4a47-9f3c-2f3d1e0a9b12',
        state: 'information-requested',
        title: null,
        requestedSubsidyCents: null,
      }),
    ]);
    const rows = list.findAll('tbody tr');
    const cards = list.findAll('.fr-card');
    expect(rows).toHaveLength(2);
    expect(cards).toHaveLength(2);
    expect(rows[0]?.text()).toContain('Compléter puis déposer le dossier');
    expect(rows[0]?.text()).toMatch(/3\s500\s€/u);
    expect(cards[1]?.text()).toContain('Dossier sans titre');
    expect(cards[1]?.text()).toContain('Prochaine étape : Répondre à la demande de compléments');
    expect(cards[1]?.text()).toContain('Subvention demandée : —');
  });

  it('opens a draft on its form and a submitted dossier on its follow-up page', () => {
    const list = mountList([
      dossier({}),
      dossier({ id: '1c5f3c38-8a1e-4a47-9f3c-2f3d1e0a9b12', state: 'submitted' }),
    ]);
    const targets = list.findAllComponents(RouterLinkStub).map((link) => link.props('to'));
    expect(targets).toEqual([
      '/dossiers/0b5f3c38-8a1e-4a47-9f3c-2f3d1e0a9b11/projet',
      '/dossiers/1c5f3c38-8a1e-4a47-9f3c-2f3d1e0a9b12',
      '/dossiers/0b5f3c38-8a1e-4a47-9f3c-2f3d1e0a9b11/projet',
      '/dossiers/1c5f3c38-8a1e-4a47-9f3c-2f3d1e0a9b12',
    ]);
  });
});
