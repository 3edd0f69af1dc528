import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Role } from '@nec/domain';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../clock/clock.js';
import { ApiError, badRequest } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { MailService } from '../mail/mail.service.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import type { Actor } from './actor.js';
import { BackgroundWork } from './background-work.js';
import { AuthRepository } from './auth.repository.js';
import type { ChangePasswordInput, SessionDto, SignInInput, SignUpInput } from '@nec/contracts';
import { toSessionDto } from './auth.dto.js';
import type { OneTimeTokenPurpose } from './one-time-token.entity.js';
import {
  alreadyRegisteredMail,
  confirmationMail,
  newConfirmationLinkMail,
  passwordChangedMail,
  signUpAgainMail,
  type SignUpLinks,
} from './auth.mails.js';
import { PasswordHasher } from './password-hasher.js';
import { assertStrongPassword } from './password-policy.js';
import { PasswordConfirmation } from './password-confirmation.js';
import { randomToken, sha256 } from './tokens.js';
import { Transactions, type Tx } from '../database/transactions.js';

export const SESSION_COOKIE = 'nec_session';

const TOKEN_TTL_MS: Record<OneTimeTokenPurpose, number> = {
  'confirm-email': 48 * 3600_000,
  'reset-password': 3600_000,
  invitation: 72 * 3600_000,
};

/** Links that set a password: a reset, or an agent's invitation. */
const PASSWORD_LINKS: OneTimeTokenPurpose[] = ['reset-password', 'invitation'];

/**
 * The confirmation link's path. The page to come back to (an invitation) rides along, so the
 * link leads there from any browser; the contract's schema has already made it a local path.
 */
function confirmationPath(token: string, retour: string | undefined): string {
  const back = retour ? `&retour=${encodeURIComponent(retour)}` : '';
  return `/confirmer-mon-adresse?jeton=${token}${back}`;
}

/**
 * An applicant's account created by signing up, its address not confirmed yet: the one kind a
 * confirmation link is for. An agent's account also waits with no confirmed address until its
 * invitation is used, but only that link (which sets the password) may activate it.
 */
function awaitsConfirmation(user: Pick<UserEntity, 'role' | 'emailConfirmedAt'>): boolean {
  return user.role === 'applicant' && user.emailConfirmedAt === null;
}

