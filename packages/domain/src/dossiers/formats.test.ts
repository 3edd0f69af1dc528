import { describe, expect, it } from 'vitest';
import {
  eventFormatKindLabels,
  eventFormatKinds,
  eventModeLabels,
  eventModes,
  needsVenue,
} from './formats.js';

describe('formats', () => {
  it('labels every format and mode in French', () => {
    expect(Object.keys(eventFormatKindLabels)).toEqual([...eventFormatKinds]);
    expect(Object.keys(eventModeLabels)).toEqual([...eventModes]);
  });

  it('needs a venue for every mode but fully online', () => {
    expect(eventModes.filter(needsVenue)).toEqual(['hybrid', 'in-person']);
  });
});
