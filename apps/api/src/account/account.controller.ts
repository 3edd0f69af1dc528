import { Controller, Header, Req, Res, UseGuards } from '@nestjs/common';
import { contract, type DeleteAccountInput, type ResponseOf } from '@nec/contracts';
import { SkipThrottle } from '@nestjs/throttler';
import { AppThrottlerGuard } from '../common/throttler.guard.js';
import { roles } from '@nec/domain';
import type { Request, Response } from 'express';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { SESSION_COOKIE } from '../auth/auth.service.js';
import { Route } from '../common/route.js';
import { ZodBody } from '../common/zod.js';
import { AccountService } from './account.service.js';

const routes = contract.account;

/** The account holder's RGPD rights: a copy of their data, and the deletion of their account. */
@Controller()
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Route(routes.export)
  @Roles(...roles)
  @Header('Content-Disposition', 'attachment; filename="mes-donnees-nec.json"')
  @Header('Cache-Control', 'no-store')
  export(@CurrentActor() actor: Actor): Promise<ResponseOf<typeof routes.export>> {
    return this.account.export(actor);
  }

  /** Agents' accounts are removed by an administrator, not by the agents themselves. */
  @Route(routes.delete)
  @Roles('applicant')
  @UseGuards(AppThrottlerGuard)
  @SkipThrottle({ public: true })
  async delete(
    @CurrentActor() actor: Actor,
    @ZodBody(routes.delete.body) body: DeleteAccountInput,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.account.delete(actor, body, req.ip ?? 'inconnue');
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
