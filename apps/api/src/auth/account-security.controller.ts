import { Controller, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import type { Request } from 'express';
import { roles } from '@nec/domain';
import { contract, type BodyOf, type ResponseOf } from '@nec/contracts';
import { notFound } from '../common/errors.js';
import { Route } from '../common/route.js';
import { ZodBody } from '../common/zod.js';
import { type Actor, CurrentActor, Roles } from './actor.js';
import { AuthService } from './auth.service.js';
import { SessionsService } from './sessions.service.js';

const routes = contract.auth;
const sessionId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Cette session n’existe pas ou est déjà fermée.'),
});

/** The owner's password and signed-in browsers (« Sécurité du compte »). */
@Controller()
@Roles(...roles)
export class AccountSecurityController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Route(routes.changePassword)
  async changePassword(
    @CurrentActor() actor: Actor,
    @ZodBody(routes.changePassword.body) body: BodyOf<typeof routes.changePassword>,
    @Req() req: Request,
  ): Promise<ResponseOf<typeof routes.changePassword>> {
    await this.auth.changePassword(actor, body, req.ip ?? 'inconnue');
    return {
      message:
        'Votre mot de passe a été modifié. Vos autres sessions sont fermées ; un courriel vous le confirme.',
    };
  }

  @Route(routes.sessions)
  async list(@CurrentActor() actor: Actor): Promise<ResponseOf<typeof routes.sessions>> {
    return { items: await this.sessions.list(actor.id, actor.sessionId) };
  }

  @Route(routes.endSession)
  endOne(
    @CurrentActor() actor: Actor,
    @Param('sessionId', sessionId) id: string,
    @ZodBody(routes.endSession.body) body: BodyOf<typeof routes.endSession>,
    @Req() req: Request,
  ): Promise<void> {
    return this.sessions.endOne(actor, id, body.currentPassword, req.ip ?? 'inconnue');
  }

  @Route(routes.endOtherSessions)
  async endOthers(
    @CurrentActor() actor: Actor,
    @ZodBody(routes.endOtherSessions.body) body: BodyOf<typeof routes.endOtherSessions>,
    @Req() req: Request,
  ): Promise<ResponseOf<typeof routes.endOtherSessions>> {
    const ended = await this.sessions.endOthers(actor, body.currentPassword, req.ip ?? 'inconnue');
    return { ended };
  }
}
