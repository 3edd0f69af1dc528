import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normaliseEmail, type Role } from '@nec/domain';
import { DataSource } from 'typeorm';
import { BindableRepository } from '../database/transactions.js';
import { UserEntity } from './user.entity.js';

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  emailConfirmedAt: Date | null;
}

@Injectable()
export class UsersRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.m().getRepository(UserEntity).findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.m()
      .getRepository(UserEntity)
      .findOneBy({ emailNormalized: normaliseEmail(email) });
  }

  async create(user: NewUser): Promise<UserEntity> {
    const repo = this.m().getRepository(UserEntity);
    const entity = repo.create({
      ...user,
      email: user.email.trim(),
      emailNormalized: normaliseEmail(user.email),
    });
    return repo.save(entity);
  }

  async update(
    id: string,
    patch: Partial<
      Pick<
        UserEntity,
        | 'passwordHash'
        | 'emailConfirmedAt'
        | 'displayName'
        | 'deactivatedAt'
        | 'mfaSecret'
        | 'mfaEnabledAt'
        | 'mfaLastStep'
        | 'mfaRecoveryHashes'
      >
    >,
  ): Promise<void> {
    await this.m().getRepository(UserEntity).update({ id }, patch);
  }

  listAgents(): Promise<UserEntity[]> {
    return this.m()
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.role <> :role', { role: 'applicant' })
      .orderBy('u.created_at', 'ASC')
      .getMany();
  }

  /**
   * Takes one recovery code (by hash) out of the account's list; false when it was not there
   * (one statement: two requests with the same code cannot both succeed).
   */
  async consumeRecoveryCode(id: string, hash: string): Promise<boolean> {
    const result = await this.m()
      .getRepository(UserEntity)
      .createQueryBuilder()
      .update(UserEntity)
      .set({ mfaRecoveryHashes: () => 'array_remove(mfa_recovery_hashes, :hash)' })
      .where('id = :id AND :hash = ANY(mfa_recovery_hashes)', { id, hash })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Records the step of an accepted code unless a later or equal one was recorded (replay). */
  async recordTotpStep(id: string, step: number): Promise<boolean> {
    const result = await this.m()
      .getRepository(UserEntity)
      .createQueryBuilder()
      .update(UserEntity)
      .set({ mfaLastStep: step })
      .where('id = :id AND (mfa_last_step IS NULL OR mfa_last_step < :step)', { id, step })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async delete(id: string): Promise<void> {
    await this.tx().getRepository(UserEntity).delete({ id });
  }
}
