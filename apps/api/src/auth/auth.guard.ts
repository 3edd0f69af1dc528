import {
  type CanActivate,
  type ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@nec/domain';
import { timingSafeEqual } from 'node:crypto';
import { ApiError, unauthenticated } from '../common/errors.js';
import { MFA_PENDING_ALLOWED } from '../common/route.js';
import { AuthService, SESSION_COOKIE } from './auth.service.js';
import { PUBLIC_KEY, ROLES_KEY, type AuthedRequest } from './actor.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The one gate every request goes through: resolves the session cookie, enforces the CSRF
 * token on writes, then the roles an endpoint declares. Endpoints without `@Public()` or
 * `@Roles(...)` are closed (deny by default).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);

    const cookies = request.cookies as Record<string, string | undefined> | undefined;
    const token = cookies?.[SESSION_COOKIE];
    if (token) request.actor = (await this.auth.resolveSession(token)) ?? undefined;
    const pendingAllowed =
      this.reflector.get<boolean | undefined>(MFA_PENDING_ALLOWED, context.getHandler()) ?? false;
    const halfSignedIn = request.actor?.mfaPending === true && !pendingAllowed;

    if (isPublic) {
      // A session still awaiting its second factor is nobody yet.
      if (halfSignedIn) request.actor = undefined;
      return true;
    }
    const actor = request.actor;
    if (!actor)
      throw unauthenticated(token ? 'Votre session a expiré. Reconnectez-vous.' : undefined);
    if (halfSignedIn) {
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'mfa-required',
        'Terminez la connexion avec le code de votre application d’authentification.',
      );
    }
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.header('x-csrf-token') ?? '';
      if (!sameToken(header, actor.csrfToken)) {
        throw new ApiError(
          HttpStatus.FORBIDDEN,
          'csrf-token-invalid',
          'La requête n’a pas pu être authentifiée. Rechargez la page et réessayez.',
        );
      }
    }
    if (!roles || !roles.includes(actor.role)) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'role-not-allowed',
        'Votre rôle ne donne pas accès à cette fonction.',
      );
    }
    return true;
  }
}
