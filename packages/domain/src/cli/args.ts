import { parseArgs } from 'node:util';
import { isoDateSchema } from '../shared/dates.js';
import { err, ok, type Result } from '../shared/result.js';

/** What the demo was asked to do. */
export type DemoArgs = { file: string; campaignId?: string; today?: string };

/** The one-line usage reminder, in French like the rest of the output. */
export const usage =
  'Usage : node dist/cli/demo.js <dossier.json> [--campaign <id>] [--today AAAA-MM-JJ]';

/** Reads the command line; a usage error comes back as a French message. */
export function parseDemoArgs(argv: readonly string[]): Result<DemoArgs, string> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { campaign: { type: 'string' }, today: { type: 'string' } },
    });
  } catch (error) {
    // node:util reports unknown options by throwing; turn it into data.
    return err(`Option non reconnue (${error instanceof Error ? error.message : String(error)}).`);
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) return err('Indiquez le fichier JSON du dossier à évaluer.');
  if (extra.length > 0) return err(`Un seul fichier à la fois : ${extra.join(', ')} en trop.`);
  const { campaign, today } = parsed.values;
  if (today !== undefined && !isoDateSchema.safeParse(today).success) {
    return err(`La date « ${today} » n’est pas au format AAAA-MM-JJ.`);
  }
  return ok({ file, campaignId: campaign, today });
}
