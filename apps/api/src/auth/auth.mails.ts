import type { Mail } from '../mail/mail.service.js';

interface Recipient {
  email: string;
  displayName: string;
}

/**
 * Sent after every password change (by the owner, or through a reset link): if the owner did
 * not do it, this mail is how they learn their account is being taken over.
 */
export function passwordChangedMail(to: Recipient, resetLink: string): Mail {
  return {
    to: to.email,
    subject: 'Votre mot de passe a été modifié',
    text: `Bonjour ${to.displayName},\n\nLe mot de passe de votre compte Numérique en Commun[s] vient d’être modifié, et vos autres sessions ont été fermées.\n\nSi vous êtes à l’origine de ce changement, vous n’avez rien à faire.\nSinon, choisissez tout de suite un nouveau mot de passe avec ce lien, puis prévenez l’équipe de la plateforme :\n${resetLink}\n`,
  };
}

/** Sent when the second factor is switched on or off: same reason as above. */
export function secondFactorChangedMail(to: Recipient, enabled: boolean): Mail {
  return {
    to: to.email,
    subject: enabled
      ? 'La double authentification est activée'
      : 'La double authentification est désactivée',
    text: `Bonjour ${to.displayName},\n\n${
      enabled
        ? 'La double authentification vient d’être activée sur votre compte Numérique en Commun[s] : chaque connexion vous demandera désormais un code de votre application d’authentification. Gardez vos codes de secours en lieu sûr.'
        : 'La double authentification vient d’être désactivée sur votre compte Numérique en Commun[s].'
    }\n\nSi vous n’êtes pas à l’origine de ce changement, changez votre mot de passe et prévenez l’équipe de la plateforme.\n`,
  };
}
