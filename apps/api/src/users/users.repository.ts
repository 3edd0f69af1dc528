import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@nec/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { UserEntity } from './user.entity.js';

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  emailConfirmedAt: Date | null;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo().findOneBy({ emailNormalized: email.trim().toLowerCase() });
  }

  async create(user: NewUser, manager?: EntityManager): Promise<UserEntity> {
    const entity = this.repo(manager).create({
      ...user,
      email: user.email.trim(),
      emailNormalized: user.email.trim().toLowerCase(),
    });
    return this.repo(manager).save(entity);
  }

  async update(
    id: string,
    patch: Partial<Pick<UserEntity, 'passwordHash' | 'emailConfirmedAt' | 'displayName'>>,
    manager?: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ id }, patch);
  }

  listAgents(): Promise<UserEntity[]> {
    return this.repo()
      .createQueryBuilder('u')
      .where('u.role <> :role', { role: 'applicant' })
      .orderBy('u.created_at', 'ASC')
      .getMany();
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ id });
  }
}
