import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type DemoIo, runDemo } from './demo.js';

const example = (name: string) => fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));

function run(argv: string[], overrides: Partial<DemoIo> = {}) {
  const out: string[] = [];
  const errors: string[] = [];
  const code = runDemo(argv, {
    stdout: (line) => out.push(line),
    stderr: (line) => errors.push(line),
    today: () => '2027-01-15',
    ...overrides,
  });
  return { code, out, err: errors };
}

describe('runDemo', () => {
  it('prints every verdict of the eligible example and exits 0', () => {
    const { code, out, err } = run([example('dossier-eligible-subvention.json')]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toContain('Campagne : Appel permanent NEC local 2027 (nec-local-permanent-2027)');
    expect(out).toContain('Label Numérique en Commun[s] : ✔ éligible');
    expect(out).toContain('Subvention : ✔ éligible');
    expect(out).toContain('Duo chercheur·euse et journaliste : ✔ éligible');
    expect(out.filter((line) => line.startsWith('  ✘'))).toEqual([]);
  });

  it('explains why the other example is not eligible, and still exits 0', () => {
    const { code, out } = run([example('dossier-non-eligible.json')]);
    expect(code).toBe(0);
    expect(out).toContain('Label Numérique en Commun[s] : ✘ non éligible');
    expect(out).toContain('Subvention : ✘ non éligible');
    const failures = out.filter((line) => line.startsWith('  ✘'));
    expect(failures.some((l) => l.includes('3 mois d’avance au moins'))).toBe(true);
    expect(failures.some((l) => l.includes('Aucune collectivité'))).toBe(true);
    expect(failures.some((l) => l.includes('entièrement en ligne'))).toBe(true);
    expect(failures.some((l) => l.includes('90 personnes'))).toBe(true);
  });

  it('lists every schema error with its field path on stderr and exits 1', () => {
    const { code, out, err } = run([example('dossier-invalide.json')]);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(/^Le dossier n’est pas valide \(\d+ erreurs\) :$/);
    for (const path of [
      'title',
      'audiences.expectedAttendees',
      'organisers.0.siret',
      'eventMode',
      'event.startDate',
      'event.venue.capacity',
      'requests.duo',
    ]) {
      expect(err.some((line) => line.startsWith(`  ✘ ${path} : `))).toBe(true);
    }
  });

  it('lets --today and --campaign override the file', () => {
    const late = run([example('dossier-eligible-subvention.json'), '--today', '2027-03-01']);
    expect(late.out).toContain('Label Numérique en Commun[s] : ✘ non éligible');
    const other = run([
      example('dossier-eligible-subvention.json'),
      '--campaign',
      'nec-local-2023',
    ]);
    expect(other.out[0]).toContain('(nec-local-2023)');
    expect(other.out).toContain('Label Numérique en Commun[s] : ✘ non éligible');
  });

  it('defaults to the permanent NEC local call of the evaluation year for a bare dossier', () => {
    const wrapped = JSON.parse(
      readFileSync(example('dossier-eligible-subvention.json'), 'utf8'),
    ) as { dossier: unknown };
    const bare = JSON.stringify(wrapped.dossier);
    const fromClock = run(['bare.json'], { readFile: () => bare });
    expect(fromClock.code).toBe(0);
    expect(fromClock.out[0]).toContain('(nec-local-permanent-2027)');
    const fromFlag = run(['bare.json', '--today', '2028-01-10'], { readFile: () => bare });
    expect(fromFlag.out[0]).toContain('(nec-local-permanent-2028)');
    expect(fromFlag.out).toContain('Label Numérique en Commun[s] : ✘ non éligible');
  });

  it('lists the missing fields of a bare draft', () => {
    const { code, err } = run(['draft.json'], {
      readFile: () => JSON.stringify({ title: 'Brouillon' }),
    });
    expect(code).toBe(1);
    expect(err.some((line) => line.startsWith('  ✘ objective : '))).toBe(true);
    expect(err.some((line) => line.startsWith('  ✘ event : '))).toBe(true);
  });

  it('exits 2 on usage and input errors, with a French message', () => {
    expect(run([]).code).toBe(2);
    expect(run(['a.json', '--today', '15/01/2027']).err[0]).toContain('AAAA-MM-JJ');
    expect(run(['a.json', '--verbose']).code).toBe(2);
    expect(
      run([example('dossier-eligible-subvention.json'), '--campaign', 'inconnue']).err[0],
    ).toContain('Campagne inconnue');
    expect(
      run(['absent.json'], {
        readFile: () => {
          throw new Error('ENOENT');
        },
      }).err[0],
    ).toContain('Impossible de lire');
    expect(run(['x.json'], { readFile: () => '{ pas du json' }).err[0]).toContain('JSON');
    expect(run(['x.json'], { readFile: () => '[1, 2]' }).code).toBe(2);
  });
});
