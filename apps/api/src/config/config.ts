import { z } from 'zod';
import { defaultUploadMaxBytes } from '@nec/domain';

/**
 * The API's configuration, parsed once from the environment at start-up. Nothing else in the
 * API reads `process.env`: a bad value stops the process with a clear message (fail fast).
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Logs, abuse limits, files and documentation (issue 13): see docs/security.md. */
const securitySettings = {
  /** Level of the JSON logs; by default `error` in tests and `info` elsewhere. */
  NEC_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** The OpenAPI UI at /api/docs (the JSON document stays served); off by default in production. */
  NEC_OPENAPI_UI: booleanFromEnv.optional(),
  /** Writes (POST, PUT, PATCH, DELETE) allowed per signed-in account and minute. */
  NEC_WRITE_RATE_LIMIT: count(120),
  /** Organisations an account may create. */
  NEC_QUOTA_ORGANISATIONS: count(10),
  /** Dossiers an account may create over 12 rolling months. */
  NEC_QUOTA_DOSSIERS_PER_YEAR: count(50),
  /** Documents one dossier may hold. */
  NEC_QUOTA_ATTACHMENTS_PER_DOSSIER: count(40),
  /** Messages an account may send per hour (exchanges on dossiers). */
  NEC_QUOTA_MESSAGES_PER_HOUR: count(30),
  /** Invitations one organisation may have waiting for an answer. */
  NEC_QUOTA_PENDING_INVITATIONS: count(30),
  /** Requests to join an organisation one account may have waiting for an answer. */
  NEC_QUOTA_PENDING_JOIN_REQUESTS: count(5),
  /** Office documents (zip containers): total declared uncompressed size, in bytes. */
  NEC_ARCHIVE_MAX_UNCOMPRESSED_BYTES: count(100 * 1024 * 1024),
  /** Office documents: largest ratio of uncompressed to compressed size (whole file). */
  NEC_ARCHIVE_MAX_RATIO: count(100),
  /** Office documents: most entries in the container. */
  NEC_ARCHIVE_MAX_ENTRIES: count(5_000),
  /** PDF documents: most pages. */
  NEC_PDF_MAX_PAGES: count(300),
  /** Days a spent or expired session or link is kept before the daily purge deletes it. */
  NEC_TOKEN_RETENTION_DAYS: count(7),
  /**
   * Months a draft left with no member (every member deleted their account) is kept without
   * change before the daily purge deletes it with its files (docs/data.md).
   */
  NEC_ORPHAN_DRAFT_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /**
   * Months the documents of a closed dossier (refused, withdrawn, or closed after its report)
   * are kept before the daily purge deletes their files (docs/data.md). Unset: kept without
   * limit — the archive duration of grant files is the ANCT's to set.
   */
  NEC_CLOSED_DOSSIER_FILE_RETENTION_MONTHS: z.coerce.number().int().min(12).max(360).optional(),
  /** Days an answered, withdrawn or lapsed invitation or request to join is kept, then purged. */
  NEC_MEMBERSHIP_REQUEST_RETENTION_DAYS: count(30),
};

