// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  inlineScriptHashes,
  inlineScripts,
  nginxSnippet,
  scriptHash,
  securityHeaders,
  securityHeadersPlugin,
  writeSecurityHeaders,
  zodWithoutEval,
} from './security-headers.mjs';

const page = `<!doctype html><html><head><script>${zodWithoutEval}</script>
<script type="module" crossorigin src="/assets/index-A.js"></script></head>
<body><div id="app"></div><script type="module">
import("/assets/index-A.js");
</script></body></html>`;

describe('the inline scripts of the built pages', () => {
  it('are the scripts without a source, their text as the browser hashes it', () => {
    expect(inlineScripts(page)).toEqual([zodWithoutEval, '\nimport("/assets/index-A.js");\n']);
    // SHA-256 of the empty text, as every CSP documentation gives it.
    expect(scriptHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it('are hashed once each, from every page under the folder', () => {
    const dist = mkdtempSync(join(tmpdir(), 'nec-csp-'));
    mkdirSync(join(dist, 'pages/appels'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), page);
    writeFileSync(join(dist, 'pages/appels/_id.html'), page.replaceAll('index-A', 'index-B'));
    writeFileSync(join(dist, 'notes.txt'), '<script>not a page</script>');
    const hashes = inlineScriptHashes(dist);
    expect(hashes).toHaveLength(3);
    expect(hashes).toContain(scriptHash(zodWithoutEval));

    const file = writeSecurityHeaders(dist);
    const snippet = readFileSync(file, 'utf8');
    for (const hash of hashes) expect(snippet).toContain(hash);
  });
});

describe('the headers of the pages', () => {
  const headers = securityHeaders(["'sha256-abc='"]);
  const policy = headers['Content-Security-Policy'];

  it('allow the app’s own scripts and its pages’ inline ones by hash, never eval', () => {
    expect(policy).toContain("script-src 'self' 'sha256-abc='");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("connect-src 'self'");
  });

  it('never let a page be framed, nor a file be sniffed', () => {
    expect(policy).toContain("frame-ancestors 'none'");
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('are written for nginx, on every answer', () => {
    const snippet = nginxSnippet({ 'X-Content-Type-Options': 'nosniff' });
    expect(snippet).toContain('add_header X-Content-Type-Options "nosniff" always;');
  });

  it('are sent by vite preview with each page, and each page gets zod’s setting first', () => {
    const root = mkdtempSync(join(tmpdir(), 'nec-csp-preview-'));
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist/index.html'), page);
    const plugin = securityHeadersPlugin();
    let middleware;
    plugin.configurePreviewServer({
      config: { root, build: { outDir: 'dist' } },
      middlewares: { use: (fn) => (middleware = fn) },
    });
    const sentFor = (url) => {
      const sent = {};
      let passedOn = false;
      middleware({ url }, { setHeader: (name, value) => (sent[name] = value) }, () => {
        passedOn = true;
      });
      expect(passedOn).toBe(true);
      return sent;
    };
    expect(sentFor('/dossiers/42/budget?x=1')['Content-Security-Policy']).toContain(
      scriptHash(zodWithoutEval),
    );
    expect(sentFor('/pages/index.html')['X-Frame-Options']).toBe('DENY');
    // Other files: only what matters to them (the policy applies to documents).
    expect(sentFor('/assets/index-A.js')).toEqual({ 'X-Content-Type-Options': 'nosniff' });
    // The API sends its own.
    expect(sentFor('/api/health')).toEqual({});
    expect(plugin.transformIndexHtml()).toEqual([
      { tag: 'script', children: zodWithoutEval, injectTo: 'head-prepend' },
    ]);
  });
});

describe('zod without eval', () => {
  it('reads the setting the page gives before it loads (the installed zod, in a fresh Node)', () => {
    const script = `${zodWithoutEval}
      const { config, z } = await import('zod');
      const calls = [];
      const Original = globalThis.Function;
      globalThis.Function = new Proxy(Original, {
        construct: (target, args) => (calls.push(args), new target(...args)),
        apply: (target, self, args) => (calls.push(args), target(...args)),
      });
      z.object({ name: z.string() }).parse({ name: 'NEC' });
      console.log(JSON.stringify({ jitless: config().jitless, compiled: calls.length }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: new URL('..', import.meta.url),
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({ jitless: true, compiled: 0 });
  });
});
