import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { LimitsModule } from '../limits/limits.module.js';
import { QuotasRepository } from './quotas.repository.js';
import { QuotasService } from './quotas.service.js';
import { WriteRateLimitInterceptor } from './write-rate-limit.interceptor.js';

/** Quotas per account and the rate limit on signed-in writes (issue 13). */
@Global()
@Module({
  imports: [LimitsModule],
  providers: [
    QuotasRepository,
    QuotasService,
    { provide: APP_INTERCEPTOR, useClass: WriteRateLimitInterceptor },
  ],
  exports: [QuotasService],
})
export class QuotasModule {}
