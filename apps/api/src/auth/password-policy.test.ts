import { describe, expect, it } from 'vitest';
import { contextWords, passwordWeakness } from './password-policy.js';

const person = { email: 'camille.martin@exemple.fr', displayName: 'Camille Martin' };

describe('passwordWeakness', () => {
  it.each(['password1234', 'motdepasse123', 'azertyuiop12', 'bonjour123456'])(
    'refuses the common password %s',
    (password) => {
      expect(passwordWeakness(password, person)).toMatch(/trop facile à deviner/);
    },
  );

  it.each(['camille.martin2026', 'Martin-Camille-75', 'nec-anct-2026!', 'numerique-commun'])(
    'refuses %s, built from the person’s name, address or the programme’s words',
    (password) => {
      expect(passwordWeakness(password, person)).toMatch(/votre nom, votre adresse/);
    },
  );

  it.each(['Tramway bleu sous la pluie', 'girafe-cosmique-perplexe', 'Vélo!Grenoble#Hiver'])(
    'accepts the strong password %s',
    (password) => {
      expect(passwordWeakness(password, person)).toBeNull();
    },
  );

  it('refuses a password without enough letters of its own', () => {
    expect(passwordWeakness('123456789012', person)).not.toBeNull();
  });

  it('gives zxcvbn’s French hint with the refusal', () => {
    expect(passwordWeakness('password1234')).toMatch(/couramment utilisé/);
  });
});

describe('contextWords', () => {
  it('splits the address and the name into words of three letters or more', () => {
    expect(contextWords({ email: 'jo.le-gall@ex.fr', displayName: 'Jo Le Gall' })).toEqual(
      expect.arrayContaining(['gall', 'nec', 'anct']),
    );
    expect(contextWords({ email: 'jo.le-gall@ex.fr' })).not.toContain('jo');
  });
});
