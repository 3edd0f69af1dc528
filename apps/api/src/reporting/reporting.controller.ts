import { Controller, Get, Header, Param, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { AppThrottlerGuard } from '../common/throttler.guard.js';
import { Readable } from 'node:stream';
import { Public, Roles } from '../auth/actor.js';
import { PUBLIC_CACHE } from '../common/cache.js';
import { ZodPipe, ZodQuery } from '../common/zod.js';
import type { TableSchema } from './open-data.schema.js';
import type {
  BreakdownDto,
  DistributionDto,
  EventBilanDto,
  EventsPageDto,
  OverviewDto,
  ReportingNationalEditionsDto,
} from './reporting.dto.js';
import {
  bilanIdSchema,
  breakdownDimensions,
  breakdownDimensionSchema,
  type BreakdownDimension,
  distributionNameSchema,
  type DistributionName,
  distributionFieldNames,
  eventsQuerySchema,
  type EventsQuery,
  periodQuerySchema,
  type PeriodQuery,
  reportingQuerySchema,
  type ReportingQuery,
} from './reporting.schemas.js';
import { ReportingService } from './reporting.service.js';

const queryDoc = [
  ApiQuery({
    name: 'from',
    required: false,
    description: 'Premier jour de la période (AAAA-MM-JJ), date de l’événement',
  }),
  ApiQuery({
    name: 'to',
    required: false,
    description: 'Dernier jour de la période (AAAA-MM-JJ), inclus',
  }),
];
const filterDoc = [
  ['regions', 'Codes de région (séparés par des virgules)'],
  ['departements', 'Codes de département'],
  ['themes', 'Thèmes (identifiants du catalogue ou thèmes libres)'],
  ['themeFamilies', 'Familles de thèmes'],
  ['eventModes', 'Formats (in-person, online, hybrid)'],
  ['porteurCategories', 'Catégories de porteur'],
  ['callKinds', 'Types d’appel'],
].map(([name = '', description]) => ApiQuery({ name, required: false, description }));
const documentPeriod = (): MethodDecorator => (target, key, descriptor) => {
  for (const decorate of queryDoc) decorate(target, key, descriptor);
};
const documentQuery = (): MethodDecorator => (target, key, descriptor) => {
  for (const decorate of [...queryDoc, ...filterDoc]) decorate(target, key, descriptor);
};

/**
 * Aggregated figures of the submitted bilans, for analysts and admins: codes, categories,
 * counts and sums only — never a name, an address, a structure or a dossier title.
 */
@ApiTags('Pilotage et statistiques')
@Controller('api/reporting')
@Roles('analyst', 'admin')
export class ReportingController {
  constructor(private readonly reporting: ReportingService) {}

  @Get('overview')
  @documentQuery()
  @ApiOperation({
    summary:
      'Chiffres clés d’une période (12 derniers mois par défaut) comparés à la période précédente de même durée, avec leur provenance',
  })
  overview(@ZodQuery(reportingQuerySchema) query: ReportingQuery): Promise<OverviewDto> {
    return this.reporting.overview(query);
  }

  @Get('national-editions')
  @ApiOperation({ summary: 'Les éditions nationales côte à côte, avec leurs cumuls' })
  nationalEditions(): Promise<ReportingNationalEditionsDto> {
    return this.reporting.nationalEditions();
  }

  @Get('breakdowns/:dimension')
  @documentQuery()
  @ApiParam({
    name: 'dimension',
    enum: breakdownDimensions,
    description: 'Dimension de la ventilation',
  })
  @ApiOperation({
    summary:
      'Ventilation des bilans par région, département, thème, famille de thèmes, format, catégorie de porteur, type d’appel, année ou mois',
  })
  breakdown(
    @Param('dimension', new ZodPipe(breakdownDimensionSchema)) dimension: BreakdownDimension,
    @ZodQuery(reportingQuerySchema) query: ReportingQuery,
  ): Promise<BreakdownDto> {
    return this.reporting.breakdown(dimension, query);
  }

  @Get('distributions/:figure')
  @documentQuery()
  @ApiParam({ name: 'figure', enum: Object.keys(distributionFieldNames) })
  @ApiOperation({
    summary:
      'Répartition des événements par tranche : public, dépenses ou coût par personne présente',
  })
  distribution(
    @Param('figure', new ZodPipe(distributionNameSchema)) figure: DistributionName,
    @ZodQuery(reportingQuerySchema) query: ReportingQuery,
  ): Promise<DistributionDto> {
    return this.reporting.distribution(figure, query);
  }

  @Get('events')
  @documentQuery()
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @ApiOperation({
    summary: 'Les événements retenus, du plus récent au plus ancien (sans titre ni nom)',
  })
  events(@ZodQuery(eventsQuerySchema) query: EventsQuery): Promise<EventsPageDto> {
    return this.reporting.events(query);
  }

  @Get('events/:id')
  @ApiOperation({
    summary:
      'Le bilan d’un événement, sans ce qui nomme des personnes (équipe, réunions, commentaires)',
  })
  event(@Param('id', new ZodPipe(bilanIdSchema)) id: string): Promise<EventBilanDto> {
    return this.reporting.event(id);
  }
}

const publicDimensionSchema = breakdownDimensionSchema.extract(['region', 'departement'], {
  error: 'Choisissez la dimension region ou departement.',
});

/**
 * The network-wide figures for everyone (the public page): a period only, no finer filter, so
 * that no single event can be singled out; throttled like the open data.
 */
@ApiTags('Données ouvertes')
@Controller('api/public/reporting')
@UseGuards(AppThrottlerGuard)
@SkipThrottle({ auth: true })
export class PublicReportingController {
  constructor(private readonly reporting: ReportingService) {}

  @Get('overview')
  @Public()
  @Header('Cache-Control', PUBLIC_CACHE)
  @documentPeriod()
  @ApiOperation({ summary: 'Chiffres clés du réseau pour une période, sans compte' })
  overview(@ZodQuery(periodQuerySchema) query: PeriodQuery): Promise<OverviewDto> {
    return this.reporting.overview(query);
  }

  @Get('breakdowns/:dimension')
  @Public()
  @Header('Cache-Control', PUBLIC_CACHE)
  @documentPeriod()
  @ApiParam({ name: 'dimension', enum: ['region', 'departement'] })
  @ApiOperation({ summary: 'NEC locaux par région ou par département (la carte), sans compte' })
  breakdown(
    @Param('dimension', new ZodPipe(publicDimensionSchema)) dimension: 'region' | 'departement',
    @ZodQuery(periodQuerySchema) query: PeriodQuery,
  ): Promise<BreakdownDto> {
    return this.reporting.breakdown(dimension, query);
  }

  @Get('national-editions')
  @Public()
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiOperation({ summary: 'Les éditions nationales, sans compte' })
  nationalEditions(): Promise<ReportingNationalEditionsDto> {
    return this.reporting.nationalEditions();
  }
}

/** Open data: the NEC locals' figures per year and région, public and throttled. */
@ApiTags('Données ouvertes')
@Controller('api/open-data')
@UseGuards(AppThrottlerGuard)
@SkipThrottle({ auth: true })
export class OpenDataController {
  constructor(private readonly reporting: ReportingService) {}

  @Get('nec-locaux.csv')
  @Public()
  @Header('Cache-Control', PUBLIC_CACHE)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="nec-locaux.csv"')
  @ApiOperation({
    summary: 'NEC locaux : chiffres agrégés par année et par région (CSV, UTF-8, virgule)',
  })
  csv(): StreamableFile {
    return new StreamableFile(Readable.from(this.reporting.openDataCsv(), { objectMode: false }));
  }

  @Get('nec-locaux.schema.json')
  @Public()
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiOperation({ summary: 'Schéma (Table Schema Frictionless) du fichier nec-locaux.csv' })
  schema(): TableSchema {
    return this.reporting.tableSchema();
  }
}
