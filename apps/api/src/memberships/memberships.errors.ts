import { HttpStatus } from '@nestjs/common';
import { ApiError, conflict } from '../common/errors.js';

/** The refusals of the membership routes: a stable code and what to do, in French. */

export const invitationPending = () =>
  conflict(
    'invitation-pending',
    'Une invitation attend déjà la réponse de cette adresse. Pour en envoyer une nouvelle, retirez d’abord celle-ci.',
  );

export const invitationNotFound = () =>
  new ApiError(
    HttpStatus.NOT_FOUND,
    'invitation-not-found',
    'Cette invitation est introuvable : vérifiez que le lien est complet, ou demandez une nouvelle invitation.',
  );

/** A link opened by another account than the invited address's: nothing of it is shown. */
export const invitationForAnotherAccount = () =>
  new ApiError(
    HttpStatus.FORBIDDEN,
    'invitation-for-another-account',
    'Cette invitation a été envoyée à une autre adresse que celle de votre compte. Connectez-vous avec le compte de l’adresse invitée (ou créez-le), puis ouvrez de nouveau le lien.',
  );

export const invitationExpired = () =>
  new ApiError(
    HttpStatus.GONE,
    'invitation-expired',
    'Cette invitation a expiré. Demandez aux responsables de la structure de vous inviter de nouveau.',
  );

export const invitationAnswered = () =>
  new ApiError(
    HttpStatus.GONE,
    'invitation-answered',
    'Vous avez déjà répondu à cette invitation. Vos structures sont dans « Mes structures ».',
  );

export const invitationRevoked = () =>
  new ApiError(
    HttpStatus.GONE,
    'invitation-revoked',
    'Cette invitation a été retirée par les responsables de la structure.',
  );

export const organisationNotRegistered = () =>
  new ApiError(
    HttpStatus.NOT_FOUND,
    'organisation-not-registered',
    'Aucune structure n’est inscrite avec ce SIRET. Vous pouvez l’inscrire vous-même : vous en serez responsable.',
  );

export const alreadyMember = () =>
  conflict(
    'already-member',
    'Vous êtes déjà membre de cette structure : elle est dans « Mes structures ».',
  );

export const joinRequestPending = () =>
  conflict(
    'join-request-pending',
    'Vous avez déjà demandé à rejoindre cette structure : ses responsables n’ont pas encore répondu.',
  );

export const joinRequestNotFound = () =>
  new ApiError(
    HttpStatus.NOT_FOUND,
    'join-request-not-found',
    'Cette demande est introuvable, ou a déjà reçu une réponse.',
  );
