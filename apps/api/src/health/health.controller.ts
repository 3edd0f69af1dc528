import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/actor.js';
import { ApiError } from '../common/errors.js';

@ApiTags('Supervision')
@Controller()
@SkipThrottle()
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Liveness and readiness: answers 200 only when the database answers. */
  @Get(['health', 'api/health'])
  @Public()
  @ApiOperation({ summary: 'État du service et de sa base de données' })
  async health(): Promise<{ status: 'ok'; database: 'ok' }> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'database-unavailable',
        'La base de données ne répond pas.',
      );
    }
    return { status: 'ok', database: 'ok' };
  }

  /** The cheapest route the server has: the ceiling the benchmark compares others to. */
  @Get('api/ping')
  @Public()
  @ApiOperation({ summary: 'Réponse immédiate, sans base de données (mesure de référence)' })
  ping(): { pong: true } {
    return { pong: true };
  }
}
