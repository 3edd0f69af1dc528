/** The FAQ, in our own words. Figures that change by campaign are stated on each call's page. */
export const faq = [
  {
    id: 'faq-qui',
    question: 'Qui peut déposer un dossier ?',
    answer: [
      'Toute personne morale : collectivité, association, tiers-lieu, coopérative, entreprise, établissement public… Une personne physique ne peut pas déposer de dossier en son nom propre.',
      'La structure est identifiée par son numéro SIRET, que vous saisissez en ajoutant la structure à votre compte.',
    ],
  },
  {
    id: 'faq-delai',
    question: 'Combien de temps avant l’événement dois-je déposer mon dossier ?',
    answer: [
      'Chaque appel fixe un délai minimum entre le dépôt et la date de l’événement (plusieurs mois). Il est indiqué sur la page de l’appel, et le panneau d’éligibilité du formulaire vous dit, dès que vous saisissez la date, si vous êtes dans les temps.',
    ],
  },
  {
    id: 'faq-subvention',
    question: 'Puis-je demander une subvention ?',
    answer: [
      'Oui, pour un NEC local : la subvention est facultative et encadrée (un montant minimum et maximum, et une part plafonnée du budget total). L’événement doit aussi accueillir un nombre minimum de personnes et être soutenu par au moins une collectivité.',
      'Le formulaire calcule ces conditions pendant que vous remplissez votre budget.',
    ],
  },
  {
    id: 'faq-brouillon',
    question: 'Mon dossier est-il enregistré si je quitte la page ?',
    answer: [
      'Oui. Le formulaire enregistre vos saisies automatiquement, quelques instants après chaque modification. Si la connexion est coupée, une copie est gardée dans votre navigateur et envoyée dès le retour du réseau.',
    ],
  },
  {
    id: 'faq-charte',
    question: 'Qu’est-ce que la charte Numérique en Commun[s] ?',
    answer: [
      'Un engagement à respecter et à faire vivre les sept principes d’un numérique d’intérêt général pendant votre événement. Vous la lisez et l’acceptez dans le formulaire ; sa version est enregistrée avec votre dossier.',
    ],
  },
  {
    id: 'faq-apres',
    question: 'Que se passe-t-il après le dépôt ?',
    answer: [
      'Les équipes de l’ANCT instruisent votre dossier. Vous suivez son avancement depuis « Mes dossiers », vous y recevez les éventuelles demandes de compléments et la décision. Après l’événement, vous y déposez le bilan.',
    ],
  },
];
