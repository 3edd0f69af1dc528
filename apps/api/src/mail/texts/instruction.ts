import { formatCents, formatDateFr, type IsoDate } from '@nec/domain';

/** An e-mail's subject and plain text, before it is addressed. */
export interface MailText {
  subject: string;
  text: string;
}

/**
 * What the instruction of a dossier tells people by e-mail, in one place: the services decide
 * when to write, these functions what is written. Plain text, vouvoiement, no personal data
 * beyond the dossier's reference.
 */
export const instructionMails = {
  informationRequested: (reference: string, message: string, dueDate: IsoDate): MailText => ({
    subject: `Dossier ${reference} : des compléments vous sont demandés`,
    text: `Bonjour,\n\nL’équipe de l’ANCT qui étudie votre dossier ${reference} vous demande des compléments :\n\n${message}\n\nMerci de répondre depuis votre espace avant le ${formatDateFr(dueDate)}.\n`,
  }),

  applicantAnswered: (reference: string): MailText => ({
    subject: `Dossier ${reference} : le porteur a répondu`,
    text: `Bonjour,\n\nLe porteur du dossier ${reference} a répondu à votre demande de compléments. Le dossier est de nouveau en cours d’instruction.\n`,
  }),

  interviewScheduled: (reference: string, date: IsoDate): MailText => ({
    subject: `Dossier ${reference} : un entretien est prévu`,
    text: `Bonjour,\n\nL’équipe de l’ANCT souhaite s’entretenir avec vous au sujet de votre dossier ${reference}, le ${formatDateFr(date)}. Elle vous contactera pour convenir des modalités.\n`,
  }),

  /** `awardedCents`: the subsidy granted, absent or 0 for the label alone. */
  accepted: (reference: string, awardedCents: number | undefined): MailText => {
    const news =
      awardedCents !== undefined && awardedCents > 0
        ? `Bonne nouvelle : votre dossier ${reference} est accepté, avec une subvention de l’ANCT de ${formatCents(awardedCents)}.`
        : `Bonne nouvelle : votre dossier ${reference} est accepté.`;
    return {
      subject: `Dossier ${reference} accepté`,
      text: `Bonjour,\n\n${news} Vous retrouverez les prochaines étapes dans votre espace.\n`,
    };
  },

  refused: (reference: string, reason: string): MailText => ({
    subject: `Dossier ${reference} : décision`,
    text: `Bonjour,\n\nNous sommes au regret de vous informer que votre dossier ${reference} n’a pas été retenu, pour le motif suivant :\n\n${reason}\n\nVous pouvez écrire à l’équipe depuis votre espace pour toute question.\n`,
  }),

  applicantWrote: (reference: string): MailText => ({
    subject: `Dossier ${reference} : nouveau message du porteur`,
    text: `Bonjour,\n\nLe porteur du dossier ${reference} vous a écrit. Lisez son message dans le back-office.\n`,
  }),

  teamWrote: (reference: string): MailText => ({
    subject: `Dossier ${reference} : nouveau message`,
    text: `Bonjour,\n\nL’équipe de l’ANCT vous a écrit au sujet de votre dossier ${reference}. Lisez son message depuis votre espace.\n`,
  }),
};
