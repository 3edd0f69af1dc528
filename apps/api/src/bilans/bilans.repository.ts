import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type BilanRecord,
  bilanRecordSchema,
  type NationalEditionBilan,
  nationalEditionBilanSchema,
  type NecLocalBilan,
} from '@nec/domain';
import type { CallKind, IsoDate } from '@nec/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { BindableRepository } from '../database/transactions.js';
import { BilanEntity } from './bilan.entity.js';
import { reportingColumnsOf } from './reporting-columns.js';
import { NationalEditionEntity } from './national-edition.entity.js';

/** What a submission writes: the parsed bilan, its record context and its figures. */
export interface BilanSubmission {
  content: NecLocalBilan;
  record: Omit<BilanRecord, 'id' | 'bilan'>;
  submittedAt: Date;
  submittedBy: string;
}

/** Bilans of NEC locals (drafts and submitted ones) and the national editions' figures. */
/** Which submitted bilans `BilansRepository.listRecords` returns (every filter optional, all combined). */
export interface BilanRecordFilters {
  /** Events on or after this day (`event_date >= from`). */
  from?: IsoDate;
  /** Events on or before this day (`event_date <= to`). */
  to?: IsoDate;
  years?: number[];
  regionCode?: string;
  departementCode?: string;
  callKind?: CallKind;
}

