import { HttpStatus, Injectable } from '@nestjs/common';
import {
  applyTransition,
  type DossierState,
  type TransitionContext,
  type TransitionError,
  type WorkflowEvent,
} from '@nec/domain';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../clock/clock.js';
import { ApiError, conflict, notFound, unprocessable } from '../common/errors.js';
import type { DossierEntity } from './dossier.entity.js';
import { DossiersRepository, type StatePatch } from './dossiers.repository.js';
import type { Tx } from '../database/transactions.js';

export interface FireOptions {
  dossierId: string;
  event: WorkflowEvent;
  actor: Actor;
  /** What the domain's guards read (reason, due date, amount…); `today` is added here. */
  context?: TransitionContext;
  /** Recorded in the history row (never personal data beyond what the step needs). */
  details?: Record<string, unknown>;
  /** Columns written together with the new state. */
  patch?: StatePatch;
  /** When given, the dossier must still be at this version (optimistic lock). */
  expectedVersion?: number;
}

export interface Fired {
  dossier: DossierEntity;
  from: DossierState;
  to: DossierState;
}

/**
 * The one way a dossier changes state: lock the row, ask the domain's state machine, then write
 * the new state, the history row and the audit entry in the caller's transaction.
 */
@Injectable()
export class DossierWorkflowService {
  constructor(
    private readonly repository: DossiersRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async fire(tx: Tx, options: FireOptions): Promise<Fired> {
    const { dossierId, event, actor } = options;
    const dossiers = this.repository.in(tx);
    const dossier = await dossiers.findForUpdate(dossierId);
    if (!dossier) throw notFound('Ce dossier est introuvable.');
    if (options.expectedVersion !== undefined && dossier.version !== options.expectedVersion) {
      throw conflict(
        'version-conflict',
        'Ce dossier a été modifié entre-temps. Rechargez-le avant de continuer.',
        { currentVersion: dossier.version },
      );
    }
    const step = applyTransition(dossier.state, event, actor.role, {
      today: this.clock.today(),
      ...options.context,
    });
    if (!step.ok) throw transitionError(step.error);
    const now = this.clock.now();
    await dossiers.changeState(dossierId, step.value.to, options.patch ?? {}, now);
    const details = options.details ?? {};
    await dossiers.addTransition({
      dossierId,
      event,
      fromState: dossier.state,
      toState: step.value.to,
      actorId: actor.id,
      actorRole: actor.role,
      details,
      at: now,
    });
    await this.audit.record(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: `dossier.${event}`,
        subjectType: 'dossier',
        subjectId: dossierId,
        details,
      },
      tx,
    );
    return { dossier, from: dossier.state, to: step.value.to };
  }
}

/** The domain's typed refusal, as the matching HTTP error. */
export function transitionError(error: TransitionError): ApiError {
  switch (error.code) {
    case 'illegal-transition':
      return conflict('illegal-transition', error.message);
    case 'forbidden-role':
      return new ApiError(HttpStatus.FORBIDDEN, 'forbidden', error.message);
    case 'requirement-not-met':
      return unprocessable(error.requirement ?? 'requirement-not-met', error.message);
  }
}
