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
import { writeCsv, writeXlsx } from './exports.writers.js';
import { sendFile } from './send-file.js';

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

  private send<R>(res: Response, format: ExportFormat, source: ExportSource<R>): Promise<void> {
    return sendFile(
      res,
      {
        filename: source.filename,
        contentType: CONTENT_TYPES[format],
        write: (out) =>
          format === 'csv'
            ? writeCsv(out, source.columns, source.batches)
            : writeXlsx(out, source.sheetName, source.columns, source.batches),
      },
      this.logger,
    );
  }
}
