import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { campaignForEvent, campaignSchema, formatDateFr, type Campaign } from '@nec/domain';
import {
  slicePage,
  type CampaignBody,
  type CampaignDto,
  type CampaignForEventQuery,
  type InstructorDto,
  type ListCampaignsQuery,
  type Page,
  type PageQuery,
} from '@nec/contracts';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../clock/clock.js';
import { ApiError, badRequest, conflict, notFound, type FieldError } from '../common/errors.js';
import type { CampaignEntity } from './campaign.entity.js';
import { toCampaignDto, toInstructorDto } from './campaigns.dto.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { Transactions } from '../database/transactions.js';

/** Roles that may be assigned to instruct a campaign. */
const INSTRUCTING_ROLES: readonly string[] = ['instructor', 'admin'];

const unknownCampaign = () => notFound('Cet appel est introuvable.');

@Injectable()
export class CampaignsService {
  private readonly logger = new Logger('Campaigns');

  constructor(
    private readonly transactions: Transactions,
    private readonly repository: CampaignsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // ── for other features ────────────────────────────────────────────────────

  /** The domain campaign, checked by the domain's schema; 404 when unknown. */
  async getCampaign(id: string): Promise<Campaign> {
    const row = await this.repository.findById(id);
    if (!row) throw unknownCampaign();
    return this.toCampaign(row);
  }

  /** Whether the account is assigned to instruct this campaign. */
  instructsCampaign(userId: string, campaignId: string): Promise<boolean> {
    return this.repository.isInstructor(userId, campaignId);
  }

  /** The campaigns an account is assigned to instruct. */
  campaignIdsInstructedBy(userId: string): Promise<string[]> {
    return this.repository.campaignIdsInstructedBy(userId);
  }

  // ── public reads ──────────────────────────────────────────────────────────

  /** Few campaigns exist (a handful a year): filtered and paged in memory. */
  async list(query: ListCampaignsQuery): Promise<Page<CampaignDto>> {
    const today = this.clock.today();
    const items = (await this.repository.list()).map((row) =>
      toCampaignDto(this.toCampaign(row), today),
    );
    return slicePage(
      query.status === 'all' ? items : items.filter((c) => c.status === query.status),
      query,
    );
  }

  /**
   * The open campaign to file under for an event on `date` (the domain's `campaignForEvent`): in
   * autumn, next year's NEC local call for an event next year. 404 when none is open for it.
   */
  async forEvent(query: CampaignForEventQuery): Promise<CampaignDto> {
    const today = this.clock.today();
    const all = (await this.repository.list()).map((row) => this.toCampaign(row));
    const found = campaignForEvent(all, { callKind: query.call, eventDate: query.date, today });
    if (!found) {
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'no-campaign-for-event',
        `Aucun appel de ce type n’est ouvert aujourd’hui pour un événement le ${formatDateFr(query.date)}.`,
      );
    }
    return toCampaignDto(found, today);
  }

  async get(id: string): Promise<CampaignDto> {
    return toCampaignDto(await this.getCampaign(id), this.clock.today());
  }

  // ── admin writes ──────────────────────────────────────────────────────────

