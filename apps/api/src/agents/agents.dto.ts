import type { AgentDto } from '@nec/contracts';
import type { UserEntity } from '../users/user.entity.js';

export const toAgentDto = (user: UserEntity): AgentDto => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role: user.role,
  activated: user.emailConfirmedAt !== null,
  active: user.deactivatedAt === null,
  mfaEnabled: user.mfaEnabledAt !== null,
  createdAt: user.createdAt.toISOString(),
});
