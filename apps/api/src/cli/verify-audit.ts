import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { describeChainReport, sealAuditChain, verifyAuditChain } from '../audit/audit-chain.js';
import { parseConfig } from '../config/config.js';
import { openDatabase } from '../database/data-source.js';

/**
 * Verifies the audit trail's hash chain: `node dist/cli/verify-audit.js [--from YYYY-MM-DD]
 * [--to YYYY-MM-DD] [--seal] [--days]`. Exit code 0 when intact, 2 when a row was removed or
 * altered. `--days` prints each day's seal (row count and last hash), to compare with the
 * `audit.day-sealed` lines of the logs; `--seal` first seals the rows not sealed yet (the API
 * does it every few seconds; with PGlite the API must be stopped, as for every CLI).
 */
const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    seal: { type: 'boolean', default: false },
    days: { type: 'boolean', default: false },
  },
});

const config = parseConfig({ NEC_LOG_LEVEL: 'warn', ...process.env });
const database = await openDatabase(config);
try {
  if (values.seal) await sealAuditChain(database.dataSource);
  const report = await verifyAuditChain(database.dataSource, values);
  if (values.days)
    for (const d of report.days) console.log(`${d.day}  ${String(d.rows).padStart(7)}  ${d.head}`);
  for (const line of describeChainReport(report)) console.log(line);
  process.exitCode = report.ok ? 0 : 2;
} finally {
  await database.close();
}
