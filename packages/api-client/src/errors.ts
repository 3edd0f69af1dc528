import type { ErrorBody, FieldError } from '@nec/contracts/errors';

/** Field path → the first French message about it (`''` for the form as a whole). */
export type FieldErrors = Record<string, string>;

function fieldErrorsOf(fields: readonly FieldError[]): FieldErrors {
  const byPath: FieldErrors = {};
  for (const f of fields) byPath[f.path] ??= f.message;
  return byPath;
}

/**
 * Any answer of the API that is not a success, in the API's one error shape: a stable `code`,
 * a French `message` to show, and the fields at fault, ready for a form (`fieldErrors`).
 */
export class ApiError extends Error {
  override readonly name: string = 'ApiError';
  readonly code: string;
  readonly fields: readonly FieldError[];
  readonly fieldErrors: FieldErrors;

  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
    this.code = body.error;
    this.fields = body.fields;
    this.fieldErrors = fieldErrorsOf(body.fields);
  }
}

/**
 * 409: the resource changed meanwhile (another tab, another person) or already exists.
 * `current` holds what the server sent about its current state (for a stale draft:
 * `currentVersion` and `content`), so the screen can offer to reload or compare.
 */
export class ConflictError extends ApiError {
  override readonly name: string = 'ConflictError';
  readonly current: Readonly<Record<string, unknown>>;
  /** The version the server holds now, when the conflict is an optimistic lock's. */
  readonly currentVersion: number | null;

  constructor(body: ErrorBody) {
    super(409, body);
    const { error: _code, message: _message, fields: _fields, ...current } = body;
    this.current = current;
    this.currentVersion =
      typeof current.currentVersion === 'number' ? current.currentVersion : null;
  }
}

/** 429: too many attempts; try again after `retryAfterSeconds`. */
export class RateLimitError extends ApiError {
  override readonly name: string = 'RateLimitError';
  constructor(
    body: ErrorBody,
    readonly retryAfterSeconds: number,
  ) {
    super(429, body);
  }
}

/** 401: no session, or it expired: the person must sign in again. */
export class SessionExpiredError extends ApiError {
  override readonly name: string = 'SessionExpiredError';
  constructor(body: ErrorBody) {
    super(401, body);
  }
}

const fallbackMessages: Record<string, string> = {
  network: 'Le serveur est injoignable. Vérifiez votre connexion puis réessayez.',
  'http-error': 'La requête n’a pas abouti. Réessayez plus tard.',
  'unexpected-response': 'La réponse du serveur est inattendue. Réessayez plus tard.',
};

/** An error body made on the client's side (no answer, or one that is not the error shape). */
export const clientErrorBody = (code: keyof typeof fallbackMessages): ErrorBody => ({
  error: code,
  message: fallbackMessages[code] ?? code,
  fields: [],
});

function retryAfterOf(body: ErrorBody, headers: Headers): number {
  const fromBody = body.retryAfterSeconds;
  if (typeof fromBody === 'number' && fromBody > 0) return fromBody;
  const fromHeader = Number(headers.get('Retry-After'));
  return Number.isFinite(fromHeader) && fromHeader > 0 ? fromHeader : 60;
}

/**
 * The typed error for a failed answer. The error shape's schema (and zod) load with the first
 * failure: a page that meets none does not carry them before its first paint.
 */
export async function errorFrom(
  status: number,
  json: unknown,
  headers: Headers,
): Promise<ApiError> {
  const parsed = await import('@nec/contracts/errors').then(
    ({ errorBodySchema }) => errorBodySchema.safeParse(json),
    () => null,
  );
  const body = parsed?.success ? parsed.data : clientErrorBody('http-error');
  if (status === 401) return new SessionExpiredError(body);
  if (status === 409) return new ConflictError(body);
  if (status === 429) return new RateLimitError(body, retryAfterOf(body, headers));
  return new ApiError(status, body);
}
