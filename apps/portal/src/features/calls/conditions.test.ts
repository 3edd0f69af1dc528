import { describe, expect, it } from 'vitest';
import { necLocal2023, permanentNecLocalCampaign } from '@nec/domain';
import { callConditions, cardSummary, deadlineText } from './conditions.js';

describe('call conditions', () => {
  it('writes the NEC local conditions from the campaign’s figures', () => {
    const text = callConditions(permanentNecLocalCampaign(2026))
      .map((c) => c.text)
      .join(' ');
    expect(text).toContain('au moins 3 mois avant');
    expect(text).toContain('au moins 150 personnes');
    expect(text).toMatch(/2\s500\s€ à 5\s000\s€/);
    expect(text).toMatch(/80\s%/);
    expect(text).toContain('1 collectivité doit');
  });
  it('follows a campaign whose figures differ (2023: 4 months)', () => {
    const text = callConditions(necLocal2023)
      .map((c) => c.text)
      .join(' ');
    expect(text).toContain(`au moins ${necLocal2023.params.leadTimeMonths} mois`);
  });
  it('states the deadline and the amounts for a card', () => {
    expect(deadlineText(permanentNecLocalCampaign(2026))).toBe('Jusqu’au 31 décembre 2026');
    expect(cardSummary(permanentNecLocalCampaign(2026))).toMatch(/subvention possible/);
  });
});
