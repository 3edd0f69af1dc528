import { z } from 'zod';

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

/** What the public account routes answer (the same whatever the address). */
export const acknowledgementSchema = z.object({ message: z.string() });

export const resetConfirmSchema = tokenSchema.extend({ password: passwordSchema });

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;