@Injectable()
export class BilansRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  // ── local bilans ──────────────────────────────────────────────────────────

  findByDossier(dossierId: string): Promise<BilanEntity | null> {
    return this.m().getRepository(BilanEntity).findOneBy({ dossierId });
  }

  /** Locks the dossier's bilan row for the rest of the transaction. */
  findByDossierForUpdate(dossierId: string): Promise<BilanEntity | null> {
    return this.tx()
      .getRepository(BilanEntity)
      .findOne({ where: { dossierId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The first save of a dossier's bilan (version 1); null when another save created it first. */
  async insertDraft(
    dossierId: string,
    content: Record<string, unknown>,
    now: Date,
  ): Promise<{ version: number; updatedAt: Date } | null> {
    const result = await this.m()
      .createQueryBuilder()
      .insert()
      .into(BilanEntity)
      .values({
        dossierId,
        content: () => ':content::jsonb',
        version: 1,
        createdAt: now,
        updatedAt: now,
        submittedAt: null,
        submittedBy: null,
      })
      .setParameter('content', JSON.stringify(content))
      .orIgnore()
      .returning(['version', 'updatedAt'])
      .execute();
    return firstSaved(result.raw);
  }

  /** Saves a draft only if it is still at `expectedVersion` and not submitted (optimistic lock). */
  async updateDraft(
    dossierId: string,
    expectedVersion: number,
    content: Record<string, unknown>,
    now: Date,
  ): Promise<{ version: number; updatedAt: Date } | null> {
    const result = await this.m()
      .createQueryBuilder()
      .update(BilanEntity)
      .set({ content: () => ':content::jsonb', version: () => 'version + 1', updatedAt: now })
      .setParameter('content', JSON.stringify(content))
      .where('dossier_id = :dossierId AND version = :expectedVersion AND submitted_at IS NULL', {
        dossierId,
        expectedVersion,
      })
      .returning(['version', 'updatedAt'])
      .execute();
    return firstSaved(result.raw);
  }

  /** Freezes a bilan: the parsed content, the submission and the reporting columns (see `BilanEntity`). */
  async submit(id: string, submission: BilanSubmission): Promise<void> {
    const { content: bilan, record } = submission;
    await this.tx()
      .createQueryBuilder()
      .update(BilanEntity)
      .set({
        content: () => ':content::jsonb',
        version: () => 'version + 1',
        updatedAt: submission.submittedAt,
        submittedAt: submission.submittedAt,
        submittedBy: submission.submittedBy,
        ...reportingColumnsOf({ ...record, bilan }),
      })
      .setParameter('content', JSON.stringify(bilan))
      .where('id = :id', { id })
      .execute();
  }

  /**
   * The submitted bilans as the domain's `BilanRecord`s (context from the reporting columns,
   * `bilan` from the frozen content), by event date then id: what `aggregateBilans` takes, on
   * the same rows as the reporting SQL.
   */
  async listRecords(filters: BilanRecordFilters = {}): Promise<BilanRecord[]> {
    const query = this.m()
      .getRepository(BilanEntity)
      .createQueryBuilder('b')
      .where('b.submitted_at IS NOT NULL');
    if (filters.from !== undefined) query.andWhere('b.event_date >= :from', { from: filters.from });
    if (filters.to !== undefined) query.andWhere('b.event_date <= :to', { to: filters.to });
    if (filters.years !== undefined)
      query.andWhere('b.year IN (:...years)', {
        years: filters.years.length > 0 ? filters.years : [-1],
      });
    if (filters.regionCode !== undefined)
      query.andWhere('b.region_code = :regionCode', { regionCode: filters.regionCode });
    if (filters.departementCode !== undefined)
      query.andWhere('b.departement_code = :departementCode', {
        departementCode: filters.departementCode,
      });
    if (filters.callKind !== undefined)
      query.andWhere('b.call_kind = :callKind', { callKind: filters.callKind });
    const rows = await query.orderBy('b.event_date', 'ASC').addOrderBy('b.id', 'ASC').getMany();
    return rows.map(toRecord);
  }

  // ── national editions ─────────────────────────────────────────────────────

  async listNationalEditions(): Promise<{ edition: NationalEditionBilan; updatedAt: Date }[]> {
    const rows = await this.m()
      .getRepository(NationalEditionEntity)
      .find({ order: { year: 'ASC' } });
    return rows.map((row) => ({
      edition: nationalEditionBilanSchema.parse(row.content),
      updatedAt: row.updatedAt,
    }));
  }

  /** Writes an edition (insert or replace). */
  upsertNationalEdition(edition: NationalEditionBilan, at: EditionStamp): Promise<void> {
    return writeNationalEdition(this.tx(), edition, at, false);
  }
}

type EditionStamp = { updatedAt: Date; updatedBy: string | null };

/**
 * Writes a national edition row: replaces an existing year, or, with `onlyIfAbsent`, leaves it
 * untouched (the seed). A function rather than a method so the seed can call it in its transaction.
 */
export async function writeNationalEdition(
  manager: EntityManager,
  edition: NationalEditionBilan,
  at: EditionStamp,
  onlyIfAbsent: boolean,
): Promise<void> {
  const insert = manager
    .createQueryBuilder()
    .insert()
    .into(NationalEditionEntity)
    .values({
      year: edition.year,
      city: edition.city,
      online: edition.online,
      present: edition.present,
      content: () => ':content::jsonb',
      ...at,
    })
    .setParameter('content', JSON.stringify(edition));
  await (
    onlyIfAbsent
      ? insert.orIgnore()
      : insert.orUpdate(
          ['city', 'online', 'present', 'content', 'updated_at', 'updated_by'],
          ['year'],
        )
  ).execute();
}

function firstSaved(raw: unknown): { version: number; updatedAt: Date } | null {
  const row = (raw as { version: number; updated_at: Date | string }[])[0];
  return row ? { version: row.version, updatedAt: new Date(row.updated_at) } : null;
}

/** A submitted row as the domain's record (checked with `bilanRecordSchema`). */
function toRecord(row: BilanEntity): BilanRecord {
  return bilanRecordSchema.parse({
    id: row.id,
    year: row.year,
    eventDate: row.eventDate,
    ...(row.regionCode !== null ? { regionCode: row.regionCode } : {}),
    ...(row.departementCode !== null ? { departementCode: row.departementCode } : {}),
    themes: row.themes ?? [],
    themeFamilies: row.themeFamilies ?? [],
    eventMode: row.eventMode,
    porteurCategory: row.porteurCategory,
    callKind: row.callKind,
    bilan: row.content,
  });
}
