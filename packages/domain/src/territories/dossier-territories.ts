import { type CallKind } from '../calls/call-kinds.js';
import { dossierTerritoriesOf } from '../dossiers/summary.js';
import { type FieldIssue } from '../shared/issues.js';
import { isKnownTerritory, regionCodesOf } from './lookup.js';
import { hasTerritoryCodeSyntax, territoryRefSchema } from './territory-ref.js';

/**
 * What needs the territories' reference data about a dossier. The dossier schemas (main entry,
 * used in the browser) check only the syntax of territory codes; whether a code exists is
 * checked here, by the API, against the full table.
 */

/** The régions a dossier covers, deduplicated and sorted: for filtering and reporting by région. */
export function dossierRegionCodesOf(callKind: CallKind, content: unknown): string[] {
  const codes = new Set(
    dossierTerritoriesOf(callKind, content).flatMap((ref) => regionCodesOf(ref)),
  );
  return [...codes].sort();
}

type Segment = string | number;
/** A path in the content; `'*'` stands for every item of a list. */
type Pattern = readonly string[];

/** Where each call's form holds territory references, and commune codes (venues). */
const locations: Record<CallKind, { refs: Pattern[]; communes: Pattern[] }> = {
  'nec-local': { refs: [['area', '*']], communes: [['event', 'venue', 'communeCode']] },
  'national-host': {
    refs: [['collectivite', 'territory']],
    communes: [['venues', '*', 'communeCode']],
  },
  'ami-mediation': { refs: [['territory', '*']], communes: [] },
};

/** Every value at a pattern, with its concrete path. */
function valuesAt(
  value: unknown,
  pattern: Pattern,
  path: Segment[] = [],
): { path: Segment[]; value: unknown }[] {
  const [head, ...rest] = pattern;
  if (head === undefined) return [{ path, value }];
  if (typeof value !== 'object' || value === null) return [];
  if (head === '*') {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item: unknown, index) => valuesAt(item, rest, [...path, index]));
  }
  return valuesAt((value as Record<string, unknown>)[head], rest, [...path, head]);
}

const unknown = (path: Segment[], message: string): FieldIssue => ({
  path: path.join('.'),
  code: 'unknown-territory',
  message,
});

function unknownRefs(content: unknown, pattern: Pattern): FieldIssue[] {
  return valuesAt(content, pattern).flatMap(({ path, value }) => {
    const ref = territoryRefSchema.safeParse(value);
    if (!ref.success || isKnownTerritory(ref.data)) return [];
    return [
      unknown(
        [...path, 'code'],
        'Nous ne trouvons pas ce territoire dans le découpage administratif officiel : ' +
          'vérifiez le code ou choisissez le territoire dans la liste proposée.',
      ),
    ];
  });
}

function unknownCommunes(content: unknown, pattern: Pattern): FieldIssue[] {
  return valuesAt(content, pattern).flatMap(({ path, value }) => {
    if (typeof value !== 'string' || !hasTerritoryCodeSyntax('commune', value)) return [];
    if (isKnownTerritory({ kind: 'commune', code: value })) return [];
    return [unknown(path, 'Nous ne trouvons pas de commune avec ce code INSEE : vérifiez-le.')];
  });
}

/**
 * Territory codes of a dossier that have the right syntax but do not exist in the official
 * reference (code `unknown-territory`, at the code's field). Malformed codes are left to the
 * schemas, so a field gets one message. Accepts any content (drafts included).
 */
export function unknownTerritoryIssues(callKind: CallKind, content: unknown): FieldIssue[] {
  const { refs, communes } = locations[callKind];
  return [
    ...refs.flatMap((pattern) => unknownRefs(content, pattern)),
    ...communes.flatMap((pattern) => unknownCommunes(content, pattern)),
  ];
}
