import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeChainReport } from '../src/audit/audit-chain.js';
import { AuditChainService } from '../src/audit/audit-chain.service.js';
import { AuditRepository } from '../src/audit/audit.repository.js';
import { AuditRetentionService } from '../src/audit/audit-retention.service.js';
import { AuditService } from '../src/audit/audit.service.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * The audit trail is append-only in the database itself, and each day's rows are chained by
 * hash (issue 13). Runs on PGlite and, in the PostgreSQL run, on PostgreSQL.
 */
let t: TestApp;
let db: DataSource;

const DAY = '2031-02-03';

beforeAll(async () => {
  t = await startTestApp();
  db = t.app.get(DataSource);
  const audit = t.app.get(AuditService);
  for (let i = 1; i <= 5; i += 1) {
    t.clock.set(`${DAY}T10:0${i}:00Z`);
    await audit.record({
      actorId: null,
      actorRole: 'system',
      action: 'test.chain',
      subjectType: 'test',
      subjectId: String(i),
      details: { n: i, nested: { b: 2, a: 1 } },
    });
  }
  t.clock.set(null);
});
afterAll(async () => {
  await t.close();
});

const rowsOfDay = async (): Promise<{ id: string; chain_seq: number; subject_id: string }[]> =>
  db.query(
    `SELECT "id"::text AS "id", "chain_seq", "subject_id" FROM "audit_log"
      WHERE ("at" AT TIME ZONE 'UTC')::date = $1 ORDER BY "id"`,
    [DAY],
  );

/** Tampering as someone who can switch the trigger off (the table's owner) would. */
async function bypassingTheTrigger(sql: string, params: unknown[]): Promise<void> {
  await db.transaction(async (manager) => {
    await manager.query(`ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_append_only"`);
    await manager.query(sql, params);
    await manager.query(`ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_append_only"`);
  });
}

describe('the audit table is append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, whoever sends them', async () => {
    const [row] = await rowsOfDay();
    await expect(
      db.query(`UPDATE "audit_log" SET "action" = 'rewritten' WHERE "id" = $1`, [row?.id]),
    ).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM "audit_log" WHERE "id" = $1`, [row?.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`TRUNCATE "audit_log"`)).rejects.toThrow(/append-only/);
    // Not even the chain columns of a sealed row.
    await expect(
      db.query(`UPDATE "audit_log" SET "hash" = repeat('0', 64) WHERE "id" = $1`, [row?.id]),
    ).rejects.toThrow(/append-only/);
    expect(await rowsOfDay()).toHaveLength(5);
  });

  it('lets the retention purge delete old rows, never recent ones, even with its flag raised', async () => {
    const old = new Date();
    old.setUTCMonth(old.getUTCMonth() - 14);
    await t.app.get(AuditRepository).append(
      {
        actorId: null,
        actorRole: 'system',
        action: 'test.very-old',
        subjectType: 'test',
        subjectId: null,
        details: {},
      },
      old,
    );
    await expect(
      db.transaction(async (manager) => {
        await manager.query(`SELECT set_config('nec.audit_purge', 'on', true)`);
        await manager.query(`DELETE FROM "audit_log" WHERE "action" = 'test.chain'`);
      }),
    ).rejects.toThrow(/append-only/);
    const { deleted } = await t.app.get(AuditRetentionService).purge();
    expect(deleted).toBe(1);
    expect(await rowsOfDay()).toHaveLength(5);
  });
});

describe('each day’s rows are chained by hash', () => {
  it('seals every row in order, and the chain verifies', async () => {
    const chain = t.app.get(AuditChainService);
    const report = await chain.verify({ from: DAY, to: DAY });
    expect(report).toMatchObject({ ok: true, breaks: [], unsealed: 0 });
    expect(report.days).toEqual([
      { day: DAY, rows: 5, lastSeq: 5, head: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect((await rowsOfDay()).map((r) => r.chain_seq)).toEqual([1, 2, 3, 4, 5]);
    // The whole trail (every day the other requests wrote) verifies too.
    expect((await chain.verify()).ok).toBe(true);
  });

  it('shows an altered row', async () => {
    const rows = await rowsOfDay();
    await bypassingTheTrigger(
      `UPDATE "audit_log" SET "details" = '{"n": 99}'::jsonb WHERE "id" = $1`,
      [rows[1]?.id],
    );
    const report = await t.app.get(AuditChainService).verify({ from: DAY, to: DAY });
    expect(report.ok).toBe(false);
    expect(report.breaks).toContainEqual({ day: DAY, id: rows[1]?.id, seq: 2, kind: 'altered' });
    // Put back as it was: the chain verifies again (the hash is of the content).
    await bypassingTheTrigger(
      `UPDATE "audit_log" SET "details" = '{"n": 2, "nested": {"a": 1, "b": 2}}'::jsonb WHERE "id" = $1`,
      [rows[1]?.id],
    );
    expect((await t.app.get(AuditChainService).verify({ from: DAY, to: DAY })).ok).toBe(true);
  });

  it('shows a deleted row', async () => {
    const rows = await rowsOfDay();
    await bypassingTheTrigger(`DELETE FROM "audit_log" WHERE "id" = $1`, [rows[2]?.id]);
    const report = await t.app.get(AuditChainService).verify({ from: DAY, to: DAY });
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual([
      { day: DAY, id: rows[3]?.id, seq: 4, kind: 'missing', missing: 1 },
    ]);
    expect(describeChainReport(report)).toEqual([
      `${DAY} : 1 entrée(s) supprimée(s) avant la position 4 (entrée ${rows[3]?.id}).`,
      `Chaîne rompue : 1 anomalie(s) sur 1 jour(s).`,
    ]);
  });
});
