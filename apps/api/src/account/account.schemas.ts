import type { z } from 'zod';
import { signInSchema } from '../auth/auth.schemas.js';
import { strictDeep } from '../common/strict-deep.js';

/** Deleting one's account is confirmed with the password (unknown fields refused). */
export const deleteAccountSchema = strictDeep(signInSchema.pick({ password: true }));
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
