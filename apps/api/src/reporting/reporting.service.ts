import { Injectable } from '@nestjs/common';
import {
  type AggregateOptions,
  type BilanAggregate,
  comparePeriods,
  nationalEditionTotals,
  previousPeriodOf,
  reportingDistributions,
  type ReportingFilter,
  reportingFilterKeys,
  type ReportingPeriod,
  reportingPeriodOf,
  type ReportingQuery,
  toIsoDate,
} from '@nec/domain';
import { listRegions } from '@nec/domain/territories';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { BilansRepository } from '../bilans/bilans.repository.js';
import { Clock } from '../clock/clock.js';
import { notFound } from '../common/errors.js';
import { csvEuros, csvLines, csvText, openDataDialect } from '../common/csv.js';
import {
  type BilanHeadline,
  breakdownDimensions,
  type BreakdownDimension,
  distributionNameSchema,
  type BreakdownDto,
  distributionFieldNames,
  type DistributionDto,
  type DistributionName,
  type EventBilanDto,
  type OverviewDto,
  type ReportingEventsPageDto,
  type ReportingEventsQuery,
  type ReportingNationalEditionsDto,
  type TableSchema,
} from '@nec/contracts';
import { necLocauxTableSchema } from './open-data.schema.js';
import { toEventBilanDto } from './reporting.dto.js';
import { type OpenDataRow, ReportingRepository } from './reporting.repository.js';
import { VersionedCache } from './reporting.cache.js';
import { type ReportingWorkbookData } from './reporting.workbook.js';

/**
 * The reporting of the submitted bilans (aggregates only: codes, categories, counts, sums) and
 * the open data file. Figures are computed in SQL by the repository with the domain's
 * definitions (`aggregateBilans` with the same options); the period arithmetic, the filter and
 * the comparison come from the domain.
 */
@Injectable()
export class ReportingService {
  private readonly cache = new VersionedCache();

  constructor(
    private readonly repository: ReportingRepository,
    private readonly bilans: BilansRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** The period asked for, completed by the domain's `reportingPeriodOf`. */
  resolvePeriod(query: Pick<ReportingQuery, 'from' | 'to'>): ReportingPeriod {
    return reportingPeriodOf(query, toIsoDate(this.clock.now()));
  }

  async overview(query: ReportingQuery): Promise<OverviewDto> {
    const period = this.resolvePeriod(query);
    const previousPeriod = previousPeriodOf(period);
    const filter = filterOf(query);
    return this.cached(`overview:${key({ ...period, ...filter })}`, async () => {
      const [current, previous, provenance] = await Promise.all([
        this.repository.headline({ ...filter, ...period }),
        this.repository.headline({ ...filter, ...previousPeriod }),
        this.repository.provenance({ ...filter, ...period }),
      ]);
      return {
        period,
        previousPeriod,
        filter,
        current,
        previous,
        changes: comparePeriods(asAggregate(current), asAggregate(previous)),
        provenance,
      };
    });
  }

  async breakdown(dimension: BreakdownDimension, query: ReportingQuery): Promise<BreakdownDto> {
    return this.cached(`breakdown:${dimension}:${key(query)}`, async () => ({
      dimension,
      period: openPeriod(query),
      rows: await this.repository.breakdown(dimension, query),
    }));
  }

  /** The domain's `distribution(records, field, reportingDistributions[field])`, counted in SQL. */
  async distribution(name: DistributionName, query: ReportingQuery): Promise<DistributionDto> {
    const field = distributionFieldNames[name];
    const edges = [...reportingDistributions[field]];
    const { byBucket, skipped } = await this.cached(`distribution:${name}:${key(query)}`, () =>
      this.repository.buckets(field, edges, query),
    );
    return {
      figure: name,
      period: openPeriod(query),
      edges,
      buckets: edges.map((from, i) => ({
        from,
        to: edges[i + 1] ?? null,
        count: byBucket.get(i + 1) ?? 0,
      })),
      below: byBucket.get(0) ?? 0,
      skipped,
    };
  }

  /**
   * The events kept by the query, latest first, one page (keys and attendance only); with
   * `allMalePanel`, those with (or without) an all-male panel only.
   */
  async events({
    page,
    pageSize,
    ...query
  }: ReportingEventsQuery): Promise<ReportingEventsPageDto> {
    const panel = query.allMalePanel ?? null;
    const found = await this.cached(`events:${page}:${pageSize}:${panel}:${key(query)}`, () =>
      this.repository.events(query, { limit: pageSize, offset: (page - 1) * pageSize }),
    );
    return { ...found, page, pageSize };
  }

  /**
   * Everything the dashboard shows for a query, for its workbook: the overview, every breakdown
   * and every distribution, all over the overview's period (the default twelve months resolved
   * once, as the dashboard does). Audited like the other exports, with the filters.
   */
  async workbook(actor: Actor, query: ReportingQuery): Promise<ReportingWorkbookData> {
    await this.audit.record({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'export.reporting-workbook',
      subjectType: 'reporting',
      subjectId: null,
      details: { format: 'xlsx', filters: query },
    });
    const resolved = { ...query, ...this.resolvePeriod(query) };
    const [overview, breakdowns, distributions] = await Promise.all([
      this.overview(resolved),
      Promise.all(breakdownDimensions.map((dimension) => this.breakdown(dimension, resolved))),
      Promise.all(distributionNameSchema.options.map((name) => this.distribution(name, resolved))),
    ]);
    return { overview, breakdowns, distributions };
  }

  /** One event's bilan without what names people (team, preparation, comments); 404 if none. */
  async event(id: string): Promise<EventBilanDto> {
    const row = await this.repository.event(id);
    if (!row) throw notFound('Ce bilan n’existe pas ou n’a pas été transmis.');
    return toEventBilanDto(row);
  }

  /** A figure computed once per state of the bilans (see `VersionedCache`). */
  private async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.cache.get(key, await this.repository.dataVersion(), compute);
  }

