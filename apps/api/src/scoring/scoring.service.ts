import { Injectable } from '@nestjs/common';
import {
  defaultSelectionWeights,
  describeIssues,
  isUnderInstruction,
  missingCriteria,
  rankDossiers,
  scoreDossier,
  scoreSheetSchema,
  selectionCriterionDescriptions,
  type Campaign,
  type ScoreSheet,
  type SelectionWeights,
} from '@nec/domain';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { Clock } from '../clock/clock.js';
import { badRequest, conflict, notFound } from '../common/errors.js';
import { DossierAccessService } from '../dossiers/dossier-access.service.js';
import type {
  DossierScoresDto,
  PutScoreSheetInput,
  RankingDto,
  RankingItemDto,
  ScoreSheetDto,
} from '@nec/contracts';
import { toSheetDto } from './scoring.dto.js';
import { ScoringRepository } from './scoring.repository.js';
import { Transactions } from '../database/transactions.js';

/** The campaign's weights when its call has a selection grid, else the neutral ones. */
export function selectionWeightsOf(campaign: Campaign): SelectionWeights {
  return 'selectionWeights' in campaign.params
    ? campaign.params.selectionWeights
    : defaultSelectionWeights;
}

/**
 * Scoring on the campaign's selection grid. Instructors of the dossier's campaign and admins
 * (whoever may read the dossier) score and read the scores; the figures come from the domain.
 */
@Injectable()
export class ScoringService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: ScoringRepository,
    private readonly access: DossierAccessService,
    private readonly campaigns: CampaignsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Saves the caller's own sheet (partial sheets allowed: instructors save as they go). */
  async putSheet(actor: Actor, id: string, input: PutScoreSheetInput): Promise<ScoreSheetDto> {
    const { dossier } = await this.access.readable(actor, id);
    if (!isUnderInstruction(dossier.state)) {
      throw conflict(
        'not-under-instruction',
        'Ce dossier n’est pas en cours d’instruction : sa notation ne peut plus être modifiée.',
      );
    }
    const parsed = scoreSheetSchema.safeParse({
      instructorId: actor.id,
      dossierId: id,
      scores: input.scores,
    });
    if (!parsed.success)
      throw badRequest(
        'invalid-request',
        'Certains champs sont invalides.',
        describeIssues(parsed.error),
      );
    const sheet = parsed.data;
    const now = this.clock.now();
    await this.transactions.run({ sheets: this.repository }, async ({ sheets }, tx) => {
      await sheets.upsert({
        dossierId: id,
        instructorId: actor.id,
        scores: sheet.scores,
        updatedAt: now,
      });
      await this.audit.record(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'dossier.score',
          subjectType: 'dossier',
          subjectId: id,
          details: {
            criteria: sheet.scores.map((s) => s.criterion),
            complete: missingCriteria(sheet.scores).length === 0,
          },
        },
        tx,
      );
    });
    return toSheetDto({
      instructorId: actor.id,
      instructorName: actor.displayName,
      scores: sheet.scores,
      updatedAt: now,
    });
  }

  async getScores(actor: Actor, id: string): Promise<DossierScoresDto> {
    const { dossier } = await this.access.readable(actor, id);
    const [campaign, rows] = await Promise.all([
      this.campaigns.getCampaign(dossier.campaignId),
      this.repository.listForDossier(id),
    ]);
    await this.access.auditRead(actor, id, 'scores');
    const weights = selectionWeightsOf(campaign);
    const sheets: ScoreSheet[] = rows.map((r) => ({
      instructorId: r.instructorId,
      dossierId: id,
      scores: r.scores,
    }));
    return {
      dossierId: id,
      weights,
      sheets: rows.map((r) =>
        toSheetDto({
          instructorId: r.instructorId,
          instructorName: r.instructor?.displayName ?? '',
          scores: r.scores,
          updatedAt: r.updatedAt,
        }),
      ),
      result: scoreDossier(sheets, weights),
      criteria: selectionCriterionDescriptions,
    };
  }

  /** The campaign's scored dossiers, best first (the domain's ranking, ties shared). */
  async ranking(actor: Actor, campaignId: string): Promise<RankingDto> {
    const campaign = await this.campaigns.getCampaign(campaignId);
    if (
      actor.role === 'instructor' &&
      !(await this.campaigns.instructsCampaign(actor.id, campaignId))
    ) {
      throw notFound('Cet appel est introuvable.');
    }
    const weights = selectionWeightsOf(campaign);
    const byDossier = new Map<
      string,
      {
        info: Omit<RankingItemDto, 'score' | 'weightedMean' | 'rank' | 'complete' | 'sheetCount'>;
        sheets: ScoreSheet[];
      }
    >();
    for (const row of await this.repository.listForCampaign(campaignId)) {
      const entry = byDossier.get(row.dossierId) ?? {
        info: {
          dossierId: row.dossierId,
          reference: row.reference,
          title: row.title,
          state: row.state,
          organisationName: row.organisationName,
        },
        sheets: [],
      };
      entry.sheets.push({
        instructorId: row.instructorId,
        dossierId: row.dossierId,
        scores: row.scores,
      });
      byDossier.set(row.dossierId, entry);
    }
    const ranked = rankDossiers(
      [...byDossier.values()].map(({ info, sheets }) => ({
        ...info,
        sheetCount: sheets.length,
        score: scoreDossier(sheets, weights),
      })),
    );
    await this.audit.record({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'campaign.ranking-read',
      subjectType: 'campaign',
      subjectId: campaignId,
    });
    return {
      campaignId,
      weights,
      items: ranked.map((r) => ({
        dossierId: r.dossierId,
        reference: r.reference,
        title: r.title,
        state: r.state,
        organisationName: r.organisationName,
        score: r.score.normalised,
        weightedMean: r.score.weightedMean,
        rank: r.rank,
        complete: r.score.complete,
        sheetCount: r.sheetCount,
      })),
    };
  }
}
