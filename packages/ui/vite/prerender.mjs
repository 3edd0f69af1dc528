// Public pages rendered at build (an app's scripts/prerender.mjs writes them with
// pageDocument), and their serving by `vite preview` (prerenderedPages). See docs/decisions.md,
// « The public pages rendered at build ».
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where a rendered page is written, under the app's `dist/pages/`: `/` → `index.html`. */
export function pageFile(path) {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return `${trimmed || 'index'}.html`;
}

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
 * @param {string} template the built index.html
 * @param {{ html: string, title: string, chunks: readonly string[], reads?: readonly string[] }} page
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
  const links = [
    ...[...new Set(page.reads ?? [])].map(readTag),
    ...css.map((href) => linkTag('stylesheet', href)),
  ];
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeText(page.title)}</title>`)
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

/** An API read asked for by the page, as the typed client sends it (`credentials: 'include'`). */
const readTag = (href) =>
  `  <link rel="preload" as="fetch" crossorigin="use-credentials" href="${escapeAttribute(href)}">\n`;
const linkTag = (rel, href) => `  <link rel="${rel}" crossorigin href="${href}">\n`;

/**
 * `vite preview` serves a page rendered at build for its address (`/` → `dist/pages/index.html`),
 * and the app's plain `index.html` for every other one, as the reverse proxy does in production.
 */
export function prerenderedPages() {
  return {
    name: 'nec-prerendered-pages',
    configurePreviewServer(server) {
      const pages = resolve(server.config.root, server.config.build.outDir, 'pages');
      server.middlewares.use((req, _res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const isPage =
          (req.method === 'GET' || req.method === 'HEAD') && !/\.\w+$/.test(url.pathname);
        if (
          isPage &&
          !url.pathname.startsWith('/api/') &&
          existsSync(resolve(pages, pageFile(url.pathname)))
        )
          req.url = `/pages/${pageFile(url.pathname)}${url.search}`;
        next();
      });
    },
  };
}
