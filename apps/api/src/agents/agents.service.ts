import {
  slicePage,
  type AgentDto,
  type CreateAgentInput,
  type Page,
  type PageQuery,
} from '@nec/contracts';
import { toAgentDto } from './agents.dto.js';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuthService } from '../auth/auth.service.js';
import { hashPassword } from '../auth/password.js';
import { randomToken } from '../auth/tokens.js';
import { AuditService } from '../audit/audit.service.js';
import { conflict } from '../common/errors.js';
import { MailService } from '../mail/mail.service.js';
import { UsersRepository } from '../users/users.repository.js';

/** An ANCT agent account as administrators see it. */
@Injectable()
export class AgentsService {
  private readonly logger = new Logger('Agents');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
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
    if (await this.users.findByEmail(input.email)) throw emailTaken();
    const passwordHash = await hashPassword(randomToken());
    const { user, token } = await this.dataSource.transaction(async (manager) => {
      const created = await this.users.create(
        {
          email: input.email,
          displayName: input.displayName,
          role: input.role,
          passwordHash,
          emailConfirmedAt: null,
        },
        manager,
      );
      await this.audit.record(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'agent.create',
          subjectType: 'user',
          subjectId: created.id,
          details: { role: input.role },
        },
        manager,
      );
      // The invitation reuses the password-reset link, so it is only valid for one hour (the
      // reset link's lifetime). An agent who misses it uses « mot de passe oublié » to get a new
      // one. A longer-lived 'invitation' token purpose would need a change in the auth module.
      return {
        user: created,
        token: await this.auth.issueToken(created.id, 'reset-password', manager),
      };
    });
    try {
      await this.mail.send({
        to: user.email,
        subject: 'Votre compte Numérique en Commun[s] : définissez votre mot de passe',
        text: `Bonjour ${user.displayName},\n\nUn compte vient d’être créé pour vous sur la plateforme Numérique en Commun[s].\nPour l’activer, définissez votre mot de passe en ouvrant ce lien dans l’heure :\n${this.mail.portalLink(`/nouveau-mot-de-passe?jeton=${token}`)}\n\nPassé ce délai, utilisez « Mot de passe oublié » sur la page de connexion avec cette adresse pour recevoir un nouveau lien.\n`,
      });
    } catch (error) {
      // The account exists: the agent can still ask for a new link with « mot de passe oublié ».
      this.logger.error(`Courriel d’invitation non envoyé à ${user.email} : ${String(error)}`);
    }
    return toAgentDto(user);
  }
}

function emailTaken() {
  return conflict('email-taken', 'Un compte utilise déjà cette adresse électronique.');
}
