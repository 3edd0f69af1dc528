import { z } from 'zod';

/** The seven selection criteria of the NEC local call (2023), weighed by instructors. */
export const selectionCriteria = [
  'soundness', // solidité et viabilité (financements disponibles, équipe dédiée)
  'organiserDiversity', // diversité des organisateur·rices
  'digitalMaturity', // maturité numérique du territoire
  'mobilisation', // capacité à mobiliser acteurs publics et privés
  'charterCompliance', // mesures pour respecter le cadre et la charte NEC
  'resourceProduction', // retranscription des ateliers, production de ressources
  'innovation', // innovation de forme (formats) et de fond (thèmes)
] as const;
export const selectionCriterionSchema = z.enum(selectionCriteria);
export type SelectionCriterion = z.infer<typeof selectionCriterionSchema>;

export const selectionCriterionLabels: Record<SelectionCriterion, string> = {
  soundness: 'Solidité et viabilité du projet',
  organiserDiversity: 'Diversité des organisateurs et organisatrices',
  digitalMaturity: 'Maturité numérique du territoire',
  mobilisation: 'Mobilisation des acteurs publics et privés',
  charterCompliance: 'Respect du cadre et de la charte NEC',
  resourceProduction: 'Production et partage de ressources',
  innovation: 'Innovation dans les formats et les thèmes',
};

/** Weights per criterion: campaign data, a positive number each (1 = neutral). */
export const selectionWeightsSchema = z.record(selectionCriterionSchema, z.number().positive());
export type SelectionWeights = z.infer<typeof selectionWeightsSchema>;

export const defaultSelectionWeights: SelectionWeights = Object.fromEntries(
  selectionCriteria.map((c) => [c, 1]),
) as SelectionWeights;
