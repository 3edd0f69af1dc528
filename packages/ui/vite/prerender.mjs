// Public pages rendered at build (an app's scripts/prerender.mjs writes them with
// pageDocument), and their serving by `vite preview` (prerenderedPages). See docs/decisions.md,
// « The public pages rendered at build ».
import { existsSync, readdirSync } from 'node:fs';
import { resolve, sep } from 'node:path';

/**
 * Where a rendered page is written, under the app's `dist/pages/`: `/` → `index.html`. An
 * address with a parameter (`/appels/:id`: every call's page starts the same, until the call has
 * come) is written once, the parameter named with an underscore (`appels/_id.html`).
 */
export function pageFile(path) {
  const trimmed = path.replace(/^\/+|\/+$/g, '').replace(/:(\w+)/g, '_$1');
  return `${trimmed || 'index'}.html`;
}

/**
 * The address rendered for a path with parameters: each stands for itself (`__id__`), so that
 * the reads the page starts carry it and the page, once served, puts its own address's in.
 */
export const renderedAddress = (path) => path.replace(/:(\w+)/g, '__$1__');

const escapeText = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text) => escapeText(text).replace(/"/g, '&quot;');

/**
 * The page's document, from the app's built `index.html`: its markup in `#app` (marked, so the
 * app takes it over rather than starting afresh), its title, the CSS of the chunks it rendered
 * with, and the app's code run after the first frame — the page is read before it is
 * interactive, and its links work meanwhile. A hidden tab (no frame to wait for) runs it at once.
 * The code is fetched after that frame too, the line left to the CSS (fetched beside it, the
 * home's first paint came 0.5 s later on a slow line; docs/decisions.md). The API reads the page
 * starts (`reads`) are asked for at once, as the typed client sends them (with the cookie), so
 * the browser gives the client their answer when it asks.
 * A page rendered for an address with parameters (`path`, `/appels/:id`) asks for the reads
 * that carry them once it knows its address (an inline script, before the stylesheets).
 * @param {string} template the built index.html
 * @param {{ html: string, title: string, chunks: readonly string[], reads?: readonly string[], path?: string }} page
 */
export function pageDocument(template, page) {
  const entry = template.match(/<script type="module" crossorigin src="([^"]+)"><\/script>\s*/);
  if (!entry) throw new Error('index.html: no entry script');
  const preloads = [
    ...template.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g),
  ];
  const linked = new Set([...template.matchAll(/href="([^"]+\.css)"/g)].map((m) => m[1]));
  const css = [...new Set(page.chunks.filter((f) => f.endsWith('.css') && !linked.has(f)))];
  const code = [
    ...new Set([
      entry[1],
      ...preloads.map((m) => m[1]),
      ...page.chunks.filter((f) => f.endsWith('.js')),
    ]),
  ];
  let html = template.replace(entry[0], '');
  for (const preload of preloads) html = html.replace(preload[0], '');
  const reads = [...new Set(page.reads ?? [])];
  const withParams = reads.filter((href) => /__\w+__/.test(href));
  if (withParams.length > 0 && !page.path?.includes(':'))
    throw new Error(`Reads with a parameter for an address without: ${withParams.join(', ')}`);
  const links = [
    ...reads.filter((href) => !withParams.includes(href)).map(readTag),
    ...css.map((href) => linkTag('stylesheet', href)),
  ];
  // Before the stylesheets: a script after them would wait for them.
  const askReads = withParams.length > 0 ? `\n${paramReads(page.path ?? '', withParams)}` : '';
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeText(page.title)}</title>${askReads}`)
    .replace('</head>', `${links.join('')}</head>`)
    .replace('<div id="app"></div>', `<div id="app" data-prerendered>${page.html}</div>`)
    .replace(
      '</body>',
      `  <script type="module">\n${loader(entry[1], code)}\n    </script>\n  </body>`,
    );
}

/** After the first frame: asks for the page's modules, all at once, then runs the entry. */
function loader(entry, code) {
  const preload =
    `for (const href of ${JSON.stringify(code)}) {` +
    ` const link = document.createElement('link'); link.rel = 'modulepreload';` +
    ` link.crossOrigin = ''; link.href = href; document.head.append(link); }`;
  return (
    `const start = () => { ${preload} import(${JSON.stringify(entry)}); };\n` +
    `if (document.visibilityState === 'hidden') start();\n` +
    `else requestAnimationFrame(() => setTimeout(start));`
  );
}

/** The pattern of an address with parameters, each a named group: `/appels/:id`. */
export function addressPattern(path) {
  const segments = path
    .split('/')
    .map((segment) =>
      segment.startsWith(':')
        ? `(?<${segment.slice(1)}>[^/]+)`
        : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
  return `^${segments.join('/')}/?$`;
}

/**
 * Run by the page as its head is read (its source is inlined): asks for the reads carrying the
 * address's parameters, as the typed client sends them — the value encoded once
 * (`encodeURIComponent` of the router's decoded parameter), with the cookie.
 * @param {string} pattern from addressPattern
 * @param {readonly string[]} reads with `__name__` for each parameter
 */
export function askParamReads(pattern, reads) {
  const groups = new RegExp(pattern).exec(location.pathname)?.groups;
  if (!groups) return;
  const value = (text) => {
    try {
      return encodeURIComponent(decodeURIComponent(text));
    } catch {
      return text;
    }
  };
  for (const href of reads) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'use-credentials';
    link.href = href.replace(/__(\w+)__/g, (_, name) => value(groups[name] ?? ''));
    document.head.append(link);
  }
}

function paramReads(path, reads) {
  const json = (value) => JSON.stringify(value).replace(/</g, '\\u003c');
  const call = `(${askParamReads.toString()})(${json(addressPattern(path))}, ${json(reads)});`;
  return `    <script>\n${call}\n    </script>`;
}

/** An API read asked for by the page, as the typed client sends it (`credentials: 'include'`). */
const readTag = (href) =>
  `  <link rel="preload" as="fetch" crossorigin="use-credentials" href="${escapeAttribute(href)}">\n`;
const linkTag = (rel, href) => `  <link rel="${rel}" crossorigin href="${href}">\n`;

/**
 * `vite preview` serves a page rendered at build for its address (`/` → `dist/pages/index.html`,
 * `/appels/42` → `dist/pages/appels/_id.html`), and the app's plain `index.html` for every other
 * one, as the reverse proxy does in production.
 */
export function prerenderedPages() {
  return {
    name: 'nec-prerendered-pages',
    configurePreviewServer(server) {
      const pages = resolve(server.config.root, server.config.build.outDir, 'pages');
      const withParams = pagesWithParams(pages);
      server.middlewares.use((req, _res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const isPage =
          (req.method === 'GET' || req.method === 'HEAD') &&
          !/\.\w+$/.test(url.pathname) &&
          !url.pathname.startsWith('/api/');
        const file = !isPage
          ? undefined
          : existsSync(resolve(pages, pageFile(url.pathname)))
            ? pageFile(url.pathname)
            : withParams.find((page) => page.pattern.test(url.pathname))?.file;
        if (file) req.url = `/pages/${file}${url.search}`;
        next();
      });
    },
  };
}

/** The pages written for an address with parameters (`appels/_id.html`), with its pattern. */
function pagesWithParams(pages) {
  if (!existsSync(pages)) return [];
  return readdirSync(pages, { recursive: true })
    .map((file) => String(file).split(sep).join('/'))
    .filter((file) => /(^|\/)_\w+\.html$|(^|\/)_\w+\//.test(file))
    .map((file) => ({
      file,
      pattern: new RegExp(
        addressPattern(`/${file.replace(/\.html$/, '').replace(/(^|\/)_/g, '$1:')}`),
      ),
    }));
}
