// @vitest-environment node
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addressPattern,
  pageDocument,
  pageFile,
  prerenderedPages,
  renderedAddress,
} from './prerender.mjs';

// What `vite build` writes, in the shape the page is made from.
const template = `<!doctype html>
<html lang="fr">
  <head>
    <title>Portail</title>
    <script type="module" crossorigin src="/assets/index-A.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vue-B.js">
    <link rel="stylesheet" crossorigin href="/assets/index-C.css">
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>`;

const page = {
  html: '<main><h1>Accueil</h1></main>',
  title: 'Accueil — Portail <NEC> & co',
  chunks: ['/assets/Home-D.js', '/assets/Home-E.css', '/assets/index-C.css', '/assets/vue-B.js'],
};

describe('a page rendered at build', () => {
  it('is written under the address it answers', () => {
    expect(pageFile('/')).toBe('index.html');
    expect(pageFile('/questions-frequentes')).toBe('questions-frequentes.html');
    expect(pageFile('/mentions-legales/')).toBe('mentions-legales.html');
  });

  it('is written once for an address with parameters, rendered with each standing for itself', () => {
    expect(pageFile('/appels/:id')).toBe('appels/_id.html');
    expect(renderedAddress('/appels/:id')).toBe('/appels/__id__');
    const pattern = new RegExp(addressPattern('/appels/:id'));
    expect(pattern.exec('/appels/nec-2027')?.groups).toEqual({ id: 'nec-2027' });
    expect(pattern.test('/appels/nec-2027/')).toBe(true);
    expect(pattern.test('/appels/')).toBe(false);
    expect(pattern.test('/appels/nec-2027/deposer')).toBe(false);
  });

  const html = pageDocument(template, page);

  it('holds the markup, marked for the app to take it over, and its own title', () => {
    expect(html).toContain('<div id="app" data-prerendered><main><h1>Accueil</h1></main></div>');
    expect(html).toContain('<title>Accueil — Portail &lt;NEC&gt; &amp; co</title>');
  });

  it('links the CSS of what it shows, once each', () => {
    expect(html.match(/Home-E\.css/g)).toHaveLength(1);
    expect(html.match(/index-C\.css/g)).toHaveLength(1);
  });

  it('asks for the code only after its first frame, every module of it at once', () => {
    expect(html).not.toContain('<script type="module" crossorigin src=');
    expect(html).not.toContain('<link rel="modulepreload"');
    const loader = /<script type="module">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(loader).toContain('requestAnimationFrame(() => setTimeout(start))');
    expect(loader).toContain('["/assets/index-A.js","/assets/vue-B.js","/assets/Home-D.js"]');
    expect(loader).toContain('import("/assets/index-A.js")');
  });

  it('asks for the reads it starts at once, as the typed client sends them', () => {
    const withReads = pageDocument(template, { ...page, reads: ['/api/campaigns?status=open'] });
    expect(withReads).toContain(
      '<link rel="preload" as="fetch" crossorigin="use-credentials" href="/api/campaigns?status=open">',
    );
    expect(html).not.toContain('rel="preload"');
  });

  it('refuses a template without the entry script', () => {
    expect(() => pageDocument('<html></html>', page)).toThrow(/entry script/);
  });

  describe('for an address with parameters', () => {
    const reads = ['/api/auth/session', '/api/campaigns/__id__'];
    const shell = pageDocument(template, { ...page, reads, path: '/appels/:id' });
    const script = /<script>\n([\s\S]*?)\n\s*<\/script>/.exec(shell)?.[1] ?? '';

    /** Runs the page's inline script at an address; returns the links it added. */
    function readsAskedAt(pathname) {
      const added = [];
      const document = { createElement: () => ({}), head: { append: (link) => added.push(link) } };
      new Function('location', 'document', script)({ pathname }, document);
      return added;
    }

    it('asks for the reads without parameters as any page, before the stylesheets the others', () => {
      expect(shell).toContain('crossorigin="use-credentials" href="/api/auth/session">');
      expect(shell).not.toContain('href="/api/campaigns/__id__"');
      expect(shell.indexOf('<script>')).toBeLessThan(shell.indexOf('rel="stylesheet"'));
    });

    it('asks for the others with its own address’s values, encoded as the client does', () => {
      expect(readsAskedAt('/appels/nec-2027')).toEqual([
        {
          rel: 'preload',
          as: 'fetch',
          crossOrigin: 'use-credentials',
          href: '/api/campaigns/nec-2027',
        },
      ]);
      expect(readsAskedAt('/appels/a%20b%2Fc').map((link) => link.href)).toEqual([
        '/api/campaigns/a%20b%2Fc',
      ]);
      expect(readsAskedAt('/appels/%E0%A4%A').map((link) => link.href)).toEqual([
        '/api/campaigns/%E0%A4%A',
      ]);
      expect(readsAskedAt('/ailleurs')).toEqual([]);
    });

    it('refuses reads with parameters for an address without', () => {
      expect(() => pageDocument(template, { ...page, reads, path: '/' })).toThrow(/parameter/);
    });
  });
});

describe('vite preview of an app with rendered pages', () => {
  const root = mkdtempSync(join(tmpdir(), 'nec-prerender-'));
  mkdirSync(join(root, 'dist/pages'), { recursive: true });
  writeFileSync(join(root, 'dist/pages/index.html'), 'home');
  writeFileSync(join(root, 'dist/pages/questions-frequentes.html'), 'faq');
  mkdirSync(join(root, 'dist/pages/appels'));
  writeFileSync(join(root, 'dist/pages/appels/_id.html'), 'a call');
  let middleware;
  prerenderedPages().configurePreviewServer({
    config: { root, build: { outDir: 'dist' } },
    middlewares: { use: (fn) => (middleware = fn) },
  });
  const served = (url, method = 'GET') => {
    const req = { url, method };
    middleware(req, {}, () => {});
    return req.url;
  };

  it('serves a rendered page for its address, its query kept', () => {
    expect(served('/')).toBe('/pages/index.html');
    expect(served('/questions-frequentes?x=1')).toBe('/pages/questions-frequentes.html?x=1');
  });

  it('serves the page of an address with parameters for each of its values', () => {
    expect(served('/appels/nec-2027')).toBe('/pages/appels/_id.html');
    expect(served('/appels/nec-2027?x=1')).toBe('/pages/appels/_id.html?x=1');
    expect(served('/appels/nec-2027/deposer')).toBe('/appels/nec-2027/deposer');
    expect(served('/appels/')).toBe('/appels/');
  });

  it('leaves every other address, the files and the API alone', () => {
    expect(served('/connexion')).toBe('/connexion');
    expect(served('/assets/index-A.js')).toBe('/assets/index-A.js');
    expect(served('/questions-frequentes', 'POST')).toBe('/questions-frequentes');
    expect(served('/api/health')).toBe('/api/health');
  });
});
