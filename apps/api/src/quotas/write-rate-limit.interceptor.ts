import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { from, type Observable, switchMap } from 'rxjs';
import type { AuthedRequest } from '../auth/actor.js';
import { ApiError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { WriteLimiter } from '../limits/write-limiter.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Signing out always works, even for an account over its limit. */
const EXEMPT_PATHS = new Set(['/api/auth/sign-out']);

const tooManyWrites = (seconds: number) =>
  new ApiError(
    HttpStatus.TOO_MANY_REQUESTS,
    'rate-limited',
    `Trop de modifications en peu de temps : patientez ${seconds} seconde${seconds > 1 ? 's' : ''} avant de réessayer.`,
    [],
    {},
    { 'Retry-After': String(seconds) },
  );

/**
 * At most `NEC_WRITE_RATE_LIMIT` writes (POST, PUT, PATCH, DELETE) per signed-in account and
 * minute, counted in the database by every replica (`WriteLimiter`); past it, 429
 * `rate-limited` with `Retry-After` for a minute. Runs after the auth guard (interceptors do), so
 * the account is known; public routes keep their limits per client address (AppThrottlerGuard,
 * SignInLimiter).
 */
@Injectable()
export class WriteRateLimitInterceptor implements NestInterceptor {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limiter: WriteLimiter,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const actor = request.actor;
    if (!actor || SAFE_METHODS.has(request.method) || EXEMPT_PATHS.has(request.path))
      return next.handle();
    return from(this.limiter.take(actor.id, this.config.NEC_WRITE_RATE_LIMIT)).pipe(
      switchMap((wait) => {
        if (wait !== null) throw tooManyWrites(wait);
        return next.handle();
      }),
    );
  }
}
