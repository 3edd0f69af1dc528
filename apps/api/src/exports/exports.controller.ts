import { Controller, Logger, Res } from '@nestjs/common';
import {
  contract,
  exportContentTypes,
  type BilanExportQuery,
  type DossierExportQuery,
} from '@nec/contracts';
import type { Response } from 'express';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { Route } from '../common/route.js';
import { ZodQuery } from '../common/zod.js';
import { ExportsService, type ExportFormat, type ExportSource } from './exports.service.js';
import { DownloadAborted, writeCsv, writeXlsx } from './exports.writers.js';

const routes = contract.exports;
const CONTENT_TYPES: Record<ExportFormat, string> = exportContentTypes;

/**
 * Downloads for instructors (the campaigns they instruct, like the queue) and admins: the queue's
 * dossiers with its filters and sort, and the submitted NEC local bilans. Files are streamed:
 * the rows are read from the database in batches and written as they come (`transfer-encoding:
 * chunked`, no Content-Length). A failure after the first bytes cuts the connection, so that a
 * truncated file is never taken for a complete one.
 */
@Controller()
@Roles('instructor', 'admin')
export class ExportsController {
  private readonly logger = new Logger(ExportsController.name);

  constructor(private readonly exports: ExportsService) {}

  @Route(routes.dossiersCsv)
  async dossiersCsv(
    @CurrentActor() actor: Actor,
    @ZodQuery(routes.dossiersCsv.query) query: DossierExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(res, 'csv', await this.exports.dossiers(actor, query, 'csv'));
  }

  @Route(routes.dossiersXlsx)
  async dossiersXlsx(
    @CurrentActor() actor: Actor,
    @ZodQuery(routes.dossiersXlsx.query) query: DossierExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(res, 'xlsx', await this.exports.dossiers(actor, query, 'xlsx'));
  }

  @Route(routes.bilansCsv)
  async bilansCsv(
    @CurrentActor() actor: Actor,
    @ZodQuery(routes.bilansCsv.query) query: BilanExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(res, 'csv', await this.exports.bilans(actor, query, 'csv'));
  }

  @Route(routes.bilansXlsx)
  async bilansXlsx(
    @CurrentActor() actor: Actor,
    @ZodQuery(routes.bilansXlsx.query) query: BilanExportQuery,
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
