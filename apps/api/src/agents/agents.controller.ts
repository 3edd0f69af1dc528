import { Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { ZodBody } from '../common/zod.js';
import { createAgentSchema, type CreateAgentInput } from './agents.schemas.js';
import { AgentsService, type AgentDto } from './agents.service.js';

/** ANCT agents' accounts (instructors, analysts, administrators), managed by administrators. */
@ApiTags('Administration des agents')
@Controller('api/admin/agents')
@Roles('admin')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Get()
  @ApiOperation({ summary: 'Lister les comptes des agents de l’ANCT' })
  list(@CurrentActor() actor: Actor): Promise<{ items: AgentDto[] }> {
    return this.agents.list(actor);
  }

  @Post()
  @ApiOperation({
    summary: 'Créer le compte d’un agent (un lien pour définir son mot de passe lui est envoyé)',
  })
  create(
    @CurrentActor() actor: Actor,
    @ZodBody(createAgentSchema) body: CreateAgentInput,
  ): Promise<AgentDto> {
    return this.agents.create(actor, body);
  }
}