/** scrypt's production cost (log2 N) for password hashes; see `NEC_PASSWORD_SCRYPT_COST`. */
export const DEFAULT_SCRYPT_COST = 15;

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** PostgreSQL connection string; when absent the API runs on the embedded database. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  NEC_DATA_DIR: z.string().default('.data/pglite'),
  /** Public address of the applicant portal, used in e-mail links. */
  NEC_PORTAL_URL: z.url().default('http://localhost:5173'),
  /** Comma-separated origins allowed to call the API with credentials. */
  NEC_CORS_ORIGINS: z.string().default('http://localhost:5173,http://localhost:5174'),
  /** Cookies are `Secure` everywhere but plain-HTTP local development. */
  NEC_COOKIE_SECURE: booleanFromEnv.optional(),
  NEC_SESSION_TTL_HOURS: z.coerce.number().int().positive().default(12),
  /** A session unused this long is over (agents read every dossier: a shorter leash). */
  NEC_IDLE_TIMEOUT_AGENT_MINUTES: z.coerce.number().int().min(1).max(525_600).default(30),
  NEC_IDLE_TIMEOUT_APPLICANT_MINUTES: z.coerce.number().int().min(1).max(525_600).default(120),
  /** Agents sign in with a second factor (TOTP). Only a demo or a test may turn it off. */
  NEC_MFA_REQUIRED_FOR_AGENTS: booleanFromEnv.default(true),
  /** Name shown in authenticator apps beside the account (TOTP issuer). */
  NEC_MFA_ISSUER: z.string().min(1).max(60).default('Numérique en Commun[s]'),
  /**
   * Production refuses to start without PostgreSQL, an SMTP server and a file scanner; each
   * waiver below lifts one refusal, on purpose and by name, and is logged at start-up.
   */
  NEC_WAIVE_POSTGRES: booleanFromEnv.default(false),
  NEC_WAIVE_SMTP: booleanFromEnv.default(false),
  NEC_WAIVE_SCANNER: booleanFromEnv.default(false),
  NEC_TRUST_PROXY: booleanFromEnv.default(false),
  /** SMTP server (`smtp://user:pass@host:port`); when absent mail goes to the outbox folder. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  NEC_MAIL_FROM: z.string().default('Numérique en Commun[s] <ne-pas-repondre@nec.example>'),
  NEC_OUTBOX_DIR: z.string().default('.outbox'),
  /** Where people write about the service (questions, accessibility): on the legal pages. */
  NEC_CONTACT_EMAIL: z.email().optional(),
  /** The ANCT's data protection officer, for people's data rights: on the privacy page. */
  NEC_DPO_EMAIL: z.email().optional(),
  /**
   * Per client address and minute: failed sign-ins allowed (successes do not count), and
   * requests allowed on sign-up and password reset.
   */
  NEC_AUTH_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /**
   * scrypt's cost for new password hashes, as log2(N): 15 (N = 32,768, ~120 ms on our machines).
   * Never lower in production; the tests lower it where hashing is not what they test.
   */
  NEC_PASSWORD_SCRYPT_COST: z.coerce.number().int().min(10).max(20).default(DEFAULT_SCRYPT_COST),
  /** Failed sign-ins allowed per account within the window below (then 429 until it passes). */
  NEC_SIGNIN_ACCOUNT_LIMIT: z.coerce.number().int().positive().default(5),
  NEC_SIGNIN_ACCOUNT_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  NEC_BODY_LIMIT: z.string().default('1mb'),
  /** Months the audit trail is kept (CNIL: 6 to 12 months for access logs); older entries are purged daily. */
  NEC_AUDIT_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  NEC_LOG_SQL: booleanFromEnv.default(false),
  /** Attachments (feature `attachments`): largest file accepted, in bytes (the domain's 10 MB by default). */
  NEC_UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(defaultUploadMaxBytes),
  /** Folder of the stored files when no S3 bucket is configured. */
  NEC_ATTACHMENTS_DIR: z.string().default('.data/attachments'),
  /** S3 (or S3-compatible) storage of the files: used when a bucket is named. */
  NEC_S3_BUCKET: z.string().min(1).optional(),
  NEC_S3_ENDPOINT: z.url().optional(),
  NEC_S3_REGION: z.string().min(1).optional(),
  NEC_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  NEC_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** clamd daemon scanning uploaded files (`tcp://host:3310`); without it no scan is made. */
  NEC_CLAMD_URL: z.url({ protocol: /^tcp$/ }).optional(),
  /**
   * Graceful shutdown (SIGTERM, SIGINT): how long in-flight requests may take to finish before
   * the process exits anyway. Under a container's 10 s grace period by default.
   */
  NEC_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(8_000),
  /**
   * The process kills itself when its main thread has been stuck this long (0 disables): see
   * server/watchdog.ts. Far above any legitimate synchronous work (an export takes < 1 s).
   */
  NEC_STALL_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
  /** Longest time a client may take to send a whole request (headers and body). */
  NEC_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  /** Longest time a client may take to send the request's headers. */
  NEC_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(10_000),
  /** How long an idle kept-alive connection stays open (below a proxy's own idle timeout). */
  NEC_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  ...securitySettings,
});

