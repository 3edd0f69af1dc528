import { Controller, Inject, Req, Res, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { roles } from '@nec/domain';
import {
  contract,
  type BodyOf,
  type ResponseOf,
  type SessionDto,
  type SignInInput,
  type SignUpInput,
} from '@nec/contracts';
import { Route } from '../common/route.js';
import { ZodBody } from '../common/zod.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type Actor, CurrentActor, Public, Roles } from './actor.js';
import { toSessionDto } from './auth.dto.js';
import { AuthService, SESSION_COOKIE } from './auth.service.js';

const routes = contract.auth;

@Controller()
@UseGuards(ThrottlerGuard)
@SkipThrottle({ public: true })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Route(routes.signUp)
  @Public()
  async signUp(
    @ZodBody(routes.signUp.body) body: SignUpInput,
  ): Promise<ResponseOf<typeof routes.signUp>> {
    await this.auth.signUp(body);
    return {
      message:
        'Si cette adresse peut être utilisée, un courriel de confirmation vient d’y être envoyé.',
    };
  }

  @Route(routes.confirmEmail)
  @Public()
  async confirm(
    @ZodBody(routes.confirmEmail.body) body: BodyOf<typeof routes.confirmEmail>,
  ): Promise<ResponseOf<typeof routes.confirmEmail>> {
    await this.auth.confirmEmail(body.token);
    return { message: 'Votre adresse est confirmée. Vous pouvez vous connecter.' };
  }

  @Route(routes.signIn)
  @Public()
  async signIn(
    @ZodBody(routes.signIn.body) body: SignInInput,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    const { token, session } = await this.auth.signIn(body, req.header('user-agent'));
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      secure: this.config.cookieSecure,
      sameSite: 'lax',
      path: '/',
      // Relative lifetime: the browser's clock, not ours, decides when it lapses; the
      // session row's own expiry is what the server enforces.
      maxAge: this.config.NEC_SESSION_TTL_HOURS * 3600_000,
    });
    return session;
  }

  @Route(routes.signOut)
  @Roles(...roles)
  @SkipThrottle({ auth: true })
  async signOut(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.signOut(actor);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Route(routes.session)
  @Roles(...roles)
  @SkipThrottle({ auth: true })
  session(@CurrentActor() actor: Actor): SessionDto {
    return toSessionDto(actor);
  }

  @Route(routes.requestPasswordReset)
  @Public()
  async requestReset(
    @ZodBody(routes.requestPasswordReset.body) body: BodyOf<typeof routes.requestPasswordReset>,
  ): Promise<ResponseOf<typeof routes.requestPasswordReset>> {
    await this.auth.requestPasswordReset(body.email);
    return { message: 'Si un compte existe pour cette adresse, un lien vient d’y être envoyé.' };
  }

  @Route(routes.confirmPasswordReset)
  @Public()
  async confirmReset(
    @ZodBody(routes.confirmPasswordReset.body) body: BodyOf<typeof routes.confirmPasswordReset>,
  ): Promise<ResponseOf<typeof routes.confirmPasswordReset>> {
    await this.auth.resetPassword(body.token, body.password);
    return { message: 'Votre mot de passe a été modifié. Connectez-vous avec le nouveau.' };
  }
}
