import { Controller, Header, Param, StreamableFile, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { Readable } from 'node:stream';
import {
  contract,
  type BreakdownDimension,
  type PeriodQuery,
  type ResponseOf,
} from '@nec/contracts';
import { Public, Roles } from '../auth/actor.js';
import { Route } from '../common/route.js';
import { ZodPipe, ZodQuery } from '../common/zod.js';
import { ReportingService } from './reporting.service.js';

const routes = contract.reporting;
const openData = contract.openData;

/**
 * Aggregated figures of the submitted bilans, for analysts and admins: codes, categories,
 * counts and sums only — never a name, an address, a structure or a dossier title.
 */
@Controller()
@Roles('analyst', 'admin')
export class ReportingController {
  constructor(private readonly reporting: ReportingService) {}

  @Route(routes.overview)
  overview(
    @ZodQuery(routes.overview.query) query: PeriodQuery,
  ): Promise<ResponseOf<typeof routes.overview>> {
    return this.reporting.overview(query);
  }

  @Route(routes.nationalEditions)
  nationalEditions(): Promise<ResponseOf<typeof routes.nationalEditions>> {
    return this.reporting.nationalEditions();
  }

  @Route(routes.breakdown)
  breakdown(
    @Param('dimension', new ZodPipe(routes.breakdown.params.shape.dimension))
    dimension: BreakdownDimension,
    @ZodQuery(routes.breakdown.query) query: PeriodQuery,
  ): Promise<ResponseOf<typeof routes.breakdown>> {
    return this.reporting.breakdown(dimension, query);
  }

  @Route(routes.attendeeDistribution)
  attendeeDistribution(
    @ZodQuery(routes.attendeeDistribution.query) query: PeriodQuery,
  ): Promise<ResponseOf<typeof routes.attendeeDistribution>> {
    return this.reporting.attendeeDistribution(query);
  }
}

/** Open data: the NEC locals' figures per year and région, public and throttled. */
@Controller()
@UseGuards(ThrottlerGuard)
@SkipThrottle({ auth: true })
export class OpenDataController {
  constructor(private readonly reporting: ReportingService) {}

  @Route(openData.csv)
  @Public()
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="nec-locaux.csv"')
  csv(): StreamableFile {
    return new StreamableFile(Readable.from(this.reporting.openDataCsv(), { objectMode: false }));
  }

  @Route(openData.schema)
  @Public()
  schema(): ResponseOf<typeof openData.schema> {
    return this.reporting.tableSchema();
  }
}
