import { isoDateTimeSchema, roleSchema } from '@nec/domain';
import { z } from 'zod';
import { accountSchema, signUpSchema } from './auth.js';
import { pageOf, pageQuerySchema } from './page.js';
import { route } from './route.js';
import { strictDeep } from './strict-deep.js';

/** Roles of ANCT agents (every role but the applicant's, who signs up alone). */
export const agentRoleSchema = roleSchema.exclude(['applicant'], {
  error: 'Choisissez un rôle parmi instructor, analyst ou admin.',
});
export type AgentRole = z.infer<typeof agentRoleSchema>;

/** The agent an administrator creates: the sign-up's e-mail and name, and a role. */
export const createAgentSchema = strictDeep(
  signUpSchema.pick({ email: true, displayName: true }).extend({ role: agentRoleSchema }),
);
export type CreateAgentInput = z.infer<typeof createAgentSchema>;

/** An agent's account; `activated` stays false until the agent sets a password. */
export const agentSchema = accountSchema.extend({
  activated: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type AgentDto = z.infer<typeof agentSchema>;

const tag = 'Administration des agents';

export const agents = {
  list: route({
    method: 'GET',
    path: '/api/admin/agents',
    summary: 'Lister les comptes des agents de l’ANCT',
    tag,
    query: pageQuerySchema,
    status: 200,
    response: pageOf(agentSchema),
  }),
  create: route({
    method: 'POST',
    path: '/api/admin/agents',
    summary: 'Créer le compte d’un agent (un lien pour définir son mot de passe lui est envoyé)',
    tag,
    body: createAgentSchema,
    status: 201,
    response: agentSchema,
    errors: [409],
  }),
};
