import { describe, expect, it } from 'vitest';
import { necLocalBilanSchema } from '@nec/domain';
import { validateWith } from '@nec/ui';
import { setValueAt, valueAt, withBilanGroups } from './bilan-shape.js';
import { compactFor } from './compact.js';
import {
  bilanFields,
  genderSplitGroup,
  otherFormatRows,
  overallGroup,
  resourceRows,
  teamRows,
  type BilanField,
} from './sections.js';

const compact = compactFor(necLocalBilanSchema);
const errorPaths = (bilan: unknown) =>
  Object.keys(validateWith(necLocalBilanSchema, compact(bilan)));

/** A value the schema refuses for a field of this kind, whatever else it requires. */
const wrong = (field: BilanField): unknown =>
  field.kind === 'texts' ? 'pas une liste' : field.kind === 'text' ? 42 : 'pas un nombre';

const declared = [
  ...Object.values(bilanFields).flat(),
  ...genderSplitGroup.fields,
  ...overallGroup.fields,
];
const inRows = [otherFormatRows, teamRows, resourceRows].flatMap((rows) =>
  rows.fields.map((field) => [`${rows.path}.0.${field.path}`, rows, field] as const),
);

describe('the fields sections.ts declares', () => {
  it('bind to the form as withBilanGroups shapes it, rows included', () => {
    const bilan = withBilanGroups({ team: [{ role: 'other', count: 2 }] });
    setValueAt(bilan, 'speakers.genderSplit.women', 4);
    expect(bilan.speakers?.genderSplit?.women).toBe(4);
    expect(valueAt(bilan, 'speakers.genderSplit.women')).toBe(4);
    expect(valueAt(bilan, 'improvements.fromPublic')).toEqual([]);
    setValueAt(bilan, 'team.0.label', 'Accueil des enfants');
    expect(bilan.team?.[0]).toEqual({ role: 'other', count: 2, label: 'Accueil des enfants' });
  });

  it.each(declared.map((field) => [field.path, field] as const))(
    'are fields of the domain’s bilan: %s',
    (path, field) => {
      const bilan = withBilanGroups({});
      // A value of the wrong type is refused by the schema at that very path, never ignored.
      setValueAt(bilan, path, wrong(field));
      expect(errorPaths(bilan)).toContain(path);
    },
  );

  it.each(inRows)('are fields of the rows the domain knows: %s', (path, rows, field) => {
    const bilan = withBilanGroups({});
    setValueAt(bilan, rows.path, [rows.make()]);
    setValueAt(bilan, path, wrong(field));
    expect(errorPaths(bilan)).toContain(path);
  });

  it('ask a name for a format or a role only when it is « other »', () => {
    const label = (rows: typeof teamRows) => rows.fields.find((f) => f.path === 'label')!;
    expect(label(teamRows).when?.({ role: 'other' })).toBe(true);
    expect(label(teamRows).when?.({ role: 'reception' })).toBe(false);
    expect(label(otherFormatRows).when?.({ kind: 'other' })).toBe(true);
    expect(label(otherFormatRows).when?.({ kind: 'fishbowl' })).toBe(false);
  });
});
