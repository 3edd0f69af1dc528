import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DossierState, Score } from '@nec/domain';
import { DataSource } from 'typeorm';
import { BindableRepository } from '../database/transactions.js';
import { ScoreSheetEntity } from './score-sheet.entity.js';

/** A sheet of a campaign's dossier, with what the ranking shows of the dossier. */
export interface CampaignSheetRow {
  dossierId: string;
  reference: string;
  title: string | null;
  state: DossierState;
  organisationName: string;
  instructorId: string;
  scores: Score[];
}

interface RawCampaignSheetRow {
  dossier_id: string;
  reference: string;
  title: string | null;
  state: DossierState;
  organisation_name: string;
  instructor_id: string;
  scores: Score[] | string;
}

@Injectable()
export class ScoringRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** One sheet per (dossier, instructor): the second save replaces the first. */
  async upsert(
    sheet: Pick<ScoreSheetEntity, 'dossierId' | 'instructorId' | 'scores' | 'updatedAt'>,
  ): Promise<void> {
    await this.tx().query(
      `INSERT INTO "score_sheets" ("dossier_id", "instructor_id", "scores", "updated_at") VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT ("dossier_id", "instructor_id") DO UPDATE SET "scores" = EXCLUDED."scores", "updated_at" = EXCLUDED."updated_at"`,
      [sheet.dossierId, sheet.instructorId, JSON.stringify(sheet.scores), sheet.updatedAt],
    );
  }

  /** Every sheet of a dossier, with its instructor, oldest first. */
  listForDossier(dossierId: string): Promise<ScoreSheetEntity[]> {
    return this.m()
      .getRepository(ScoreSheetEntity)
      .find({
        where: { dossierId },
        relations: { instructor: true },
        order: { updatedAt: 'ASC' },
      });
  }

  /** Every sheet of every dossier of a campaign, in one query. */
  async listForCampaign(campaignId: string): Promise<CampaignSheetRow[]> {
    const rows: RawCampaignSheetRow[] = await this.m().query(
      `SELECT s."dossier_id", d."reference", d."title", d."state", o."name" AS "organisation_name", s."instructor_id", s."scores"
         FROM "score_sheets" s
         JOIN "dossiers" d ON d."id" = s."dossier_id"
         JOIN "organisations" o ON o."id" = d."organisation_id"
        WHERE d."campaign_id" = $1
        ORDER BY d."reference", s."updated_at"`,
      [campaignId],
    );
    return rows.map((r) => ({
      dossierId: r.dossier_id,
      reference: r.reference,
      title: r.title,
      state: r.state,
      organisationName: r.organisation_name,
      instructorId: r.instructor_id,
      scores: typeof r.scores === 'string' ? (JSON.parse(r.scores) as Score[]) : r.scores,
    }));
  }
}
