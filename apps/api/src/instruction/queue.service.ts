import { Injectable } from '@nestjs/common';
import { dossierStates, type DossierState } from '@nec/domain';
import type {
  AssigneeInput,
  AssignmentDto,
  DossierDto,
  QueuePage,
  QueueQuery,
} from '@nec/contracts';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { Clock } from '../clock/clock.js';
import { unprocessable } from '../common/errors.js';
import { DossierAccessService } from '../dossiers/dossier-access.service.js';
import { DossierWorkflowService } from '../dossiers/dossier-workflow.service.js';
import { DossiersService } from '../dossiers/dossiers.service.js';
import { toQueueItemDto } from './instruction.dto.js';
import { InstructionRepository } from './instruction.repository.js';
import { Transactions } from '../database/transactions.js';

/**
 * The instruction queue (the submitted dossiers of the campaigns an instructor instructs; every
 * campaign for an admin) and who instructs each dossier.
 */
@Injectable()
export class QueueService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: InstructionRepository,
    private readonly dossiers: DossiersService,
    private readonly workflow: DossierWorkflowService,
    private readonly access: DossierAccessService,
    private readonly campaigns: CampaignsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async queue(actor: Actor, query: QueueQuery): Promise<QueuePage> {
    const scope = {
      campaignIds:
        actor.role === 'admin' ? null : await this.campaigns.campaignIdsInstructedBy(actor.id),
      today: this.clock.today(),
    };
    const [rows, counts] = await Promise.all([
      this.repository.queuePage(query, scope),
      this.repository.queueCounts(query, scope),
    ]);
    const countsByState: Partial<Record<DossierState, number>> = {};
    for (const state of dossierStates) {
      const n = counts.get(state);
      if (n !== undefined) countsByState[state] = n;
    }
    const states = query.state ?? [...counts.keys()];
    const total = states.reduce((sum, state) => sum + (counts.get(state) ?? 0), 0);
    await this.audit.record({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'instruction.queue-read',
      subjectType: 'dossier',
      subjectId: null,
      details: { count: rows.length },
    });
    return {
      items: rows.map(toQueueItemDto),
      total,
      page: query.page,
      pageSize: query.pageSize,
      countsByState,
    };
  }
  async assign(actor: Actor, id: string, input: AssigneeInput): Promise<AssignmentDto> {
    const { dossier } = await this.access.readable(actor, id);
    let assignee: { id: string; displayName: string } | null = null;
    if (input.instructorId !== null) {
      const user = await this.repository.findUser(input.instructorId);
      const allowed =
        user !== null &&
        (user.role === 'admin' ||
          (user.role === 'instructor' &&
            (await this.campaigns.instructsCampaign(user.id, dossier.campaignId))));
      if (!user || !allowed) {
        throw unprocessable(
          'invalid-assignee',
          'Ce dossier ne peut être attribué qu’à une personne qui instruit son appel, ou à un administrateur.',
          [
            {
              path: 'instructorId',
              code: 'invalid-assignee',
              message: 'Choisissez une personne qui instruit cet appel.',
            },
          ],
        );
      }
      assignee = { id: user.id, displayName: user.displayName };
    }
    await this.transactions.run({ instruction: this.repository }, async ({ instruction }, tx) => {
      await instruction.setAssignee(id, assignee?.id ?? null, this.clock.now());
      await this.audit.record(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'dossier.assign',
          subjectType: 'dossier',
          subjectId: id,
          details: { from: dossier.assignedInstructorId, to: assignee?.id ?? null },
        },
        tx,
      );
    });
    return { dossierId: id, assignee };
  }
  /** Takes the dossier for review; the caller becomes its instructor unless someone already is. */
  async take(actor: Actor, id: string): Promise<DossierDto> {
    await this.access.readable(actor, id);
    await this.transactions.run({ instruction: this.repository }, async ({ instruction }, tx) => {
      await this.workflow.fire(tx, { dossierId: id, event: 'take-for-review', actor });
      if (await instruction.assignIfUnassigned(id, actor.id)) {
        await this.audit.record(
          {
            actorId: actor.id,
            actorRole: actor.role,
            action: 'dossier.assign',
            subjectType: 'dossier',
            subjectId: id,
            details: { from: null, to: actor.id },
          },
          tx,
        );
      }
    });
    return this.dossiers.get(actor, id);
  }
}
