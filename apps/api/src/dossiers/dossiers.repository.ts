import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DossierState } from '@nec/domain';
import { DataSource, type EntityManager, In, Not } from 'typeorm';
import { MembershipEntity } from '../organisations/membership.entity.js';
import { CharterAcceptanceEntity } from './charter-acceptance.entity.js';
import { DossierTransitionEntity } from './dossier-transition.entity.js';
import { DossierVersionEntity } from './dossier-version.entity.js';
import { DossierEntity } from './dossier.entity.js';

/** Columns copied out of the content for listing and filtering. */
export interface DerivedColumns {
  title: string | null;
  eventDate: string | null;
  requestedSubsidyCents: number | null;
}

/** Columns a state change may write with the new state. */
export type StatePatch = Partial<
  Omit<
    DossierEntity,
    | 'id'
    | 'reference'
    | 'state'
    | 'version'
    | 'content'
    | 'campaign'
    | 'organisation'
    | 'creator'
    | 'createdAt'
    | 'updatedAt'
  >
>;

export type NewDossier = Pick<
  DossierEntity,
  'campaignId' | 'organisationId' | 'callKind' | 'createdBy'
>;
export type NewTransition = Pick<
  DossierTransitionEntity,
  'dossierId' | 'event' | 'fromState' | 'toState' | 'actorId' | 'actorRole' | 'details' | 'at'
>;

@Injectable()
export class DossiersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The next human reference for a year, from the database sequence. */
  async nextReference(year: number, manager?: EntityManager): Promise<string> {
    const rows: { n: string | number }[] = await this.m(manager).query(
      `SELECT nextval('dossier_reference_seq') AS n`,
    );
    return `NEC-${year}-${String(rows[0]?.n ?? 0).padStart(5, '0')}`;
  }

  async create(
    dossier: NewDossier & { reference: string },
    manager: EntityManager,
  ): Promise<DossierEntity> {
    const repo = manager.getRepository(DossierEntity);
    return repo.save(
      repo.create({
        ...dossier,
        state: 'draft',
        content: {},
        title: null,
        eventDate: null,
        requestedSubsidyCents: null,
        submittedAt: null,
      }),
    );
  }

  findById(id: string, manager?: EntityManager): Promise<DossierEntity | null> {
    return this.m(manager)
      .getRepository(DossierEntity)
      .findOne({ where: { id }, relations: { organisation: true } });
  }

  /** Locks the row for the rest of the transaction (state changes are serialised per dossier). */
  findForUpdate(id: string, manager: EntityManager): Promise<DossierEntity | null> {
    return manager
      .getRepository(DossierEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Saves the draft only if nobody saved since `expectedVersion` (optimistic lock); returns the
   * new version, or null when the version has moved on.
   */
  async saveDraft(
    id: string,
    expectedVersion: number,
    content: Record<string, unknown>,
    derived: DerivedColumns,
    now: Date,
  ): Promise<{ version: number; updatedAt: Date } | null> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(DossierEntity)
      .set({
        content: () => ':content::jsonb',
        ...derived,
        version: () => 'version + 1',
        updatedAt: now,
      })
      .setParameter('content', JSON.stringify(content))
      .where('id = :id AND version = :expectedVersion AND state = :state', {
        id,
        expectedVersion,
        state: 'draft',
      })
      .returning(['version', 'updatedAt'])
      .execute();
    const rows = result.raw as { version: number; updated_at: Date }[];
    const row = rows[0];
    return row ? { version: row.version, updatedAt: row.updated_at } : null;
  }

  async changeState(
    id: string,
    toState: DossierState,
    patch: StatePatch,
    now: Date,
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(DossierEntity)
      .set({ state: toState, ...patch, version: () => 'version + 1', updatedAt: now })
      .where('id = :id', { id })
      .execute();
  }

  async addTransition(transition: NewTransition, manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(DossierTransitionEntity);
    await repo.save(repo.create(transition));
  }

  async addVersion(
    version: Omit<DossierVersionEntity, 'id' | 'dossier'>,
    manager: EntityManager,
  ): Promise<void> {
    const repo = manager.getRepository(DossierVersionEntity);
    await repo.save(repo.create(version));
  }

  async countVersions(dossierId: string, manager: EntityManager): Promise<number> {
    return manager.getRepository(DossierVersionEntity).countBy({ dossierId });
  }

  listTransitions(dossierId: string): Promise<DossierTransitionEntity[]> {
    return this.dataSource
      .getRepository(DossierTransitionEntity)
      .find({ where: { dossierId }, order: { at: 'ASC' } });
  }

  listVersions(dossierId: string): Promise<Pick<DossierVersionEntity, 'number' | 'submittedAt'>[]> {
    return this.dataSource.getRepository(DossierVersionEntity).find({
      select: { number: true, submittedAt: true },
      where: { dossierId },
      order: { number: 'ASC' },
    });
  }

  async addCharterAcceptance(
    acceptance: Omit<CharterAcceptanceEntity, 'id' | 'dossier'>,
    manager: EntityManager,
  ): Promise<CharterAcceptanceEntity> {
    const repo = manager.getRepository(CharterAcceptanceEntity);
    return repo.save(repo.create(acceptance));
  }

  latestCharterAcceptance(
    dossierId: string,
    manager?: EntityManager,
  ): Promise<CharterAcceptanceEntity | null> {
    return this.m(manager)
      .getRepository(CharterAcceptanceEntity)
      .findOne({ where: { dossierId }, order: { acceptedAt: 'DESC' } });
  }

  /** Dossiers of these organisations, newest first, with their organisation. */
  listForOrganisations(organisationIds: string[]): Promise<DossierEntity[]> {
    if (organisationIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(DossierEntity).find({
      where: { organisationId: In(organisationIds) },
      relations: { organisation: true },
      order: { updatedAt: 'DESC' },
    });
  }

  /** Submitted dossiers (never drafts) of these campaigns, or of all campaigns when null. */
  listSubmitted(campaignIds: string[] | null): Promise<DossierEntity[]> {
    if (campaignIds?.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(DossierEntity).find({
      where: { state: Not('draft'), ...(campaignIds ? { campaignId: In(campaignIds) } : {}) },
      relations: { organisation: true },
      order: { submittedAt: 'DESC' },
    });
  }

  /** Facts fixed at submission for the instruction queue (régions, verdicts), see `instruction/submission-facts.ts`. */
  async setSubmissionFacts(
    id: string,
    facts: Pick<DossierEntity, 'regionCodes' | 'labelVerdict' | 'subsidyVerdict'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE "dossiers" SET "region_codes" = $1, "label_verdict" = $2, "subsidy_verdict" = $3 WHERE "id" = $4`,
      [facts.regionCodes, facts.labelVerdict, facts.subsidyVerdict, id],
    );
  }

  async organisationIdsOf(userId: string): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(MembershipEntity)
      .find({ select: { organisationId: true }, where: { userId } });
    return rows.map((r) => r.organisationId);
  }
}
