import { nationalEditions } from '@nec/domain';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from './data-table.js';
import {
  breakdownOption,
  breakdownTable,
  editionsOption,
  editionsTable,
  monthPoints,
} from './options.js';

const row = (key: string, count: number) => ({
  key,
  count,
  attendees: count * 100,
  structures: 0,
  speakers: 0,
  womenSpeakers: 0,
  speakersWithKnownGender: 0,
  workshops: 0,
  discoveryStands: 0,
  expensesCents: 0,
  subsidyCents: count * 250_000,
  allMalePanelEvents: 0,
  lesBasesEvents: 0,
  costPerAttendeeCents: null,
  parityRatio: null,
  subsidyPerAttendeeCents: null,
  lesBasesShare: null,
});

describe('chart options and their tables', () => {
  it('shows the online 2020 edition by its online audience, never as 0 present', () => {
    const editions = [...nationalEditions].sort((a, b) => a.year - b.year);
    const online = editions.findIndex((e) => e.online);
    expect(online).toBeGreaterThanOrEqual(0);
    const option = editionsOption(editions) as { series: { data: (number | null)[] }[] };
    expect(option.series[0]?.data[online]).toBeNull();
    expect(option.series[1]?.data[online]).toBe(editions[online]?.onlineViewers);
    expect(editionsTable(editions).rows[online]?.[2]).toBe('sans objet : édition en ligne');
  });

  it('puts the same figures in the data table as in the chart, keys in words', () => {
    const table = breakdownTable(
      'event-mode',
      [row('online', 3), row('in-person', 12)],
      'Par format',
    );
    // French number formatting uses narrow no-break spaces: compared as plain spaces.
    const plain = (text: string | number) => String(text).replace(/\s/gu, ' ');
    expect(table.rows.map((cells) => cells.map(plain))).toEqual([
      ['Entièrement en ligne', '3', '300', '7 500 €', '—'],
      ['Sur place', '12', '1 200', '30 000 €', '—'],
    ]);
    expect(plain(tableToCsv(table).split('\r\n')[1] ?? '')).toBe(
      'Entièrement en ligne,3,300,7 500 €,—',
    );
  });

  it('writes each name and value above its bar on a phone, and never cuts a name short', () => {
    type Label = { formatter: (p: { name: string; value: number }) => string; overflow: string };
    type Option = {
      yAxis: { axisLabel: { overflow: string } };
      media: { query: { maxWidth: number }; option: { series: { label: Label }[] } }[];
    };
    const rows = [row('hybrid', 28), row('in-person', 83)];
    const option = breakdownOption('event-mode', rows, 'subsidyCents', 'Par format') as Option;
    expect(option.yAxis.axisLabel.overflow).toBe('break');
    const phone = option.media.find((rule) => rule.query.maxWidth <= 480);
    const label = phone?.option.series[0]?.label;
    expect(label?.overflow).toBe('break');
    const text = label?.formatter({ name: 'Hybride (sur place et en ligne)', value: 70_000 });
    expect(text?.replace(/\s/gu, ' ')).toBe('Hybride (sur place et en ligne) : 70 000 €');
    // A timeline keeps its line and its axes.
    expect(
      (breakdownOption('month', [row('2026-03', 4)], 'count', 'Par mois') as Option).media,
    ).toEqual([]);
  });

  it('draws the months without an event at 0, from the first month to the last', () => {
    const rows = [row('2025-11', 2), row('2026-02', 3), row('2025-12', 1)];
    expect(monthPoints(rows, (r) => r.count)).toEqual([
      { key: '2025-11', value: 2 },
      { key: '2025-12', value: 1 },
      { key: '2026-01', value: 0 },
      { key: '2026-02', value: 3 },
    ]);
    expect(monthPoints([], (r) => r.count)).toEqual([]);
    const option = breakdownOption('month', rows, 'count', 'Par mois') as {
      series: { data: number[] }[];
    };
    expect(option.series[0]?.data).toEqual([2, 1, 0, 3]);
  });
});
