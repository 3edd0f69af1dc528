import type { AuditPageDto, AuditQuery } from '@nec/contracts';
import { addDays } from '@nec/domain';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditRepository, type AuditFilters } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import { toAuditEntryDto } from './audit.dto.js';

const startOfDay = (day: string) => new Date(`${day}T00:00:00.000Z`);

/**
 * Admins read the audit trail, filtered and paginated. The trail names people (actor ids,
 * subjects), so reading it is itself audited.
 */
@Injectable()
export class AuditReadingService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly audit: AuditService,
  ) {}

  async read(actor: Actor, query: AuditQuery): Promise<AuditPageDto> {
    const filters: AuditFilters = {
      actorId: query.actorId,
      action: query.action,
      subjectType: query.subjectType,
      subjectId: query.subjectId,
      from: query.from ? startOfDay(query.from) : undefined,
      until: query.to ? startOfDay(addDays(query.to, 1)) : undefined,
    };
    const offset = (query.page - 1) * query.pageSize;
    const { items, total } = await this.repository.page(filters, {
      offset,
      limit: query.pageSize,
    });
    await this.audit.record({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'audit.read',
      subjectType: query.subjectType ?? 'audit',
      subjectId: query.subjectId ?? null,
      details: { ...withoutUndefined(query), returned: items.length },
    });
    return { items: items.map(toAuditEntryDto), total, page: query.page, pageSize: query.pageSize };
  }
}

function withoutUndefined(query: AuditQuery): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
}
