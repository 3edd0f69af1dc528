import { nationalEditions } from '@nec/domain';
import type { EntityManager } from 'typeorm';
import { writeNationalEdition } from './bilans.repository.js';

/**
 * Demo and reference data: the domain's national editions (2018–2023 with their published
 * figures, 2024 announced without any), inserted where the year is missing; an edition an admin
 * already edited is left alone. Returns the number of editions in the fixtures.
 */
export async function seedNationalEditions(manager: EntityManager, now: Date): Promise<number> {
  for (const edition of nationalEditions) {
    await writeNationalEdition(manager, edition, { updatedAt: now, updatedBy: null }, true);
  }
  return nationalEditions.length;
}
