import type { SelectionCriterion } from './criteria.js';

/** Guidance for one criterion of the grid, in French, for the instructor filling it in. */
export interface CriterionDescription {
  /** The question the criterion answers. */
  question: string;
  /** What to look for in the dossier. */
  guidance: string;
  /** What a 0 means. */
  zero: string;
  /** What a 4 means. */
  four: string;
}

/**
 * How to mark each selection criterion, from 0 to 4. Digital maturity is read as how well the
 * project knows its territory and fits it, not as a bonus for already well-equipped
 * territories: NEC locals also aim at places where digital inclusion is only starting.
 */
export const selectionCriterionDescriptions: Record<SelectionCriterion, CriterionDescription> = {
  soundness: {
    question: 'Le projet a-t-il les moyens d’aller au bout ?',
    guidance:
      'Regardez les financements obtenus ou sollicités en dehors de la subvention, l’équipe qui portera l’organisation et la cohérence du budget avec l’ampleur annoncée.',
    zero: 'Aucun financement n’est identifié hormis la subvention demandée et personne n’est chargé de l’organisation.',
    four: 'Le plan de financement est sûr et diversifié, une équipe nommée dispose de temps réservé, le budget est détaillé et réaliste.',
  },
  organiserDiversity: {
    question: 'Des structures de natures différentes organisent-elles ensemble ?',
    guidance:
      'Comptez les types de structures associées (collectivités, associations, tiers-lieux, entreprises, établissements publics) et vérifiez que chacune a un vrai rôle.',
    zero: 'Une seule structure organise, sans partenaire.',
    four: 'Un collectif varié où chaque structure a une mission précise dans l’organisation.',
  },
  digitalMaturity: {
    question: 'Le projet s’appuie-t-il sur une bonne connaissance du territoire ?',
    guidance:
      'Cherchez un état des lieux des besoins et des ressources numériques locales (réseaux de médiation, politiques publiques, acteurs déjà actifs) et la façon dont l’événement s’y inscrit.',
    zero: 'Le dossier ne dit rien de la situation numérique du territoire.',
    four: 'Le dossier décrit précisément acteurs, dispositifs et besoins locaux, et montre ce que l’événement fera avancer.',
  },
  mobilisation: {
    question: 'Le projet saura-t-il réunir acteurs publics et privés ?',
    guidance:
      'Repérez les intervenant·es, partenaires et relais déjà engagés, ainsi que la stratégie prévue pour atteindre les publics visés.',
    zero: 'Aucun acteur extérieur n’est cité et aucune démarche pour en mobiliser n’est prévue.',
    four: 'Des acteurs publics et privés sont déjà engagés et un plan crédible permet d’atteindre les publics attendus.',
  },
  charterCompliance: {
    question: 'Le respect du cadre et de la charte NEC est-il organisé ?',
    guidance:
      'Vérifiez les mesures concrètes : gratuité, parité des intervenant·es et aucun panel exclusivement masculin, accueil de publics variés, licences libres, outils éthiques, sobriété de l’événement.',
    zero: 'La charte est acceptée mais aucune mesure ne la traduit.',
    four: 'Chaque engagement de la charte est accompagné d’une mesure précise et des moyens correspondants.',
  },
  resourceProduction: {
    question: 'Que restera-t-il de l’événement pour celles et ceux qui n’y étaient pas ?',
    guidance:
      'Regardez comment les ateliers seront retranscrits (personnes chargées, formats) et où les ressources seront publiées et sous quelle licence.',
    zero: 'Rien n’est prévu pour garder trace des échanges.',
    four: 'La captation des échanges est organisée et les productions seront publiées sous licence libre sur Les Bases.',
  },
  innovation: {
    question: 'Le projet apporte-t-il du neuf, dans la forme comme dans le fond ?',
    guidance:
      'Appréciez l’originalité des formats (participation, adaptation aux publics) et la nouveauté des thèmes au regard des NEC déjà organisés.',
    zero: 'Formats et sujets sont convenus, sans proposition propre au projet.',
    four: 'Des formats inédits ou repensés pour le public, et des thèmes encore peu abordés dans les NEC.',
  },
};
