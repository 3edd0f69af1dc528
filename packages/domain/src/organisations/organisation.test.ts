import { describe, it, expect } from 'vitest';
import { organisationInputSchema, organisationSchema } from './organisation.js';

const valid = {
  siret: '732 829 320 00074',
  name: '  Tiers-lieu des Communs  ',
  category: 'tiers-lieu',
  address: { communeCode: '57463', postalCode: '57000', city: 'Metz' },
};

describe('organisationSchema', () => {
  it('normalises the SIRET and trims the name', () => {
    expect(organisationSchema.parse(valid)).toEqual({
      ...valid,
      siret: '73282932000074',
      name: 'Tiers-lieu des Communs',
    });
  });

  it('accepts an organisation without address, and an address with only some parts', () => {
    const { address: _address, ...withoutAddress } = valid;
    expect(organisationSchema.safeParse(withoutAddress).success).toBe(true);
    expect(organisationSchema.safeParse({ ...valid, address: { city: 'Ajaccio' } }).success).toBe(
      true,
    );
  });

  it('upper-cases a Corsican commune code', () => {
    const parsed = organisationSchema.parse({ ...valid, address: { communeCode: '2a004' } });
    expect(parsed.address?.communeCode).toBe('2A004');
  });

  it('reports every invalid field at once, in French', () => {
    const result = organisationSchema.safeParse({
      siret: '73282932000075',
      name: ' ',
      category: 'mairie',
      address: { communeCode: '5746', postalCode: '570' },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'siret',
        'name',
        'category',
        'address.communeCode',
        'address.postalCode',
      ]),
    );
    expect(result.error?.issues.find((i) => i.path[0] === 'siret')?.message).toContain('SIRET');
  });
});

describe('organisationInputSchema', () => {
  it('needs only a SIRET and a category', () => {
    expect(
      organisationInputSchema.parse({ siret: '73282932000074', category: 'association' }),
    ).toEqual({
      siret: '73282932000074',
      category: 'association',
    });
  });

  it('keeps the name when given and drops the address', () => {
    expect(organisationInputSchema.parse(valid)).toEqual({
      siret: '73282932000074',
      name: 'Tiers-lieu des Communs',
      category: 'tiers-lieu',
    });
  });

  it('requires the SIRET and the category', () => {
    const result = organisationInputSchema.safeParse({ name: 'Sans numéro' });
    expect(result.error?.issues.map((issue) => issue.path[0]).sort()).toEqual([
      'category',
      'siret',
    ]);
  });
});
