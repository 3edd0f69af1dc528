import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { BackgroundWork } from './background-work.js';
import { SignInLimiter } from './sign-in-limiter.js';

@Module({
  imports: [UsersModule],
  controllers: [AuthController],
  providers: [
    AuthRepository,
    AuthService,
    SignInLimiter,
    BackgroundWork,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, BackgroundWork],
})
export class AuthModule {}
