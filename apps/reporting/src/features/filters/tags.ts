import type { ReportingQuery } from '@nec/domain';
import { labels } from '../labels/labels.js';
import { territoryName } from '../map/territories.js';
import type { FilterKey } from './query.js';

export interface FilterTag {
  key: FilterKey;
  value: string;
  label: string;
}

const describe: Record<FilterKey, (value: string) => string> = {
  regions: (v) => `Région : ${territoryName('region', v)}`,
  departements: (v) => `Département : ${territoryName('departement', v)}`,
  themes: (v) => `Thème : ${labels.themes[v] ?? v}`,
  themeFamilies: (v) => `Famille : ${labels.themeFamilies[v] ?? v}`,
  eventModes: (v) => `Format : ${labels.eventModes[v] ?? v}`,
  porteurCategories: (v) => `Porteur : ${labels.porteurCategories[v] ?? v}`,
  callKinds: (v) => `Appel : ${labels.callKinds[v] ?? v}`,
};

/** The active filters as removable tags, in the order of the filter bar. */
export function filterTags(query: ReportingQuery): FilterTag[] {
  return (Object.keys(describe) as FilterKey[]).flatMap((key) =>
    (query[key] ?? []).map((value: string) => ({ key, value, label: describe[key](value) })),
  );
}
