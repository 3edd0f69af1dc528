/**
 * What may reach the logs. Secrets (passwords and their hashes, tokens, cookies, CSRF tokens) and
 * personal fields (e-mail addresses, names, phone numbers, file names) never do: values under
 * such keys are replaced, wherever they are nested, and text (messages, error messages, stacks)
 * is scrubbed of e-mail addresses, password hashes and long random tokens. Errors are reduced to
 * a fixed set of fields, so a database error never carries its query's parameters nor the row it
 * refused (PostgreSQL's `detail`: "Failing row contains (…)").
 */

export const REDACTED = '[redacted]';

/** Keys whose value is a secret, by substring of the key (lower-cased, without `-`/`_`). */
const SECRET_KEY_PARTS = [
  'password',
  'passwd',
  'secret',
  'token',
  'cookie',
  'csrf',
  'authoriz',
  'hash',
  'jeton',
  'totp',
  'otpcode',
  'recoverycode',
  'apikey',
  'accesskey',
  'privatekey',
  'credential',
];

/** Keys whose value is personal (whole key, lower-cased, without `-`/`_`). */
const PERSONAL_KEYS = new Set([
  'email',
  'emails',
  'emailnormalized',
  'mail',
  'to',
  'cc',
  'bcc',
  'replyto',
  'displayname',
  'firstname',
  'lastname',
  'fullname',
  'givenname',
  'familyname',
  'surname',
  'authorname',
  'assigneename',
  'instructorname',
  'creatorname',
  'contactname',
  'phone',
  'telephone',
  'mobile',
  'address',
  'postaladdress',
  'streetaddress',
  'originalname',
  'filename',
]);

const normalizeKey = (key: string) => key.toLowerCase().replace(/[-_]/g, '');

export function isSensitiveKey(key: string): boolean {
  const k = normalizeKey(key);
  return PERSONAL_KEYS.has(k) || SECRET_KEY_PARTS.some((part) => k.includes(part));
}

const TEXT_RULES: [RegExp, string][] = [
  // scrypt$N$r$p$salt$key (our password hashes), before anything else eats part of it.
  [/scrypt\$[^\s'",)\]}]+/g, '[hash]'],
  // Tokens in URLs (`?jeton=…`, `token=…`).
  [/([?&;](?:jeton|token|code)=)[^&\s'"]+/gi, '$1[secret]'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, '[email]'],
  // Long random strings: our tokens are 43 base64url characters, hashes 64 hex digits. Not a
  // setting's name (`NEC_CLOSED_DOSSIER_FILE_RETENTION_MONTHS`: capitals and at least one
  // underscore, which no random token of that length is, nor a hash).
  [
    /(?<![A-Za-z0-9_-])(?![A-Z]*_[A-Z_]*(?![A-Za-z0-9_-]))[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])/g,
    '[secret]',
  ],
];

/** A message or stack without e-mail addresses, password hashes or tokens. */
export function scrubText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of TEXT_RULES) out = out.replace(pattern, replacement);
  return out;
}

/** What is logged of an error: its type, message, code and stack, scrubbed — nothing else. */
export interface SafeError {
  type: string;
  message: string;
  code?: string | number;
  stack?: string;
  /** Database errors: the statement (never its parameters), and where it failed. */
  query?: string;
  table?: string;
  constraint?: string;
  cause?: SafeError;
}

const QUERY_MAX = 500;

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

const asText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** Works on an Error or on an already serialized one. */
export function safeError(error: unknown, depth = 0): SafeError {
  if (typeof error !== 'object' || error === null) {
    return { type: typeof error, message: scrubText(String(error)) };
  }
  const type =
    asText(field(error, 'type')) ??
    asText(field(error, 'name')) ??
    (error.constructor?.name || 'Error');
  const out: SafeError = { type, message: scrubText(asText(field(error, 'message')) ?? '') };
  const driver = field(error, 'driverError');
  const code = field(error, 'code') ?? field(driver, 'code');
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  const stack = asText(field(error, 'stack'));
  if (stack) out.stack = scrubText(stack);
  const query = asText(field(error, 'query'));
  if (query) out.query = scrubText(query.slice(0, QUERY_MAX));
  const table = asText(field(error, 'table')) ?? asText(field(driver, 'table'));
  if (table) out.table = table;
  const constraint = asText(field(error, 'constraint')) ?? asText(field(driver, 'constraint'));
  if (constraint) out.constraint = constraint;
  const cause = field(error, 'cause');
  if (cause !== undefined && depth < 3) out.cause = safeError(cause, depth + 1);
  return out;
}

const MAX_DEPTH = 6;
const MAX_ITEMS = 50;

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of `value` fit for the logs: sensitive keys replaced, text scrubbed, errors reduced,
 * bytes counted rather than dumped; bounded in depth and length.
 */
export function redactForLog(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Error) return safeError(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return `[${value.byteLength} octets]`;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => redactForLog(item, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`[+${value.length - MAX_ITEMS}]`);
    return items;
  }
  if (!isPlainObject(value)) return `[${value.constructor?.name ?? 'object'}]`;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSensitiveKey(key) ? REDACTED : redactForLog(item, depth + 1);
  }
  return out;
}

/** Query parameters whose values are logged; any other value is masked. */
const LOGGED_QUERY_KEYS = new Set([
  'page',
  'pageSize',
  'year',
  'from',
  'to',
  'format',
  'sort',
  'order',
  'state',
  'states',
  'kind',
  'campaignId',
  'organisationId',
  'dossierId',
  'actorId',
  'action',
  'subjectType',
  'subjectId',
  'region',
  'departement',
  'edition',
]);

/** The request's path, with the values of its query string masked but for the known filters. */
export function loggablePath(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return scrubText(url);
  const path = url.slice(0, at);
  const params = new URLSearchParams(url.slice(at + 1));
  const parts: string[] = [];
  for (const [key, value] of params) {
    const shown = LOGGED_QUERY_KEYS.has(key) ? scrubText(value) : '…';
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(shown)}`);
  }
  return `${scrubText(path)}?${parts.join('&')}`;
}
