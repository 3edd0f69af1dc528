// Writes src/read-paths.ts, the path of every read of the contract without its schemas, from
// the built contract:  pnpm --filter @nec/contracts read-paths
// (read-paths.test.ts fails when the file and the contract differ).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contract } from '../dist/index.js';
import { readPathsOf } from '../dist/read-paths-of.js';

const lines = Object.entries(readPathsOf(contract)).flatMap(([feature, reads]) => [
  `  ${feature}: {`,
  ...Object.entries(reads).map(([name, path]) => `    ${name}: '${path}',`),
  '  },',
]);
const source = `// Written by \`pnpm --filter @nec/contracts read-paths\` from the contract: do not edit.
// The path of every read (GET route) by feature and name, and nothing else — no schema: a client
// can send a feature's first read while that feature's schemas are still loading
// (\`readPaths\` of \`createLazyApiClientFor\`).
export const readPaths = {
${lines.join('\n')}
} as const satisfies Record<string, Record<string, \`/\${string}\`>>;
`;
writeFileSync(fileURLToPath(new URL('../src/read-paths.ts', import.meta.url)), source);
console.log('src/read-paths.ts écrit.');
