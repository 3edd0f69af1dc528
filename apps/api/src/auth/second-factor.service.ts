import { Inject, Injectable } from '@nestjs/common';
import type { DisableSecondFactorInput, SessionDto } from '@nec/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../clock/clock.js';
import { badRequest, conflict, forbidden } from '../common/errors.js';
import { logSecurityEvent } from '../common/security-events.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { MailService } from '../mail/mail.service.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import type { Actor } from './actor.js';
import { toSessionDto } from './auth.dto.js';
import { secondFactorChangedMail } from './auth.mails.js';
import { AuthRepository } from './auth.repository.js';
import {
  acceptedTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  recoveryCodeHash,
} from './mfa.js';
import { PasswordConfirmation } from './password-confirmation.js';
import { type Attempt, SignInLimiter } from './sign-in-limiter.js';

type Proof = 'totp' | 'recovery-code';
/** Where a code was refused (said in the security event). */
type Stage = 'sign-in' | 'enable' | 'disable';

const TOTP_FORMAT = /^\d{6}$/;
const compacted = (code: string) => code.replace(/\s/g, '');

/**
 * The second factor (TOTP and recovery codes): enrolled by agents at their first sign-in, by
 * applicants if they wish; asked at every sign-in once enrolled. Failed codes count against
 * the same limits as failed passwords (per account and per client address).
 */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly users: UsersRepository,
    private readonly repository: AuthRepository,
    private readonly limiter: SignInLimiter,
    private readonly passwords: PasswordConfirmation,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A new secret for the authenticator app; the factor is on only once a code proves it. A
   * complete session confirms the password first (ASVS V7.5.1: whoever holds a session must not
   * bind their own phone to the account); a session awaiting its second factor has just proved it.
   */
  async setup(
    actor: Actor,
    currentPassword: string | undefined,
    address: string,
  ): Promise<{ secret: string; otpauthUri: string }> {
    const user = actor.mfaPending
      ? await this.account(actor)
      : await this.passwords.confirm(actor, requiredPassword(currentPassword), address, {
          purpose: 'second-factor-setup',
          field: 'currentPassword',
        });
    if (user.mfaEnabledAt) throw alreadyEnabled();
    const secret = newTotpSecret();
    await this.users.update(user.id, { mfaSecret: secret, mfaLastStep: null });
    return { secret, otpauthUri: otpauthUri(this.config.NEC_MFA_ISSUER, user.email, secret) };
  }

  /** Turns the factor on with a first valid code; the session is complete; codes shown once. */
  async enable(actor: Actor, code: string, address: string): Promise<{ recoveryCodes: string[] }> {
    return this.counted(actor, address, async (attempt) => {
      const user = await this.account(actor);
      if (user.mfaEnabledAt) throw alreadyEnabled();
      if (!user.mfaSecret) {
        throw conflict('mfa-not-set-up', 'Commencez par ajouter le compte à votre application.');
      }
      const now = this.clock.now();
      const step = await acceptedTotpStep(user.mfaSecret, code, now, user.mfaLastStep);
      if (step === null) throw await this.failed(actor, attempt, 'enable', code);
      const recoveryCodes = newRecoveryCodes();
      await this.users.update(user.id, {
        mfaEnabledAt: now,
        mfaLastStep: step,
        mfaRecoveryHashes: recoveryCodes.map(recoveryCodeHash),
      });
      await this.repository.completeSecondFactor(actor.sessionId, now);
      attempt.completed();
      await this.record(actor, 'account.mfa-enabled');
      await this.mail.send(secondFactorChangedMail(user, true));
      return { recoveryCodes };
    });
  }

  /** Completes a sign-in with a code from the app, or a recovery code (used up). */
  async verify(actor: Actor, code: string, address: string): Promise<SessionDto> {
    if (!actor.mfaPending) throw conflict('mfa-not-pending', 'Votre session est déjà ouverte.');
    if (!actor.mfaEnabled) {
      throw conflict('mfa-not-enabled', 'Ajoutez d’abord votre compte à une application.');
    }
    return this.counted(actor, address, async (attempt) => {
      const user = await this.account(actor);
      const proof = await this.check(user, code);
      if (!proof) throw await this.failed(actor, attempt, 'sign-in', code);
      await this.repository.completeSecondFactor(actor.sessionId, this.clock.now());
      attempt.completed();
      await this.record(actor, 'session.sign-in', { secondFactor: proof });
      return toSessionDto({ ...actor, mfaPending: false });
    });
  }

  /**
   * Applicants may turn the factor off; agents may not. Both factors are asked again (ASVS
   * V7.5.1: a full re-authentication before changing how the account signs in), so neither a
   * stolen session nor a stolen password alone can remove it: the password, then a code.
   */
  async disable(actor: Actor, input: DisableSecondFactorInput, address: string): Promise<void> {
    if (actor.role !== 'applicant' && this.config.NEC_MFA_REQUIRED_FOR_AGENTS) {
      throw forbidden('La double authentification est obligatoire pour les agents.');
    }
    const user = await this.passwords.confirm(actor, input.password, address, {
      purpose: 'second-factor-disable',
      field: 'password',
    });
    if (!user.mfaEnabledAt) throw conflict('mfa-not-enabled', 'Elle n’est pas activée.');
    await this.counted(actor, address, async (attempt) => {
      if (!(await this.check(user, input.code))) {
        throw await this.failed(actor, attempt, 'disable', input.code);
      }
      attempt.completed();
    });
    await this.users.update(user.id, {
      mfaSecret: null,
      mfaEnabledAt: null,
      mfaLastStep: null,
      mfaRecoveryHashes: [],
    });
    await this.record(actor, 'account.mfa-disabled');
    await this.mail.send(secondFactorChangedMail(user, false));
  }

  private async check(user: UserEntity, code: string): Promise<Proof | null> {
    const compact = compacted(code);
    if (TOTP_FORMAT.test(compact)) {
      if (!user.mfaSecret) return null;
      const step = await acceptedTotpStep(
        user.mfaSecret,
        compact,
        this.clock.now(),
        user.mfaLastStep,
      );
      // Recorded in one statement: two requests with one code cannot both pass.
      return step !== null && (await this.users.recordTotpStep(user.id, step)) ? 'totp' : null;
    }
    return (await this.users.consumeRecoveryCode(user.id, recoveryCodeHash(compact)))
      ? 'recovery-code'
      : null;
  }

  /** Runs a check of a code under the sign-in limits (see `SignInLimiter.begin`). */
  private async counted<T>(
    actor: Actor,
    address: string,
    check: (attempt: Attempt) => Promise<T>,
  ): Promise<T> {
    const attempt = await this.limiter.begin(address, actor.email);
    try {
      return await check(attempt);
    } finally {
      await attempt.end();
    }
  }

  /**
   * A refused code: counted against the sign-in limits, audited, and logged as a security event
   * that says where and what kind of code (an app's six digits or a recovery code), never which.
   */
  private async failed(actor: Actor, attempt: Attempt, stage: Stage, code: string) {
    const proof: Proof = TOTP_FORMAT.test(compacted(code)) ? 'totp' : 'recovery-code';
    logSecurityEvent('auth.second-factor.failed', { stage, proof });
    attempt.failed();
    await this.record(actor, 'session.mfa-failed', { stage, proof });
    const message =
      'Ce code n’est pas valide (ou a déjà servi). Saisissez le code affiché maintenant.';
    return badRequest('invalid-code', message, [{ path: 'code', code: 'invalid-code', message }]);
  }

  private async account(actor: Actor): Promise<UserEntity> {
    const user = await this.users.findById(actor.id);
    if (!user) throw forbidden();
    return user;
  }

  private record(actor: Actor, action: string, details: Record<string, unknown> = {}) {
    return this.audit.record({
      actorId: actor.id,
      actorRole: actor.role,
      action,
      subjectType: 'user',
      subjectId: actor.id,
      details,
    });
  }
}

/** The password a complete session must give (not counted as a failure when left out). */
function requiredPassword(password: string | undefined): string {
  if (password) return password;
  const message = 'Saisissez votre mot de passe pour confirmer.';
  throw badRequest('invalid-request', 'Certains champs sont invalides.', [
    { path: 'currentPassword', code: 'required', message },
  ]);
}

function alreadyEnabled() {
  return conflict('mfa-already-enabled', 'La double authentification est déjà activée.');
}
