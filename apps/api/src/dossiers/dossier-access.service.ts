import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { forbidden, notFound } from '../common/errors.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { actsForApplicant, canReadDossier, type AccessLinks } from './dossier-access.policy.js';
import type { DossierEntity } from './dossier.entity.js';
import { DossiersRepository } from './dossiers.repository.js';

/**
 * Applies the dossier access policy for every feature that works on a dossier (dossiers,
 * instruction, attachments, bilans, scoring, agreements): one place, one behaviour.
 */
@Injectable()
export class DossierAccessService {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly campaigns: CampaignsService,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  /** The organisations (applicants) or campaigns (instructors) an actor is linked to. */
  async linksOf(actor: Actor): Promise<AccessLinks> {
    switch (actor.role) {
      case 'applicant':
        return {
          organisationIds: await this.organisations.organisationIdsOf(actor.id),
          instructedCampaignIds: [],
        };
      case 'instructor':
        return {
          organisationIds: [],
          instructedCampaignIds: await this.campaigns.campaignIdsInstructedBy(actor.id),
        };
      case 'admin':
      case 'analyst':
        return { organisationIds: [], instructedCampaignIds: [] };
    }
  }

  /** The dossier if the actor may read it; otherwise 404, so its existence is not disclosed. */
  async readable(
    actor: Actor,
    id: string,
  ): Promise<{ dossier: DossierEntity; links: AccessLinks }> {
    const [dossier, links] = await Promise.all([this.dossiers.findById(id), this.linksOf(actor)]);
    if (!dossier || !canReadDossier(actor, dossier, links))
      throw notFound('Ce dossier est introuvable.');
    return { dossier, links };
  }

  /** The dossier if the actor acts for its organisation (403 for an agent who can read it). */
  async ownDossier(actor: Actor, id: string): Promise<DossierEntity> {
    const { dossier, links } = await this.readable(actor, id);
    if (!actsForApplicant(actor, dossier, links))
      throw forbidden('Seuls les membres de la structure peuvent agir sur ce dossier.');
    return dossier;
  }

  /** An agent's read of a dossier (or of one of its parts) goes to the audit log. */
  async auditRead(
    actor: Actor,
    dossierId: string,
    part?: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    if (actor.role === 'applicant') return;
    await this.audit.record({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'dossier.read',
      subjectType: 'dossier',
      subjectId: dossierId,
      details: part ? { part, ...details } : details,
    });
  }
}
