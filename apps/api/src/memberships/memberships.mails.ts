import { formatInstantFr } from '@nec/domain';
import type { Mail } from '../mail/mail.service.js';

/** The texts of the membership mails (French, vouvoiement), apart from the code that sends them. */

/** The day of an instant in Paris, written as French does (« 1er décembre 2026 »). */
const day = (instant: Date): string =>
  formatInstantFr(instant, { time: false, timeZone: 'Europe/Paris' });

export interface InvitationMailFacts {
  to: string;
  organisationName: string;
  inviterName: string;
  link: string;
  expiresAt: Date;
}

/**
 * The invitation: the same text whether or not the address has an account (the inviter learns
 * nothing, and the addressee is told how to go on in both cases).
 */
export function invitationMail(facts: InvitationMailFacts): Mail {
  return {
    to: facts.to,
    subject: `Invitation à rejoindre « ${facts.organisationName} »`,
    text: `Bonjour,\n\n${facts.inviterName} vous invite à rejoindre la structure « ${facts.organisationName} » sur la plateforme Numérique en Commun[s], pour préparer et suivre ses dossiers avec les autres membres.\n\nPour accepter ou décliner l’invitation, ouvrez ce lien avant le ${day(facts.expiresAt)} :\n${facts.link}\n\nVous n’avez pas encore de compte ? Créez-le avec cette adresse (${facts.to}) et confirmez-la, puis ouvrez de nouveau ce lien. Seul le compte de cette adresse peut accepter l’invitation.\n\nSi vous ne connaissez pas cette structure, ignorez ce message : rien ne se fera sans votre accord.\n`,
  };
}

export interface JoinRequestMailFacts {
  to: string;
  organisationName: string;
  requesterName: string;
  link: string;
}

/**
 * To each owner of the organisation. The requester's message is not copied into the mail: anyone
 * can ask to join, and the mail must not carry their words to the owners' inboxes unchecked.
 */
export function joinRequestMail(facts: JoinRequestMailFacts): Mail {
  return {
    to: facts.to,
    subject: `Demande pour rejoindre « ${facts.organisationName} »`,
    text: `Bonjour,\n\n${facts.requesterName} demande à rejoindre la structure « ${facts.organisationName} » sur la plateforme Numérique en Commun[s], dont vous êtes responsable.\n\nAcceptez ou refusez la demande depuis votre espace, rubrique « Mes structures » :\n${facts.link}\n\nSi vous ne connaissez pas cette personne, refusez la demande : elle ne verra rien de la structure.\n`,
  };
}

export interface DecisionMailFacts {
  to: string;
  organisationName: string;
  accepted: boolean;
  link: string;
}

/** The outcome of a request to join, to its author. */
export function joinDecisionMail(facts: DecisionMailFacts): Mail {
  return {
    to: facts.to,
    subject: facts.accepted
      ? `Vous avez rejoint « ${facts.organisationName} »`
      : `Votre demande pour rejoindre « ${facts.organisationName} »`,
    text: facts.accepted
      ? `Bonjour,\n\nVotre demande est acceptée : vous pouvez désormais agir pour la structure « ${facts.organisationName} » sur la plateforme Numérique en Commun[s], préparer et suivre ses dossiers.\nRetrouvez-la dans votre espace : ${facts.link}\n`
      : `Bonjour,\n\nLes responsables de la structure « ${facts.organisationName} » n’ont pas accepté votre demande pour la rejoindre.\nSi vous pensez qu’il s’agit d’une erreur, prenez contact avec elles ou eux directement. Vos demandes sont dans votre espace : ${facts.link}\n`,
  };
}
