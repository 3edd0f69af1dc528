// The security headers of the apps' pages (the API sets its own with Helmet): a
// Content-Security-Policy that allows the app's own files and, by their hash, the inline scripts
// of its pages (a rendered page's loader), and nothing else; the page never framed; no MIME
// sniffing. Set by `vite preview` (securityHeadersPlugin(), so `npm start` and the end-to-end tests run
// under them) and written at build for the reverse proxy (`dist/security-headers.conf`, an nginx
// snippet: infra/reverse-proxy.md). See docs/security.md, « The apps' pages ».
//   node vite/security-headers.mjs <dist>   writes <dist>/security-headers.conf
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The text of each inline script (one without `src`) of an HTML document. */
export function inlineScripts(html) {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => match[1] ?? '',
  );
}

/** The CSP source allowing one inline script: its SHA-256, as the browser hashes its text. */
export const scriptHash = (text) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hashes of every inline script of the HTML files under a built app's folder, sorted. */
export function inlineScriptHashes(dir) {
  if (!existsSync(dir)) return [];
  const hashes = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html'))
    .flatMap((file) => inlineScripts(readFileSync(join(dir, file), 'utf8')))
    .map(scriptHash);
  return [...new Set(hashes)].sort();
}

/**
 * The headers of an app's pages. Styles may be inline: Vue and the charts set
 * `style` attributes. Images from `data:` and `blob:` URLs: the DSFR's icons, a photo's preview,
 * a chart drawn on a canvas for its PNG. No referrer to other sites: an e-mail link's token
 * (`?jeton=`) never leaves in one.
 * @param {readonly string[]} hashes from inlineScriptHashes
 */
export function securityHeaders(hashes) {
  const policy = [
    "default-src 'self'",
    `script-src ${["'self'", ...hashes].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return {
    'Content-Security-Policy': policy.join('; '),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/**
 * The headers of the other files (scripts, styles, fonts, images): the policy applies to
 * documents only, and repeated on each of a page's 30 to 50 files it weighed 25 kB more per page
 * on HTTP/1.1 (Lighthouse, the home: 245 → 274 kB transferred).
 */
export const fileHeaders = { 'X-Content-Type-Options': 'nosniff' };

/** A page's address: no file extension (the app's routes), or an HTML file. */
const isPage = (path) => !/\.\w+$/.test(path) || path.endsWith('.html');

/** The nginx snippet of those headers (`always`: on error answers too). */
export function nginxSnippet(headers) {
  const lines = Object.entries(headers).map(
    ([name, value]) => `add_header ${name} "${value}" always;`,
  );
  return `# Written by the build (@nec/ui/vite/security-headers): include it in every location serving pages.\n${lines.join('\n')}\n`;
}

/** Writes `<dir>/security-headers.conf` from the app's built pages. */
export function writeSecurityHeaders(dir) {
  const file = join(dir, 'security-headers.conf');
  writeFileSync(file, nginxSnippet(securityHeaders(inlineScriptHashes(dir))));
  return file;
}

/**
 * The pages forbid `eval` and `new Function`: zod must check values without compiling its object
 * parsers, and not even probe for it (the browser reports a probe as a violation). It probes
 * when a `z.object` is created, which the modules of the domain and the contract do as they
 * load — before an app's entry could call `z.config()` (a chunk's imports run first). So the
 * setting is in the page, before any module: zod reads it from this global when it loads.
 */
export const zodWithoutEval = 'globalThis.__zod_globalConfig = { jitless: true };';

/**
 * `vite preview` answers with the headers, the scripts' hashes read from the build at start;
 * every page gets zod's setting first (zodWithoutEval).
 */
export function securityHeadersPlugin() {
  return {
    name: 'nec-security-headers',
    transformIndexHtml: () => [
      { tag: 'script', children: zodWithoutEval, injectTo: 'head-prepend' },
    ],
    configurePreviewServer(server) {
      const dist = resolve(server.config.root, server.config.build.outDir);
      const pageHeaders = Object.entries(securityHeaders(inlineScriptHashes(dist)));
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        if (path.startsWith('/api/')) return next(); // the API sends its own
        const headers = isPage(path) ? pageHeaders : Object.entries(fileHeaders);
        for (const [name, value] of headers) res.setHeader(name, value);
        next();
      });
    },
  };
}

// Run as a command (through the app's node_modules link: compared by real path).
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: security-headers.mjs <dist>');
  console.log(`  security headers → ${writeSecurityHeaders(resolve(dir))}`);
}
