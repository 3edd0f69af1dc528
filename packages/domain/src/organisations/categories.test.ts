import { describe, it, expect } from 'vitest';
import {
  isCollectivite,
  organisationCategories,
  organisationCategoryLabels,
  organisationCategorySchema,
} from './categories.js';

describe('isCollectivite', () => {
  it.each([
    'commune',
    'epci',
    'departement',
    'region',
    'collectivite-outre-mer',
    'collectivite-statut-particulier',
    'syndicat-mixte',
  ] as const)('counts %s as a collectivité', (category) => {
    expect(isCollectivite(category)).toBe(true);
  });

  it.each([
    'association',
    'tiers-lieu',
    'cooperative',
    'entreprise',
    'etablissement-public',
    'etat',
    'autre',
  ] as const)('does not count %s as a collectivité', (category) => {
    expect(isCollectivite(category)).toBe(false);
  });

  it('classifies every category (none is forgotten by the two lists above)', () => {
    expect(organisationCategories.filter(isCollectivite)).toHaveLength(7);
    expect(organisationCategories).toHaveLength(14);
  });
});

describe('organisationCategorySchema', () => {
  it('accepts a listed category', () => {
    expect(organisationCategorySchema.parse('tiers-lieu')).toBe('tiers-lieu');
  });

  it('rejects anything else with a French message', () => {
    const result = organisationCategorySchema.safeParse('mairie');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('catégorie');
  });

  it('has a French label for every category', () => {
    for (const category of organisationCategories) {
      expect(organisationCategoryLabels[category].length).toBeGreaterThan(0);
    }
  });
});
