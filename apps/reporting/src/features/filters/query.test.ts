import { describe, expect, it } from 'vitest';
import { queryFromRoute, routeFromQuery, withValue, withoutValue, withYears } from './query.js';
import { filterTags } from './tags.js';

describe('the filters in the URL', () => {
  it('reads a shared address with the domain’s schema and writes it back the same', () => {
    const route = { from: '2023-01-01', to: '2025-12-31', regions: '84,11', eventModes: 'online' };
    const query = queryFromRoute(route);
    expect(query).toEqual({
      from: '2023-01-01',
      to: '2025-12-31',
      regions: ['84', '11'],
      eventModes: ['online'],
    });
    expect(routeFromQuery(query)).toEqual(route);
  });

  it('drops what the domain refuses rather than breaking the page', () => {
    expect(queryFromRoute({ regions: '4', themes: 'digital-inclusion', utm: 'x' })).toEqual({
      themes: ['digital-inclusion'],
    });
    expect(
      queryFromRoute({ from: '2025-01-01', to: '2024-01-01', callKinds: 'nec-local' }),
    ).toEqual({
      callKinds: ['nec-local'],
    });
  });

  it('adds a value once, removes it, and sets whole years', () => {
    const one = withValue({}, 'departements', '57');
    expect(withValue(one, 'departements', '57')).toEqual({ departements: ['57'] });
    expect(withoutValue(withValue(one, 'departements', '2A'), 'departements', '57')).toEqual({
      departements: ['2A'],
    });
    expect(withoutValue(one, 'departements', '57')).toEqual({});
    expect(withYears(one, 2022, 2024)).toEqual({
      departements: ['57'],
      from: '2022-01-01',
      to: '2024-12-31',
    });
  });

  it('names the active filters in words for their tags', () => {
    expect(
      filterTags({ departements: ['57'], eventModes: ['online'] }).map((t) => t.label),
    ).toEqual(['Département : Moselle (57)', 'Format : Entièrement en ligne']);
  });
});
