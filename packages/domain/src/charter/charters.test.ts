import { describe, expect, it } from 'vitest';
import { charterSchema } from './charter.js';
import { charters, guideCharter2024, siteCharter2023 } from './charters.data.js';
import { currentCharter, findCharter } from './current.js';
import { principles } from './principles.js';

describe('charters', () => {
  it('are valid charter data, oldest first, with distinct versions', () => {
    for (const charter of charters) expect(charterSchema.parse(charter)).toEqual(charter);
    const versions = charters.map((c) => c.version);
    expect(new Set(versions).size).toBe(versions.length);
    const dates = charters.map((c) => c.publishedOn);
    expect(dates).toEqual([...dates].sort());
  });

  it('number the engagements as each source does: 6 in the guide, 5 on the site', () => {
    expect(guideCharter2024.engagements).toHaveLength(6);
    expect(siteCharter2023.engagements).toHaveLength(5);
  });

  it('give each engagement of a version its own id', () => {
    for (const charter of charters) {
      const ids = charter.engagements.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('keep the facts that matter: the licence and the all-male panel ban', () => {
    for (const charter of charters) {
      const text = charter.engagements.map((e) => e.summary).join(' ');
      expect(text).toContain('CC BY-SA 4.0 FR');
      expect(text).toMatch(/exclusivement masculin/);
    }
  });
});

describe('currentCharter', () => {
  it('is undefined before the first version', () => {
    expect(currentCharter('2022-12-31')).toBeUndefined();
  });
  it('switches on the publication day, not the day before', () => {
    expect(currentCharter(siteCharter2023.publishedOn)?.version).toBe('2023-site');
    const dayBefore = '2024-11-30';
    expect(currentCharter(dayBefore)?.version).toBe('2023-site');
    expect(currentCharter(guideCharter2024.publishedOn)?.version).toBe('2024-guide');
    expect(currentCharter('2030-06-01')?.version).toBe('2024-guide');
  });
  it('does not depend on the order of the list', () => {
    expect(currentCharter('2030-01-01', [...charters].reverse())?.version).toBe('2024-guide');
  });
});

describe('findCharter', () => {
  it('finds a version by id and version', () => {
    expect(findCharter('nec-charter', '2024-guide')).toBe(guideCharter2024);
    expect(findCharter('nec-charter', '1999')).toBeUndefined();
    expect(findCharter('other', '2024-guide')).toBeUndefined();
  });
});

describe('principles', () => {
  it('are the seven principles of 2024, in order', () => {
    expect(principles.map((p) => p.title)).toEqual([
      'Harmoniser',
      'Débattre',
      'Éduquer',
      'Tempérer',
      'Ouvrir',
      'Faire ensemble',
      'Améliorer',
    ]);
    for (const p of principles) expect(p.description.length).toBeGreaterThan(20);
  });
});
