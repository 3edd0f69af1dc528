import { type AmiDossier } from './ami.js';
import { type NationalHostDossier } from './national-host.js';
import { type NecLocalDossier } from './nec-local.js';

/**
 * Example dossiers for tests, demos and documentation. Every name is invented (structures,
 * commune, people); territory codes are real so that the existence checks pass. Plain data, no
 * I/O; each call returns a fresh copy, so a test may change it freely.
 */

/**
 * A complete, valid NEC local application: a hybrid day in Maine-et-Loire on 15 October 2026,
 * 180 people expected in a 250-seat venue, a 14,000 € budget with a 5,000 € ANCT subsidy
 * requested, led by an invented tiers-lieu and supported by an invented commune.
 */
export function exampleNecLocalDossier(): NecLocalDossier {
  return {
    title: 'Les Communs en partage — NEC local du Val de Thouet',
    objective:
      'Réunir les actrices et acteurs du numérique d’intérêt général du sud du département pour partager leurs outils et construire une feuille de route commune de médiation numérique.',
    themes: {
      catalogue: ['digital-inclusion', 'digital-commons'],
      free: ['Numérique et ruralité'],
      expectedBenefits:
        'Faire connaître les lieux de médiation du territoire, mutualiser les outils libres entre communes et créer un réseau durable de médiatrices et médiateurs.',
    },
    area: [
      { kind: 'departement', code: '49' },
      { kind: 'commune', code: '49215' },
    ],
    audiences: {
      targets: [
        'Médiatrices et médiateurs numériques',
        'Agents et élus des collectivités',
        'Associations',
      ],
      expectedAttendees: 180,
    },
    organisers: [
      {
        name: 'Tiers-lieu La Fabrique des Communs de Vaucommun (fictif)',
        category: 'tiers-lieu',
        role: 'lead',
        supportsEvent: true,
      },
      {
        name: 'Commune de Vaucommun-les-Bois (fictive)',
        category: 'commune',
        role: 'co-organiser',
        supportsEvent: true,
      },
      {
        name: 'Association Clic Solidaire (fictive)',
        category: 'association',
        role: 'partner',
        supportsEvent: false,
      },
    ],
    formats: {
      kinds: ['workshop', 'round-table', 'discovery-stand'],
      other: [],
    },
    eventMode: 'hybrid',
    means: {
      human: 'Une cheffe de projet à mi-temps pendant quatre mois, quinze bénévoles le jour J.',
      technical: 'Captation vidéo et diffusion en direct des tables rondes.',
      material: 'Mobilier prêté par la commune, signalétique réutilisable.',
      communication: 'Réseaux sociaux des partenaires, affichage en mairie, lettre d’information.',
    },
    event: {
      startDate: '2026-10-15',
      venue: {
        name: 'Salle des Communs (fictive)',
        address: '1 place du Marché, 49260 Vaucommun-les-Bois',
        communeCode: '49215',
        capacity: 250,
      },
    },
    budget: {
      expenses: [
        {
          category: 'logistics',
          label: 'Location et aménagement de la salle',
          amountCents: 400_000,
        },
        { category: 'logistics', label: 'Matériel et captation vidéo', amountCents: 200_000 },
        { category: 'communication', label: 'Affiches, programme et site', amountCents: 250_000 },
        {
          category: 'programming',
          label: 'Accueil des intervenantes et intervenants',
          amountCents: 450_000,
        },
        { category: 'other', label: 'Frais divers', amountCents: 100_000 },
      ],
      resources: [
        { kind: 'own-funds', label: 'Fonds propres du tiers-lieu', amountCents: 400_000 },
        {
          kind: 'co-financing',
          label: 'Participation de la commune',
          funder: 'Commune de Vaucommun-les-Bois (fictive)',
          amountCents: 300_000,
        },
        {
          kind: 'co-financing',
          label: 'Mécénat',
          funder: 'Fondation Numérique Partagé (fictive)',
          amountCents: 200_000,
        },
        { kind: 'anct-subsidy', label: 'Subvention NEC local', amountCents: 500_000 },
      ],
    },
    requests: {
      label: true,
      subsidy: { requested: true, amountCents: 500_000 },
      duo: true,
    },
    charterAcceptance: {
      charterId: 'nec-charter',
      version: '2024-guide',
      acceptedAt: '2026-05-04T09:30:00Z',
      acceptedBy: 'user-example-1',
    },
  };
}

/** A complete, valid application to host the national edition, from an invented département team. */
export function exampleNationalHostDossier(): NationalHostDossier {
  return {
    collectivite: {
      name: 'Département de démonstration (fictif)',
      category: 'departement',
      territory: { kind: 'departement', code: '73' },
      description: 'Un département engagé depuis 2018 dans un schéma d’inclusion numérique.',
      partners: [
        {
          name: 'Agglomération de démonstration (fictive)',
          impact: 'Réseau de 40 lieux de médiation.',
        },
      ],
    },
    motivations: 'Faire rayonner les initiatives locales et accueillir la communauté NEC.',
    venues: [
      { name: 'Centre des congrès (fictif)', address: '10 quai des Congrès', capacity: 2_500 },
    ],
    proposedDates: [{ startDate: '2025-10-08', endDate: '2025-10-09' }],
    means: {
      human: 'Une équipe projet de six personnes.',
      financial: 'Un budget voté de 150 000 €.',
    },
    initiatives: {
      partnerships: 'Un réseau départemental des lieux de médiation.',
      publicPolicies: 'Un schéma départemental d’inclusion numérique.',
      localNecBilans: 'Deux NEC locaux organisés, 400 personnes au total.',
    },
    themesToFeature: {
      catalogue: ['digital-inclusion', 'ecological-transition'],
      free: [],
      stakes: 'Le numérique en montagne et la sobriété.',
    },
    localInitiativesToFeature: 'Les bus numériques itinérants et les ateliers en refuge.',
    expectedParticipants: 2_200,
    expectedSpeakers: 320,
    attachments: [
      { id: 'file-example-1', name: 'Lettre de soutien de la région', kind: 'support-letter' },
    ],
  };
}

/** A complete, valid AMI application from an invented association. */
export function exampleAmiDossier(): AmiDossier {
  return {
    projectName: 'Cartographie partagée des lieux de médiation (projet fictif)',
    summary: 'Un outil libre pour recenser les lieux de médiation numérique et leurs services.',
    challenges: ['territory-needs', 'sustainability'],
    schemeKinds: ['digital'],
    isNewProject: false,
    territory: [{ kind: 'region', code: '52' }],
    qualityCommitments: {
      accessibility: true,
      openness: true,
      appropriability: true,
      security: true,
      coDesign: true,
    },
    budget: {
      expenses: [
        { category: 'other', label: 'Développement et documentation', amountCents: 6_000_000 },
      ],
      resources: [
        { kind: 'own-funds', label: 'Fonds propres', amountCents: 2_000_000 },
        { kind: 'anct-subsidy', label: 'Subvention AMI', amountCents: 4_000_000 },
      ],
    },
    requestedAmountCents: 4_000_000,
    partners: [
      {
        name: 'Réseau Médiation Ouest (fictif)',
        category: 'association',
        contribution: 'Recense les lieux et teste l’outil.',
      },
    ],
  };
}
