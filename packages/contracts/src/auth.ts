import { roleSchema } from '@nec/domain';
import { z } from 'zod';
import { RETURN_PATH_MAX, RETURN_PATH_PATTERN } from './return-path.js';
import { route, sessionPath } from './route.js';

/** A return path after signing in, in a request body: see `safeReturnPath` for the rule. */
export const returnPathSchema = z
  .string()
  .max(RETURN_PATH_MAX, { error: 'Ce chemin de retour est trop long.' })
  .regex(RETURN_PATH_PATTERN, {
    error: 'Ce chemin de retour n’est pas une page de la plateforme.',
  });

/** Request bodies of the auth endpoints (strict: unknown fields are refused). */
export const emailSchema = z
  .email({ error: 'Saisissez une adresse électronique valide.' })
  .max(254, { error: 'L’adresse électronique est trop longue.' });

export const passwordSchema = z
  .string({ error: 'Saisissez un mot de passe.' })
  .min(12, { error: 'Le mot de passe doit contenir au moins 12 caractères.' })
  .max(200, { error: 'Le mot de passe ne doit pas dépasser 200 caractères.' });

export const signUpSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  displayName: z
    .string({ error: 'Indiquez votre nom.' })
    .trim()
    .min(1, { error: 'Indiquez votre nom.' })
    .max(200, { error: 'Le nom ne doit pas dépasser 200 caractères.' }),
  /**
   * The portal's page to come back to once the address is confirmed and the person signed in
   * (an invitation): the confirmation link carries it, so it works from another browser too.
   */
  retour: returnPathSchema.optional(),
});

export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z
    .string({ error: 'Saisissez votre mot de passe.' })
    .min(1, { error: 'Saisissez votre mot de passe.' })
    .max(200, { error: 'Le mot de passe ne doit pas dépasser 200 caractères.' }),
});

export const tokenSchema = z.strictObject({
  token: z
    .string({ error: 'Le lien est incomplet.' })
    .min(20, { error: 'Le lien est incomplet.' })
    .max(200, { error: 'Ce lien n’est pas valide.' }),
});

export const resetRequestSchema = z.strictObject({ email: emailSchema });

/** A new confirmation link; it carries the sign-up's way back again (see `signUpSchema`). */
export const resendConfirmationSchema = z.strictObject({
  email: emailSchema,
  retour: returnPathSchema.optional(),
});

export const resetConfirmSchema = tokenSchema.extend({ password: passwordSchema });

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;

/** A short French acknowledgement (the same whatever the address, so nothing is disclosed). */
export const messageResponseSchema = z.object({ message: z.string().min(1) });

/** An account as the API shows it to those allowed to see it. */
export const accountSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type AccountDto = z.infer<typeof accountSchema>;

/**
 * What a session still awaits before it opens the platform: `enrol` (an agent's first sign-in:
 * set up an authenticator app), `verify` (type the code), or nothing.
 */
export const secondFactorStepSchema = z.enum(['enrol', 'verify']);
export type SecondFactorStep = z.infer<typeof secondFactorStepSchema>;

/** The signed-in account and the token to send in `X-CSRF-Token` on every write. */
export const sessionSchema = z.object({
  user: accountSchema,
  csrfToken: z.string().min(1),
  /** Whether the account signs in with a second factor. */
  mfaEnabled: z.boolean(),
  /** The second-factor step still due; while it is, every other route answers 401 `mfa-required`. */
  mfaPending: secondFactorStepSchema.nullable(),
});
export type SessionDto = z.infer<typeof sessionSchema>;

/** A six-digit code from the authenticator app, or a recovery code (`xxxx-xxxx`). */
export const secondFactorCodeSchema = z.strictObject({
  code: z
    .string({ error: 'Saisissez le code.' })
    .trim()
    .min(6, { error: 'Le code compte 6 chiffres (ou 8 signes pour un code de secours).' })
    .max(20, { error: 'Ce code est trop long.' }),
});

/**
 * Starting the enrolment. A complete session types its password again (ASVS V7.5.1): else
 * whoever holds it could bind their own phone and lock the owner out. A session still awaiting
 * its second factor (an agent's first sign-in) has just proved it: the body is then `{}`.
 */
export const mfaSetupSchema = z.strictObject({
  currentPassword: signInSchema.shape.password.optional(),
});

/** What an authenticator app needs: the secret, and the same as an `otpauth://` address. */
export const totpSetupSchema = z.object({
  secret: z.string().min(16),
  otpauthUri: z.string().startsWith('otpauth://totp/'),
});

/** Recovery codes, shown once: each opens one session when the phone is lost. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()).min(1) });

export const passwordConfirmationSchema = z.strictObject({
  password: signInSchema.shape.password,
});

/**
 * Turning the second factor off asks both factors again (a full re-authentication): the
 * password and a code of the app (or a recovery code).
 */
export const disableSecondFactorSchema = passwordConfirmationSchema.extend({
  code: secondFactorCodeSchema.shape.code,
});
export type DisableSecondFactorInput = z.infer<typeof disableSecondFactorSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: signInSchema.shape.password,
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/**
 * The password typed again before a sensitive step on one's own sessions (ASVS V7.5.2): a
 * stolen session alone cannot throw its owner out.
 */
export const reauthenticationSchema = z.strictObject({
  currentPassword: changePasswordSchema.shape.currentPassword,
});
export type ReauthenticationInput = z.infer<typeof reauthenticationSchema>;

