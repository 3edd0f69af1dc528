import { Controller, Inject, Req, Res, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
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
import { ApiError } from '../common/errors.js';
import { Route } from '../common/route.js';
import { AppThrottlerGuard } from '../common/throttler.guard.js';
import { ZodBody } from '../common/zod.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type Actor, CurrentActor, Public, Roles } from './actor.js';
import { toSessionDto } from './auth.dto.js';
import { AuthService, SESSION_COOKIE } from './auth.service.js';
import { SignInLimiter } from './sign-in-limiter.js';

const routes = contract.auth;

@Controller()
@UseGuards(AppThrottlerGuard)
@SkipThrottle({ public: true })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly limiter: SignInLimiter,
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

  @Route(routes.resendConfirmation)
  @Public()
  resendConfirmation(
    @ZodBody(routes.resendConfirmation.body) body: BodyOf<typeof routes.resendConfirmation>,
  ): ResponseOf<typeof routes.resendConfirmation> {
    this.auth.resendConfirmation(body.email, body.retour);
    return {
      message:
        'Si un compte en attente de confirmation existe pour cette adresse, un nouveau lien vient d’y être envoyé.',
    };
  }

  @Route(routes.signIn)
  @Public()
  @SkipThrottle({ auth: true })
  async signIn(
    @ZodBody(routes.signIn.body) body: SignInInput,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    const address = req.ip ?? 'inconnue';
    const cookies = req.cookies as Record<string, string | undefined> | undefined;
    const { token, session } = await this.signInCounted(address, body.email, () =>
      this.auth.signIn(body, req.header('user-agent'), cookies?.[SESSION_COOKIE]),
    );
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

  /**
   * A sign-in under the limits: a wrong password counts as a failure. Only a complete sign-in
   * clears the account's failures: a right password followed by wrong codes must keep counting
   * them, or codes could be guessed between two sign-ins.
   */
  private async signInCounted(
    address: string,
    email: string,
    signIn: () => ReturnType<AuthService['signIn']>,
  ): ReturnType<AuthService['signIn']> {
    const attempt = await this.limiter.begin(address, email);
    try {
      const result = await signIn();
      if (!result.session.mfaPending) attempt.completed();
      return result;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid-credentials') attempt.failed();
      throw error;
    } finally {
      await attempt.end();
    }
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
    // The browser forgets what it cached and its cookies (shared computers). Not "storage": a
    // draft whose save failed is kept there until it can be sent — nothing typed is lost.
    res.setHeader('Clear-Site-Data', '"cache", "cookies"');
  }

  @Route(routes.session)
  @Roles(...roles)
  @SkipThrottle({ auth: true })
  session(@CurrentActor() actor: Actor): SessionDto {
    return toSessionDto(actor);
  }

  @Route(routes.requestPasswordReset)
  @Public()
  requestReset(
    @ZodBody(routes.requestPasswordReset.body) body: BodyOf<typeof routes.requestPasswordReset>,
  ): ResponseOf<typeof routes.requestPasswordReset> {
    this.auth.requestPasswordReset(body.email);
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
