import { z } from 'zod';

/**
 * The three kinds of call (appel) the programme runs. A campaign is one of them for a year.
 * - `nec-local`: support to organise a local NEC (permanent call).
 * - `national-host`: the collectivité co-organising the next national edition.
 * - `ami-mediation`: AMI « Outiller la médiation numérique ».
 */
export const callKinds = ['nec-local', 'national-host', 'ami-mediation'] as const;
export const callKindSchema = z.enum(callKinds);
export type CallKind = z.infer<typeof callKindSchema>;

export const callKindLabels: Record<CallKind, string> = {
  'nec-local': 'NEC local',
  'national-host': 'Accueil de l’édition nationale',
  'ami-mediation': 'AMI « Outiller la médiation numérique »',
};
