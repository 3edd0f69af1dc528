#!/usr/bin/env node
/**
 * Typechecks the TypeScript examples of the documentation, so that they keep compiling as the
 * code changes: every ```ts (or ```typescript) block of docs/*.md and the READMEs becomes a
 * module in a temporary folder, and `tsc` checks them all with the project's strict options,
 * `@nec/domain` resolved to its sources. A block meant as a fragment is marked ```ts no-check.
 * Exit code: tsc's (0 when every block compiles).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The Markdown files whose examples are checked. */
function markdownFiles() {
  const inDir = (dir) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .filter((name) => name.endsWith('.md'))
          .map((name) => join(root, dir, name))
      : [];
  const readmes = ['apps', 'packages'].flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group)).map((name) => join(root, group, name, 'README.md'))
      : [],
  );
  return [...inDir('docs'), join(root, 'README.md'), join(root, 'bench', 'README.md'), ...readmes]
    .filter((file) => existsSync(file));
}

/** The ```ts blocks of a Markdown text, with their first line number; `no-check` ones left out. */
function tsBlocks(text) {
  const blocks = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^(\s*)```(ts|typescript)(?:\s+(.*))?$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) end += 1;
    if (!(open[3] ?? '').split(/\s+/).includes('no-check')) {
      blocks.push({ line: start + 1, code: lines.slice(start, end).join('\n') });
    }
    i = end;
  }
  return blocks;
}

const dir = mkdtempSync(join(root, '.doc-check-'));
try {
  const files = [];
  for (const markdown of markdownFiles()) {
    for (const block of tsBlocks(readFileSync(markdown, 'utf8'))) {
      const name = `${relative(root, markdown).replace(/[^A-Za-z0-9]+/g, '_')}_L${block.line}.ts`;
      // `export {}` makes each block a module of its own (no clash between blocks' names).
      writeFileSync(join(dir, name), `${block.code}\nexport {};\n`);
      files.push(name);
    }
  }
  const domain = relative(dir, join(root, 'packages', 'domain', 'src'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: relative(dir, join(root, 'tsconfig.base.json')),
      compilerOptions: {
        noEmit: true,
        lib: ['ES2023', 'DOM'],
        types: [],
        noUnusedLocals: false,
        paths: {
          '@nec/domain': [`${domain}/index.ts`],
          '@nec/domain/territories': [`${domain}/territories/index.ts`],
        },
      },
      files,
    }),
  );
  console.log(`Typechecking ${files.length} TypeScript block(s) of the documentation…`);
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], {
    stdio: 'inherit',
  });
  // File names say where each block comes from: README_md_L15.ts is README.md, line 15.
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
