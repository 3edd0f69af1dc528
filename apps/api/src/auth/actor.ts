import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@nec/domain';
import type { Request } from 'express';

/** Who is making the request, as resolved from the session cookie. */
export interface Actor {
  id: string;
  role: Role;
  email: string;
  displayName: string;
  sessionId: string;
  csrfToken: string;
  /** The account signs in with a second factor. */
  mfaEnabled: boolean;
  /** Password checked, second factor not yet: only the MFA routes answer. */
  mfaPending: boolean;
}

export type AuthedRequest = Request & { actor?: Actor };

/** `@CurrentActor() actor: Actor` in a handler guarded by a role. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Actor | undefined => {
    return ctx.switchToHttp().getRequest<AuthedRequest>().actor;
  },
);

export const ROLES_KEY = 'nec:roles';
export const PUBLIC_KEY = 'nec:public';

/** Open to anyone, signed in or not. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only for these roles (the single place where role access is declared per endpoint). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
