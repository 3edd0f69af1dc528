import { Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import {
  contract,
  type BodyOf,
  type CreateAgentInput,
  type PageQuery,
  type ResponseOf,
} from '@nec/contracts';
import { notFound } from '../common/errors.js';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { Route } from '../common/route.js';
import { ZodBody, ZodQuery } from '../common/zod.js';
import { AgentsService } from './agents.service.js';

const routes = contract.agents;
const agentId = new ParseUUIDPipe({
  exceptionFactory: () => notFound('Cet agent est introuvable.'),
});

/** ANCT agents' accounts (instructors, analysts, administrators), managed by administrators. */
@Controller()
@Roles('admin')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Route(routes.list)
  list(
    @CurrentActor() actor: Actor,
    @ZodQuery(routes.list.query) query: PageQuery,
  ): Promise<ResponseOf<typeof routes.list>> {
    return this.agents.list(actor, query);
  }

  @Route(routes.create)
  create(
    @CurrentActor() actor: Actor,
    @ZodBody(routes.create.body) body: CreateAgentInput,
  ): Promise<ResponseOf<typeof routes.create>> {
    return this.agents.create(actor, body);
  }

  @Route(routes.setActive)
  setActive(
    @CurrentActor() actor: Actor,
    @Param('id', agentId) id: string,
    @ZodBody(routes.setActive.body) body: BodyOf<typeof routes.setActive>,
  ): Promise<ResponseOf<typeof routes.setActive>> {
    return this.agents.setActive(actor, id, body.active);
  }

  @Route(routes.sessions)
  async sessions(@Param('id', agentId) id: string): Promise<ResponseOf<typeof routes.sessions>> {
    return { items: await this.agents.listSessions(id) };
  }

  @Route(routes.endSessions)
  async endSessions(
    @CurrentActor() actor: Actor,
    @Param('id', agentId) id: string,
  ): Promise<ResponseOf<typeof routes.endSessions>> {
    return { ended: await this.agents.endSessions(actor, id) };
  }
}
