import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './email.js';

describe('normaliseEmail', () => {
  it('drops surrounding spaces and compares without case', () => {
    expect(normaliseEmail('  Camille.Essai@Exemple.FR ')).toBe('camille.essai@exemple.fr');
    expect(normaliseEmail('a@b.fr')).toBe(normaliseEmail('A@B.FR'));
  });
});
