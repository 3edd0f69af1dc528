import { type Charter, necCharterId } from './charter.js';

/**
 * The charter as the NEC web site states it (seed 003): five engagements. The site's page
 * repeats its fifth engagement twice; we keep it once. Its publication date is not given; the
 * page was read in 2023, so we date it to the start of that year (the 2023 call points to it).
 */
export const siteCharter2023: Charter = {
  id: necCharterId,
  version: '2023-site',
  publishedOn: '2023-01-01',
  engagements: [
    {
      id: 'open-access',
      title: 'Un accès ouvert à toutes et à tous',
      summary:
        'Les événements sont gratuits, les publications accessibles, et les intervenants invités à l’écoute et à la bienveillance.',
    },
    {
      id: 'diversity',
      title: 'La diversité des voix et des publics',
      summary:
        'La programmation vise la parité, aucun panel n’est exclusivement masculin, et l’on va chercher des publics encore éloignés de la communauté.',
    },
    {
      id: 'open-licences',
      title: 'Des productions sous licence libre',
      summary:
        'Tout ce qui est produit est partagé sous licence libre et ouverte (CC BY-SA 4.0 FR) pour pouvoir être repris et adapté.',
    },
    {
      id: 'sustainable-event',
      title: 'Un événement durable',
      summary:
        'Les prestataires sont choisis pour leur impact social et environnemental, et l’organisation privilégie des choix sobres.',
    },
    {
      id: 'frugal-ecosystems',
      title: 'Des outils numériques sobres et responsables',
      summary:
        'Outils, système d’information et usage des données respectent le RGPD et privilégient, autant que possible, le libre et le souverain.',
    },
  ],
};

/**
 * The charter as the organisation guide states it (seed 001): six engagements. The guide cites
 * the autumn 2024 issue of the revue and the 2024 principles, so it dates from late 2024 at the
 * earliest; the exact day is not given.
 */
export const guideCharter2024: Charter = {
  id: necCharterId,
  version: '2024-guide',
  publishedOn: '2024-12-01',
  engagements: [
    {
      id: 'general-interest',
      title: 'Œuvrer pour un numérique d’intérêt général',
      summary:
        'Chaque événement contribue à un numérique inclusif, ouvert, éthique, durable et souverain, pensé pour les citoyennes et les citoyens.',
    },
    {
      id: 'open-access',
      title: 'Un accès ouvert à toutes et à tous',
      summary:
        'Les événements sont gratuits et ouverts ; les organisateurs veillent à un climat d’écoute, de tolérance et de bienveillance.',
    },
    {
      id: 'diversity',
      title: 'La diversité des voix et des publics',
      summary:
        'La programmation vise la parité, aucun panel n’est exclusivement masculin, et des mesures attirent des publics nouveaux.',
    },
    {
      id: 'open-licences',
      title: 'Des productions sous licence libre',
      summary:
        'Les ressources produites sont publiées sous licence libre et ouverte, en CC BY-SA 4.0 FR, pour être réutilisées et adaptées.',
    },
    {
      id: 'ethical-tools',
      title: 'Des outils numériques éthiques en priorité',
      summary:
        'Pour organiser l’événement, on choisit d’abord, autant que possible, des outils libres ou éthiques.',
    },
    {
      id: 'eco-responsible',
      title: 'Un événement éco-responsable',
      summary:
        'En ligne comme sur place, l’événement cherche à réduire son impact sur l’environnement.',
    },
  ],
};

/** Every published version of the charter, oldest first. */
export const charters: readonly Charter[] = [siteCharter2023, guideCharter2024];
