import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
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
import type { SessionDto, SignInInput, SignUpInput } from '@nec/contracts';
import { toSessionDto } from './auth.dto.js';
import type { OneTimeTokenPurpose } from './one-time-token.entity.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';
import { randomToken, sha256 } from './tokens.js';

export const SESSION_COOKIE = 'nec_session';

const TOKEN_TTL_MS: Record<OneTimeTokenPurpose, number> = {
  'confirm-email': 48 * 3600_000,
  'reset-password': 3600_000,
};

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly repository: AuthRepository,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly background: BackgroundWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Creates an applicant account and mails a confirmation link. An e-mail already in use gets
   * a notice instead, and the caller sees the same answer in the same time: no account
   * enumeration. The request only hashes the password (the slow part, done whatever the
   * address); looking the address up, creating the account and mailing happen after the answer.
   */
  async signUp(input: SignUpInput): Promise<void> {
    const passwordHash = await hashPassword(input.password);
    this.background.run('Inscription', () => this.completeSignUp(input, passwordHash));
  }

  private async completeSignUp(input: SignUpInput, passwordHash: string): Promise<void> {
    const existing = await this.users.findByEmail(input.email);
    if (existing) {
      await this.mail.send({
        to: existing.email,
        subject: 'Vous avez déjà un compte Numérique en Commun[s]',
        text: `Bonjour,\n\nUne inscription vient d’être demandée avec votre adresse, mais vous avez déjà un compte.\nSi vous avez oublié votre mot de passe, vous pouvez le réinitialiser ici : ${this.mail.portalLink('/mot-de-passe-oublie')}\n`,
      });
      return;
    }
    const token = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.create(
        {
          email: input.email,
          displayName: input.displayName,
          role: 'applicant',
          passwordHash,
          emailConfirmedAt: null,
        },
        manager,
      );
      await this.audit.record(
        {
          actorId: user.id,
          actorRole: 'applicant',
          action: 'account.sign-up',
          subjectType: 'user',
          subjectId: user.id,
        },
        manager,
      );
      return this.issueToken(user.id, 'confirm-email', manager);
    });
    await this.mail.send({
      to: input.email,
      subject: 'Confirmez votre adresse électronique',
      text: `Bonjour ${input.displayName},\n\nPour activer votre compte, ouvrez ce lien dans les 48 heures :\n${this.mail.portalLink(`/confirmer-mon-adresse?jeton=${token}`)}\n\nSi vous n’êtes pas à l’origine de cette inscription, ignorez ce message.\n`,
    });
  }

  /**
   * Sends a new confirmation link to an account whose address is not confirmed yet. Same answer
   * and same time whatever the address (unknown, confirmed or not): the work happens after the
   * answer. Earlier links stay valid until they expire.
   */
  resendConfirmation(email: string): void {
    this.background.run('Renvoi de confirmation', () => this.sendConfirmationAgain(email));
  }

  private async sendConfirmationAgain(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || user.emailConfirmedAt !== null) return;
    const token = await this.issueToken(user.id, 'confirm-email');
    await this.mail.send({
      to: user.email,
      subject: 'Confirmez votre adresse électronique',
      text: `Bonjour ${user.displayName},\n\nVoici un nouveau lien pour activer votre compte, à ouvrir dans les 48 heures :\n${this.mail.portalLink(`/confirmer-mon-adresse?jeton=${token}`)}\n\nSi vous n’avez rien demandé, ignorez ce message.\n`,
    });
  }

  async confirmEmail(token: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const userId = await this.repository.consumeToken(
        sha256(token),
        'confirm-email',
        this.clock.now(),
        manager,
      );
      if (!userId) throw invalidLink();
      await this.users.update(userId, { emailConfirmedAt: this.clock.now() }, manager);
      await this.audit.record(
        {
          actorId: userId,
          actorRole: 'applicant',
          action: 'account.email-confirmed',
          subjectType: 'user',
          subjectId: userId,
        },
        manager,
      );
    });
  }

  /** Checks the password and opens a session; returns the cookie token and the session. */
  async signIn(
    input: SignInInput,
    userAgent: string | undefined,
  ): Promise<{ token: string; session: SessionDto; expiresAt: Date }> {
    const user = await this.users.findByEmail(input.email);
    const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid) {
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'invalid-credentials',
        'Adresse électronique ou mot de passe incorrect.',
      );
    }
    if (!user.emailConfirmedAt) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'email-not-confirmed',
        'Confirmez d’abord votre adresse électronique avec le lien que nous vous avons envoyé.',
      );
    }
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
    });
    await this.audit.record({
      actorId: user.id,
      actorRole: user.role,
      action: 'session.sign-in',
      subjectType: 'user',
      subjectId: user.id,
      sessionId: session.id,
    });
    return {
      token,
      expiresAt,
      session: toSessionDto(toActor(user, session.id, session.csrfToken)),
    };
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

  async resolveSession(token: string): Promise<Actor | null> {
    const session = await this.repository.findLiveSession(sha256(token), this.clock.now());
    return session ? toActor(session.user, session.sessionId, session.csrfToken) : null;
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

  /** Sets the new password, confirms the address (the link proves it) and closes every session. */
  async resetPassword(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      const userId = await this.repository.consumeToken(
        sha256(token),
        'reset-password',
        this.clock.now(),
        manager,
      );
      if (!userId) throw invalidLink();
      const user = await this.users.findById(userId, manager);
      await this.users.update(
        userId,
        { passwordHash, emailConfirmedAt: user?.emailConfirmedAt ?? this.clock.now() },
        manager,
      );
      await this.repository.deleteUserSessions(userId, manager);
      await this.audit.record(
        {
          actorId: userId,
          actorRole: user?.role ?? 'applicant',
          action: 'account.password-reset',
          subjectType: 'user',
          subjectId: userId,
        },
        manager,
      );
    });
  }

  /** A single-use link token; only its hash is stored. */
  async issueToken(
    userId: string,
    purpose: OneTimeTokenPurpose,
    manager?: EntityManager,
  ): Promise<string> {
    const token = randomToken();
    const expiresAt = new Date(this.clock.now().getTime() + TOKEN_TTL_MS[purpose]);
    await this.repository.createToken(
      { userId, purpose, tokenHash: sha256(token), expiresAt },
      manager,
    );
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
  user: Pick<UserEntity, 'id' | 'role' | 'email' | 'displayName'>,
  sessionId: string,
  csrfToken: string,
): Actor {
  return {
    id: user.id,
    role: user.role,
    email: user.email,
    displayName: user.displayName,
    sessionId,
    csrfToken,
  };
}
