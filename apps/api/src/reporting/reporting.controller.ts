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
  AttendeeDistributionDto,
  BreakdownDto,
  OverviewDto,
  ReportingNationalEditionsDto,
} from './reporting.dto.js';
import {
  breakdownDimensions,
  breakdownDimensionSchema,
  type BreakdownDimension,
  periodQuerySchema,
  type PeriodQuery,
} from './reporting.schemas.js';
import { ReportingService } from './reporting.service.js';

const periodDoc = [
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
const documentPeriod = (): MethodDecorator => (target, key, descriptor) => {
  for (const decorate of periodDoc) decorate(target, key, descriptor);
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
  @documentPeriod()
  @ApiOperation({
    summary:
      'Chiffres clés d’une période (12 derniers mois par défaut) comparés à la période précédente de même durée',
  })
  overview(@ZodQuery(periodQuerySchema) query: PeriodQuery): Promise<OverviewDto> {
    return this.reporting.overview(query);
  }

  @Get('national-editions')
  @ApiOperation({ summary: 'Les éditions nationales côte à côte, avec leurs cumuls' })
  nationalEditions(): Promise<ReportingNationalEditionsDto> {
    return this.reporting.nationalEditions();
  }

  @Get('breakdowns/:dimension')
  @documentPeriod()
  @ApiParam({
    name: 'dimension',
    enum: breakdownDimensions,
    description: 'Dimension de la ventilation',
  })
  @ApiOperation({
    summary:
      'Ventilation des bilans par région, département, thème, famille de thèmes, format, catégorie de porteur, type d’appel ou année',
  })
  breakdown(
    @Param('dimension', new ZodPipe(breakdownDimensionSchema)) dimension: BreakdownDimension,
    @ZodQuery(periodQuerySchema) query: PeriodQuery,
  ): Promise<BreakdownDto> {
    return this.reporting.breakdown(dimension, query);
  }

  @Get('distributions/attendees')
  @documentPeriod()
  @ApiOperation({
    summary:
      'Répartition des événements par tranche de public (0 à 99, 100 à 149, 150 à 249, 250 et plus)',
  })
  attendeeDistribution(
    @ZodQuery(periodQuerySchema) query: PeriodQuery,
  ): Promise<AttendeeDistributionDto> {
    return this.reporting.attendeeDistribution(query);
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
