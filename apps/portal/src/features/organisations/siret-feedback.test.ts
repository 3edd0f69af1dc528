import { describe, expect, it } from 'vitest';
import { siretFeedback } from './siret-feedback.js';

describe('siretFeedback', () => {
  it('counts digits while typing, without an error', () => {
    expect(siretFeedback('732 829')).toEqual({
      kind: 'progress',
      message: '6 chiffres saisis sur 14.',
    });
  });
  it('says a short number is malformed once the field is left', () => {
    expect(siretFeedback('732829', true)).toMatchObject({ kind: 'error', code: 'format' });
  });
  it('refuses letters as a format error', () => {
    expect(siretFeedback('7328A')).toMatchObject({ kind: 'error', code: 'format' });
  });
  it('tells a wrong check digit apart', () => {
    expect(siretFeedback('73282932000075')).toMatchObject({ kind: 'error', code: 'checksum' });
  });
  it('accepts a valid SIRET', () => {
    expect(siretFeedback('732 829 320 00074')).toMatchObject({ kind: 'valid', laPoste: false });
  });
  it('names La Poste’s rule when it applied', () => {
    expect(siretFeedback('35600000000015')).toMatchObject({ kind: 'valid', laPoste: true });
  });
});
