import { type z } from 'zod';
import { choice } from '../shared/fields.js';

/** Formats a NEC local may offer (several per event). */
export const eventFormatKinds = [
  'workshop',
  'plenary',
  'round-table',
  'fishbowl',
  'barcamp',
  'experience-sharing',
  'masterclass',
  'discovery-stand',
  'other',
] as const;
export const eventFormatKindSchema = choice(
  eventFormatKinds,
  'Choisissez un format dans la liste.',
);
export type EventFormatKind = z.infer<typeof eventFormatKindSchema>;

/** French names of the formats, for forms and bilans. */
export const eventFormatKindLabels: Record<EventFormatKind, string> = {
  workshop: 'Atelier',
  plenary: 'Plénière',
  'round-table': 'Table ronde',
  fishbowl: 'Fishbowl (discussion en cercle ouvert)',
  barcamp: 'Barcamp (programme construit par les participants)',
  'experience-sharing': 'Retour d’expérience',
  masterclass: 'Masterclass',
  'discovery-stand': 'Stand de découverte',
  other: 'Autre format',
};

/** How people take part: on site, remotely, or both. */
export const eventModes = ['online', 'hybrid', 'in-person'] as const;
export const eventModeSchema = choice(
  eventModes,
  'Indiquez si l’événement se tient en ligne, sur place ou les deux.',
);
export type EventMode = z.infer<typeof eventModeSchema>;

/** French names of the event modes. */
export const eventModeLabels: Record<EventMode, string> = {
  online: 'Entièrement en ligne',
  hybrid: 'Hybride (sur place et en ligne)',
  'in-person': 'Sur place',
};

/** Whether the event needs a venue: every mode except fully online. */
export function needsVenue(mode: EventMode): boolean {
  return mode !== 'online';
}
