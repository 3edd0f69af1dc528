import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Every source file reachable through relative imports (and re-exports) from `entry`. */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(entry, 'utf8');
  for (const match of text.matchAll(/from\s+'(\.{1,2}\/[^']+)\.js'/g)) {
    reachable(resolve(dirname(entry), `${match[1]}.ts`), seen);
  }
  return seen;
}

const relative = (files: Set<string>) => [...files].map((file) => file.slice(here.length + 1));

describe('package entries', () => {
  it('the main entry (browser) does not reach the territories reference data', () => {
    const files = relative(reachable(resolve(here, 'index.ts')));
    expect(files).toContain('dossiers/nec-local.ts');
    expect(files).toContain('eligibility/evaluate.ts');
    expect(
      files.filter((file) =>
        /territories\/(?:reference-data|lookup|search|territories\.generated)/.test(file),
      ),
    ).toEqual([]);
  });
  it('the territories entry holds the reference data', () => {
    expect(relative(reachable(resolve(here, 'territories/index.ts')))).toContain(
      'territories/territories.generated.ts',
    );
  });
});
