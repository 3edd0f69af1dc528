import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LimitsModule } from '../limits/limits.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccountSecurityController } from './account-security.controller.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { BackgroundWork } from './background-work.js';
import { PasswordConfirmation } from './password-confirmation.js';
import { PasswordHasher } from './password-hasher.js';
import { SecondFactorController } from './second-factor.controller.js';
import { SecondFactorService } from './second-factor.service.js';
import { SessionsService } from './sessions.service.js';
import { SignInLimiter } from './sign-in-limiter.js';

@Module({
  imports: [UsersModule, LimitsModule],
  controllers: [AuthController, SecondFactorController, AccountSecurityController],
  providers: [
    AuthRepository,
    AuthService,
    SecondFactorService,
    SessionsService,
    SignInLimiter,
    PasswordConfirmation,
    PasswordHasher,
    BackgroundWork,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, SessionsService, PasswordConfirmation, PasswordHasher, BackgroundWork],
})
export class AuthModule {}
