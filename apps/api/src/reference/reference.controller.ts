import { Controller, Get, Header, Param, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../auth/actor.js';
import { ZodQuery } from '../common/zod.js';
import {
  TERRITORY_PAGE_MAX,
  territoryKindsForQuery,
  territorySearchQuerySchema,
  type CharterText,
  type CharterVersion,
  type TerritoryPage,
  type TerritorySearchQuery,
} from './reference.schemas.js';
import { ReferenceService } from './reference.service.js';

/** The official reference is public data that changes once a year: caches may keep it. */
const PUBLIC_CACHE = 'public, max-age=3600';

@ApiTags('Référentiels')
@Controller('api/territories')
@UseGuards(ThrottlerGuard)
@SkipThrottle({ auth: true })
export class TerritoriesController {
  constructor(private readonly reference: ReferenceService) {}

  @Get()
  @Public()
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiOperation({
    summary:
      'Rechercher un territoire (commune, EPCI, département, région, outre-mer compris) par nom ou par code',
  })
  @ApiQuery({ name: 'q', required: true, description: 'Nom (sans souci des accents) ou code' })
  @ApiQuery({ name: 'kind', required: false, enum: territoryKindsForQuery })
  @ApiQuery({ name: 'limit', required: false, description: `1 à ${TERRITORY_PAGE_MAX} (10)` })
  @ApiQuery({ name: 'offset', required: false, description: 'Résultats à sauter (0)' })
  search(@ZodQuery(territorySearchQuerySchema) query: TerritorySearchQuery): TerritoryPage {
    return this.reference.searchTerritories(query);
  }
}

@ApiTags('Référentiels')
@Controller('api/charters')
@UseGuards(ThrottlerGuard)
@SkipThrottle({ auth: true })
export class ChartersController {
  constructor(private readonly reference: ReferenceService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Les versions de la charte NEC (celle en vigueur signalée)' })
  list(): { items: CharterVersion[] } {
    return this.reference.listCharters();
  }

  @Get(':version')
  @Public()
  @ApiOperation({ summary: 'Le texte d’une version de la charte NEC, et les sept principes' })
  get(@Param('version') version: string): CharterText {
    return this.reference.charter(version);
  }
}
