import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { AppThrottlerGuard } from '../common/throttler.guard.js';
import type { Request, Response } from 'express';
import { roles } from '@nec/domain';
import { ApiError } from '../common/errors.js';
import { ZodBody } from '../common/zod.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type Actor, CurrentActor, Public, Roles } from './actor.js';
import {
  resetConfirmSchema,
  resetRequestSchema,
  signInSchema,
  signUpSchema,
  tokenSchema,
  type SignInInput,
  type SignUpInput,
} from './auth.schemas.js';
import { AuthService, SESSION_COOKIE, toSessionDto, type SessionDto } from './auth.service.js';
import { SignInLimiter } from './sign-in-limiter.js';

@ApiTags('Comptes et sessions')
@Controller('api/auth')
@UseGuards(AppThrottlerGuard)
@SkipThrottle({ public: true })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly limiter: SignInLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('sign-up')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Créer un compte porteur de projet (un lien de confirmation est envoyé)',
  })
  async signUp(@ZodBody(signUpSchema) body: SignUpInput): Promise<{ message: string }> {
    await this.auth.signUp(body);
    return {
      message:
        'Si cette adresse peut être utilisée, un courriel de confirmation vient d’y être envoyé.',
    };
  }

  @Post('confirm-email')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirmer son adresse électronique' })
  async confirm(@ZodBody(tokenSchema) body: { token: string }): Promise<{ message: string }> {
    await this.auth.confirmEmail(body.token);
    return { message: 'Votre adresse est confirmée. Vous pouvez vous connecter.' };
  }

  @Post('sign-in')
  @Public()
  @SkipThrottle({ auth: true })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Se connecter (ouvre une session par cookie ; échecs limités par compte et par adresse : 429 avec Retry-After)',
  })
  async signIn(
    @ZodBody(signInSchema) body: SignInInput,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    const address = req.ip ?? 'inconnue';
    const wait = this.limiter.retryAfterSeconds(address, body.email);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      throw rateLimited(wait);
    }
    const { token, session } = await this.auth
      .signIn(body, req.header('user-agent'))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'invalid-credentials') {
          this.limiter.recordFailure(address, body.email);
        }
        throw error;
      });
    this.limiter.recordSuccess(body.email);
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

  @Post('sign-out')
  @Roles(...roles)
  @SkipThrottle({ auth: true })
  @HttpCode(204)
  @ApiOperation({ summary: 'Se déconnecter' })
  async signOut(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.signOut(actor);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('session')
  @Roles(...roles)
  @SkipThrottle({ auth: true })
  @ApiOperation({ summary: 'La session en cours et son jeton CSRF' })
  session(@CurrentActor() actor: Actor): SessionDto {
    return toSessionDto(actor);
  }

  @Post('password-reset/request')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Demander un lien de réinitialisation du mot de passe' })
  requestReset(@ZodBody(resetRequestSchema) body: { email: string }): { message: string } {
    this.auth.requestPasswordReset(body.email);
    return { message: 'Si un compte existe pour cette adresse, un lien vient d’y être envoyé.' };
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Choisir un nouveau mot de passe avec le lien reçu' })
  async confirmReset(
    @ZodBody(resetConfirmSchema) body: { token: string; password: string },
  ): Promise<{ message: string }> {
    await this.auth.resetPassword(body.token, body.password);
    return { message: 'Votre mot de passe a été modifié. Connectez-vous avec le nouveau.' };
  }
}

function rateLimited(seconds: number): ApiError {
  const minutes = Math.ceil(seconds / 60);
  return new ApiError(
    HttpStatus.TOO_MANY_REQUESTS,
    'rate-limited',
    `Trop de tentatives de connexion échouées. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    [],
    { retryAfterSeconds: seconds },
  );
}
