import { Inject, Injectable } from '@nestjs/common';
import { charters, currentCharter, necCharterId, principles } from '@nec/domain';
import { searchTerritories } from '@nec/domain/territories';
import { Clock } from '../clock/clock.js';
import { notFound } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type {
  CharterText,
  CharterVersion,
  ServiceContacts,
  TerritoryPage,
  TerritorySearchQuery,
} from '@nec/contracts';

/**
 * Reference data read from the domain (the territories' official reference and the charter),
 * and the deployment's contact addresses.
 */
@Injectable()
export class ReferenceService {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The deployment's addresses (`NEC_CONTACT_EMAIL`, `NEC_DPO_EMAIL`), null when not set. */
  contacts(): ServiceContacts {
    return {
      contactEmail: this.config.NEC_CONTACT_EMAIL ?? null,
      dpoEmail: this.config.NEC_DPO_EMAIL ?? null,
    };
  }

  /** One page of the domain's `searchTerritories` (names or codes, overseas included). */
  searchTerritories(query: TerritorySearchQuery): TerritoryPage {
    const { items, total } = searchTerritories(query.q, {
      ...(query.kind ? { kinds: [query.kind] } : {}),
      limit: query.limit,
      offset: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** The charter versions, oldest first, the one in force today flagged. */
  listCharters(): { items: CharterVersion[] } {
    const current = currentCharter(this.clock.today());
    return {
      items: [...charters]
        .sort((a, b) => a.publishedOn.localeCompare(b.publishedOn))
        .map(({ id, version, publishedOn }) => ({
          id,
          version,
          publishedOn,
          current: current?.version === version,
        })),
    };
  }

  /** The text of a version of the NEC charter; 404 when unknown. */
  charter(version: string): CharterText {
    const charter = charters.find((c) => c.id === necCharterId && c.version === version);
    if (!charter) throw notFound('Cette version de la charte est introuvable.');
    const current = currentCharter(this.clock.today());
    return {
      ...charter,
      current: current?.version === charter.version,
      principles: principles.map(({ id, title, description }) => ({ id, title, description })),
    };
  }
}