  async nationalEditions(): Promise<ReportingNationalEditionsDto> {
    const editions = (await this.bilans.listNationalEditions())
      .map((row) => row.edition)
      .sort((a, b) => a.year - b.year);
    return { editions, totals: nationalEditionTotals(editions) };
  }

  // ── open data ─────────────────────────────────────────────────────────────

  tableSchema(): TableSchema {
    return necLocauxTableSchema;
  }

  /**
   * The CSV, line by line (UTF-8 without BOM, comma, decimal point, CRLF, header row named as in
   * the Table Schema): the exports' encoder (common/csv.ts) in the open data dialect.
   */
  async *openDataCsv(): AsyncGenerator<string> {
    const rows = await this.repository.openDataRows();
    const names = new Map(listRegions().map((region) => [region.code, region.name]));
    yield* csvLines(
      [
        necLocauxTableSchema.fields.map((field) => field.name),
        ...rows.map((row) => openDataCells(row, names.get(row.regionCode) ?? '')),
      ],
      openDataDialect,
    );
  }
}

/**
 * `comparePeriods` reads only the headline figures of its aggregates: the breakdowns are left
 * empty rather than computed for nothing.
 */
function asAggregate(headline: BilanHeadline): BilanAggregate {
  return {
    ...headline,
    byYear: [],
    byMonth: [],
    byRegion: [],
    byDepartement: [],
    byTheme: [],
    byThemeFamily: [],
    byEventMode: [],
    byPorteurCategory: [],
    byCallKind: [],
  };
}

/** The filter part of a query (the lists given, empty ones dropped). */
function filterOf(query: ReportingFilter): ReportingFilter {
  const filter: ReportingFilter = {};
  for (const name of reportingFilterKeys) {
    const values = query[name];
    if (values !== undefined && values.length > 0) filter[name] = [...values].sort() as never;
  }
  return filter;
}

/** A cache key for options: bounds and sorted lists, in a fixed order. */
function key(options: AggregateOptions): string {
  return JSON.stringify([options.from ?? null, options.to ?? null, filterOf(options)]);
}

function openPeriod(query: Pick<ReportingQuery, 'from' | 'to'>): {
  from: string | null;
  to: string | null;
} {
  return { from: query.from ?? null, to: query.to ?? null };
}

/** A row's cells: counts as integers, amounts in euros with a point, names as text. */
function openDataCells(row: OpenDataRow, regionName: string): string[] {
  const euros = (cents: number) => csvEuros(cents, openDataDialect);
  return [
    String(row.year),
    csvText(row.regionCode),
    csvText(regionName),
    String(row.events),
    String(row.attendees),
    String(row.structures),
    String(row.speakers),
    String(row.womenSpeakers),
    String(row.workshops),
    euros(row.expensesCents),
    euros(row.subsidyCents),
  ];
}
