// @vitest-environment node
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import {
  complementOf,
  extendedRanges,
  mainRanges,
  subsetFace,
  textOf,
  unicodeRange,
  withSubsetFaces,
} from './subset-fonts.mjs';

const dsfrCss = createRequire(import.meta.url).resolve('@gouvfr/dsfr/dist/core/core.main.min.css');
const regular = resolve(dirname(dsfrCss), '../fonts/Marianne-Regular.woff2');

/**
 * Whether `face` draws `char`: a face cut down to that one character is larger than the same
 * face cut down to nothing (only the "missing glyph" box) exactly when it has the glyph.
 */
async function draws(face, char) {
  const [one, none] = await Promise.all([
    subsetFont(face, char, { targetFormat: 'truetype' }),
    subsetFont(face, '', { targetFormat: 'truetype' }),
  ]);
  return one.length > none.length;
}

// Cutting a face runs HarfBuzz (WebAssembly): ≈ 1 s for this file on a quiet machine, several
// on a loaded one — CI once went past vitest's 5 s.
const subsetting = { timeout: 60_000 };

describe('the two cuts of a face', subsetting, () => {
  it('main: French and its typography, lighter; extended: the rest, no glyph lost', async () => {
    const whole = readFileSync(regular);
    const main = await subsetFace(whole, mainRanges);
    const extended = await subsetFace(whole, extendedRanges);
    for (const char of ['é', 'Œ', 'œ', 'Ÿ', 'ç', '’', '«', '…', '—', '€', '≤', '→']) {
      expect(await draws(main, char), char).toBe(true);
    }
    for (const char of ['ł', 'ő', 'ă', 'ș', 'ț', 'ễ', '\u0301']) {
      expect(await draws(whole, char), char).toBe(true);
      expect(await draws(main, char), char).toBe(false);
      expect(await draws(extended, char), char).toBe(true);
    }
    expect(await draws(extended, 'é')).toBe(false);
    expect(main.length).toBeLessThan(whole.length * 0.6);
    expect(extended.length).toBeLessThan(whole.length * 0.5);
  });

  it('the extended cut covers exactly what the main one leaves out', () => {
    expect(
      complementOf(
        [
          [0x41, 0x43],
          [0x45, 0x45],
        ],
        [0x40, 0x47],
      ),
    ).toEqual([
      [0x40, 0x40],
      [0x44, 0x44],
      [0x46, 0x47],
    ]);
    expect(
      unicodeRange([
        [0x20, 0x7e],
        [0x20ac, 0x20ac],
      ]),
    ).toBe('U+20-7E,U+20AC');
    expect(
      textOf([
        [0x41, 0x43],
        [0xe9, 0xe9],
      ]),
    ).toBe('ABCé');
    // Every printable character (the C1 controls 0x7F–0x9F are none) is in exactly one cut.
    expect(textOf(mainRanges).length + textOf(extendedRanges).length).toBe(
      textOf([
        [0x20, 0x7e],
        [0xa0, 0xfffd],
      ]).length,
    );
  });
});

describe('withSubsetFaces (the DSFR CSS pointing at the cuts)', subsetting, () => {
  it('splits each woff2 face in two rules with their ranges, keeps the woff fallback, reuses the cache', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'nec-fonts-'));
    const css =
      '@font-face{font-display:swap;font-family:Marianne;font-weight:400;' +
      'src:url(../fonts/Marianne-Regular.woff2) format("woff2"),' +
      'url(../fonts/Marianne-Regular.woff) format("woff")}';
    const out = await withSubsetFaces(css, dsfrCss, cacheDir);
    const rules = out.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(rules).toHaveLength(2);
    const [main, extended] = rules.map((rule) => {
      const url = /url\(([^)]+\.woff2)\)/.exec(rule)?.[1] ?? '';
      return { rule, file: resolve(dirname(dsfrCss), url) };
    });
    expect(main?.rule).toContain('font-weight:400');
    expect(main?.rule).toContain('url(../fonts/Marianne-Regular.woff) format("woff")');
    expect(main?.rule).toContain('unicode-range:U+20-7E,U+A0-FF,U+152-153,U+178,U+2000-206F,');
    expect(extended?.rule).toContain('unicode-range:U+100-151,U+154-177,U+179-1FFF,');
    for (const cut of [main, extended]) {
      expect(cut?.file.startsWith(cacheDir)).toBe(true);
      expect(statSync(cut?.file ?? '').size).toBeLessThan(statSync(regular).size);
    }

    const modified = statSync(main?.file ?? '').mtimeMs;
    expect(await withSubsetFaces(css, dsfrCss, cacheDir)).toBe(out);
    expect(statSync(main?.file ?? '').mtimeMs).toBe(modified);
  });
});
