// The public pages without data, rendered at build beside the app (after `vite build`): each
// becomes dist/pages/<address>.html — the app's markup already in it, the CSS of the parts it
// shows, and the app's code fetched once the page is on screen (docs/decisions.md, « The public
// pages rendered at build »). Served by the prerenderedPages() plugin of @nec/ui/vite (preview)
// and by the reverse proxy (infra/reverse-proxy.md).  node scripts/prerender.mjs
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { pageDocument, pageFile, renderedAddress } from '@nec/ui/vite/prerender';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;
const serverOut = `${root}node_modules/.cache/prerender/`;

// The app's server build: the same sources, rendered by Vue's server renderer.
rmSync(serverOut, { recursive: true, force: true });
await build({
  root,
  logLevel: 'warn',
  build: { ssr: 'src/prerender.ts', outDir: serverOut, emptyOutDir: true, ssrManifest: false },
  // vue-dsfr's modules import their CSS: bundled here (and dropped), not left to Node.
  ssr: { noExternal: ['@gouvminint/vue-dsfr'] },
});

// Rendering runs with no API: a read never answers, so lists are in their loading state. The
// reads a page starts (the router's early reads) are noted: the page asks for them at once.
let reads = [];
globalThis.fetch = (input, init) => {
  if ((init?.method ?? 'GET') === 'GET') reads.push(String(input));
  return new Promise(() => {});
};
const { prerenderedPaths, renderPage } = await import(
  pathToFileURL(`${serverOut}prerender.js`).href
);

// Which chunk each source module is in (the SSR manifest), and what each chunk imports.
const chunkOf = JSON.parse(readFileSync(`${dist}.vite/ssr-manifest.json`, 'utf8'));
const chunks = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8'));
const keyOf = new Map(Object.entries(chunks).map(([key, chunk]) => [`/${chunk.file}`, key]));

/** A chunk and those it imports, but the entry's (the page loads it anyway). */
function withImports(file) {
  const files = new Set();
  const visit = (key) => {
    const chunk = chunks[key];
    if (!chunk || chunk.isEntry || files.has(`/${chunk.file}`)) return;
    files.add(`/${chunk.file}`);
    (chunk.imports ?? []).forEach(visit);
    (chunk.css ?? []).forEach((css) => files.add(`/${css}`));
  };
  visit(keyOf.get(file));
  return [...files];
}

/** The chunks a source module needs: its own (code and CSS) and what its code imports. */
const moduleChunks = (id) =>
  (chunkOf[id] ?? []).flatMap((file) => (file.endsWith('.js') ? withImports(file) : [file]));

/** The chunks of an API feature's routes (and of zod, the domain's rules… they import). */
function contractChunks(feature) {
  const module = `../../packages/contracts/src/${feature}.ts`;
  if (!chunkOf[module])
    throw new Error(`No chunk holds the API feature « ${feature} » (${module})`);
  return moduleChunks(module);
}

const template = readFileSync(`${dist}index.html`, 'utf8');
rmSync(`${dist}pages`, { recursive: true, force: true });
mkdirSync(`${dist}pages`, { recursive: true });
for (const path of prerenderedPaths) {
  reads = [];
  const page = await renderPage(renderedAddress(path));
  // A parameter stands for every value: the markup must not show it (only the reads carry it).
  if (/__\w+__/.test(page.html)) throw new Error(`${path}: the markup shows a parameter`);
  const files = [...page.modules.flatMap(moduleChunks), ...page.calls.flatMap(contractChunks)];
  const file = `${dist}pages/${pageFile(path)}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, pageDocument(template, { ...page, chunks: files, reads, path }));
  console.log(
    `  ${path} → dist/pages/${pageFile(path)} (${Math.round(page.html.length / 1024)} kB)`,
  );
}
rmSync(serverOut, { recursive: true, force: true });
process.exit(0);
