import { describe, it, expect } from 'vitest';
import { knownTerritoryRefSchema } from './known-territory.js';

describe('knownTerritoryRefSchema', () => {
  it('accepts an existing territory and normalises its code', () => {
    expect(knownTerritoryRefSchema.parse({ kind: 'commune', code: '2a004' })).toEqual({
      kind: 'commune',
      code: '2A004',
    });
    expect(knownTerritoryRefSchema.safeParse({ kind: 'epci', code: '200039865' }).success).toBe(
      true,
    );
  });

  it('rejects a well-formed but unknown code with a French message on the code field', () => {
    const result = knownTerritoryRefSchema.safeParse({ kind: 'commune', code: '57999' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.path).toEqual(['code']);
    expect(result.error?.issues[0]?.message).toContain('découpage administratif');
  });

  it('reports only the syntax problem for a malformed code', () => {
    const result = knownTerritoryRefSchema.safeParse({ kind: 'region', code: 'ABC' });
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.message).toContain('forme attendue');
  });

  it('rejects a code that exists for another kind only', () => {
    expect(knownTerritoryRefSchema.safeParse({ kind: 'region', code: '57' }).success).toBe(false);
  });
});
