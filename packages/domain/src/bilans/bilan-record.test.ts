import { describe, expect, it } from 'vitest';
import { describeIssues } from '../shared/issues.js';
import { bilanRecordSchema, recordThemeFamilies } from './bilan-record.js';
import { recordWith } from './test-helpers/records.js';

describe('bilanRecordSchema', () => {
  const record = recordWith(
    'r1',
    { attendees: 10, expensesCents: 100 },
    { regionCode: '94', departementCode: '2A' },
  );
  const pathsOf = (input: unknown) => {
    const parsed = bilanRecordSchema.safeParse(input);
    return parsed.success ? [] : describeIssues(parsed.error).map((issue) => issue.path);
  };
  it('accepts a record with Corsican and overseas codes', () => {
    expect(pathsOf(record)).toEqual([]);
    expect(pathsOf({ ...record, regionCode: '04', departementCode: '974' })).toEqual([]);
  });
  it('checks the syntax of territory codes and the context', () => {
    expect(
      pathsOf({
        ...record,
        regionCode: '4',
        departementCode: '2C',
        eventMode: 'metaverse',
        eventDate: '2023-13-01',
      }),
    ).toEqual(['eventDate', 'regionCode', 'departementCode', 'eventMode']);
  });
  it('checks the bilan inside', () => {
    expect(pathsOf({ ...record, bilan: { ...record.bilan, attendees: -1 } })).toEqual([
      'bilan.attendees',
    ]);
  });
});

describe('recordThemeFamilies', () => {
  it('derives families from catalogue themes, adds declared ones, without duplicates', () => {
    expect(
      recordThemeFamilies({
        themes: ['digital-inclusion', 'digital-accessibility', 'Jeux vidéo', 'digital-commons'],
        themeFamilies: ['data-territories', 'commons-sovereignty'],
      }),
    ).toEqual(['data-territories', 'commons-sovereignty', 'inclusion-emancipation']);
  });
  it('gives none for free themes only', () => {
    expect(recordThemeFamilies({ themes: ['Jeux vidéo'], themeFamilies: [] })).toEqual([]);
  });
});
