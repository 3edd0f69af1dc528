import { type z } from 'zod';
import { group, list, unaffected } from '../shared/fields.js';
import { countSchema, textSchema } from './counts.js';

/** Answers to « overall impression » on the usual four-step scale. */
export const overallImpressionSchema = group(
  {
    veryGood: countSchema('le nombre de réponses « très bien »'),
    good: countSchema('le nombre de réponses « bien »'),
    average: countSchema('le nombre de réponses « moyen »'),
    poor: countSchema('le nombre de réponses « insuffisant »'),
  },
  'Indiquez les réponses sur l’impression d’ensemble.',
);
export type OverallImpression = z.infer<typeof overallImpressionSchema>;

/**
 * A word people associated with a prompt (a word cloud). `count` is how many respondents gave
 * it; it is optional because some bilans publish the cloud without its frequencies.
 */
export const evokedWordSchema = group(
  {
    word: textSchema('le mot cité'),
    count: countSchema('le nombre de fois où le mot a été cité').optional(),
  },
  'Indiquez le mot cité.',
);
export type EvokedWord = z.infer<typeof evokedWordSchema>;

/** Total answers to the overall-impression question. */
export function overallAnswers(overall: OverallImpression): number {
  return overall.veryGood + overall.good + overall.average + overall.poor;
}

/**
 * Aggregates of the satisfaction survey (never individual answers). Counts are optional because
 * some published bilans give only a reading of the results (`overallSummary`). When both are
 * given, overall-impression answers cannot outnumber respondents (some skip the question).
 * Lists are empty when the survey did not ask.
 */
export const satisfactionSurveySchema = group(
  {
    respondents: countSchema('le nombre de personnes ayant répondu').optional(),
    overall: overallImpressionSchema.optional(),
    /** The organisers' reading of the overall impression, when no counts are published. */
    overallSummary: textSchema('le résumé de l’impression d’ensemble').optional(),
    mostAppreciated: list(
      textSchema('une activité appréciée'),
      'Indiquez les activités les plus appréciées.',
    ),
    leastAppreciated: list(
      textSchema('une activité moins appréciée'),
      'Indiquez les activités les moins appréciées.',
    ),
    /** The question the word cloud answers. */
    evokedWordsPrompt: textSchema('la question posée').optional(),
    evokedWords: list(evokedWordSchema, 'Indiquez les mots cités.'),
  },
  'Présentez les résultats de l’enquête de satisfaction.',
).superRefine(
  (survey, ctx) => {
    if (survey.overall === undefined || survey.respondents === undefined) return;
    const answers = overallAnswers(survey.overall);
    if (answers > survey.respondents) {
      ctx.addIssue({
        code: 'custom',
        path: ['overall'],
        message: `L’impression d’ensemble compte ${answers} réponses pour ${survey.respondents} personnes ayant répondu.`,
        params: { code: 'answers-exceed-respondents' },
      });
    }
  },
  { when: unaffected(['overall'], ['respondents']) },
);
export type SatisfactionSurvey = z.infer<typeof satisfactionSurveySchema>;

/**
 * Share of positive answers (« très bien » + « bien ») among the overall-impression answers,
 * between 0 and 1; `null` when nobody answered.
 */
export function positiveShare(overall: OverallImpression): number | null {
  const answers = overallAnswers(overall);
  return answers === 0 ? null : (overall.veryGood + overall.good) / answers;
}