/** A signed-in browser, as its owner (or an administrator) sees it. */
export const sessionInfoSchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  lastSeenAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  userAgent: z.string().nullable(),
  /** The session making this request. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
export const sessionListSchema = z.object({ items: z.array(sessionInfoSchema) });
export const endedSessionsSchema = z.object({ ended: z.number().int().min(0) });

const tag = 'Comptes et sessions';

export const auth = {
  signUp: route({
    method: 'POST',
    path: '/api/auth/sign-up',
    summary: 'Créer un compte porteur de projet (un lien de confirmation est envoyé)',
    tag,
    public: true,
    body: signUpSchema,
    status: 202,
    response: messageResponseSchema,
    errors: [429],
  }),
  confirmEmail: route({
    method: 'POST',
    path: '/api/auth/confirm-email',
    summary: 'Confirmer son adresse électronique',
    tag,
    public: true,
    body: tokenSchema,
    status: 200,
    response: messageResponseSchema,
    errors: [429],
  }),
  resendConfirmation: route({
    method: 'POST',
    path: '/api/auth/confirm-email/resend',
    summary:
      'Recevoir un nouveau lien de confirmation (même réponse que l’adresse ait un compte ou non ; limité)',
    tag,
    public: true,
    body: resendConfirmationSchema,
    status: 202,
    response: messageResponseSchema,
    errors: [429],
  }),
  signIn: route({
    method: 'POST',
    path: '/api/auth/sign-in',
    summary:
      'Se connecter (ouvre une session par cookie ; échecs limités par compte et par adresse : 429 avec Retry-After)',
    tag,
    public: true,
    body: signInSchema,
    status: 200,
    response: sessionSchema,
    csrf: 'issues',
    errors: [401, 403, 429],
  }),
  signOut: route({
    method: 'POST',
    path: '/api/auth/sign-out',
    allowMfaPending: true,
    summary: 'Se déconnecter',
    tag,
    status: 204,
    response: null,
    csrf: 'ends',
  }),
  session: route({
    method: 'GET',
    path: sessionPath,
    allowMfaPending: true,
    summary: 'La session en cours et son jeton CSRF',
    tag,
    status: 200,
    response: sessionSchema,
    csrf: 'issues',
  }),
  mfaSetup: route({
    method: 'POST',
    path: '/api/auth/mfa/setup',
    summary:
      'Préparer la double authentification : un secret pour l’application d’authentification (à confirmer par un code) ; mot de passe actuel requis hors première connexion',
    tag,
    allowMfaPending: true,
    body: mfaSetupSchema,
    status: 200,
    response: totpSetupSchema,
    errors: [409, 429],
  }),
  mfaEnable: route({
    method: 'POST',
    path: '/api/auth/mfa/enable',
    summary:
      'Activer la double authentification avec un premier code ; renvoie les codes de secours (montrés une fois)',
    tag,
    allowMfaPending: true,
    body: secondFactorCodeSchema,
    status: 200,
    response: recoveryCodesSchema,
    errors: [409, 429],
  }),
  mfaVerify: route({
    method: 'POST',
    path: '/api/auth/mfa/verify',
    summary:
      'Terminer la connexion avec le code de l’application (ou un code de secours) ; échecs limités',
    tag,
    allowMfaPending: true,
    body: secondFactorCodeSchema,
    status: 200,
    response: sessionSchema,
    csrf: 'issues',
    errors: [409, 429],
  }),
  mfaDisable: route({
    method: 'POST',
    path: '/api/auth/mfa/disable',
    summary:
      'Désactiver la double authentification avec le mot de passe et un code (porteurs seulement : elle est obligatoire pour les agents)',
    tag,
    body: disableSecondFactorSchema,
    status: 204,
    response: null,
    errors: [409, 429],
  }),
  changePassword: route({
    method: 'POST',
    path: '/api/account/password',
    summary:
      'Changer de mot de passe (l’actuel est demandé) ; ferme les autres sessions et prévient par courriel',
    tag,
    body: changePasswordSchema,
    status: 200,
    response: messageResponseSchema,
    errors: [429],
  }),
  sessions: route({
    method: 'GET',
    path: '/api/account/sessions',
    summary: 'Mes sessions ouvertes (navigateurs connectés)',
    tag,
    status: 200,
    response: sessionListSchema,
  }),
  endSession: route({
    method: 'DELETE',
    path: '/api/account/sessions/:sessionId',
    summary:
      'Fermer une de mes sessions (mot de passe actuel requis ; échecs limités comme à la connexion)',
    tag,
    params: z.object({ sessionId: z.uuid({ error: 'Session inconnue.' }) }),
    body: reauthenticationSchema,
    status: 204,
    response: null,
    errors: [429],
  }),
  endOtherSessions: route({
    method: 'POST',
    path: '/api/account/sessions/end-others',
    summary:
      'Fermer toutes mes sessions sauf celle-ci (mot de passe actuel requis ; échecs limités comme à la connexion)',
    tag,
    body: reauthenticationSchema,
    status: 200,
    response: endedSessionsSchema,
    errors: [429],
  }),
  requestPasswordReset: route({
    method: 'POST',
    path: '/api/auth/password-reset/request',
    summary: 'Demander un lien de réinitialisation du mot de passe',
    tag,
    public: true,
    body: resetRequestSchema,
    status: 202,
    response: messageResponseSchema,
    errors: [429],
  }),
  confirmPasswordReset: route({
    method: 'POST',
    path: '/api/auth/password-reset/confirm',
    summary: 'Choisir un nouveau mot de passe avec le lien reçu',
    tag,
    public: true,
    body: resetConfirmSchema,
    status: 200,
    response: messageResponseSchema,
    errors: [429],
  }),
};
