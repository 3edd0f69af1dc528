import { type ReportingQuery, reportingPeriodOf, toIsoDate } from '@nec/domain';
import { computed, type Ref } from 'vue';
import type { BreakdownDimension, DistributionName } from '@nec/contracts';
import { useAsync } from '@nec/ui';
import { api } from '../../api/index.js';
import type { MapLevel } from '../map/territories.js';

/** The breakdowns the dashboard draws, with their titles. */
export const dashboardBreakdowns: { dimension: BreakdownDimension; title: string }[] = [
  { dimension: 'theme', title: 'Événements par thème' },
  { dimension: 'theme-family', title: 'Événements par famille de thèmes' },
  { dimension: 'event-mode', title: 'Événements par format' },
  { dimension: 'porteur-category', title: 'Événements par catégorie de porteur' },
  { dimension: 'call-kind', title: 'Événements par appel' },
  { dimension: 'month', title: 'Événements par mois' },
];

export const dashboardDistributions: { figure: DistributionName; title: string }[] = [
  { figure: 'attendees', title: 'Répartition des événements par public' },
  { figure: 'expenses', title: 'Répartition des événements par budget réalisé' },
  { figure: 'cost-per-attendee', title: 'Répartition par coût par personne présente' },
];

/** Everything the dashboard shows for a query, reloaded when the URL's filters change. */
export function useDashboard(asked: Ref<ReportingQuery>, level: Ref<MapLevel>) {
  // Every view of the page covers the same period: the domain's rule (the last twelve months
  // when none is given), resolved here rather than left open for the breakdowns.
  const query = computed(() => ({
    ...asked.value,
    ...reportingPeriodOf(asked.value, toIsoDate(new Date())),
  }));
  const overview = useAsync((signal) => api.reporting.overview({ query: query.value, signal }), {
    watch: query,
  });
  const map = useAsync(
    (signal) =>
      api.reporting.breakdown({ params: { dimension: level.value }, query: query.value, signal }),
    { watch: () => [query.value, level.value] },
  );
  const breakdowns = useAsync(
    (signal) =>
      Promise.all(
        dashboardBreakdowns.map(async (b) => ({
          ...b,
          data: await api.reporting.breakdown({
            params: { dimension: b.dimension },
            query: query.value,
            signal,
          }),
        })),
      ),
    { watch: query },
  );
  const distributions = useAsync(
    (signal) =>
      Promise.all(
        dashboardDistributions.map(async (d) => ({
          ...d,
          data: await api.reporting.distribution({
            params: { figure: d.figure },
            query: query.value,
            signal,
          }),
        })),
      ),
    { watch: query },
  );
  return { query, overview, map, breakdowns, distributions };
}
