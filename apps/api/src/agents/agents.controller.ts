import { Controller } from '@nestjs/common';
import { contract, type CreateAgentInput, type PageQuery, type ResponseOf } from '@nec/contracts';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { Route } from '../common/route.js';
import { ZodBody, ZodQuery } from '../common/zod.js';
import { AgentsService } from './agents.service.js';

const routes = contract.agents;

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
}
