import { bucketLabel, type BreakdownRow } from '@nec/domain';
import type { EChartsCoreOption } from 'echarts/core';
import type {
  BreakdownDimension,
  DistributionDto,
  ReportingNationalEditionsDto,
} from '@nec/contracts';
import { formatEuros, formatInteger, keyLabel } from '../labels/labels.js';
import type { DataTable } from './data-table.js';

/** What a breakdown or the map is measured by. */
export const metrics = {
  count: {
    label: 'Événements',
    value: (row: BreakdownRow<string | number>) => row.count,
    format: formatInteger,
  },
  attendees: {
    label: 'Personnes présentes',
    value: (row: BreakdownRow<string | number>) => row.attendees,
    format: formatInteger,
  },
  subsidyCents: {
    label: 'Subventions de l’ANCT',
    value: (row: BreakdownRow<string | number>) => row.subsidyCents,
    format: formatEuros,
  },
} as const;
export type Metric = keyof typeof metrics;

/** DSFR's blue France and an illustrative palette: bars carry their value as a label too. */
export const palette = ['#000091', '#6a6af4', '#009081', '#c3992a', '#ce614a', '#a558a0'];

const axisLabel = { color: '#3a3a3a', fontFamily: 'Marianne, arial, sans-serif' };
const integerLabel = ({ value }: { value: number }) => formatInteger(value);
/** Values in French (« 6 000 », not « 6,000 »). */
const valueAxisLabel = { ...axisLabel, formatter: (value: number) => formatInteger(value) };

/** ECharts' media query for a phone: the chart's own box at most 480 px wide. */
export const phoneQuery = { maxWidth: 480 } as const;

/** Months and years read left to right, as a line; every other breakdown is horizontal bars. */
export const isTimeline = (dimension: BreakdownDimension): boolean =>
  dimension === 'month' || dimension === 'year';

/**
 * Every month from the first to the last one with an event, those without any at 0: the API
 * gives only the months that have some, and a line drawn through those alone never went down
 * to 0 (two events in March and two in June read as two every month).
 */
export function monthPoints(
  rows: readonly BreakdownRow<string | number>[],
  value: (row: BreakdownRow<string | number>) => number,
): { key: string; value: number }[] {
  const byMonth = new Map(rows.map((row) => [String(row.key), value(row)]));
  const months = [...byMonth.keys()].sort();
  const [first, last] = [months[0], months.at(-1)];
  if (!first || !last) return [];
  const points: { key: string; value: number }[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let key = first; key <= last;) {
    points.push({ key, value: byMonth.get(key) ?? 0 });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    key = `${year}-${String(month).padStart(2, '0')}`;
  }
  return points;
}

/** A horizontal bar per key (sorted as the API gives them), with the value written at its end. */
export function breakdownOption(
  dimension: BreakdownDimension,
  rows: readonly BreakdownRow<string | number>[],
  metric: Metric,
  title: string,
): EChartsCoreOption {
  const { value, format } = metrics[metric];
  const vertical = isTimeline(dimension);
  const points =
    dimension === 'month'
      ? monthPoints(rows, value)
      : rows.map((row) => ({ key: row.key, value: value(row) }));
  const categories = points.map((point) => keyLabel(dimension, point.key));
  const data = points.map((point) => (metric === 'subsidyCents' ? point.value / 100 : point.value));
  // Long names (« Hybride (sur place et en ligne) ») wrap rather than lose their end.
  const categoryAxis = {
    type: 'category',
    data: categories,
    axisLabel: { ...axisLabel, width: 160, overflow: 'break', lineHeight: 14 },
  };
  const valueAxis = { type: 'value', axisLabel: valueAxisLabel };
  const valueText = (v: number) =>
    metric === 'subsidyCents' ? formatEuros(v * 100) : formatInteger(v);
  return {
    aria: {
      enabled: true,
      label: {
        description: `${title} : ${rows.map((row, i) => `${categories[i]}, ${format(value(row))}`).join(' ; ')}.`,
      },
    },
    color: palette,
    grid: { left: vertical ? 48 : 170, right: 48, top: 16, bottom: vertical ? 48 : 24 },
    tooltip: { trigger: 'axis', valueFormatter: valueText },
    xAxis: vertical ? categoryAxis : valueAxis,
    yAxis: vertical ? valueAxis : { ...categoryAxis, inverse: true },
    series: [
      {
        type: vertical ? 'line' : 'bar',
        name: metrics[metric].label,
        data,
        barMaxWidth: 40,
        // Dozens of months: a dot on a few of them only (ECharts' choice) read as marks of
        // something; the line alone, each month's value in the tooltip and the table.
        showSymbol: !vertical || points.length <= 24,
        label: {
          show: !vertical,
          position: 'right',
          formatter: ({ value: v }: { value: number }) => valueText(v),
        },
      },
    ],
    media: vertical ? [] : [narrowBars(valueText)],
  };
}

/**
 * Horizontal bars on a phone: beside 160 px of names, the bars had 30 px and the value axis's
 * figures overlapped. Each bar takes the whole width with its name and value written above it;
 * the value axis goes (every value is written). The chart grows with its rows (reporting.css).
 */
function narrowBars(valueText: (value: number) => string) {
  return {
    query: phoneQuery,
    option: {
      grid: { left: 4, right: 16, top: 20, bottom: 4 },
      xAxis: { axisLabel: { show: false } },
      yAxis: { axisLabel: { show: false }, axisTick: { show: false } },
      series: [
        {
          // Room above each bar for its name on two lines (a 320 px screen leaves 240 px).
          barCategoryGap: '55%',
          label: {
            ...axisLabel,
            width: 240,
            overflow: 'break',
            lineHeight: 14,
            position: [0, -4],
            align: 'left',
            verticalAlign: 'bottom',
            formatter: ({ name, value }: { name: string; value: number }) =>
              `${name} : ${valueText(value)}`,
          },
        },
      ],
    },
  };
}

