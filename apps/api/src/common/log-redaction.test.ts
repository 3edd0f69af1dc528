import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.js';
import { createLogger } from './logger.js';
import { loggablePath, redactForLog, safeError, scrubText } from './log-redaction.js';
import { runWithContext } from './request-context.js';

const HASH =
  'scrypt$32768$8$1$q1w2e3r4t5y6u7i8o9p0aA==$Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg=';
const TOKEN = 'k3Jd9sLq0P2mZx7VbN4cR8tY1uI6oE5wA9sD3fG7hJ2';

describe('log redaction', () => {
  it('replaces secrets and personal fields wherever they are nested', () => {
    const out = redactForLog({
      password: 'un mot de passe',
      user: { passwordHash: HASH, email: 'alice@example.org', displayName: 'Alice Exemple' },
      headers: { cookie: `nec_session=${TOKEN}`, 'x-csrf-token': TOKEN, 'user-agent': 'curl' },
      list: [{ firstName: 'Alice', lastName: 'Exemple', role: 'applicant' }],
      sessionId: '0b0f0a4e-33d4-4b7e-8d5b-4d2f3c1e9a77',
    });
    const text = JSON.stringify(out);
    for (const secret of [HASH, TOKEN, 'alice@example.org', 'Alice', 'un mot de passe']) {
      expect(text).not.toContain(secret);
    }
    expect(out).toMatchObject({
      password: '[redacted]',
      user: { passwordHash: '[redacted]', email: '[redacted]', displayName: '[redacted]' },
      headers: { cookie: '[redacted]', 'x-csrf-token': '[redacted]', 'user-agent': 'curl' },
      list: [{ firstName: '[redacted]', role: 'applicant' }],
      sessionId: '0b0f0a4e-33d4-4b7e-8d5b-4d2f3c1e9a77',
    });
  });

  it('scrubs e-mail addresses, password hashes and tokens out of free text', () => {
    const text = scrubText(
      `Courriel pour bob.exemple+nec@example.org : lien /confirmer?jeton=${TOKEN} ; hash ${HASH}`,
    );
    expect(text).toBe('Courriel pour [email] : lien /confirmer?jeton=[secret] ; hash [hash]');
    // Ids and ordinary words are kept, and the names of settings a message tells to set.
    expect(scrubText('dossier 0b0f0a4e-33d4-4b7e-8d5b-4d2f3c1e9a77 déposé')).toContain(
      '0b0f0a4e-33d4-4b7e-8d5b-4d2f3c1e9a77',
    );
    expect(scrubText('(NEC_CLOSED_DOSSIER_FILE_RETENTION_MONTHS non défini)')).toBe(
      '(NEC_CLOSED_DOSSIER_FILE_RETENTION_MONTHS non défini)',
    );
    // A token that happens to start with capitals and an underscore is still one.
    expect(scrubText(`jeton AB_${TOKEN.slice(3)} reçu`)).toBe('jeton [secret] reçu');
    expect(scrubText(`clé ${'A'.repeat(20)}_${'B'.repeat(19)}9 reçue`)).toBe('clé [secret] reçue');
  });

  it('reduces a failed query to its statement and code: never its parameters nor the refused row', () => {
    const driverError = Object.assign(new Error('new row for relation "users" violates check'), {
      code: '23514',
      table: 'users',
      constraint: 'users_check',
      detail: `Failing row contains (alice@example.org, ${HASH}).`,
    });
    const error = new QueryFailedError(
      'INSERT INTO "users"("email", "password_hash") VALUES ($1, $2)',
      ['alice@example.org', HASH],
      driverError,
    );
    const safe = safeError(error);
    expect(safe).toMatchObject({ type: 'QueryFailedError', code: '23514', table: 'users' });
    expect(safe.query).toContain('INSERT INTO "users"');
    const text = JSON.stringify(safe);
    expect(text).not.toContain(HASH);
    expect(text).not.toContain('alice@example.org');
  });

  it('masks query-string values but for the known filters', () => {
    expect(loggablePath(`/api/x?page=2&q=Dupont&jeton=${TOKEN}`)).toBe(
      '/api/x?page=2&q=%E2%80%A6&jeton=%E2%80%A6',
    );
    expect(loggablePath('/api/dossiers/abc')).toBe('/api/dossiers/abc');
  });
});

describe('the JSON logger', () => {
  const capture = () => {
    const lines: string[] = [];
    const logger = createLogger(
      parseConfig({
        NODE_ENV: 'production',
        NEC_WAIVE_POSTGRES: 'true',
        NEC_WAIVE_SMTP: 'true',
        NEC_WAIVE_SCANNER: 'true',
        NEC_LOG_LEVEL: 'info',
      }),
      {
        write: (line: string) => void lines.push(line),
      },
    );
    return {
      logger,
      lines,
      parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    };
  };

  it('writes one JSON object per line, UTC ISO time, the request id, redacted', () => {
    const { logger, lines, parsed } = capture();
    runWithContext({ requestId: 'req-12345678', clientAddress: null, userAgent: null }, () => {
      logger.info(
        { user: { email: 'alice@example.org' }, token: TOKEN },
        'connexion de alice@example.org',
      );
      logger.error({ err: new Error(`échec pour bob@example.org avec ${HASH}`) }, 'échec');
    });
    logger.info('hors requête');
    const [first, second, third] = parsed();
    expect(first).toMatchObject({
      level: 'info',
      service: 'nec-api',
      requestId: 'req-12345678',
      user: { email: '[redacted]' },
      token: '[redacted]',
      msg: 'connexion de [email]',
    });
    expect(String(first?.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(second).toMatchObject({ level: 'error', err: { type: 'Error' } });
    expect(third?.requestId).toBeUndefined();
    const text = lines.join('');
    for (const secret of ['alice@example.org', 'bob@example.org', TOKEN, HASH])
      expect(text).not.toContain(secret);
  });
});
