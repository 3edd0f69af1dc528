import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { EntityTarget } from 'typeorm';
import { BilanEntity } from '../bilans/bilan.entity.js';
import { CharterAcceptanceEntity } from '../dossiers/charter-acceptance.entity.js';
import { DossierTransitionEntity } from '../dossiers/dossier-transition.entity.js';
import { DossierVersionEntity } from '../dossiers/dossier-version.entity.js';
import { DossierEntity } from '../dossiers/dossier.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';

/**
 * Bulk writes of the fictitious history (`seed-history.ts`): plain multi-row INSERTs in chunks,
 * ids chosen by the caller so that no row has to be read back.
 */
export type HistoryOrganisationRow = Pick<
  OrganisationEntity,
  'id' | 'siret' | 'siren' | 'name' | 'category' | 'createdAt'
>;
export type HistoryDossierRow = Pick<
  DossierEntity,
  | 'id'
  | 'reference'
  | 'campaignId'
  | 'organisationId'
  | 'callKind'
  | 'state'
  | 'title'
  | 'content'
  | 'version'
  | 'eventDate'
  | 'requestedSubsidyCents'
  | 'createdBy'
  | 'createdAt'
  | 'updatedAt'
  | 'submittedAt'
  | 'awardedAmountCents'
  | 'regionCodes'
>;
export type HistoryTransitionRow = Omit<DossierTransitionEntity, 'id' | 'dossier'>;
export type HistoryVersionRow = Omit<DossierVersionEntity, 'id' | 'dossier'>;
export type HistoryCharterRow = Omit<CharterAcceptanceEntity, 'id' | 'dossier'>;
export type HistoryBilanRow = Omit<BilanEntity, 'id' | 'dossier' | 'submitter'>;

export interface HistoryRows {
  organisations: HistoryOrganisationRow[];
  dossiers: HistoryDossierRow[];
  transitions: HistoryTransitionRow[];
  versions: HistoryVersionRow[];
  charters: HistoryCharterRow[];
  bilans: HistoryBilanRow[];
}

const CHUNK = 250;

async function insertChunked<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly object[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(start, start + CHUNK))
      .execute();
  }
}

/** `count` dossier references from the dossiers' sequence (`NEC-<year>-<5 digits>`), in order. */
export async function nextReferenceNumbers(
  manager: EntityManager,
  count: number,
): Promise<number[]> {
  if (count === 0) return [];
  const rows: { n: string | number }[] = await manager.query(
    `SELECT nextval('dossier_reference_seq') AS n FROM generate_series(1, $1::int) ORDER BY 1`,
    [count],
  );
  return rows.map((row) => Number(row.n));
}

/** Writes the history, parents first, in the caller's transaction. */
export async function insertHistoryRows(manager: EntityManager, rows: HistoryRows): Promise<void> {
  await insertChunked(manager, OrganisationEntity, rows.organisations);
  await insertChunked(manager, DossierEntity, rows.dossiers);
  await insertChunked(manager, DossierTransitionEntity, rows.transitions);
  await insertChunked(manager, DossierVersionEntity, rows.versions);
  await insertChunked(manager, CharterAcceptanceEntity, rows.charters);
  await insertChunked(manager, BilanEntity, rows.bilans);
}
