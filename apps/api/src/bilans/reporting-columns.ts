import { type BilanRecord, publishedOnLesBases } from '@nec/domain';
import type { BilanEntity } from './bilan.entity.js';

/** The reporting columns of a submitted bilan (see `BilanEntity`). */
export type BilanReportingColumns = Pick<
  BilanEntity,
  | 'year'
  | 'eventDate'
  | 'regionCode'
  | 'departementCode'
  | 'eventMode'
  | 'porteurCategory'
  | 'callKind'
  | 'attendees'
  | 'structures'
  | 'speakers'
  | 'womenSpeakers'
  | 'menSpeakers'
  | 'workshops'
  | 'discoveryStands'
  | 'expensesCents'
  | 'subsidyCents'
  | 'lesBases'
  | 'themes'
  | 'themeFamilies'
>;

/**
 * A bilan record as the reporting columns store it: written once here for the submission of a
 * bilan and for the demo history, so the SQL aggregates read what `aggregateBilans` reads.
 */
export function reportingColumnsOf(record: Omit<BilanRecord, 'id'>): BilanReportingColumns {
  const { bilan } = record;
  const split = bilan.speakers.genderSplit;
  return {
    year: record.year,
    eventDate: record.eventDate,
    regionCode: record.regionCode ?? null,
    departementCode: record.departementCode ?? null,
    eventMode: record.eventMode,
    porteurCategory: record.porteurCategory,
    callKind: record.callKind,
    attendees: bilan.attendees,
    structures: bilan.structuresRepresented,
    speakers: bilan.speakers.total,
    womenSpeakers: split?.women ?? 0,
    menSpeakers: split?.men ?? 0,
    workshops: bilan.formats.workshops,
    discoveryStands: bilan.formats.discoveryStands,
    expensesCents: bilan.budget.expensesCents,
    subsidyCents: bilan.budget.subsidyCents ?? null,
    lesBases: publishedOnLesBases(bilan.resources),
    themes: record.themes,
    themeFamilies: record.themeFamilies,
  };
}
