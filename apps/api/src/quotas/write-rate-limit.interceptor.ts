import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { AuthedRequest } from '../auth/actor.js';
import { Clock } from '../clock/clock.js';
import { ApiError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

const WINDOW_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Signing out always works, even for an account over its limit. */
const EXEMPT_PATHS = new Set(['/api/auth/sign-out']);
/** Above this many accounts tracked, those with no write in the window are forgotten. */
const SWEEP_ABOVE = 10_000;

/**
 * At most `NEC_WRITE_RATE_LIMIT` writes (POST, PUT, PATCH, DELETE) per signed-in account and
 * sliding minute; then 429 `rate-limited` with `Retry-After` until the oldest write leaves the
 * window. Runs after the auth guard (interceptors do), so the account is known; public routes
 * keep their limits per client address (AppThrottlerGuard, SignInLimiter). In memory, per
 * replica — unlike those, which are in the database (docs/deployment.md).
 */
@Injectable()
export class WriteRateLimitInterceptor implements NestInterceptor {
  private readonly writes = new Map<string, number[]>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const actor = request.actor;
    if (actor && !SAFE_METHODS.has(request.method) && !EXEMPT_PATHS.has(request.path))
      this.count(actor.id);
    return next.handle();
  }

  private count(accountId: string): void {
    const now = this.clock.now().getTime();
    if (this.writes.size > SWEEP_ABOVE) this.sweep(now);
    const recent = (this.writes.get(accountId) ?? []).filter((at) => at > now - WINDOW_MS);
    const limit = this.config.NEC_WRITE_RATE_LIMIT;
    if (recent.length >= limit) {
      this.writes.set(accountId, recent);
      const freeing = recent[recent.length - limit] ?? now;
      const seconds = Math.max(1, Math.ceil((freeing + WINDOW_MS - now) / 1000));
      throw new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        'rate-limited',
        `Trop de modifications en peu de temps : patientez ${seconds} seconde${seconds > 1 ? 's' : ''} avant de réessayer.`,
        [],
        {},
        { 'Retry-After': String(seconds) },
      );
    }
    recent.push(now);
    this.writes.set(accountId, recent);
  }

  private sweep(now: number): void {
    for (const [key, times] of this.writes)
      if (times.every((at) => at <= now - WINDOW_MS)) this.writes.delete(key);
  }
}
