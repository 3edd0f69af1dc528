import { nationalEditions } from '@nec/domain';
import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import EditionsChart from './EditionsChart.vue';

// ECharts itself is not drawn here (no layout in happy-dom).
vi.mock('../charts/EChart.vue', () => ({
  default: defineComponent({ setup: () => () => h('p', 'drawn') }),
}));

describe('EditionsChart', () => {
  it('says under the chart which editions have no bar, and why', () => {
    const chart = mount(EditionsChart, { props: { editions: [...nationalEditions] } });
    const notes = chart.findAll('.rep-panel > p.fr-text--sm').map((p) => p.text());
    expect(notes).toContain(
      'L’édition 2020 s’est tenue entièrement en ligne : elle n’a pas de public sur place, seulement son audience en ligne.',
    );
    expect(notes).toContain(
      'Les chiffres de l’édition 2024 (Chambéry) ne sont pas encore publiés : elle figure sans barre.',
    );
    expect(notes.join(' ')).not.toContain('2023');
  });
});
