import { describe, expect, it } from 'vitest';
import { necLocal2023 } from './campaigns.fixtures.js';
import { findCampaign } from './find.js';

describe('findCampaign', () => {
  it('finds a dated campaign by id', () => {
    expect(findCampaign('nec-local-2023')).toBe(necLocal2023);
  });
  it('builds the permanent NEC local campaign of the year named in the id', () => {
    expect(findCampaign('nec-local-permanent-2027')).toMatchObject({
      year: 2027,
      callKind: 'nec-local',
    });
  });
  it('is undefined for an unknown id', () => {
    expect(findCampaign('nec-local-2019')).toBeUndefined();
    expect(findCampaign('nec-local-permanent-27')).toBeUndefined();
  });
});
