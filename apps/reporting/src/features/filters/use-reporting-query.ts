import type { ReportingQuery } from '@nec/domain';
import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { queryFromRoute, routeFromQuery } from './query.js';

/**
 * The dashboard's filters live in the URL: a view can be bookmarked and shared, and back /
 * forward walk through the filters. Every change is a navigation (`router.push`).
 */
export function useReportingQuery() {
  const route = useRoute();
  const router = useRouter();
  const query = computed(() => queryFromRoute(route.query));
  function update(next: ReportingQuery): Promise<unknown> {
    return router.push({ path: route.path, query: routeFromQuery(next) });
  }
  return { query, update };
}
