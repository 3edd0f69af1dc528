/**
 * The one door to the API for the reporting app: every call of the screens goes through
 * `reportingApi`, on the page's own origin (the session cookie rides along; `/api` is proxied by
 * Vite in dev and preview). Shaped like `@nec/api-client` (calls grouped by feature, typed
 * answers, `ApiError`), so switching to it is a change of this file only.
 */
import type { ReportingQueryInput } from '@nec/domain';
import type {
  BreakdownDimension,
  BreakdownDto,
  DistributionDto,
  DistributionName,
  EventBilanDto,
  EventsPageDto,
  OverviewDto,
  ReportingNationalEditionsDto,
} from './types.js';

/** The API's one error shape, as an exception. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Query = Record<string, string | readonly string[] | undefined>;

/** `a=1&b=x,y`: lists joined by commas, empty values left out. */
export function toSearch(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const text = Array.isArray(value) ? value.join(',') : (value as string | undefined);
    if (text !== undefined && text !== '') params.set(key, text);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
    ...init,
  });
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const error = (body ?? {}) as { error?: string; code?: string; message?: string };
    throw new ApiError(
      res.status,
      error.error ?? error.code ?? 'http-error',
      error.message ?? 'Le service ne répond pas comme prévu. Réessayez dans un instant.',
    );
  }
  return body as T;
}

type Period = { from?: string | undefined; to?: string | undefined };
export type Session = {
  user: { id: string; email: string; displayName: string; role: string };
  csrfToken: string;
};

export const reportingApi = {
  reporting: {
    overview: (query: ReportingQueryInput) =>
      request<OverviewDto>(`/api/reporting/overview${toSearch(query)}`),
    breakdown: (dimension: BreakdownDimension, query: ReportingQueryInput) =>
      request<BreakdownDto>(`/api/reporting/breakdowns/${dimension}${toSearch(query)}`),
    distribution: (figure: DistributionName, query: ReportingQueryInput) =>
      request<DistributionDto>(`/api/reporting/distributions/${figure}${toSearch(query)}`),
    events: (query: ReportingQueryInput, page: { limit: number; offset: number }) =>
      request<EventsPageDto>(
        `/api/reporting/events${toSearch({ ...(query as Query), limit: String(page.limit), offset: String(page.offset) })}`,
      ),
    event: (id: string) =>
      request<EventBilanDto>(`/api/reporting/events/${encodeURIComponent(id)}`),
    nationalEditions: () =>
      request<ReportingNationalEditionsDto>('/api/reporting/national-editions'),
  },
  public: {
    overview: (period: Period) =>
      request<OverviewDto>(`/api/public/reporting/overview${toSearch(period)}`),
    breakdown: (dimension: 'region' | 'departement', period: Period) =>
      request<BreakdownDto>(`/api/public/reporting/breakdowns/${dimension}${toSearch(period)}`),
    nationalEditions: () =>
      request<ReportingNationalEditionsDto>('/api/public/reporting/national-editions'),
  },
  auth: {
    session: () => request<Session>('/api/auth/session'),
    signIn: (email: string, password: string) =>
      request<Session>('/api/auth/sign-in', {
        method: 'POST',
        body: JSON.stringify({ email, password }),
      }),
  },
  /** Files the analyst downloads (links, not fetched by the app). */
  files: {
    openDataCsv: '/api/open-data/nec-locaux.csv',
    openDataSchema: '/api/open-data/nec-locaux.schema.json',
  },
};
