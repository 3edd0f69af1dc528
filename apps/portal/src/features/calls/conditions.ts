import { callKindLabels, formatCents, type Campaign, formatDateFr } from '@nec/domain';

/** French long date: "31 décembre 2026". */

const percent = (ratio: number) =>
  new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
const number = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

/** A call's conditions, each one sentence written from its campaign's figures. */
export type Condition = { title: string; text: string };

/** "Jusqu’au 31 décembre 2026" or "Toute l’année". */
export function deadlineText(campaign: Campaign): string {
  return campaign.closesOn ? `Jusqu’au ${formatDateFr(campaign.closesOn)}` : 'Toute l’année';
}

/** One line for a card: the amounts or the main figure of the call. */
export function cardSummary(campaign: Campaign): string {
  switch (campaign.callKind) {
    case 'nec-local': {
      const s = campaign.params.subsidy;
      return `Label NEC pour votre événement, et une subvention possible de ${formatCents(s.minCents)} à ${formatCents(s.maxCents)}.`;
    }
    case 'national-host':
      return `Accueillir l’édition nationale ${campaign.params.editionYear} : ${number(campaign.params.hostCapacity.participants)} participantes et participants sur ${campaign.params.hostCapacity.days} jours.`;
    case 'ami-mediation':
      return `Financer un dispositif de médiation numérique ancré dans un territoire.`;
  }
}

/** Who may apply, in words, per call. */
export function whoMayApply(campaign: Campaign): string {
  switch (campaign.callKind) {
    case 'nec-local':
      return 'Toute personne morale : collectivité, association, tiers-lieu, coopérative, entreprise, établissement public.';
    case 'national-host':
      return 'Une collectivité territoriale, avec ses partenaires locaux.';
    case 'ami-mediation':
      return 'Toute personne morale portant un dispositif de médiation numérique.';
  }
}

/** The conditions of a call, written from its campaign's own figures (they change by year). */
export function callConditions(campaign: Campaign): Condition[] {
  const common: Condition[] = [
    { title: 'Qui peut candidater', text: whoMayApply(campaign) },
    { title: 'Date limite', text: deadlineText(campaign) },
  ];
  switch (campaign.callKind) {
    case 'nec-local': {
      const p = campaign.params;
      return [
        ...common,
        {
          title: 'Délai avant l’événement',
          text: `Déposez votre dossier au moins ${p.leadTimeMonths} mois avant la date de l’événement.`,
        },
        {
          title: 'Public attendu',
          text: `Pour demander la subvention ou l’accompagnement du duo, l’événement doit accueillir au moins ${number(p.minAttendees)} personnes, dans un lieu assez grand pour les recevoir.`,
        },
        {
          title: 'Soutien d’une collectivité',
          text: `Pour ces mêmes demandes, au moins ${p.minSupportingCollectivites} collectivité${p.minSupportingCollectivites > 1 ? 's doivent' : ' doit'} soutenir l’événement.`,
        },
        {
          title: 'Montant de la subvention',
          text: `De ${formatCents(p.subsidy.minCents)} à ${formatCents(p.subsidy.maxCents)}, sans dépasser ${percent(p.subsidy.capRatio)} du budget total de l’événement. Votre budget doit être équilibré.`,
        },
        {
          title: 'Durée de la convention',
          text: `L’événement se tient au plus tard le ${formatDateFr(p.agreementEndDate)}, date de fin de la convention.`,
        },
      ];
    }
    case 'national-host': {
      const p = campaign.params;
      return [
        ...common,
        {
          title: 'Capacité d’accueil',
          text: `${number(p.hostCapacity.participants)} participantes et participants, ${number(p.hostCapacity.speakers)} intervenantes et intervenants, sur ${p.hostCapacity.days} jours.`,
        },
      ];
    }
    case 'ami-mediation': {
      const p = campaign.params;
      return [
        ...common,
        {
          title: 'Défis',
          text: `Votre projet répond à au moins ${p.minChallenges} des défis de l’appel.`,
        },
      ];
    }
  }
}

/** What the NEC label brings, in our words. */
export const labelBenefits = [
  'Utiliser le nom et l’identité visuelle Numérique en Commun[s] pour votre événement.',
  'Recevoir le kit de communication et les outils d’animation du réseau.',
  'Être annoncé dans l’agenda national et rejoindre la communauté des NEC locaux.',
  'Bénéficier, si vous le demandez et y êtes éligible, d’une subvention et du regard d’un duo chercheur·euse et journaliste qui documente l’événement.',
];

export const callKindName = (campaign: Campaign): string => callKindLabels[campaign.callKind];
