import { Injectable } from '@nestjs/common';
import { type ApiError, badRequest, unauthenticated } from '../common/errors.js';
import { logSecurityEvent } from '../common/security-events.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import type { Actor } from './actor.js';
import { PasswordHasher } from './password-hasher.js';
import { SignInLimiter } from './sign-in-limiter.js';

/** Why a signed-in person types their password again (said in the log line of a failure). */
export type ReauthenticationPurpose =
  | 'password-change'
  | 'second-factor-setup'
  | 'second-factor-disable'
  | 'session-end'
  | 'sessions-end-others'
  | 'account-deletion';

export interface ConfirmationOptions {
  purpose: ReauthenticationPurpose;
  /** The body field holding the password: a refusal lands on it. */
  field: string;
  message?: string;
  /** The answer to a wrong password, when a route already published another one. */
  refusal?: () => ApiError;
}

/**
 * The password asked again of a signed-in account before a sensitive step (ASVS V7.5): changing
 * it, ending sessions, turning the second factor off, deleting the account. A stolen session
 * alone cannot do these. Failures count against the sign-in limits (per account and per client
 * address), so the password cannot be guessed through these routes either: past the limit they
 * answer 429 with `Retry-After`, even with the right password.
 */
@Injectable()
export class PasswordConfirmation {
  constructor(
    private readonly users: UsersRepository,
    private readonly limiter: SignInLimiter,
    private readonly hasher: PasswordHasher,
  ) {}

  /** The account, once its password is confirmed; else a refusal on `options.field`. */
  async confirm(
    actor: Actor,
    password: string,
    address: string,
    options: ConfirmationOptions,
  ): Promise<UserEntity> {
    const attempt = await this.limiter.begin(address, actor.email);
    try {
      const user = await this.users.findById(actor.id);
      if (!user) throw unauthenticated();
      if (!(await this.hasher.verify(password, user.passwordHash))) {
        logSecurityEvent('auth.reauthentication.failed', { purpose: options.purpose });
        attempt.failed();
        throw options.refusal?.() ?? wrongPassword(options.field, options.message);
      }
      // A success clears the failures only when it is a whole authentication: with a second
      // factor, a known password must not wipe the count of wrong codes (else guessing codes
      // between two right passwords would never be stopped).
      if (!actor.mfaEnabled) attempt.completed();
      return user;
    } finally {
      await attempt.end();
    }
  }
}

function wrongPassword(field: string, message = 'Le mot de passe est incorrect.'): ApiError {
  return badRequest('wrong-password', message, [{ path: field, code: 'wrong-password', message }]);
}
