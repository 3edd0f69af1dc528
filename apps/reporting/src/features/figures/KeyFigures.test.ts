import { mount } from '@vue/test-utils';
import { aggregateBilans, comparePeriods } from '@nec/domain';
import { describe, expect, it } from 'vitest';
import type { OverviewDto } from '@nec/contracts';
import KeyFigures from './KeyFigures.vue';

function overview(currentCount: number, previousCount: number): OverviewDto {
  const empty = aggregateBilans([]);
  const current = { ...empty, count: currentCount };
  const previous = { ...empty, count: previousCount };
  const headline = (a: typeof empty) => ({
    count: a.count,
    totals: a.totals,
    medians: a.medians,
    costPerAttendeeCents: a.costPerAttendeeCents,
    parityRatio: a.parityRatio,
    subsidyPerAttendeeCents: a.subsidyPerAttendeeCents,
    lesBasesShare: a.lesBasesShare,
  });
  return {
    period: { from: '2025-01-01', to: '2025-12-31' },
    previousPeriod: { from: '2024-01-01', to: '2024-12-31' },
    filter: {},
    current: headline(current),
    previous: headline(previous),
    changes: comparePeriods(current, previous),
    provenance: { bilans: currentCount, latestSubmittedAt: null, calls: [] },
  };
}

describe('KeyFigures', () => {
  it('shows each figure with its change against the previous period and its definition', () => {
    const wrapper = mount(KeyFigures, { props: { overview: overview(15, 12) } });
    const events = wrapper.get('[data-figure="events"]');
    expect(events.get('[data-value]').text()).toBe('15');
    expect(events.text()).toContain('+25 %');
    expect(events.get('details').text()).toContain('Bilans transmis');
  });

  it('says why there is no change, without « vs période précédente » after it', () => {
    const wrapper = mount(KeyFigures, { props: { overview: overview(15, 0) } });
    const events = wrapper.get('[data-figure="events"]');
    expect(events.text()).toContain('Aucun événement sur la période précédente');
    expect(events.text()).not.toContain('vs période précédente');
    expect(wrapper.get('[data-figure="parity"]').text()).toContain('Pas de comparaison possible');
    expect(wrapper.get('[data-figure="parity"]').text()).not.toContain('vs période');
  });

  it('leaves the comparison out when asked (the public page, since the first event)', () => {
    const wrapper = mount(KeyFigures, {
      props: { overview: overview(15, 0), compare: false, figures: ['events'] },
    });
    expect(wrapper.findAll('[data-figure]')).toHaveLength(1);
    expect(wrapper.text()).not.toContain('période précédente');
  });

  it('keeps its cards, with no value yet, while the overview is computed', () => {
    const wrapper = mount(KeyFigures, { props: { overview: null, compare: false } });
    expect(wrapper.get('ul').attributes('aria-busy')).toBe('true');
    expect(wrapper.get('[data-figure="events"] [data-value]').text()).toBe('…');
    expect(wrapper.get('[data-figure="events"]').text()).toContain('Définition');
  });
});