export function breakdownTable(
  dimension: BreakdownDimension,
  rows: readonly BreakdownRow<string | number>[],
  caption: string,
): DataTable {
  return {
    caption,
    headers: ['', 'Événements', 'Personnes présentes', 'Subventions', 'Coût par personne'],
    rows: rows.map((row) => [
      keyLabel(dimension, row.key),
      formatInteger(row.count),
      formatInteger(row.attendees),
      formatEuros(row.subsidyCents),
      formatEuros(row.costPerAttendeeCents),
    ]),
  };
}

/** A histogram: one bar per bucket, with its count written on it. */
export function distributionOption(
  distribution: DistributionDto,
  format: (value: number) => string,
  title: string,
): EChartsCoreOption {
  const labels = distribution.buckets.map((bucket) => bucketText(bucket, format));
  return {
    aria: {
      enabled: true,
      label: {
        description: `${title} : ${labels.map((label, i) => `${label}, ${distribution.buckets[i]?.count ?? 0} événements`).join(' ; ')}.`,
      },
    },
    color: palette.slice(1),
    grid: { left: 48, right: 16, top: 24, bottom: 64 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, axisLabel: { ...axisLabel, interval: 0, rotate: 20 } },
    yAxis: { type: 'value', axisLabel: valueAxisLabel },
    series: [
      {
        type: 'bar',
        name: 'Événements',
        data: distribution.buckets.map((b) => b.count),
        label: { show: true, position: 'top', formatter: integerLabel },
      },
    ],
    // On a phone, slanted « 5 000 € à 10 000 € » overlapped their neighbours: they stand upright.
    media: [
      {
        query: phoneQuery,
        option: { grid: { left: 40, bottom: 136 }, xAxis: { axisLabel: { rotate: 90 } } },
      },
    ],
  };
}

export function bucketText(
  bucket: DistributionDto['buckets'][number],
  format: (value: number) => string,
): string {
  if (format === formatInteger) return bucketLabel(bucket);
  return bucket.to === null
    ? `${format(bucket.from)} et plus`
    : `${format(bucket.from)} à ${format(bucket.to)}`;
}

export function distributionTable(
  distribution: DistributionDto,
  format: (value: number) => string,
  caption: string,
): DataTable {
  return {
    caption,
    headers: ['Tranche', 'Événements'],
    rows: [
      ...distribution.buckets.map((bucket) => [
        bucketText(bucket, format),
        formatInteger(bucket.count),
      ]),
      ['Sans valeur (non déclarée ou sans public)', formatInteger(distribution.skipped)],
    ],
  };
}

type Edition = ReportingNationalEditionsDto['editions'][number];

/** The title of the national editions' chart (its skeleton has it too). */
export const editionsTitle = 'Public des éditions nationales, sur place et en ligne';

/**
 * The national editions side by side: people present on site and people following online, as
 * two series — the 2020 edition, online only, shows its online audience, never « 0 present ».
 */
export function editionsOption(editions: readonly Edition[]): EChartsCoreOption {
  const years = editions.map((e) => `${e.year} · ${e.city}`);
  return {
    aria: {
      enabled: true,
      label: {
        description: `Éditions nationales : ${editions
          .map(
            (e) =>
              `${e.year} à ${e.city}, ${e.online ? 'en ligne' : `${formatInteger(e.present)} personnes présentes`}, ${formatInteger(e.onlineViewers)} en ligne`,
          )
          .join(' ; ')}.`,
      },
    },
    color: [palette[0] ?? '#000091', palette[2] ?? '#009081'],
    // The legend above the bars: below, it met the slanted year labels on a phone, where it
    // takes two lines (room is kept for them).
    legend: { top: 0, left: 0 },
    grid: { left: 56, right: 16, top: 72, bottom: 80 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: years, axisLabel: { ...axisLabel, interval: 0, rotate: 30 } },
    yAxis: { type: 'value', axisLabel: valueAxisLabel },
    series: [
      // `null` (not published, or online only) draws no bar: absent, not zero.
      {
        type: 'bar',
        name: 'Personnes présentes sur place',
        data: editions.map((e) => (e.online ? null : e.present)),
        label: { show: true, position: 'top', formatter: integerLabel },
      },
      {
        type: 'bar',
        name: 'Personnes ayant suivi en ligne',
        data: editions.map((e) => e.onlineViewers),
        label: { show: true, position: 'top', formatter: integerLabel },
      },
    ],
    // On a phone, seven editions side by side leave no room for slanted names and figures over
    // the bars: the names stand upright, the figures stay in the tooltip and the data table.
    media: [
      {
        query: phoneQuery,
        option: {
          grid: { bottom: 120 },
          xAxis: { axisLabel: { rotate: 90 } },
          series: [{ label: { show: false } }, { label: { show: false } }],
        },
      },
    ],
  };
}

export function editionsTable(editions: readonly Edition[]): DataTable {
  const figure = (value: number | null) => (value === null ? 'non publié' : formatInteger(value));
  return {
    caption: 'Les éditions nationales de Numérique en Commun[s]',
    headers: ['Année', 'Ville', 'Présent·es sur place', 'Intervenant·es', 'Suivi en ligne', 'Pays'],
    rows: editions.map((e) => [
      e.year,
      e.online ? `${e.city} (en ligne)` : e.city,
      e.online ? 'sans objet : édition en ligne' : figure(e.present),
      figure(e.speakers ?? e.contributors),
      figure(e.onlineViewers),
      figure(e.countries),
    ]),
  };
}
