import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { dummyHash, hashPassword, verifyPassword } from './password.js';

/**
 * Passwords hashed at the configured cost (`NEC_PASSWORD_SCRYPT_COST`) and checked, in one
 * place: the services ask for a hash or a check, never for the cost. Verifying against no
 * account takes as long as against one (a dummy hash at the same cost), so timing tells nothing.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The dummy hash is made at start-up: the first unknown address must not be slower. */
  async onModuleInit(): Promise<void> {
    await dummyHash(this.config.NEC_PASSWORD_SCRYPT_COST);
  }

  hash(password: string): Promise<string> {
    return hashPassword(password, this.config.NEC_PASSWORD_SCRYPT_COST);
  }

  /** Whether `password` matches `stored`; without a stored hash, false in the same time. */
  async verify(password: string, stored: string | undefined): Promise<boolean> {
    if (stored !== undefined) return verifyPassword(password, stored);
    await verifyPassword(password, await dummyHash(this.config.NEC_PASSWORD_SCRYPT_COST));
    return false;
  }
}
