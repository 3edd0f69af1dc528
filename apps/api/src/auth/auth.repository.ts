import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull, LessThan, MoreThan } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { OneTimeTokenEntity, type OneTimeTokenPurpose } from './one-time-token.entity.js';
import { SessionEntity } from './session.entity.js';

/** Sessions and one-time tokens. Only hashes of tokens are stored. */
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async createSession(
    session: Pick<SessionEntity, 'tokenHash' | 'userId' | 'csrfToken' | 'expiresAt' | 'userAgent'>,
  ): Promise<SessionEntity> {
    const repo = this.dataSource.getRepository(SessionEntity);
    return repo.save(repo.create(session));
  }

  /** The live session for a token hash, with its user, or null when unknown or expired. */
  async findLiveSession(
    tokenHash: string,
    now: Date,
  ): Promise<(SessionEntity & { user: UserEntity }) | null> {
    const session = await this.dataSource.getRepository(SessionEntity).findOne({
      where: { tokenHash, expiresAt: MoreThan(now) },
      relations: { user: true },
    });
    return session?.user ? (session as SessionEntity & { user: UserEntity }) : null;
  }

  async deleteSession(id: string): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).delete({ id });
  }

  async deleteUserSessions(userId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).getRepository(SessionEntity).delete({ userId });
  }

  async purgeExpiredSessions(now: Date): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).delete({ expiresAt: LessThan(now) });
  }

  async createToken(
    token: Pick<OneTimeTokenEntity, 'userId' | 'purpose' | 'tokenHash' | 'expiresAt'>,
    manager?: EntityManager,
  ): Promise<void> {
    const repo = (manager ?? this.dataSource.manager).getRepository(OneTimeTokenEntity);
    await repo.save(repo.create({ ...token, usedAt: null }));
  }

  /**
   * Marks a live, unused token as used and returns its user id — in one statement, so a link
   * clicked twice at once is honoured once.
   */
  async consumeToken(
    tokenHash: string,
    purpose: OneTimeTokenPurpose,
    now: Date,
    manager: EntityManager,
  ): Promise<string | null> {
    const result = await manager
      .createQueryBuilder()
      .update(OneTimeTokenEntity)
      .set({ usedAt: now })
      .where({ tokenHash, purpose, usedAt: IsNull(), expiresAt: MoreThan(now) })
      .returning(['userId'])
      .execute();
    const rows = result.raw as { user_id: string }[];
    return rows[0]?.user_id ?? null;
  }
}
