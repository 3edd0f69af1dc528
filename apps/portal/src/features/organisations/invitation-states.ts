import type { InvitationPreviewDto } from '@nec/contracts';
import { normaliseEmail } from '@nec/domain';

/** A name between French quotes, held to them by non-breaking spaces (no « alone at a line's end). */
export const quoted = (name: string): string => `«\u00a0${name}\u00a0»`;

/** An invitation that can no longer be answered, and what its addressee can do about it. */
export function closedInvitationNotice(
  status: Exclude<InvitationPreviewDto['status'], 'pending'>,
  organisation: string,
): { title: string; message: string } {
  switch (status) {
    case 'expired':
      return {
        title: 'Cette invitation a expiré',
        message: `Le lien pour rejoindre ${quoted(organisation)} n’est plus valable. Demandez à ses responsables de vous inviter de nouveau : vous recevrez un nouveau lien par courriel.`,
      };
    case 'revoked':
      return {
        title: 'Cette invitation a été retirée',
        message: `Les responsables de ${quoted(organisation)} ont retiré cette invitation. S’il s’agit d’une erreur, demandez-leur de vous inviter de nouveau.`,
      };
    case 'answered':
      return {
        title: 'Cette invitation a déjà reçu une réponse',
        message: `Si vous l’avez acceptée, ${quoted(organisation)} figure dans vos structures. Si vous l’avez déclinée et souhaitez finalement la rejoindre, demandez une nouvelle invitation à ses responsables.`,
      };
  }
}

/** Whether the signed-in account is the invited one (addresses compare without case). */
export function isInvitedAccount(accountEmail: string, invitedEmail: string | null): boolean {
  return invitedEmail !== null && normaliseEmail(accountEmail) === invitedEmail;
}

/** Where the invitation page of a token is: signing in or up comes back to it. */
export const invitationPath = (token: string): string =>
  `/invitation?jeton=${encodeURIComponent(token)}`;
