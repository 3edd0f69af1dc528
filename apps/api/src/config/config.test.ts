import { describe, expect, it } from 'vitest';
import { parseConfig, productionReminders, productionWaivers } from './config.js';

const complete = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://nec@db:5432/nec',
  SMTP_URL: 'smtp://mail:25',
  NEC_CLAMD_URL: 'tcp://clamd:3310',
};

describe('production configuration', () => {
  it('starts with PostgreSQL, an SMTP server and a scanner, and no waiver to log', () => {
    expect(productionWaivers(parseConfig(complete))).toEqual([]);
  });

  it.each([
    ['DATABASE_URL', 'NEC_WAIVE_POSTGRES'],
    ['SMTP_URL', 'NEC_WAIVE_SMTP'],
    ['NEC_CLAMD_URL', 'NEC_WAIVE_SCANNER'],
  ])('refuses to start without %s unless %s waives it', (setting, waiver) => {
    const without: Record<string, string> = { ...complete };
    delete without[setting];
    expect(() => parseConfig(without)).toThrow(new RegExp(`${setting}: required in production`));
    const waived = parseConfig({ ...without, [waiver]: 'true' });
    expect(productionWaivers(waived)).toEqual([expect.stringContaining(waiver)]);
  });

  it('asks nothing of a development machine', () => {
    expect(() => parseConfig({})).not.toThrow();
    expect(productionWaivers(parseConfig({ NEC_WAIVE_SMTP: 'true' }))).toEqual([]);
  });
});

describe('second factor of agents', () => {
  it('cannot be turned off in production', () => {
    expect(() => parseConfig({ ...complete, NEC_MFA_REQUIRED_FOR_AGENTS: 'false' })).toThrow(
      /NEC_MFA_REQUIRED_FOR_AGENTS/,
    );
    expect(parseConfig({ NEC_MFA_REQUIRED_FOR_AGENTS: 'false' }).NEC_MFA_REQUIRED_FOR_AGENTS).toBe(
      false,
    );
  });
});

describe('cost of password hashes', () => {
  it('is the production cost unless lowered, and never lowered in production', () => {
    expect(parseConfig({}).NEC_PASSWORD_SCRYPT_COST).toBe(15);
    expect(parseConfig({ ...complete }).NEC_PASSWORD_SCRYPT_COST).toBe(15);
    expect(() => parseConfig({ ...complete, NEC_PASSWORD_SCRYPT_COST: '10' })).toThrow(
      /NEC_PASSWORD_SCRYPT_COST/,
    );
    expect(parseConfig({ NEC_PASSWORD_SCRYPT_COST: '10' }).NEC_PASSWORD_SCRYPT_COST).toBe(10);
    expect(() => parseConfig({ NEC_PASSWORD_SCRYPT_COST: '4' })).toThrow();
  });
});

describe('retention of orphan drafts', () => {
  it('keeps them 12 months by default, and accepts 1 to 120 months only', () => {
    expect(parseConfig({}).NEC_ORPHAN_DRAFT_RETENTION_MONTHS).toBe(12);
    expect(
      parseConfig({ NEC_ORPHAN_DRAFT_RETENTION_MONTHS: '1' }).NEC_ORPHAN_DRAFT_RETENTION_MONTHS,
    ).toBe(1);
    expect(
      parseConfig({ NEC_ORPHAN_DRAFT_RETENTION_MONTHS: '120' }).NEC_ORPHAN_DRAFT_RETENTION_MONTHS,
    ).toBe(120);
    for (const bad of ['0', '121', '6.5', 'douze'])
      expect(() => parseConfig({ NEC_ORPHAN_DRAFT_RETENTION_MONTHS: bad })).toThrow(
        /NEC_ORPHAN_DRAFT_RETENTION_MONTHS/,
      );
  });
});

describe('where people write (the legal pages)', () => {
  it('is unset until the deployment says it, and refuses what is not an address', () => {
    const unset = parseConfig({});
    expect([unset.NEC_CONTACT_EMAIL, unset.NEC_DPO_EMAIL]).toEqual([undefined, undefined]);
    expect(parseConfig({ NEC_DPO_EMAIL: 'dpd@nec.example' }).NEC_DPO_EMAIL).toBe('dpd@nec.example');
    expect(() => parseConfig({ NEC_CONTACT_EMAIL: 'écrivez-nous' })).toThrow(/NEC_CONTACT_EMAIL/);
  });

  it('is said at a production start when missing, never on a development machine', () => {
    expect(productionReminders(parseConfig(complete))).toEqual([
      expect.stringContaining('NEC_CONTACT_EMAIL'),
      expect.stringContaining('NEC_DPO_EMAIL'),
    ]);
    const both = { NEC_CONTACT_EMAIL: 'contact@nec.example', NEC_DPO_EMAIL: 'dpd@nec.example' };
    expect(productionReminders(parseConfig({ ...complete, ...both }))).toEqual([]);
    expect(productionReminders(parseConfig({}))).toEqual([]);
  });
});
