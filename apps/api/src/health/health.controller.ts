import { Controller, HttpStatus } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { contract, type ResponseOf } from '@nec/contracts';
import { Public } from '../auth/actor.js';
import { ApiError } from '../common/errors.js';
import { Route } from '../common/route.js';
import { HealthRepository } from './health.repository.js';

const routes = contract.service;

@Controller()
@SkipThrottle()
export class HealthController {
  constructor(private readonly repository: HealthRepository) {}

  /** Liveness and readiness: answers 200 only when the database answers. */
  @Route(routes.health)
  @Public()
  health(): Promise<ResponseOf<typeof routes.health>> {
    return this.check();
  }

  @Route(routes.rootHealth)
  @Public()
  rootHealth(): Promise<ResponseOf<typeof routes.rootHealth>> {
    return this.check();
  }

  /** The cheapest route the server has: the ceiling the benchmark compares others to. */
  @Route(routes.ping)
  @Public()
  ping(): ResponseOf<typeof routes.ping> {
    return { pong: true };
  }

  private async check(): Promise<ResponseOf<typeof routes.health>> {
    try {
      await this.repository.ping();
    } catch {
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'database-unavailable',
        'La base de données ne répond pas.',
      );
    }
    return { status: 'ok', database: 'ok' };
  }
}
