import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull, LessThan, MoreThan } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { OneTimeTokenEntity, type OneTimeTokenPurpose } from './one-time-token.entity.js';
import { SessionEntity } from './session.entity.js';

/** A live session and who it belongs to: what a request needs to know about its author. */
export interface LiveSession {
  sessionId: string;
  csrfToken: string;
  user: Pick<UserEntity, 'id' | 'role' | 'email' | 'displayName'>;
}

interface LiveSessionRow {
  session_id: string;
  csrf_token: string;
  user_id: string;
  role: UserEntity['role'];
  email: string;
  display_name: string;
}

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

  /**
   * The live session for a token hash, with who it belongs to, or null when unknown or expired.
   * Runs on every authenticated request: one indexed join, no entity hydration.
   */
  async findLiveSession(tokenHash: string, now: Date): Promise<LiveSession | null> {
    const rows: LiveSessionRow[] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.csrf_token, u.id AS user_id, u.role, u.email, u.display_name
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > $2`,
      [tokenHash, now],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
      user: { id: row.user_id, role: row.role, email: row.email, displayName: row.display_name },
    };
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
