import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { Clock } from '../clock/clock.js';
import { ApiError, conflict } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { QuotasRepository } from './quotas.repository.js';
import type { Tx } from '../database/transactions.js';

const HOUR_MS = 3600_000;
const YEAR_MS = 365 * 24 * HOUR_MS;

/**
 * What one account may create (issue 13): organisations, dossiers over 12 months, documents per
 * dossier, messages per hour; and what may wait for an answer: invitations per organisation,
 * requests to join per account. Quotas bind applicants — the accounts anyone can open; agents are
 * created by an admin. A count quota answers 409 `quota-exceeded` (what to do is in the
 * message); the hourly one answers 429 with `Retry-After`, like every rate limit. The counts are
 * read just before the write: two requests at the very same moment may pass one over the limit,
 * except for documents, counted under the dossier's lock.
 */
@Injectable()
export class QuotasService {
  constructor(
    private readonly repository: QuotasRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertCanCreateOrganisation(actor: Actor): Promise<void> {
    if (actor.role !== 'applicant') return;
    const limit = this.config.NEC_QUOTA_ORGANISATIONS;
    if ((await this.repository.ownedOrganisations(actor.id)) >= limit)
      throw quotaExceeded(
        'organisations',
        limit,
        `Votre compte gère déjà ${limit} structures, le maximum. Pour en ajouter une, écrivez à l’équipe de l’ANCT.`,
      );
  }

  async assertCanCreateDossier(actor: Actor): Promise<void> {
    if (actor.role !== 'applicant') return;
    const limit = this.config.NEC_QUOTA_DOSSIERS_PER_YEAR;
    const since = new Date(this.clock.now().getTime() - YEAR_MS);
    if ((await this.repository.dossiersCreatedSince(actor.id, since)) >= limit)
      throw quotaExceeded(
        'dossiers',
        limit,
        `Votre compte a créé ${limit} dossiers ces douze derniers mois, le maximum. Reprenez un dossier en cours, ou écrivez à l’équipe de l’ANCT.`,
      );
  }

  /** Within the upload's transaction, once the dossier is locked. */
  async assertCanAttach(actor: Actor, dossierId: string, tx: Tx): Promise<void> {
    if (actor.role !== 'applicant') return;
    const limit = this.config.NEC_QUOTA_ATTACHMENTS_PER_DOSSIER;
    if ((await this.repository.in(tx).attachmentsOf(dossierId)) >= limit)
      throw quotaExceeded(
        'attachments',
        limit,
        `Ce dossier compte déjà ${limit} documents, le maximum. Retirez-en un avant d’en joindre un autre.`,
      );
  }

  /** Within the invitation's transaction, once the organisation is locked. */
  async assertCanInvite(actor: Actor, organisationId: string, tx: Tx): Promise<void> {
    if (actor.role !== 'applicant') return;
    const limit = this.config.NEC_QUOTA_PENDING_INVITATIONS;
    const pending = await this.repository
      .in(tx)
      .pendingInvitations(organisationId, this.clock.now());
    if (pending >= limit)
      throw quotaExceeded(
        'invitations',
        limit,
        `Cette structure a déjà ${limit} invitations en attente de réponse, le maximum. Retirez celles qui n’aboutiront pas avant d’en envoyer d’autres.`,
      );
  }

  async assertCanRequestToJoin(actor: Actor): Promise<void> {
    if (actor.role !== 'applicant') return;
    const limit = this.config.NEC_QUOTA_PENDING_JOIN_REQUESTS;
    if ((await this.repository.pendingJoinRequests(actor.id)) >= limit)
      throw quotaExceeded(
        'join-requests',
        limit,
        `Vous avez déjà ${limit} demandes en attente de réponse, le maximum. Attendez une réponse, ou annulez l’une d’elles.`,
      );
  }

  async assertCanPostMessage(actor: Actor): Promise<void> {
    if (actor.role !== 'applicant') return;
    const limit = this.config.NEC_QUOTA_MESSAGES_PER_HOUR;
    const now = this.clock.now().getTime();
    const { count, oldest } = await this.repository.messagesSince(
      actor.id,
      new Date(now - HOUR_MS),
    );
    if (count < limit) return;
    const seconds = Math.max(1, Math.ceil(((oldest?.getTime() ?? now) + HOUR_MS - now) / 1000));
    throw new ApiError(
      HttpStatus.TOO_MANY_REQUESTS,
      'rate-limited',
      `Vous avez envoyé ${limit} messages dans l’heure, le maximum. Vous pourrez écrire à nouveau dans ${minutes(seconds)}.`,
      [],
      { quota: 'messages', limit },
      { 'Retry-After': String(seconds) },
    );
  }
}

function quotaExceeded(quota: string, limit: number, message: string): ApiError {
  return conflict('quota-exceeded', message, { quota, limit });
}

const minutes = (seconds: number) => {
  const m = Math.ceil(seconds / 60);
  return m <= 1 ? 'une minute' : `${m} minutes`;
};
