import { describe, expect, it } from 'vitest';
import { isLesBasesUrl, publishedOnLesBases, resourceLinkSchema } from './resource-links.js';

describe('publishedOnLesBases', () => {
  it('is true when one link is of kind les-bases, among others', () => {
    expect(
      publishedOnLesBases([{ kind: 'video' }, { kind: 'les-bases' }, { kind: 'podcast' }]),
    ).toBe(true);
  });

  it('is false without links, or with links of other kinds only', () => {
    expect(publishedOnLesBases([])).toBe(false);
    expect(publishedOnLesBases([{ kind: 'publication' }, { kind: 'other' }])).toBe(false);
  });

  it('relies on the schema, which holds a les-bases link to the Les Bases site', () => {
    const link = { kind: 'les-bases', url: 'https://lesbases.anct.gouv.fr.example.org/x' };
    expect(resourceLinkSchema.safeParse(link).success).toBe(false);
    expect(isLesBasesUrl('https://lesbases.anct.gouv.fr/ressources/atelier')).toBe(true);
  });
});
