import { isoDateTimeSchema, roleSchema } from '@nec/domain';
import { z } from 'zod';
import { accountSchema, endedSessionsSchema, sessionListSchema, signUpSchema } from './auth.js';
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

/**
 * An agent's account; `activated` stays false until the agent sets a password; `active` is
 * false once an administrator deactivated it (no sign-in, no session).
 */
export const agentSchema = accountSchema.extend({
  activated: z.boolean(),
  active: z.boolean(),
  mfaEnabled: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type AgentDto = z.infer<typeof agentSchema>;

export const agentActivitySchema = z.strictObject({
  active: z.boolean({ error: 'Indiquez si le compte est actif (true) ou désactivé (false).' }),
});

const agentParams = z.object({ id: z.uuid({ error: 'Agent introuvable.' }) });

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
  setActive: route({
    method: 'PUT',
    path: '/api/admin/agents/:id/active',
    summary:
      'Désactiver (toutes ses sessions se ferment) ou réactiver le compte d’un agent ; pas le sien',
    tag,
    params: agentParams,
    body: agentActivitySchema,
    status: 200,
    response: agentSchema,
    errors: [409],
  }),
  sessions: route({
    method: 'GET',
    path: '/api/admin/agents/:id/sessions',
    summary: 'Les sessions ouvertes d’un agent',
    tag,
    params: agentParams,
    status: 200,
    response: sessionListSchema,
  }),
  endSessions: route({
    method: 'DELETE',
    path: '/api/admin/agents/:id/sessions',
    summary: 'Fermer toutes les sessions d’un agent (soupçon d’usurpation, poste perdu)',
    tag,
    params: agentParams,
    status: 200,
    response: endedSessionsSchema,
  }),
};
