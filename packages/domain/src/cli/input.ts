import { z } from 'zod';
import { isoDateSchema } from '../shared/dates.js';
import { err, ok, type Result } from '../shared/result.js';

/**
 * A demo input file: either a bare dossier, or a dossier wrapped with the campaign it answers and,
 * optionally, the day to evaluate it on (so an example gives the same verdicts on any day).
 */
const wrappedSchema = z.object({
  campaignId: z.string().min(1).optional(),
  today: isoDateSchema.optional(),
  dossier: z.record(z.string(), z.unknown()),
});
/** A read input: a bare dossier is one without campaign or day. */
export type DemoInput = Omit<z.infer<typeof wrappedSchema>, 'dossier'> & { dossier: unknown };

/** Parses the file's text into a dossier and its optional campaign and day. */
export function readDemoInput(text: string): Result<DemoInput, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return err(
      `Le fichier n’est pas du JSON valide (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return err(
      'Le fichier doit contenir un objet JSON : le dossier, ou { "campaignId", "dossier" }.',
    );
  }
  const wrapped = wrappedSchema.safeParse(json);
  if ('dossier' in json) {
    if (!wrapped.success) return err('L’enveloppe { campaignId, today, dossier } est mal formée.');
    return ok(wrapped.data);
  }
  return ok({ dossier: json });
}
