// Drops from the DSFR's CSS, in a production build, the rules no screen can use. The DSFR core
// alone is 176 kB (25 kB gzipped) of utilities for every margin, padding and column at every
// breakpoint, of which an app uses a few dozen; and the CSS blocks every page's first paint.
import { fileURLToPath } from 'node:url';
import { PurgeCSS } from 'purgecss';

/**
 * Classes that no source spells out whole, yet a page can carry: vue-dsfr writes them from a
 * prop (`fr-alert--${type}`, `fr-${status}-text`, `fr-ratio-${ratio}`). Every BEM modifier
 * (`--`) is kept, so no variant of a component is lost, whatever prop chose it.
 */
export const keptClasses = [/--/, /^fr-(error|valid|info|warning)-text$/, /^fr-ratio-/];

/** The CSS this plugin trims: the DSFR's parts, as `@nec/ui/styles` imports them. */
const isDsfrCss = (id) => /[\\/]@gouvfr[\\/]dsfr[\\/]dist[\\/].*\.css$/.test(id.split('?')[0]);

/**
 * Where the screens' classes are written: the app's sources and page, the UI kit's sources and
 * vue-dsfr's build (every component, used or not: what it can render is kept).
 */
export function sourcesOf(appRoot) {
  return [
    `${appRoot}/index.html`,
    `${appRoot}/src/**/*.{vue,ts}`,
    fileURLToPath(new URL('../src/**/*.{vue,ts}', import.meta.url)),
    fileURLToPath(import.meta.resolve('@gouvminint/vue-dsfr')),
  ];
}

/**
 * A rule is kept if each of its classes, ids, elements and attributes appears in the sources
 * (PurgeCSS); custom properties, `@font-face` and keyframes are all kept.
 */
export async function unusedCssRemoved(css, sources) {
  const [result] = await new PurgeCSS().purge({
    content: sources,
    css: [{ raw: css }],
    safelist: { standard: keptClasses },
  });
  return result?.css ?? css;
}

/**
 * The Vite plugin. It trims each DSFR file as it is read, before Vite bundles and names the
 * CSS, so a file's hash always matches its content (a browser's cached copy stays right).
 * The dev server keeps the whole CSS.
 */
export function removeUnusedCss() {
  let sources = [];
  return {
    name: 'nec:remove-unused-css',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      sources = sourcesOf(config.root);
    },
    async transform(code, id) {
      if (!isDsfrCss(id)) return null;
      return { code: await unusedCssRemoved(code, sources), map: null };
    },
  };
}
