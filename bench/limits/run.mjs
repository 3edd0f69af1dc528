#!/usr/bin/env node
// The cost of one throttler hit (issue 13): `@nestjs/throttler`'s in-memory storage (what the API
// used before) against `DatabaseThrottlerStorage` (one INSERT … ON CONFLICT DO UPDATE per hit),
// on the BUILT API's classes (apps/api/dist). A measurement, not a test: it prints figures and
// exits 0 unless it could not measure.
//
//   pnpm --filter @nec/bench limits                 # embedded database (PGlite, temp folder)
//   pnpm --filter @nec/bench limits -- --postgres   # throw-away database on the local PostgreSQL
//
// Two figures per storage: sequential hits spread over 200 keys (the latency one request pays,
// p50 and p99), and 50 concurrent hits on one key, 40 rounds (the worst case: one client's
// requests queue on one row's lock), as hits per second.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  API_DIR,
  cleanup,
  createPostgresDatabase,
  ensureBuilt,
  onCleanup,
  percentile,
} from '../lib/harness.mjs';

const { values: args } = parseArgs({
  // pnpm passes on the `--` of `pnpm … -- --postgres`
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    postgres: { type: 'boolean', default: false },
    'pg-url': {
      type: 'string',
      default: process.env.NEC_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
    hits: { type: 'string', default: '2000' },
  },
});

const requireApi = createRequire(join(API_DIR, 'package.json'));
const dist = (path) => import(pathToFileURL(join(API_DIR, 'dist', path)).href);
const HITS = Number(args.hits);
const TTL = 60_000;

async function sequential(storage) {
  const times = [];
  for (let i = 0; i < HITS; i += 1) {
    const start = process.hrtime.bigint();
    await storage.increment(`bench-key-${i % 200}`, TTL, 1_000_000, TTL, 'public');
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function contended(storage) {
  const start = process.hrtime.bigint();
  for (let round = 0; round < 40; round += 1) {
    await Promise.all(
      Array.from({ length: 50 }, () =>
        storage.increment('bench-hot-key', TTL, 1_000_000, TTL, 'public'),
      ),
    );
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return Math.round(2000 / seconds);
}

async function main() {
  ensureBuilt(false);
  requireApi('reflect-metadata'); // the API's decorators read it, as in its main.js
  const { parseConfig } = await dist('config/config.js');
  const { openDatabase } = await dist('database/data-source.js');
  const { migrate } = await dist('database/migrate.js');
  const { Clock } = await dist('clock/clock.js');
  const { RateLimitsRepository } = await dist('limits/rate-limits.repository.js');
  const { DatabaseThrottlerStorage } = await dist('limits/database-throttler-storage.js');
  const { ThrottlerStorageService } = requireApi('@nestjs/throttler');

  const dir = mkdtempSync(join(tmpdir(), 'nec-bench-limits-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const env = { NODE_ENV: 'development', NEC_DATA_DIR: join(dir, 'pglite'), NEC_LOG_LEVEL: 'warn' };
  if (args.postgres) env.DATABASE_URL = (await createPostgresDatabase(args['pg-url'])).url;
  const config = parseConfig(env);
  const database = await openDatabase(config);
  onCleanup(() => database.close());
  await migrate(database);

  const memory = new ThrottlerStorageService();
  onCleanup(() => memory.onApplicationShutdown());
  const shared = new DatabaseThrottlerStorage(
    new RateLimitsRepository(database.dataSource),
    new Clock(),
  );
  const kind = args.postgres ? 'PostgreSQL' : 'PGlite';
  for (const [name, storage] of [
    ['en mémoire (avant)', memory],
    [`${kind} (après)`, shared],
  ]) {
    await sequential(storage); // warm-up
    const { p50, p99 } = await sequential(storage);
    const rate = await contended(storage);
    console.log(
      `${name.padEnd(24)} un hit : p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms · 50 hits concurrents sur une clé : ${rate} hits/s`,
    );
  }
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
