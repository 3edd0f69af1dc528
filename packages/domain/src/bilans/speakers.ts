import { type z } from 'zod';
import { group, unaffected } from '../shared/fields.js';
import { countSchema } from './counts.js';

/**
 * How many speakers were women, men, or non-binary / did not say. The last group merges two
 * answers on purpose: organisers rarely know the difference, and we only count people.
 */
export const speakerGenderSplitSchema = group(
  {
    women: countSchema('le nombre d’intervenantes (femmes)'),
    men: countSchema('le nombre d’intervenants (hommes)'),
    nonBinaryOrUndisclosed: countSchema(
      'le nombre d’intervenant·es non binaires ou dont le genre n’est pas précisé',
    ),
  },
  'Indiquez la répartition des intervenant·es par genre.',
);
export type SpeakerGenderSplit = z.infer<typeof speakerGenderSplitSchema>;

/**
 * Whether an event's speakers make an all-male panel, which the charter forbids: its gender split
 * counts at least one man and no woman (non-binary or undisclosed speakers beside them do not
 * change it: the charter asks for women on the programme). An event whose bilan gives no split is
 * not counted — nobody knows — nor is one without any speaker. The bilan reports the whole
 * programme, not each panel: an event is counted when no woman spoke at all.
 */
export function hasAllMalePanel(speakers: Pick<Speakers, 'genderSplit'>): boolean {
  const split = speakers.genderSplit;
  return split !== undefined && split.men > 0 && split.women === 0;
}

/** Total speakers counted by a gender split. */
export function splitTotal(split: SpeakerGenderSplit): number {
  return split.women + split.men + split.nonBinaryOrUndisclosed;
}

/**
 * Speakers of a local event: everyone who took the floor (plenaries, workshops, round tables,
 * stands), and, when known, their split by gender (the charter asks for a programme tending to
 * parity, so reporting measures it). Older bilans give only the total, hence the optional
 * split; when given, it must add up to the total.
 */
export const speakersSchema = group(
  {
    total: countSchema('le nombre total d’intervenant·es'),
    genderSplit: speakerGenderSplitSchema.optional(),
  },
  'Indiquez le nombre d’intervenant·es.',
).superRefine(
  (speakers, ctx) => {
    if (speakers.genderSplit === undefined) return;
    const sum = splitTotal(speakers.genderSplit);
    if (sum !== speakers.total) {
      ctx.addIssue({
        code: 'custom',
        path: ['genderSplit'],
        message: `La répartition par genre compte ${sum} intervenant·es, alors que le total indiqué est de ${speakers.total}.`,
        params: { code: 'gender-split-mismatch' },
      });
    }
  },
  { when: unaffected(['total'], ['genderSplit']) },
);
export type Speakers = z.infer<typeof speakersSchema>;
