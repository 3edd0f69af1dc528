import { roleSchema } from '@nec/domain';
import { z } from 'zod';
import { route } from './route.js';

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

export const resendConfirmationSchema = z.strictObject({ email: emailSchema });

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

/** The signed-in account and the token to send in `X-CSRF-Token` on every write. */
export const sessionSchema = z.object({ user: accountSchema, csrfToken: z.string().min(1) });
export type SessionDto = z.infer<typeof sessionSchema>;

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
    errors: [401, 403, 429],
  }),
  signOut: route({
    method: 'POST',
    path: '/api/auth/sign-out',
    summary: 'Se déconnecter',
    tag,
    status: 204,
    response: null,
  }),
  session: route({
    method: 'GET',
    path: '/api/auth/session',
    summary: 'La session en cours et son jeton CSRF',
    tag,
    status: 200,
    response: sessionSchema,
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
