import { describe, expect, it } from 'vitest';
import { amiMediation2021 } from '../calls/campaigns.fixtures.js';
import { evaluateEligibility } from '../eligibility/index.js';
import { renderEligibility, renderIssues } from './render.js';

describe('renderEligibility', () => {
  it('marks each rule ✔, ✘ or … and prints a single verdict for the AMI', () => {
    const result = evaluateEligibility(
      { challenges: ['autonomy'] },
      amiMediation2021,
      '2021-10-05',
    );
    const lines = renderEligibility(amiMediation2021, '2021-10-05', result);
    expect(lines).toContain('Date de dépôt retenue : 5 octobre 2021');
    expect(lines).toContain('Candidature : ✘ non éligible');
    expect(lines.filter((l) => l.startsWith('  ✘'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('  ✔'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('  …'))).toHaveLength(1);
  });
});

describe('renderIssues', () => {
  it('counts in French and shows the root as « (dossier) »', () => {
    expect(renderIssues([{ path: '', code: 'x', message: 'Message.' }])).toEqual([
      'Le dossier n’est pas valide (1 erreur) :',
      '  ✘ (dossier) : Message.',
    ]);
  });
});
