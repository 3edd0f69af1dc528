import { Injectable } from '@nestjs/common';
import {
  attendeeBucketEdges,
  type BilanAggregate,
  comparePeriods,
  listRegions,
  nationalEditionTotals,
  previousPeriodOf,
  reportingPeriodOf,
  toIsoDate,
} from '@nec/domain';
import { BilansRepository } from '../bilans/bilans.repository.js';
import { Clock } from '../clock/clock.js';
import { badRequest } from '../common/errors.js';
import { necLocauxTableSchema, type TableSchema } from './open-data.schema.js';
import { type OpenDataRow, ReportingRepository } from './reporting.repository.js';
import type {
  AttendeeDistributionDto,
  BilanHeadline,
  BreakdownDimension,
  BreakdownDto,
  OverviewDto,
  PeriodDto,
  PeriodQuery,
  ReportingNationalEditionsDto,
} from '@nec/contracts';
import { VersionedCache } from './reporting.cache.js';

/**
 * The reporting of the submitted bilans (aggregates only: codes, categories, counts, sums) and
 * the open data file. Figures are computed in SQL by the repository with the domain's
 * definitions; the period arithmetic and the comparison come from the domain.
 */
@Injectable()
export class ReportingService {
  private readonly cache = new VersionedCache();

  constructor(
    private readonly repository: ReportingRepository,
    private readonly bilans: BilansRepository,
    private readonly clock: Clock,
  ) {}

  /** The period asked for, completed by the domain's `reportingPeriodOf`; 400 when inverted. */
  resolvePeriod(query: PeriodQuery): PeriodDto {
    const period = reportingPeriodOf(query, toIsoDate(this.clock.now()));
    if (period.from > period.to) {
      throw badRequest('invalid-request', 'Certains champs sont invalides.', [
        {
          path: 'from',
          code: 'period-inverted',
          message: 'Le début de la période ne peut pas être postérieur à sa fin.',
        },
      ]);
    }
    return period;
  }

  async overview(query: PeriodQuery): Promise<OverviewDto> {
    const period = this.resolvePeriod(query);
    const previousPeriod = previousPeriodOf(period);
    return this.cached(`overview:${period.from}:${period.to}`, async () => {
      const [current, previous] = await Promise.all([
        this.repository.headline(period),
        this.repository.headline(previousPeriod),
      ]);
      return {
        period,
        previousPeriod,
        current,
        previous,
        changes: comparePeriods(asAggregate(current), asAggregate(previous)),
      };
    });
  }

  async breakdown(dimension: BreakdownDimension, query: PeriodQuery): Promise<BreakdownDto> {
    return this.cached(
      `breakdown:${dimension}:${query.from ?? ''}:${query.to ?? ''}`,
      async () => ({
        dimension,
        period: openPeriod(query),
        rows: await this.repository.breakdown(dimension, query),
      }),
    );
  }

  /** The domain's `distribution(records, 'attendees', attendeeBucketEdges)`, counted in SQL. */
  async attendeeDistribution(query: PeriodQuery): Promise<AttendeeDistributionDto> {
    const edges = [...attendeeBucketEdges];
    const { byBucket, skipped } = await this.cached(
      `attendees:${query.from ?? ''}:${query.to ?? ''}`,
      () => this.repository.attendeeBuckets(edges, query),
    );
    return {
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

  /** The CSV, line by line (UTF-8, comma, header row named as in the Table Schema). */
  async *openDataCsv(): AsyncGenerator<string> {
    yield `${necLocauxTableSchema.fields.map((field) => csvCell(field.name)).join(',')}\r\n`;
    const names = new Map(listRegions().map((region) => [region.code, region.name]));
    for (const row of await this.repository.openDataRows()) {
      yield `${openDataCells(row, names.get(row.regionCode) ?? '')
        .map(csvCell)
        .join(',')}\r\n`;
    }
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
    byRegion: [],
    byDepartement: [],
    byTheme: [],
    byThemeFamily: [],
    byEventMode: [],
    byPorteurCategory: [],
    byCallKind: [],
  };
}

function openPeriod(query: PeriodQuery): { from: string | null; to: string | null } {
  return { from: query.from ?? null, to: query.to ?? null };
}

/** Whole cents as euros with two decimals and a point, exactly (no floating point). */
function euros(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function openDataCells(row: OpenDataRow, regionName: string): string[] {
  return [
    String(row.year),
    row.regionCode,
    regionName,
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

/** RFC 4180: quoted when it holds a comma, a quote or a line break (quotes doubled). */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
