// Serves each of the DSFR's faces in two cuts, as Google Fonts does: the characters of French
// (22 kB), and the rest of Marianne (Latin Extended-A and -B, Vietnamese, combining accents…,
// 18 kB) fetched only by a page that writes one of them. Whole, a face is 41 kB, and every page
// fetches three while its first screen's scripts and data come. The glyphs are Marianne's own,
// untouched: a page looks exactly the same.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import subsetFont from 'subset-font';

/**
 * The code points of the main file of each face, as inclusive ranges: Basic Latin, Latin-1
 * with Œ œ Ÿ (all of French), general punctuation (’ « » – — …), currencies (€), letterlike
 * symbols (№ ™), arrows (→) and mathematical operators (− ≤ ≥) — Google Fonts' "latin" cut,
 * give or take. Latin Extended-A (ł ő č ă…: names from elsewhere in Europe) is in the extended
 * file: 4 kB less a face on every page, fetched only where such a name is written.
 */
export const mainRanges = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x152, 0x153],
  [0x178, 0x178],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
  [0x2100, 0x214f],
  [0x2190, 0x21ff],
  [0x2200, 0x22ff],
];

/**
 * Everything else Marianne draws (Latin Extended-B with the Romanian ș and ț, the combining
 * accents, Vietnamese): a second file, which the browser fetches only for a page that writes
 * one of these characters (`unicode-range`). No glyph of Marianne is lost.
 */
export const extendedRanges = complementOf(mainRanges, [0xa0, 0xfffd]);

/** The ranges of `within` that `ranges` (sorted, disjoint) leave out. */
export function complementOf(ranges, [from, to]) {
  const gaps = [];
  let next = from;
  for (const [first, last] of ranges) {
    if (first > next) gaps.push([next, first - 1]);
    next = Math.max(next, last + 1);
  }
  if (next <= to) gaps.push([next, to]);
  return gaps;
}

/** Every character of the ranges, in one string, as the subsetter takes them. */
export function textOf(ranges) {
  let text = '';
  for (const [first, last] of ranges) {
    for (let point = first; point <= last; point++) {
      if (point < 0xd800 || point > 0xdfff) text += String.fromCodePoint(point);
    }
  }
  return text;
}

/** The ranges as a CSS `unicode-range`: `U+20-7E,U+A0-17F`. */
export function unicodeRange(ranges) {
  const hex = (point) => point.toString(16).toUpperCase();
  return ranges
    .map(([first, last]) => (first === last ? `U+${hex(first)}` : `U+${hex(first)}-${hex(last)}`))
    .join(',');
}

/** A woff2 face with only the characters of `ranges` (and the glyphs their features need). */
export function subsetFace(bytes, ranges) {
  return subsetFont(bytes, textOf(ranges), { targetFormat: 'woff2' });
}

/** The DSFR's CSS, as `@nec/ui/styles` imports it; its faces are `url(../fonts/X.woff2)`. */
const isDsfrCss = (id) => /[\\/]@gouvfr[\\/]dsfr[\\/]dist[\\/].*\.css$/.test(id.split('?')[0]);
const faceRule = /@font-face\{([^}]*)url\((\.\.\/fonts\/[\w-]+)\.woff2\)([^}]*)\}/g;

/** The two cuts of each face: the main one, and the one fetched only when needed. */
const cuts = [
  { name: 'main', ranges: mainRanges },
  { name: 'extended', ranges: extendedRanges },
];

/**
 * Writes the cut of `source` into `cacheDir` once, under the hash of the source and the ranges
 * (a new DSFR release or a new range makes a new file), and returns its path.
 */
export async function subsetFile(source, cut, cacheDir) {
  const bytes = readFileSync(source);
  const key = createHash('sha256')
    .update(bytes)
    .update(JSON.stringify(cut.ranges))
    .digest('hex')
    .slice(0, 16);
  const target = join(cacheDir, key, `${basename(source, '.woff2')}-${cut.name}.woff2`);
  if (existsSync(target)) return target;
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, await subsetFace(bytes, cut.ranges));
  renameSync(partial, target);
  return target;
}

/**
 * The CSS with each woff2 face split in its two cuts: two `@font-face` rules with the same
 * descriptors, each its `unicode-range` and its file (relative to the CSS file, for Vite).
 */
export async function withSubsetFaces(css, cssFile, cacheDir) {
  const dir = dirname(cssFile);
  const rules = [...css.matchAll(faceRule)];
  let out = css;
  for (const [rule, before, face, after] of rules) {
    const split = [];
    for (const cut of cuts) {
      const file = await subsetFile(resolve(dir, `${face}.woff2`), cut, cacheDir);
      const url = relative(dir, file).split('\\').join('/');
      split.push(
        `@font-face{${before}url(${url})${after};unicode-range:${unicodeRange(cut.ranges)}}`,
      );
    }
    out = out.replace(rule, split.join(''));
  }
  return out;
}

/**
 * The Vite plugin. It rewrites the DSFR's CSS before Vite resolves its `url()`s, so Vite emits
 * the cuts and names them from their own content. The dev server keeps the whole faces; the
 * `.woff` fallbacks, fetched only by browsers without woff2, stay whole.
 */
export function subsetFonts() {
  let cacheDir = '';
  return {
    name: 'nec:subset-fonts',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      cacheDir = join(config.cacheDir, 'nec-fonts');
    },
    async transform(code, id) {
      if (!isDsfrCss(id) || !code.includes('.woff2')) return null;
      return { code: await withSubsetFaces(code, id.split('?')[0], cacheDir), map: null };
    },
  };
}
