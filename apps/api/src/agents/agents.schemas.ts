import { roleSchema } from '@nec/domain';
import type { z } from 'zod';
import { signUpSchema } from '../auth/auth.schemas.js';
import { strictDeep } from '../common/strict-deep.js';

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
