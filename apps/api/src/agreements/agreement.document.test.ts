import { describe, expect, it } from 'vitest';
import { composeAgreement, formatSiret, type AgreementData } from './agreement.document.js';

const data: AgreementData = {
  reference: 'NEC-2026-00042',
  campaign: { title: 'Appel permanent NEC local 2026', year: 2026 },
  organisation: { name: 'Association des Octets (fictive)', siret: '12345678900012' },
  project: {
    title: 'NEC des Bois',
    startDate: '2026-10-15',
    endDate: null,
    venue: 'Salle des Communs, 1 place du Marché',
    online: false,
  },
  amountCents: 450_000,
  validUntil: '2026-12-31',
  issuedOn: '2026-06-10',
  signedOn: null,
};

/** The document as plain text, no-break spaces as spaces. */
const textOf = (d: AgreementData) =>
  composeAgreement(d)
    .blocks.map((b) => (b.kind === 'signatures' ? b.parties.join('\n') : b.text))
    .join('\n')
    .replace(/[\u00a0\u202f]/g, ' ');

describe('composeAgreement', () => {
  it('names the parties, the object, the amount in figures and words, the payment and the validity', () => {
    const text = textOf(data);
    expect(text).toContain(
      'Agence nationale de la cohésion des territoires (ANCT) — Programme Société Numérique',
    );
    expect(text).toContain(
      'Association des Octets (fictive), immatriculée sous le numéro SIRET 123 456 789 00012',
    );
    expect(text).toContain('« NEC des Bois »');
    expect(text).toContain(
      'qui se tiendra le 15 octobre 2026, à l’adresse suivante : Salle des Communs, 1 place du Marché.',
    );
    expect(text).toContain('4 500 € (quatre mille cinq cents euros)');
    expect(text).toContain('versée en totalité, en une seule fois, dès la signature');
    expect(text).toContain('jusqu’au 31 décembre 2026 inclus');
    expect(text).toContain('Référence du dossier : NEC-2026-00042');
    expect(text).toContain('Établie en deux exemplaires le 10 juin 2026.');
    expect(text).not.toContain('signée le');
  });

  it('ends with the two signature blocks, and says when it was signed', () => {
    const blocks = composeAgreement({ ...data, signedOn: '2026-06-12' }).blocks;
    expect(blocks.at(-1)).toEqual({
      kind: 'signatures',
      parties: [
        'Pour l’ANCT — Programme Société Numérique\nNom, qualité et signature',
        'Pour Association des Octets (fictive)\nNom, qualité et signature',
      ],
    });
    expect(blocks.at(-2)).toEqual({ kind: 'note', text: 'Convention signée le 12 juin 2026.' });
  });

  it('describes multi-day, online and undated events', () => {
    expect(textOf({ ...data, project: { ...data.project, endDate: '2026-10-16' } })).toContain(
      'du 15 octobre 2026 au 16 octobre 2026',
    );
    expect(textOf({ ...data, project: { ...data.project, venue: null, online: true } })).toContain(
      'le 15 octobre 2026, en ligne.',
    );
    expect(
      textOf({ ...data, project: { ...data.project, startDate: null, venue: null } }),
    ).toContain('à une date qui reste à préciser, en un lieu qui reste à préciser.');
    expect(textOf({ ...data, amountCents: 249_950 })).toContain(
      '2 499,50 € (deux mille quatre cent quatre-vingt-dix-neuf euros et cinquante centimes)',
    );
  });

  it('is a pure function of its data', () => {
    expect(composeAgreement(data)).toEqual(composeAgreement(structuredClone(data)));
  });
});

describe('formatSiret', () => {
  it('groups the SIREN and keeps the establishment number', () => {
    expect(formatSiret('12345678900012')).toBe('123 456 789 00012');
    expect(formatSiret('123')).toBe('123');
  });
});
