import type { AuditEntryDto } from '@nec/contracts';
import type { AuditEntryEntity } from './audit-entry.entity.js';

/**
 * An entry as the admin reads it. The id is a bigint: `pg` reads it as text but PGlite as a
 * number, so it is written as text whatever the database.
 */
export const toAuditEntryDto = (entry: AuditEntryEntity): AuditEntryDto => ({
  id: String(entry.id),
  at: entry.at.toISOString(),
  actorId: entry.actorId,
  actorRole: entry.actorRole,
  action: entry.action,
  subjectType: entry.subjectType,
  subjectId: entry.subjectId,
  details: entry.details,
});
