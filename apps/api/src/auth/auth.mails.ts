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

/** The links a sign-up mail may carry, already absolute (see `MailService.portalLink`). */
export interface SignUpLinks {
  confirm: string;
  signIn: string;
  reset: string;
}

/** The first confirmation link, sent when the account is created. */
export function confirmationMail(to: Recipient, confirmLink: string): Mail {
  return {
    to: to.email,
    subject: 'Confirmez votre adresse électronique',
    text: `Bonjour ${to.displayName},\n\nPour activer votre compte, ouvrez ce lien dans les 48 heures :\n${confirmLink}\n\nSi vous n’êtes pas à l’origine de cette inscription, ignorez ce message.\n`,
  };
}

/** A new confirmation link, asked for from the sign-up page. */
export function newConfirmationLinkMail(to: Recipient, confirmLink: string): Mail {
  return {
    to: to.email,
    subject: 'Confirmez votre adresse électronique',
    text: `Bonjour ${to.displayName},\n\nVoici un nouveau lien pour activer votre compte, à ouvrir dans les 48 heures :\n${confirmLink}\n\nSi vous n’avez rien demandé, ignorez ce message.\n`,
  };
}

/**
 * Someone signs up again with an address whose account awaits its confirmation (the first mail
 * was lost, most likely): a new link. The password chosen the first time stays — taking the new
 * one would let whoever typed someone else's address set the password of the account its owner
 * is about to confirm — so the mail says how to choose another.
 */
export function signUpAgainMail(to: Recipient, links: SignUpLinks): Mail {
  return {
    to: to.email,
    subject: 'Confirmez votre adresse électronique',
    text: `Bonjour ${to.displayName},\n\nUne inscription vient d’être demandée à nouveau avec votre adresse, qui n’est pas encore confirmée. Voici un nouveau lien pour activer votre compte, à ouvrir dans les 48 heures :\n${links.confirm}\n\nVotre compte garde le mot de passe choisi lors de la première inscription. Si vous ne vous en souvenez plus, choisissez-en un nouveau ici (cela confirme aussi votre adresse) :\n${links.reset}\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message.\n`,
  };
}

/** Someone signs up with an address whose account is already active. */
export function alreadyRegisteredMail(to: Recipient, links: Omit<SignUpLinks, 'confirm'>): Mail {
  return {
    to: to.email,
    subject: 'Vous avez déjà un compte Numérique en Commun[s]',
    text: `Bonjour ${to.displayName},\n\nUne inscription vient d’être demandée avec votre adresse, mais vous avez déjà un compte.\nPour vous connecter : ${links.signIn}\nSi vous avez oublié votre mot de passe, vous pouvez le réinitialiser ici : ${links.reset}\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre compte reste inchangé.\n`,
  };
}
