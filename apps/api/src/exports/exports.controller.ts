import { applyDecorators, Controller, Get, Logger, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { z } from 'zod';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { toOpenApiSchema } from '../common/route.js';
import { ZodQuery } from '../common/zod.js';
import {
  bilanExportQuerySchema,
  dossierExportQuerySchema,
  type BilanExportQuery,
  type DossierExportQuery,
} from './exports.schemas.js';
import { ExportsService, type ExportFormat, type ExportSource } from './exports.service.js';
import { DownloadAborted, writeCsv, writeXlsx } from './exports.writers.js';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Documents every (optional) parameter of a query-string schema. */
function documentQuery(schema: z.ZodType) {
  const json = toOpenApiSchema(schema) as { properties?: Record<string, Record<string, unknown>> };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: false, schema: property }),
    ),
  );
}

/**
 * Downloads for instructors (the campaigns they instruct, like the queue) and admins: the queue's
 * dossiers with its filters and sort, and the submitted NEC local bilans. Files are streamed:
 * the rows are read from the database in batches and written as they come (`transfer-encoding:
 * chunked`, no Content-Length). A failure after the first bytes cuts the connection, so that a
 * truncated file is never taken for a complete one.
 */
@ApiTags('Exports')
@Controller('api/exports')
@Roles('instructor', 'admin')
export class ExportsController {
  private readonly logger = new Logger(ExportsController.name);

  constructor(private readonly exports: ExportsService) {}

  @Get('dossiers.csv')
  @ApiOperation({
    summary:
      'Exporter en CSV (séparateur « ; », UTF-8 avec BOM) les dossiers de la file d’instruction, avec ses filtres et son tri',
  })
  @ApiProduces(CONTENT_TYPES.csv)
  @documentQuery(dossierExportQuerySchema)
  async dossiersCsv(
    @CurrentActor() actor: Actor,
    @ZodQuery(dossierExportQuerySchema) query: DossierExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(res, 'csv', await this.exports.dossiers(actor, query, 'csv'));
  }

  @Get('dossiers.xlsx')
  @ApiOperation({
    summary:
      'Exporter en classeur Excel les dossiers de la file d’instruction, avec ses filtres et son tri',
  })
  @ApiProduces(CONTENT_TYPES.xlsx)
  @documentQuery(dossierExportQuerySchema)
  async dossiersXlsx(
    @CurrentActor() actor: Actor,
    @ZodQuery(dossierExportQuerySchema) query: DossierExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(res, 'xlsx', await this.exports.dossiers(actor, query, 'xlsx'));
  }

  @Get('bilans.csv')
  @ApiOperation({
    summary:
      'Exporter en CSV les bilans déposés des NEC locaux et leurs chiffres (filtres : appel, année, région)',
  })
  @ApiProduces(CONTENT_TYPES.csv)
  @documentQuery(bilanExportQuerySchema)
  async bilansCsv(
    @CurrentActor() actor: Actor,
    @ZodQuery(bilanExportQuerySchema) query: BilanExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(res, 'csv', await this.exports.bilans(actor, query, 'csv'));
  }

  @Get('bilans.xlsx')
  @ApiOperation({
    summary:
      'Exporter en classeur Excel les bilans déposés des NEC locaux et leurs chiffres (filtres : appel, année, région)',
  })
  @ApiProduces(CONTENT_TYPES.xlsx)
  @documentQuery(bilanExportQuerySchema)
  async bilansXlsx(
    @CurrentActor() actor: Actor,
    @ZodQuery(bilanExportQuerySchema) query: BilanExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(res, 'xlsx', await this.exports.bilans(actor, query, 'xlsx'));
  }

  private async send<R>(
    res: Response,
    format: ExportFormat,
    source: ExportSource<R>,
  ): Promise<void> {
    res.status(200);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="${source.filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    try {
      if (format === 'csv') await writeCsv(res, source.columns, source.batches);
      else await writeXlsx(res, source.sheetName, source.columns, source.batches);
    } catch (error) {
      // The status line is gone: cutting the connection is the only way left to say "incomplete".
      const aborted =
        error instanceof DownloadAborted ||
        (error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE';
      if (!aborted)
        this.logger.error(
          `Export ${source.filename} interrompu : ${error instanceof Error ? error.message : String(error)}`,
        );
      res.destroy();
    }
  }
}