/** A session's last use is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;

@Injectable()
export class AuthService {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersRepository,
    private readonly repository: AuthRepository,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly background: BackgroundWork,
    private readonly passwords: PasswordConfirmation,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Creates an applicant account and mails a confirmation link. An e-mail already in use gets
   * a new link or a notice instead (`completeSignUp`), and the caller sees the same answer in
   * the same time: no account enumeration. The request only hashes the password (the slow
   * part, done whatever the address); looking the address up, creating the account and
   * mailing happen after the answer.
   */
  async signUp(input: SignUpInput): Promise<void> {
    // Judged on what was typed only, never on the accounts: the answer tells nothing.
    assertStrongPassword(input.password, input);
    const passwordHash = await this.hasher.hash(input.password);
    this.background.run('Inscription', () => this.completeSignUp(input, passwordHash));
  }

  /**
   * After the answer: a new address gets its account and a first link; an account still
   * awaiting its confirmation gets a new link (its first mail may have been lost); an active
   * account gets a notice with the sign-in and reset links.
   */
  private async completeSignUp(input: SignUpInput, passwordHash: string): Promise<void> {
    const existing = await this.users.findByEmail(input.email);
    if (!existing) return this.createApplicant(input, passwordHash);
    if (awaitsConfirmation(existing)) {
      const token = await this.issueToken(existing.id, 'confirm-email');
      const confirm = this.confirmLink(token, input.retour);
      await this.mail.send(
        signUpAgainMail(existing, { confirm, ...this.accountLinks(input.retour) }),
      );
      return;
    }
    await this.mail.send(alreadyRegisteredMail(existing, this.accountLinks(input.retour)));
  }

  private async createApplicant(input: SignUpInput, passwordHash: string): Promise<void> {
    const token = await this.transactions.run({ users: this.users }, async ({ users }, tx) => {
      const user = await users.create({
        email: input.email,
        displayName: input.displayName,
        role: 'applicant',
        passwordHash,
        emailConfirmedAt: null,
      });
      await this.audit.record(
        {
          actorId: user.id,
          actorRole: 'applicant',
          action: 'account.sign-up',
          subjectType: 'user',
          subjectId: user.id,
        },
        tx,
      );
      return this.issueToken(user.id, 'confirm-email', tx);
    });
    const to = { email: input.email, displayName: input.displayName };
    await this.mail.send(confirmationMail(to, this.confirmLink(token, input.retour)));
  }

  private confirmLink(token: string, retour: string | undefined): string {
    return this.mail.portalLink(confirmationPath(token, retour));
  }

  /** Signing in brings back to `retour` too, when the sign-up came with one. */
  private accountLinks(retour: string | undefined): Omit<SignUpLinks, 'confirm'> {
    const back = retour ? `?retour=${encodeURIComponent(retour)}` : '';
    return {
      signIn: this.mail.portalLink(`/connexion${back}`),
      reset: this.mail.portalLink('/mot-de-passe-oublie'),
    };
  }

  /**
   * Sends a new confirmation link to an account whose address is not confirmed yet. Same answer
   * and same time whatever the address (unknown, confirmed or not): the work happens after the
   * answer. Earlier links stay valid until they expire.
   */
  resendConfirmation(email: string, retour?: string): void {
    this.background.run('Renvoi de confirmation', () => this.sendConfirmationAgain(email, retour));
  }

  private async sendConfirmationAgain(email: string, retour: string | undefined): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || !awaitsConfirmation(user)) return;
    const token = await this.issueToken(user.id, 'confirm-email');
    await this.mail.send(newConfirmationLinkMail(user, this.confirmLink(token, retour)));
  }

  async confirmEmail(token: string): Promise<void> {
    const repositories = { tokens: this.repository, users: this.users };
    await this.transactions.run(repositories, async ({ tokens, users }, tx) => {
      const userId = await tokens.consumeToken(sha256(token), ['confirm-email'], this.clock.now());
      if (!userId) throw invalidLink();
      await users.update(userId, { emailConfirmedAt: this.clock.now() });
      await this.audit.record(
        {
          actorId: userId,
          actorRole: 'applicant',
          action: 'account.email-confirmed',
          subjectType: 'user',
          subjectId: userId,
        },
        tx,
      );
    });
  }

  /**
   * Checks the password and opens a session; returns the cookie token and the session. The
   * session the browser held before (`replacedToken`) ends. An account with a second factor
   * (every agent) gets a session that only answers the second-factor routes until the code.
   */
  async signIn(
    input: SignInInput,
    userAgent: string | undefined,
    replacedToken?: string,
  ): Promise<{ token: string; session: SessionDto; expiresAt: Date }> {
    const user = await this.users.findByEmail(input.email);
    const valid = await this.hasher.verify(input.password, user?.passwordHash);
    if (!user || !valid) {
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'invalid-credentials',
        'Adresse électronique ou mot de passe incorrect.',
      );
    }
    if (user.deactivatedAt) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'account-deactivated',
        'Ce compte a été désactivé. Adressez-vous à un administrateur de la plateforme.',
      );
    }
    if (!user.emailConfirmedAt) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'email-not-confirmed',
        'Confirmez d’abord votre adresse électronique avec le lien que nous vous avons envoyé.',
      );
    }
    if (replacedToken) await this.repository.deleteSessionByTokenHash(sha256(replacedToken));
    const mfaEnabled = user.mfaEnabledAt !== null;
    const mfaPending = mfaEnabled || this.secondFactorRequired(user.role);
    const token = randomToken();
    const expiresAt = new Date(
      this.clock.now().getTime() + this.config.NEC_SESSION_TTL_HOURS * 3600_000,
    );
    const session = await this.repository.createSession({
      tokenHash: sha256(token),
      userId: user.id,
      csrfToken: randomToken(),
      expiresAt,
      userAgent: userAgent?.slice(0, 300) ?? null,
      mfaPending,
      lastSeenAt: this.clock.now(),
    });
    await this.audit.record({
      actorId: user.id,
      actorRole: user.role,
      action: mfaPending ? 'session.password-checked' : 'session.sign-in',
      subjectType: 'user',
      subjectId: user.id,
      sessionId: session.id,
    });
    const actor = toActor({ ...user, mfaEnabled }, session.id, session.csrfToken, mfaPending);
    return { token, expiresAt, session: toSessionDto(actor) };
  }

  /** Agents read every submitted dossier: their accounts always take a second factor. */
  secondFactorRequired(role: Role): boolean {
    return role !== 'applicant' && this.config.NEC_MFA_REQUIRED_FOR_AGENTS;
  }

  async signOut(actor: Actor): Promise<void> {
    await this.repository.deleteSession(actor.sessionId);
    await this.audit.record({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'session.sign-out',
      subjectType: 'user',
      subjectId: actor.id,
    });
  }

  /**
   * The author of a request, or null when the session is unknown, expired, idle too long or
   * its account deactivated. Its last use is recorded (at most once a minute).
   */
  async resolveSession(token: string): Promise<Actor | null> {
    const now = this.clock.now();
    const session = await this.repository.findLiveSession(sha256(token), now, {
      agentMinutes: this.config.NEC_IDLE_TIMEOUT_AGENT_MINUTES,
      applicantMinutes: this.config.NEC_IDLE_TIMEOUT_APPLICANT_MINUTES,
    });
    if (!session) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.repository.touchSession(session.sessionId, now);
    }
    return toActor(session.user, session.sessionId, session.csrfToken, session.mfaPending);
  }

  /**
   * Always answers the same, in the same time, whether the account exists or not: the lookup,
   * the link and the mail happen after the answer.
   */
  requestPasswordReset(email: string): void {
    this.background.run('Réinitialisation', () => this.sendResetLink(email));
  }

  private async sendResetLink(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user) return;
    const token = await this.issueToken(user.id, 'reset-password');
    await this.mail.send({
      to: user.email,
      subject: 'Réinitialisation de votre mot de passe',
      text: `Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure :\n${this.mail.portalLink(`/nouveau-mot-de-passe?jeton=${token}`)}\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n`,
    });
  }

  /**
   * Sets the new password, confirms the address (the link proves it), closes every session and
   * makes every other outstanding link useless; the owner is told by mail.
   */
  async resetPassword(token: string, password: string): Promise<void> {
    const tokenHash = sha256(token);
    const owner = await this.repository.peekToken(tokenHash, PASSWORD_LINKS, this.clock.now());
    const account = owner ? await this.users.findById(owner) : null;
    if (!account) throw invalidLink();
    assertStrongPassword(password, account);
    const passwordHash = await this.hasher.hash(password);
    const repositories = { auth: this.repository, users: this.users };
    await this.transactions.run(repositories, async ({ auth, users }, tx) => {
      const now = this.clock.now();
      const userId = await auth.consumeToken(tokenHash, PASSWORD_LINKS, now);
      if (!userId) throw invalidLink();
      const user = await users.findById(userId);
      await users.update(userId, { passwordHash, emailConfirmedAt: user?.emailConfirmedAt ?? now });
      for (const purpose of PASSWORD_LINKS) {
        await auth.invalidateTokens(userId, purpose, now);
      }
      await auth.deleteUserSessions(userId);
      await this.audit.record(
        {
          actorId: userId,
          actorRole: user?.role ?? 'applicant',
          action: 'account.password-reset',
          subjectType: 'user',
          subjectId: userId,
        },
        tx,
      );
    });
    await this.mail.send(
      passwordChangedMail(account, this.mail.portalLink('/mot-de-passe-oublie')),
    );
  }

  /**
   * The owner changes their password, proving they know the current one (failures count like
   * failed sign-ins). Every other session ends, outstanding reset links stop working, and a
   * mail tells the owner.
   */
  async changePassword(actor: Actor, input: ChangePasswordInput, address: string): Promise<void> {
    const user = await this.passwords.confirm(actor, input.currentPassword, address, {
      purpose: 'password-change',
      field: 'currentPassword',
      message: 'Le mot de passe actuel est incorrect.',
    });
    assertStrongPassword(input.newPassword, user, 'newPassword');
    const passwordHash = await this.hasher.hash(input.newPassword);
    const repositories = { auth: this.repository, users: this.users };
    await this.transactions.run(repositories, async ({ auth, users }, tx) => {
      const now = this.clock.now();
      await users.update(user.id, { passwordHash });
      for (const purpose of PASSWORD_LINKS) {
        await auth.invalidateTokens(user.id, purpose, now);
      }
      const ended = await auth.deleteOtherSessions(user.id, actor.sessionId);
      await this.audit.record(
        {
          actorId: user.id,
          actorRole: user.role,
          action: 'account.password-changed',
          subjectType: 'user',
          subjectId: user.id,
          details: { otherSessionsEnded: ended },
        },
        tx,
      );
    });
    await this.mail.send(passwordChangedMail(user, this.mail.portalLink('/mot-de-passe-oublie')));
  }

  /** A single-use link token (in the transaction `tx` when given); only its hash is stored. */
  async issueToken(userId: string, purpose: OneTimeTokenPurpose, tx?: Tx): Promise<string> {
    const token = randomToken();
    const expiresAt = new Date(this.clock.now().getTime() + TOKEN_TTL_MS[purpose]);
    const tokens = tx ? this.repository.in(tx) : this.repository;
    await tokens.createToken({ userId, purpose, tokenHash: sha256(token), expiresAt });
    return token;
  }
}

function invalidLink(): ApiError {
  return badRequest(
    'invalid-link',
    'Ce lien n’est plus valide : il a expiré ou a déjà servi. Demandez-en un nouveau.',
  );
}

function toActor(
  user: Pick<UserEntity, 'id' | 'role' | 'email' | 'displayName'> & { mfaEnabled: boolean },
  sessionId: string,
  csrfToken: string,
  mfaPending: boolean,
): Actor {
  return {
    id: user.id,
    role: user.role,
    email: user.email,
    displayName: user.displayName,
    sessionId,
    csrfToken,
    mfaEnabled: user.mfaEnabled,
    mfaPending,
  };
}
