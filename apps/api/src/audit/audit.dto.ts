import type { AuditEntryEntity } from './audit-entry.entity.js';

export function toAuditEntryDto(entry: AuditEntryEntity) {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    details: entry.details,
  };
}
export type AuditEntryDto = ReturnType<typeof toAuditEntryDto>;

export interface AuditPageDto {
  items: AuditEntryDto[];
  total: number;
  page: number;
  pageSize: number;
}
