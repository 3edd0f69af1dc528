import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type Campaign } from '../calls/campaign.js';
import { findCampaign } from '../calls/find.js';
import { permanentNecLocalCampaign } from '../calls/permanent.js';
import { parseSubmission } from '../dossiers/index.js';
import { evaluateEligibility } from '../eligibility/index.js';
import { toIsoDate } from '../shared/dates.js';
import { parseDemoArgs, usage } from './args.js';
import { readDemoInput } from './input.js';
import { renderEligibility, renderIssues } from './render.js';

/**
 * Where the demo writes and reads. Injected so tests run it without spawning a process;
 * `readFile` and `today` default to the file system and the clock.
 */
export type DemoIo = {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  readFile?: (path: string) => string;
  today?: () => string;
};

/** Exit codes: verdicts printed (whatever they are), invalid dossier, wrong usage or input. */
export const exitCodes = { ok: 0, invalidDossier: 1, usage: 2 } as const;

function fail(io: DemoIo, message: string): number {
  io.stderr(message);
  io.stderr(usage);
  return exitCodes.usage;
}

function readText(io: DemoIo, file: string): string | Error {
  try {
    return (io.readFile ?? ((path) => readFileSync(path, 'utf8')))(file);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Runs the demo: reads a dossier file, checks it with the submission schema of its campaign's
 * call kind (listing every issue on stderr, exit 1), then prints every verdict and rule (exit 0).
 * Campaign: `--campaign`, else the file's `campaignId`, else the permanent NEC local call of the
 * year of the evaluation day (`--today`, else the file's `today`, else the clock).
 */
export function runDemo(argv: readonly string[], io: DemoIo): number {
  const args = parseDemoArgs(argv);
  if (!args.ok) return fail(io, args.error);
  const text = readText(io, args.value.file);
  if (text instanceof Error)
    return fail(io, `Impossible de lire « ${args.value.file} » : ${text.message}`);
  const input = readDemoInput(text);
  if (!input.ok) return fail(io, input.error);

  const today =
    args.value.today ?? input.value.today ?? (io.today ?? (() => toIsoDate(new Date())))();
  const campaignId = args.value.campaignId ?? input.value.campaignId;
  const campaign: Campaign | undefined =
    campaignId === undefined
      ? permanentNecLocalCampaign(Number(today.slice(0, 4)))
      : findCampaign(campaignId);
  if (campaign === undefined) {
    return fail(
      io,
      `Campagne inconnue : « ${campaignId} ». Exemples : nec-local-2023, nec-local-permanent-2027, national-host-2025, ami-mediation-2021.`,
    );
  }

  const dossier = parseSubmission(campaign.callKind, input.value.dossier);
  if (!dossier.ok) {
    renderIssues(dossier.error).forEach((line) => io.stderr(line));
    return exitCodes.invalidDossier;
  }
  const result = evaluateEligibility(dossier.value, campaign, today);
  renderEligibility(campaign, today, result).forEach((line) => io.stdout(line));
  return exitCodes.ok;
}

// Run only when executed (`node dist/cli/demo.js`), not when imported by the tests.
const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  // A reader that stops early (`… | head`) closes the pipe: that is not an error of the demo.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = runDemo(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
}
