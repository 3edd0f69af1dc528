import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import ChartFrame from './ChartFrame.vue';
import { lazyChart, type ChartHandle } from './lazy.js';

// ECharts itself is not drawn here (no layout in happy-dom): a stand-in with the same handle.
vi.mock('./EChart.vue', () => ({ default: drawn('echarts') }));

function drawn(text: string) {
  return defineComponent({
    setup(_props, { expose }) {
      expose({ svgUrl: () => 'data:image/svg+xml,', size: () => ({ width: 1, height: 1 }) });
      return () => h('p', { class: 'drawn' }, text);
    },
  }) as unknown as ChartHandle;
}

const table = {
  caption: 'Événements par année',
  headers: ['Année', 'Événements'],
  rows: [[2025, 12]],
};

/** A loader the test settles by hand. */
function deferred() {
  let settle: { resolve: (c: { default: ReturnType<typeof drawn> }) => void; reject: () => void };
  const promise = new Promise<{ default: ReturnType<typeof drawn> }>((resolve, reject) => {
    settle = { resolve, reject: () => reject(new Error('chunk')) };
  });
  return { promise, settle: settle! };
}

describe('ChartFrame', () => {
  it('shows its title and its table at once, the drawing when ECharts’ chunk arrives', async () => {
    const frame = mount(ChartFrame, { props: { title: 'Par année', option: {}, table } });
    expect(frame.find('h3').text()).toBe('Par année');
    expect(frame.find('caption').text()).toBe('Événements par année');
    expect(frame.find('td').text()).toBe('2025');
    expect(frame.find('.rep-chart .rep-chart-placeholder').exists()).toBe(true);
    const downloads = frame.findAll('button').filter((b) => b.text().startsWith('Télécharger'));
    expect(downloads.map((b) => b.attributes('disabled'))).toEqual(['', '']);

    await vi.dynamicImportSettled();
    await flushPromises();
    expect(frame.find('.rep-chart .drawn').text()).toBe('echarts');
    expect(frame.find('.rep-chart-placeholder').exists()).toBe(false);
    expect(downloads.map((b) => b.attributes('disabled'))).toEqual([undefined, undefined]);
  });

  it('draws through its slot, which binds the handle the downloads use', async () => {
    const Lazy = lazyChart(() => Promise.resolve({ default: drawn('carte') }));
    const frame = mount(ChartFrame, {
      props: { title: 'Carte', table, size: 'map' },
      slots: { chart: ({ setHandle }) => h(Lazy, { ref: setHandle }) },
    });
    await flushPromises();
    expect(frame.find('.rep-map .drawn').text()).toBe('carte');
    expect(frame.find('button[disabled]').exists()).toBe(false);
  });

  it('offers no download while the chart’s chunk loads, though Vue hands its ref to the placeholder', async () => {
    const { promise, settle } = deferred();
    const Lazy = lazyChart(() => promise);
    const frame = mount(ChartFrame, {
      props: { title: 'Carte', table, size: 'map' },
      slots: { chart: ({ setHandle }) => h(Lazy, { ref: setHandle }) },
    });
    const downloads = () =>
      frame.findAll('button').filter((b) => b.text().startsWith('Télécharger'));
    await flushPromises();
    expect(frame.find('.rep-map .rep-chart-placeholder').exists()).toBe(true);
    expect(downloads().map((b) => b.attributes('disabled'))).toEqual(['', '']);
    settle.resolve({ default: drawn('carte') });
    await flushPromises();
    expect(downloads().map((b) => b.attributes('disabled'))).toEqual([undefined, undefined]);
  });
});

describe('lazyChart', () => {
  it('holds the chart’s place while its chunk loads, then shows the chart', async () => {
    const { promise, settle } = deferred();
    const Lazy = lazyChart(() => promise);
    const chart = mount(() => h('div', h(Lazy)));
    await flushPromises();
    expect(chart.text()).toBe('Chargement du graphique…');
    settle.resolve({ default: drawn('prêt') });
    await flushPromises();
    expect(chart.text()).toBe('prêt');
  });

  it('tries again, then says the chart could not be loaded and how to get it', async () => {
    // Vue reports the failed load on the console; the test needs only what the visitor sees.
    const quiet = ['warn', 'error'].map((level) =>
      vi.spyOn(console, level as 'warn' | 'error').mockImplementation(() => undefined),
    );
    vi.useFakeTimers();
    const loader = vi.fn(() => Promise.reject(new Error('chunk')));
    const Lazy = lazyChart(loader);
    const chart = mount(() => h('div', h(Lazy)));
    for (let i = 0; i < 3; i++) {
      await flushPromises();
      await vi.runAllTimersAsync();
    }
    vi.useRealTimers();
    await flushPromises();
    expect(loader).toHaveBeenCalledTimes(3);
    expect(chart.find('.fr-alert--error').text()).toContain('n’a pas pu être chargé');
    expect(chart.find('button').text()).toBe('Recharger la page');
    quiet.forEach((spy) => spy.mockRestore());
  });
});
