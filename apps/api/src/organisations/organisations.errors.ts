import { HttpStatus } from '@nestjs/common';
import type { MembershipChange } from '@nec/domain';
import { ApiError, conflict } from '../common/errors.js';

/** The refusals of the organisation routes: a stable code and what to do, in French. */

export const organisationNotFound = () =>
  new ApiError(HttpStatus.NOT_FOUND, 'organisation-not-found', 'Cette structure est introuvable.');

export const memberNotFound = () =>
  new ApiError(
    HttpStatus.NOT_FOUND,
    'member-not-found',
    'Cette personne n’est pas membre de la structure.',
  );

export const notOwner = () =>
  new ApiError(
    HttpStatus.FORBIDDEN,
    'not-owner',
    'Seul·e un·e responsable de la structure peut gérer ses membres.',
  );

export const organisationExists = () =>
  conflict(
    'organisation-exists',
    'Cette structure est déjà inscrite sur la plateforme. Pour agir en son nom, demandez à la rejoindre : ses responsables recevront votre demande et pourront l’accepter.',
  );

/**
 * The last owner stepping down or leaving. Only an owner changes someone else's membership, so
 * the last owner is always the caller: the message speaks to them. `fields` names what was
 * refused (the role asked for, or the membership itself), as input errors do.
 */
export function lastOwner(change: MembershipChange): ApiError {
  const message =
    change.to === null
      ? 'Vous êtes la seule personne responsable de cette structure : nommez d’abord une autre personne responsable, puis vous pourrez la quitter.'
      : 'Vous êtes la seule personne responsable de cette structure : nommez d’abord une autre personne responsable, puis vous pourrez retirer ce rôle.';
  return new ApiError(HttpStatus.CONFLICT, 'last-owner', message, [
    { path: change.to === null ? 'userId' : 'role', code: 'last-owner', message },
  ]);
}