  async create(actor: Actor, campaign: CampaignBody): Promise<CampaignDto> {
    await this.transactions.run({ campaigns: this.repository }, async ({ campaigns }, tx) => {
      if (await campaigns.findById(campaign.id)) {
        throw conflict('campaign-exists', `Un appel porte déjà l’identifiant « ${campaign.id} ».`);
      }
      await campaigns.insert(campaign);
      await this.audit.record(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'campaign.create',
          subjectType: 'campaign',
          subjectId: campaign.id,
          details: { callKind: campaign.callKind, year: campaign.year },
        },
        tx,
      );
    });
    return this.get(campaign.id);
  }

  /** Replaces every field of a campaign. Its call kind is fixed once it has dossiers. */
  async replace(actor: Actor, id: string, campaign: CampaignBody): Promise<CampaignDto> {
    if (campaign.id !== id) {
      throw badRequest('id-mismatch', 'L’identifiant du corps doit être celui de l’adresse.', [
        { path: 'id', code: 'id-mismatch', message: `Identifiant attendu : « ${id} ».` },
      ]);
    }
    await this.transactions.run({ campaigns: this.repository }, async ({ campaigns }, tx) => {
      const current = await campaigns.findById(id);
      if (!current) throw unknownCampaign();
      if (current.callKind !== campaign.callKind && (await campaigns.countDossiers(id)) > 0) {
        throw conflict(
          'campaign-has-dossiers',
          'Cet appel a déjà des dossiers : son type d’appel ne peut plus changer.',
        );
      }
      await campaigns.replace(campaign);
      await this.audit.record(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'campaign.update',
          subjectType: 'campaign',
          subjectId: id,
          details: { callKind: campaign.callKind, year: campaign.year },
        },
        tx,
      );
    });
    return this.get(id);
  }

  /** Deletes a campaign that has no dossier (a campaign with dossiers is history: 409). */
  async delete(actor: Actor, id: string): Promise<void> {
    await this.transactions.run({ campaigns: this.repository }, async ({ campaigns }, tx) => {
      const current = await campaigns.findById(id);
      if (!current) throw unknownCampaign();
      const dossiers = await campaigns.countDossiers(id);
      if (dossiers > 0) {
        throw conflict(
          'campaign-has-dossiers',
          `Cet appel a ${dossiers} dossier(s) : il ne peut pas être supprimé.`,
          { dossierCount: dossiers },
        );
      }
      await campaigns.delete(id);
      await this.audit.record(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'campaign.delete',
          subjectType: 'campaign',
          subjectId: id,
          details: { callKind: current.callKind, year: current.year },
        },
        tx,
      );
    });
  }

  /** The instructors' names are personal data: the read is audited. */
  async listInstructors(actor: Actor, id: string, query: PageQuery): Promise<Page<InstructorDto>> {
    if (!(await this.repository.findById(id))) throw unknownCampaign();
    const all = (await this.repository.listInstructors(id)).map(toInstructorDto);
    const page = slicePage(all, query);
    await this.audit.record({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'campaign.instructors-read',
      subjectType: 'campaign',
      subjectId: id,
      details: { count: page.items.length },
    });
    return page;
  }

  /**
   * Assigns exactly these accounts to the campaign. Each must be an instructor or an admin:
   * otherwise 400 naming every id at fault, and nothing changes.
   */
  async setInstructors(
    actor: Actor,
    id: string,
    userIds: readonly string[],
  ): Promise<{ items: InstructorDto[] }> {
    const unique = [...new Set(userIds)];
    const items = await this.transactions.run(
      { campaigns: this.repository },
      async ({ campaigns }, tx) => {
        if (!(await campaigns.findById(id))) throw unknownCampaign();
        const found = new Map((await campaigns.findUsers(unique)).map((u) => [u.id, u]));
        const bad: FieldError[] = [];
        userIds.forEach((userId, index) => {
          const user = found.get(userId);
          if (!user)
            bad.push({
              path: `userIds.${index}`,
              code: 'unknown-user',
              message: `Aucun compte ne porte l’identifiant ${userId}.`,
            });
          else if (!INSTRUCTING_ROLES.includes(user.role)) {
            bad.push({
              path: `userIds.${index}`,
              code: 'not-an-instructor',
              message: `Le compte ${user.email} n’est ni instructeur ni administrateur.`,
            });
          }
        });
        if (bad.length > 0)
          throw badRequest(
            'invalid-instructors',
            'Certains comptes ne peuvent pas instruire cet appel.',
            bad,
          );
        await campaigns.setInstructors(id, unique);
        await this.audit.record(
          {
            actorId: actor.id,
            actorRole: actor.role,
            action: 'campaign.instructors-set',
            subjectType: 'campaign',
            subjectId: id,
            details: { userIds: unique },
          },
          tx,
        );
        return campaigns.listInstructors(id);
      },
    );
    return { items: items.map(toInstructorDto) };
  }

  // ── mapping ───────────────────────────────────────────────────────────────

  /** A stored row read back through the domain's schema: a row that no longer fits is a server fault. */
  private toCampaign(row: CampaignEntity): Campaign {
    const parsed = campaignSchema.safeParse({
      id: row.id,
      callKind: row.callKind,
      year: row.year,
      title: row.title,
      opensOn: row.opensOn,
      closesOn: row.closesOn,
      params: row.params,
    });
    if (!parsed.success) {
      this.logger.error(`Appel ${row.id} illisible : ${parsed.error.message}`);
      throw new ApiError(
        HttpStatus.INTERNAL_SERVER_ERROR,
        'invalid-campaign-data',
        'Les paramètres de cet appel sont illisibles. Contactez l’équipe technique.',
      );
    }
    return parsed.data;
  }
}
