import { Controller, Req, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request } from 'express';
import { roles } from '@nec/domain';
import { contract, type BodyOf, type ResponseOf } from '@nec/contracts';
import { Route } from '../common/route.js';
import { AppThrottlerGuard } from '../common/throttler.guard.js';
import { ZodBody } from '../common/zod.js';
import { type Actor, CurrentActor, Roles } from './actor.js';
import { SecondFactorService } from './second-factor.service.js';

const routes = contract.auth;

/** Enrolling, using and (for applicants) removing the second factor. */
@Controller()
@UseGuards(AppThrottlerGuard)
@SkipThrottle({ public: true })
@Roles(...roles)
export class SecondFactorController {
  constructor(private readonly secondFactor: SecondFactorService) {}

  @Route(routes.mfaSetup)
  setup(
    @CurrentActor() actor: Actor,
    @ZodBody(routes.mfaSetup.body) body: BodyOf<typeof routes.mfaSetup>,
    @Req() req: Request,
  ): Promise<ResponseOf<typeof routes.mfaSetup>> {
    return this.secondFactor.setup(actor, body.currentPassword, req.ip ?? 'inconnue');
  }

  @Route(routes.mfaEnable)
  enable(
    @CurrentActor() actor: Actor,
    @ZodBody(routes.mfaEnable.body) body: BodyOf<typeof routes.mfaEnable>,
    @Req() req: Request,
  ): Promise<ResponseOf<typeof routes.mfaEnable>> {
    return this.secondFactor.enable(actor, body.code, req.ip ?? 'inconnue');
  }

  @Route(routes.mfaVerify)
  verify(
    @CurrentActor() actor: Actor,
    @ZodBody(routes.mfaVerify.body) body: BodyOf<typeof routes.mfaVerify>,
    @Req() req: Request,
  ): Promise<ResponseOf<typeof routes.mfaVerify>> {
    return this.secondFactor.verify(actor, body.code, req.ip ?? 'inconnue');
  }

  @Route(routes.mfaDisable)
  disable(
    @CurrentActor() actor: Actor,
    @ZodBody(routes.mfaDisable.body) body: BodyOf<typeof routes.mfaDisable>,
    @Req() req: Request,
  ): Promise<void> {
    return this.secondFactor.disable(actor, body, req.ip ?? 'inconnue');
  }
}
