/**
 * The seven principles of a digital of general interest, set out at the 2024 national edition
 * (seed 001). Organisers of a NEC local commit to respect and spread them. Descriptions are ours.
 */
export const principles = [
  {
    id: 'harmoniser',
    title: 'Harmoniser',
    description:
      'Construire en complément de ce qui existe déjà et faire travailler ensemble les acteurs présents sur le territoire.',
  },
  {
    id: 'debattre',
    title: 'Débattre',
    description:
      'Créer des lieux de discussion démocratique sur la place du numérique dans nos vies.',
  },
  {
    id: 'eduquer',
    title: 'Éduquer',
    description:
      'Faire monter chacune et chacun en compétences et éclairer les enjeux sociaux et politiques du numérique.',
  },
  {
    id: 'temperer',
    title: 'Tempérer',
    description:
      'Limiter l’empreinte environnementale du numérique tout en le mettant au service de la transition écologique.',
  },
  {
    id: 'ouvrir',
    title: 'Ouvrir',
    description:
      'Partager les données et les ressources, documenter ce qui est développé, ouvrir la gouvernance.',
  },
  {
    id: 'faire-ensemble',
    title: 'Faire ensemble',
    description:
      'Concevoir les services numériques avec les personnes concernées, à partir de leurs besoins réels.',
  },
  {
    id: 'ameliorer',
    title: 'Améliorer',
    description: 'Faire progresser les services en évaluant en continu tous leurs effets.',
  },
] as const;

/** One of the seven principles. */
export type Principle = (typeof principles)[number];
/** Identifier of one of the seven principles. */
export type PrincipleId = Principle['id'];
