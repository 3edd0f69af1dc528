import { describe, expect, it } from 'vitest';
import { organisationCategories } from '../organisations/categories.js';
import { describeIssues } from '../shared/issues.js';
import { checkLeadOrganiser, isSupportingCollectivite, organisersSchema } from './organisers.js';

const organiser = {
  name: 'Structure fictive',
  category: 'association',
  role: 'lead',
  supportsEvent: true,
};

describe('organisersSchema', () => {
  it('needs at least one organiser, one of them the lead', () => {
    expect(organisersSchema.safeParse([organiser]).success).toBe(true);
    expect(describeIssues(organisersSchema.safeParse([]).error!).map((i) => i.code)).toEqual([
      'too_small',
    ]);
    const noLead = organisersSchema.safeParse([{ ...organiser, role: 'partner' }]);
    expect(describeIssues(noLead.error!).map((i) => i.code)).toEqual(['lead-required']);
  });

  it('still finds the missing lead when another organiser has a blank name', () => {
    const result = organisersSchema.safeParse([
      { ...organiser, role: 'partner' },
      { ...organiser, role: 'co-organiser', name: '' },
    ]);
    expect(describeIssues(result.error!).map((i) => [i.path, i.code])).toEqual([
      ['1.name', 'required'],
      ['', 'lead-required'],
    ]);
  });

  it('checks the SIRET when one is given', () => {
    const result = organisersSchema.safeParse([{ ...organiser, siret: '12345678901234' }]);
    expect(describeIssues(result.error!).map((i) => i.path)).toEqual(['0.siret']);
  });
});

describe('checkLeadOrganiser', () => {
  it('accepts several leads', () => {
    expect(checkLeadOrganiser([{ role: 'lead' }, { role: 'lead' }])).toEqual([]);
  });
});

describe('isSupportingCollectivite', () => {
  it('is a collectivité that supports the event', () => {
    expect(isSupportingCollectivite({ category: 'commune', supportsEvent: true })).toBe(true);
    expect(isSupportingCollectivite({ category: 'commune', supportsEvent: false })).toBe(false);
    expect(isSupportingCollectivite({ category: 'association', supportsEvent: true })).toBe(false);
  });

  it('follows isCollectivite for every category', () => {
    const supporting = organisationCategories.filter((category) =>
      isSupportingCollectivite({ category, supportsEvent: true }),
    );
    expect(supporting).toEqual([
      'commune',
      'epci',
      'departement',
      'region',
      'collectivite-outre-mer',
      'collectivite-statut-particulier',
      'syndicat-mixte',
    ]);
  });
});
