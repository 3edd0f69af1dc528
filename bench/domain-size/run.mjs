#!/usr/bin/env node
/**
 * Size of the domain code a browser build pulls in (issue 10): builds, with Vite (Rolldown),
 * minified browser bundles of a small entry that imports what a portal form needs — the dossier
 * schemas and `evaluateEligibility` — and prints their gzipped sizes: the whole bundle, the
 * domain's own share (zod left out of the bundle) and zod's share (the difference). For
 * contrast, the same for the `@nec/domain/territories` entry (the reference data).
 *
 * Reads the domain's TypeScript sources (`source` export condition): no build needed.
 * Exit code 0 whatever the figures (PASS/FAIL printed); 1 only when the build fails.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** Target for the domain code of the form entry (gzipped). */
const DOMAIN_TARGET_BYTES = 40_000;

/** Builds happen beside this script, where `@nec/domain` resolves (removed afterwards). */
const here = dirname(fileURLToPath(import.meta.url));

const entries = {
  'schemas + evaluateEligibility': `
    import { dossierSchemas, necLocalDossierSchema, evaluateEligibility } from '@nec/domain';
    export { dossierSchemas, necLocalDossierSchema, evaluateEligibility };
  `,
  'whole main entry (import *)': `
    import * as domain from '@nec/domain';
    export default domain;
  `,
  '@nec/domain/territories (reference data)': `
    import { searchCommunes, findTerritory } from '@nec/domain/territories';
    export { searchCommunes, findTerritory };
  `,
};

/** Builds `source` as a browser ES module; returns raw and gzipped bytes of every JS output. */
async function bundleSize(source, { externalZod }) {
  const dir = await mkdtemp(join(here, '.build-'));
  try {
    const entry = join(dir, 'entry.js');
    await writeFile(entry, source);
    await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
      build: {
        outDir: join(dir, 'out'),
        emptyOutDir: true,
        minify: true,
        target: 'es2022',
        lib: { entry, formats: ['es'], fileName: 'bundle' },
        rolldownOptions: { external: externalZod ? [/^zod(\/.*)?$/] : [] },
      },
    });
    let raw = 0;
    let gzip = 0;
    for (const file of await readdir(join(dir, 'out'))) {
      if (!file.endsWith('.js')) continue;
      const bytes = await readFile(join(dir, 'out', file));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    return { raw, gzip };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

async function main() {
  console.log('Browser bundles (Vite 8, minified, ES2022), gzip -9:\n');
  const results = {};
  for (const [name, source] of Object.entries(entries)) {
    const whole = await bundleSize(source, { externalZod: false });
    const domain = await bundleSize(source, { externalZod: true });
    results[name] = { whole, domain, zod: whole.gzip - domain.gzip };
    console.log(`${name}`);
    console.log(`  whole bundle : ${kB(whole.gzip)} gzipped (${kB(whole.raw)} minified)`);
    console.log(`  domain code  : ${kB(domain.gzip)} gzipped (${kB(domain.raw)} minified)`);
    console.log(`  zod's share  : ${kB(whole.gzip - domain.gzip)} gzipped\n`);
  }
  const form = results['schemas + evaluateEligibility'];
  const pass = form.domain.gzip < DOMAIN_TARGET_BYTES;
  console.log(
    `Target: domain code of the form entry < ${kB(DOMAIN_TARGET_BYTES)} gzipped — ` +
      `${pass ? 'PASS' : 'FAIL'} (${kB(form.domain.gzip)})`,
  );
  if (process.argv.includes('--json')) console.log(JSON.stringify(results));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
