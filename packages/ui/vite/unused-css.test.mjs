// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourcesOf, unusedCssRemoved } from './unused-css.mjs';

const css = [
  '.fr-mt-2w{margin-top:1rem}',
  '.fr-mt-9w{margin-top:4.5rem}',
  '.fr-alert--error{color:red}',
  '.fr-error-text{color:red}',
  '.fr-card .fr-card__title{font-weight:700}',
  '.fr-card.fr-enlarge-button{cursor:pointer}',
  ':root{--text-default-grey:#3a3a3a}',
  '@font-face{font-family:Marianne;src:url(m.woff2)}',
].join('\n');

/** A fake screen's source: the classes it spells out. */
function sourceWith(text) {
  const dir = mkdtempSync(join(tmpdir(), 'nec-unused-css-'));
  const file = join(dir, 'Screen.vue');
  writeFileSync(file, text);
  return [file];
}

describe('unusedCssRemoved (the DSFR rules no screen can use, out of a production build)', () => {
  it('keeps what a source spells out and drops the utilities nothing uses', async () => {
    const out = await unusedCssRemoved(
      css,
      sourceWith('<div class="fr-card fr-mt-2w"><h3 class="fr-card__title">x</h3></div>'),
    );
    expect(out).toContain('.fr-mt-2w');
    expect(out).toContain('.fr-card .fr-card__title');
    expect(out).not.toContain('.fr-mt-9w');
    expect(out).not.toContain('fr-enlarge-button');
  });

  it('keeps what vue-dsfr writes from a prop: every modifier, the fields’ message classes', async () => {
    // `fr-alert--${type}` and `fr-${status}-text` are never spelled out whole.
    const out = await unusedCssRemoved(css, sourceWith('`fr-alert--${type}` `fr-${s}-text`'));
    expect(out).toContain('.fr-alert--error');
    expect(out).toContain('.fr-error-text');
  });

  it('keeps the custom properties and the fonts', async () => {
    const out = await unusedCssRemoved(css, sourceWith('nothing'));
    expect(out).toContain('--text-default-grey');
    expect(out).toContain('@font-face');
  });

  it('reads the app, the UI kit and vue-dsfr’s build', () => {
    const sources = sourcesOf('/app');
    expect(sources.slice(0, 2)).toEqual(['/app/index.html', '/app/src/**/*.{vue,ts}']);
    expect(sources[2]).toMatch(/packages\/ui\/src\/\*\*\/\*\.\{vue,ts\}$/);
    expect(sources[3]).toMatch(/@gouvminint\/vue-dsfr\/dist\/vue-dsfr\.js$/);
  });
});
