import { z } from 'zod';
import { type CallKind } from '../calls/call-kinds.js';
import { shortTextMax } from '../shared/fields.js';
import { centsSchema } from '../shared/money.js';
import { territoryRefSchema, type TerritoryRef } from '../territories/territory-ref.js';

/**
 * The few facts of a dossier that lists and searches show (the API keeps them in columns), read
 * from its content even when it is an unfinished or partly invalid draft: a fact that is missing
 * or malformed is `null`, never a guess.
 */
export const dossierSummarySchema = z.object({
  title: z.string().nullable(),
  eventDate: z.iso.date().nullable(),
  requestedSubsidyCents: centsSchema.nullable(),
});
export type DossierSummary = z.infer<typeof dossierSummarySchema>;

type Path = readonly (string | number)[];

function at(content: unknown, path: Path): unknown {
  let current = content;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

// As long as the `title` column allows (the form's own limit): a longer one is no title yet.
const title = z.string().trim().min(1).max(shortTextMax);
const date = z.iso.date();

/** The value at `path` if `schema` accepts it, else `null`. */
function read<T>(content: unknown, path: Path, schema: z.ZodType<T>): T | null {
  const parsed = schema.safeParse(at(content, path));
  return parsed.success ? parsed.data : null;
}

const readers: Record<CallKind, (content: unknown) => DossierSummary> = {
  'nec-local': (content) => ({
    title: read(content, ['title'], title),
    eventDate: read(content, ['event', 'startDate'], date),
    requestedSubsidyCents:
      at(content, ['requests', 'subsidy', 'requested']) === true
        ? read(content, ['requests', 'subsidy', 'amountCents'], centsSchema)
        : null,
  }),
  'national-host': (content) => ({
    title: read(content, ['collectivite', 'name'], title),
    eventDate: read(content, ['proposedDates', 0, 'startDate'], date),
    requestedSubsidyCents: null,
  }),
  'ami-mediation': (content) => ({
    title: read(content, ['projectName'], title),
    eventDate: null,
    requestedSubsidyCents: read(content, ['requestedAmountCents'], centsSchema),
  }),
};

/**
 * Summary of a dossier's content for a call kind: its title (NEC local title, host collectivité's
 * name, AMI project name), the event's first day (the host's first proposed period; none for the
 * AMI) and the subsidy requested (only when the NEC local asks for one). Accepts any content.
 */
export function dossierSummaryOf(callKind: CallKind, content: unknown): DossierSummary {
  return readers[callKind](content);
}

/** Where each call's form keeps the territories it covers. */
const territoryReaders: Record<CallKind, (content: unknown) => unknown[]> = {
  'nec-local': (content) => asList(at(content, ['area'])),
  'ami-mediation': (content) => asList(at(content, ['territory'])),
  'national-host': (content) => [at(content, ['collectivite', 'territory'])],
};

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The territories a dossier covers (NEC local area, AMI territory, host collectivité), keeping
 * only well-formed references: accepts any content, like {@link dossierSummaryOf}.
 */
export function dossierTerritoriesOf(callKind: CallKind, content: unknown): TerritoryRef[] {
  return territoryReaders[callKind](content).flatMap((item) => {
    const ref = territoryRefSchema.safeParse(item);
    return ref.success ? [ref.data] : [];
  });
}
