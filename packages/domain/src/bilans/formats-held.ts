import { type z } from 'zod';
import { type EventFormatKind, eventFormatKindSchema } from '../dossiers/formats.js';
import { group, list, unaffected } from '../shared/fields.js';
import { countSchema, textSchema } from './counts.js';

/** Formats that have their own count in {@link formatsHeldSchema}, so not in `others`. */
export const countedFormatKinds = [
  'workshop',
  'discovery-stand',
  'plenary',
  'round-table',
] as const satisfies readonly EventFormatKind[];

const counted: ReadonlySet<EventFormatKind> = new Set(countedFormatKinds);

/**
 * Another format held during the event (fishbowl, barcamp, masterclass…), by the dossier's
 * format kinds, and how many sessions of it; `other` needs a label.
 */
export const otherFormatHeldSchema = group(
  {
    kind: eventFormatKindSchema,
    count: countSchema('le nombre de séances de ce format'),
    label: textSchema('le nom du format').optional(),
  },
  'Décrivez ce format.',
).superRefine(
  (format, ctx) => {
    if (counted.has(format.kind)) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: 'Ce format a déjà son propre compteur : indiquez-le dans le champ prévu.',
        params: { code: 'format-counted-elsewhere' },
      });
    }
    if (format.kind === 'other' && format.label === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['label'],
        message: 'Précisez le nom de ce format.',
        params: { code: 'required' },
      });
    }
  },
  { when: unaffected(['kind']) },
);
export type OtherFormatHeld = z.infer<typeof otherFormatHeldSchema>;

/**
 * What the programme actually contained. Workshops and discovery stands are always reported
 * (0 is an answer); plenaries and round tables may be unknown in older bilans, hence optional.
 * `others` lists every other format once (an empty list when there was none; `other` may
 * repeat with different labels).
 */
export const formatsHeldSchema = group(
  {
    workshops: countSchema('le nombre d’ateliers'),
    discoveryStands: countSchema('le nombre de stands découverte'),
    plenaries: countSchema('le nombre de plénières').optional(),
    roundTables: countSchema('le nombre de tables rondes').optional(),
    others: list(
      otherFormatHeldSchema,
      'Indiquez les autres formats (liste vide s’il n’y en a pas).',
    ),
  },
  'Indiquez les formats proposés pendant l’événement.',
).superRefine(
  (formats, ctx) => {
    const seen = new Set<EventFormatKind>();
    formats.others.forEach((format, index) => {
      if (format.kind !== 'other' && seen.has(format.kind)) {
        ctx.addIssue({
          code: 'custom',
          path: ['others', index, 'kind'],
          message:
            'Ce format figure déjà dans la liste : regroupez ses séances sur une seule ligne.',
          params: { code: 'duplicate-format' },
        });
      }
      seen.add(format.kind);
    });
  },
  { when: unaffected(['others']) },
);
export type FormatsHeld = z.infer<typeof formatsHeldSchema>;
