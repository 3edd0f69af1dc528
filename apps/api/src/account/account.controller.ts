import { Controller, Delete, Get, Header, HttpCode, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { AppThrottlerGuard } from '../common/throttler.guard.js';
import { roles } from '@nec/domain';
import type { Response } from 'express';
import { type Actor, CurrentActor, Roles } from '../auth/actor.js';
import { SESSION_COOKIE } from '../auth/auth.service.js';
import { ZodBody } from '../common/zod.js';
import { deleteAccountSchema, type DeleteAccountInput } from './account.schemas.js';
import { AccountService, type AccountExport } from './account.service.js';

/** The account holder's RGPD rights: a copy of their data, and the deletion of their account. */
@ApiTags('Mon compte (RGPD)')
@Controller('api/account')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Get('export')
  @Roles(...roles)
  @Header('Content-Disposition', 'attachment; filename="mes-donnees-nec.json"')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Télécharger toutes les données que la plateforme détient sur moi (JSON)',
  })
  export(@CurrentActor() actor: Actor): Promise<AccountExport> {
    return this.account.export(actor);
  }

  /** Agents' accounts are removed by an administrator, not by the agents themselves. */
  @Delete()
  @Roles('applicant')
  @UseGuards(AppThrottlerGuard)
  @SkipThrottle({ public: true })
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Supprimer mon compte (mot de passe requis ; refusé pendant l’instruction d’un dossier de mes structures)',
  })
  async delete(
    @CurrentActor() actor: Actor,
    @ZodBody(deleteAccountSchema) body: DeleteAccountInput,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.account.delete(actor, body);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
