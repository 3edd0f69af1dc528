import {
  slicePage,
  type AgentDto,
  type CreateAgentInput,
  type Page,
  type SessionInfo,
  type PageQuery,
} from '@nec/contracts';
import { toAgentDto } from './agents.dto.js';
import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuthService } from '../auth/auth.service.js';
import { SessionsService } from '../auth/sessions.service.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { randomToken } from '../auth/tokens.js';
import { AuditService } from '../audit/audit.service.js';
import { conflict, notFound } from '../common/errors.js';
import { MailService } from '../mail/mail.service.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import { Transactions } from '../database/transactions.js';

/** An ANCT agent account as administrators see it. */
@Injectable()
export class AgentsService {
  private readonly logger = new Logger('Agents');

  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
  ) {}

  /** The agents' names and addresses are personal data: the read is audited. */
  async list(actor: Actor, query: PageQuery): Promise<Page<AgentDto>> {
    // A few dozen agents: paged in memory.
    const page = slicePage((await this.users.listAgents()).map(toAgentDto), query);
    await this.audit.record({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'agent.list-read',
      subjectType: 'user',
      subjectId: null,
      details: { count: page.items.length },
    });
    return page;
  }

  /**
   * Creates an agent account with a random password nobody knows (so it cannot be used), and
   * mails the agent a link to set their own. The address is confirmed when the link is used.
   */
  async create(actor: Actor, input: CreateAgentInput): Promise<AgentDto> {
    const { user, token } = await this.invite(input, { id: actor.id, role: actor.role });
    try {
      await this.mail.send({
        to: user.email,
        subject: 'Votre compte Numérique en Commun[s] : définissez votre mot de passe',
        text: `Bonjour ${user.displayName},\n\nUn compte vient d’être créé pour vous sur la plateforme Numérique en Commun[s].\nPour l’activer, définissez votre mot de passe en ouvrant ce lien dans les trois jours :\n${this.mail.portalLink(`/nouveau-mot-de-passe?jeton=${token}`)}\n\nPassé ce délai, utilisez « Mot de passe oublié » sur la page de connexion avec cette adresse pour recevoir un nouveau lien.\n`,
      });
    } catch (error) {
      // The account exists: the agent can still ask for a new link with « mot de passe oublié ».
      this.logger.error(`Courriel d’invitation non envoyé à ${user.email} : ${String(error)}`);
    }
    return toAgentDto(user);
  }

  /**
   * The first administrator of a new platform, from the command line (`cli/create-admin`):
   * refused once an administrator exists (the others are created in the back office). Returns
   * the one-time link that sets the password, for the operator to hand over.
   */
  async createFirstAdmin(input: Omit<CreateAgentInput, 'role'>): Promise<string> {
    if ((await this.users.listAgents()).some((u) => u.role === 'admin')) {
      throw conflict(
        'admin-exists',
        'Un administrateur existe déjà : créez les autres comptes depuis l’administration.',
      );
    }
    const { token } = await this.invite({ ...input, role: 'admin' }, null);
    return this.mail.portalLink(`/nouveau-mot-de-passe?jeton=${token}`);
  }

  /** The account, unusable until its owner sets a password with the invitation link (72 h). */
  private async invite(
    input: CreateAgentInput,
    by: { id: string; role: string } | null,
  ): Promise<{ user: UserEntity; token: string }> {
    if (await this.users.findByEmail(input.email)) throw emailTaken();
    const passwordHash = await this.hasher.hash(randomToken());
    return this.transactions.run({ users: this.users }, async ({ users }, tx) => {
      const created = await users.create({
        email: input.email,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        emailConfirmedAt: null,
      });
      await this.audit.record(
        {
          actorId: by?.id ?? null,
          actorRole: by?.role ?? 'system',
          action: 'agent.create',
          subjectType: 'user',
          subjectId: created.id,
          details: { role: input.role, ...(by ? {} : { via: 'cli' }) },
        },
        tx,
      );
      return {
        user: created,
        token: await this.auth.issueToken(created.id, 'invitation', tx),
      };
    });
  }

  /**
   * Deactivates (every session ends at once) or reactivates an agent. An administrator cannot
   * deactivate their own account: there would be nobody left to undo it.
   */
  async setActive(actor: Actor, id: string, active: boolean): Promise<AgentDto> {
    const user = await this.users.findById(id);
    if (!user || user.role === 'applicant') throw notFound('Cet agent est introuvable.');
    if (id === actor.id && !active) {
      throw conflict('own-account', 'Vous ne pouvez pas désactiver votre propre compte.');
    }
    const deactivatedAt = active ? null : (user.deactivatedAt ?? new Date());
    await this.transactions.run({ users: this.users }, async ({ users }, tx) => {
      await users.update(id, { deactivatedAt });
      if (!active) await this.sessions.endAllWithin(id, tx);
      await this.audit.record(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: active ? 'agent.reactivate' : 'agent.deactivate',
          subjectType: 'user',
          subjectId: id,
        },
        tx,
      );
    });
    return toAgentDto({ ...user, deactivatedAt });
  }

  async listSessions(id: string): Promise<SessionInfo[]> {
    await this.agentOrThrow(id);
    return this.sessions.list(id, null);
  }

  async endSessions(actor: Actor, id: string): Promise<number> {
    await this.agentOrThrow(id);
    return this.sessions.endAll(actor, id);
  }

  private async agentOrThrow(id: string): Promise<void> {
    const user = await this.users.findById(id);
    if (!user || user.role === 'applicant') throw notFound('Cet agent est introuvable.');
  }
}

function emailTaken() {
  return conflict('email-taken', 'Un compte utilise déjà cette adresse électronique.');
}
