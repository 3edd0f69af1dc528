import { Controller, Header, Logger, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import {
  contract,
  exportContentTypes,
  type ParamsOf,
  type QueryOf,
  type ReportingEventsQuery,
  type ReportingPeriodQuery,
  type ResponseOf,
} from '@nec/contracts';
import type { ReportingQuery } from '@nec/domain';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { type Actor, CurrentActor, Public, Roles } from '../auth/actor.js';
import { PUBLIC_CACHE } from '../common/cache.js';
import { Route } from '../common/route.js';
import { AppThrottlerGuard } from '../common/throttler.guard.js';
import { ZodParams, ZodQuery } from '../common/zod.js';
import { writeWorkbook } from '../exports/exports.writers.js';
import { sendFile } from '../exports/send-file.js';
import { ReportingService } from './reporting.service.js';
import { reportingWorkbookSheets } from './reporting.workbook.js';

const routes = contract.reporting;
const publicRoutes = contract.publicReporting;
const openData = contract.openData;

/**
 * Aggregated figures of the submitted bilans, for analysts and admins: codes, categories,
 * counts and sums only — never a name, an address, a structure or a dossier title.
 */
@Controller()
@Roles('analyst', 'admin')
export class ReportingController {
  private readonly logger = new Logger(ReportingController.name);

  constructor(private readonly reporting: ReportingService) {}

  @Route(routes.overview)
  overview(
    @ZodQuery(routes.overview.query) query: ReportingQuery,
  ): Promise<ResponseOf<typeof routes.overview>> {
    return this.reporting.overview(query);
  }

  @Route(routes.nationalEditions)
  nationalEditions(): Promise<ResponseOf<typeof routes.nationalEditions>> {
    return this.reporting.nationalEditions();
  }

  @Route(routes.breakdown)
  breakdown(
    @ZodParams(routes.breakdown.params) params: ParamsOf<typeof routes.breakdown>,
    @ZodQuery(routes.breakdown.query) query: ReportingQuery,
  ): Promise<ResponseOf<typeof routes.breakdown>> {
    return this.reporting.breakdown(params.dimension, query);
  }

  @Route(routes.distribution)
  distribution(
    @ZodParams(routes.distribution.params) params: ParamsOf<typeof routes.distribution>,
    @ZodQuery(routes.distribution.query) query: ReportingQuery,
  ): Promise<ResponseOf<typeof routes.distribution>> {
    return this.reporting.distribution(params.figure, query);
  }

  @Route(routes.events)
  events(
    @ZodQuery(routes.events.query) query: ReportingEventsQuery,
  ): Promise<ResponseOf<typeof routes.events>> {
    return this.reporting.events(query);
  }

  /** The dashboard of a query as an Excel workbook (one sheet per table), audited. */
  @Route(routes.workbook)
  async workbook(
    @CurrentActor() actor: Actor,
    @ZodQuery(routes.workbook.query) query: ReportingQuery,
    @Res() res: Response,
  ): Promise<void> {
    const data = await this.reporting.workbook(actor, query);
    const { from, to } = data.overview.period;
    await sendFile(
      res,
      {
        filename: `tableau-de-bord-${from}-${to}.xlsx`,
        contentType: exportContentTypes.xlsx,
        write: (out) => writeWorkbook(out, reportingWorkbookSheets(data)),
      },
      this.logger,
    );
  }

  @Route(routes.event)
  event(
    @ZodParams(routes.event.params) params: ParamsOf<typeof routes.event>,
  ): Promise<ResponseOf<typeof routes.event>> {
    return this.reporting.event(params.id);
  }
}

/**
 * The network-wide figures for everyone (the public page): a period only, no finer filter, so
 * that no single event can be singled out; throttled like the open data.
 */
@Controller()
@UseGuards(AppThrottlerGuard)
@SkipThrottle({ auth: true })
export class PublicReportingController {
  constructor(private readonly reporting: ReportingService) {}

  @Route(publicRoutes.overview)
  @Public()
  @Header('Cache-Control', PUBLIC_CACHE)
  overview(
    @ZodQuery(publicRoutes.overview.query) query: ReportingPeriodQuery,
  ): Promise<ResponseOf<typeof publicRoutes.overview>> {
    return this.reporting.overview(query);
  }

  @Route(publicRoutes.breakdown)
  @Public()
  @Header('Cache-Control', PUBLIC_CACHE)
  breakdown(
    @ZodParams(publicRoutes.breakdown.params) params: ParamsOf<typeof publicRoutes.breakdown>,
    @ZodQuery(publicRoutes.breakdown.query) query: QueryOf<typeof publicRoutes.breakdown>,
  ): Promise<ResponseOf<typeof publicRoutes.breakdown>> {
    return this.reporting.breakdown(params.dimension, query);
  }

  @Route(publicRoutes.nationalEditions)
  @Public()
  @Header('Cache-Control', PUBLIC_CACHE)
  nationalEditions(): Promise<ResponseOf<typeof publicRoutes.nationalEditions>> {
    return this.reporting.nationalEditions();
  }
}

/** Open data: the NEC locals' figures per year and région, public and throttled. */
@Controller()
@UseGuards(AppThrottlerGuard)
@SkipThrottle({ auth: true })
export class OpenDataController {
  constructor(private readonly reporting: ReportingService) {}

  @Route(openData.necLocauxCsv)
  @Public()
  @Header('Cache-Control', PUBLIC_CACHE)
  @Header('Content-Type', openData.necLocauxCsv.response.contentType)
  @Header('Content-Disposition', 'attachment; filename="nec-locaux.csv"')
  csv(): StreamableFile {
    return new StreamableFile(Readable.from(this.reporting.openDataCsv(), { objectMode: false }));
  }

  @Route(openData.necLocauxSchema)
  @Public()
  @Header('Cache-Control', PUBLIC_CACHE)
  schema(): ResponseOf<typeof openData.necLocauxSchema> {
    return this.reporting.tableSchema();
  }
}