export type AppConfig = z.infer<typeof configSchema> & { cookieSecure: boolean };

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  if (config.NEC_HEADERS_TIMEOUT_MS > config.NEC_REQUEST_TIMEOUT_MS) {
    throw new Error(
      'Invalid configuration:\n  - NEC_HEADERS_TIMEOUT_MS: must not exceed NEC_REQUEST_TIMEOUT_MS',
    );
  }
  const missing = productionGaps(config);
  if (missing.length > 0) {
    throw new Error(`Invalid configuration:\n${missing.map((m) => `  - ${m}`).join('\n')}`);
  }
  return { ...config, cookieSecure: config.NEC_COOKIE_SECURE ?? config.NODE_ENV === 'production' };
}

type ParsedConfig = z.infer<typeof configSchema>;

/** What production lacks and has not waived (empty outside production). */
function productionGaps(config: ParsedConfig): string[] {
  if (config.NODE_ENV !== 'production') return [];
  const gaps: string[] = [];
  if (config.NEC_PASSWORD_SCRYPT_COST < DEFAULT_SCRYPT_COST)
    gaps.push(`NEC_PASSWORD_SCRYPT_COST: at least ${DEFAULT_SCRYPT_COST} in production`);
  if (!config.NEC_MFA_REQUIRED_FOR_AGENTS) {
    gaps.push(
      'NEC_MFA_REQUIRED_FOR_AGENTS: agents always sign in with a second factor in production',
    );
  }
  if (!config.DATABASE_URL && !config.NEC_WAIVE_POSTGRES) {
    gaps.push(
      'DATABASE_URL: required in production (or NEC_WAIVE_POSTGRES=true to run on the embedded database)',
    );
  }
  if (!config.SMTP_URL && !config.NEC_WAIVE_SMTP) {
    gaps.push(
      'SMTP_URL: required in production (or NEC_WAIVE_SMTP=true to write mails to the outbox folder)',
    );
  }
  if (!config.NEC_CLAMD_URL && !config.NEC_WAIVE_SCANNER) {
    gaps.push(
      'NEC_CLAMD_URL: required in production (or NEC_WAIVE_SCANNER=true to serve files unscanned)',
    );
  }
  return gaps;
}

/** The waivers in force, in French, for the start-up log. */
export function productionWaivers(config: AppConfig): string[] {
  if (config.NODE_ENV !== 'production') return [];
  return [
    config.NEC_WAIVE_POSTGRES && !config.DATABASE_URL
      ? 'NEC_WAIVE_POSTGRES : base embarquée en production'
      : null,
    config.NEC_WAIVE_SMTP && !config.SMTP_URL
      ? 'NEC_WAIVE_SMTP : courriels écrits dans le dossier d’envoi, jamais expédiés'
      : null,
    config.NEC_WAIVE_SCANNER && !config.NEC_CLAMD_URL
      ? 'NEC_WAIVE_SCANNER : pièces jointes servies sans analyse antivirus'
      : null,
  ].filter((line): line is string => line !== null);
}

/**
 * What a production deployment left unset that its public pages need: said at start-up (the
 * service runs, but the legal pages say an address will be published, which the law requires).
 */
export function productionReminders(config: AppConfig): string[] {
  if (config.NODE_ENV !== 'production') return [];
  return [
    config.NEC_CONTACT_EMAIL
      ? null
      : 'NEC_CONTACT_EMAIL : les mentions légales et la déclaration d’accessibilité ne donnent pas d’adresse où écrire',
    config.NEC_DPO_EMAIL
      ? null
      : 'NEC_DPO_EMAIL : la page des données personnelles ne donne pas l’adresse du délégué à la protection des données',
  ].filter((line): line is string => line !== null);
}

/** Injection token for the parsed configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
