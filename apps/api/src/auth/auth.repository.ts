import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, LessThan, MoreThan, Not } from 'typeorm';
import { BindableRepository } from '../database/transactions.js';
import { UserEntity } from '../users/user.entity.js';
import { OneTimeTokenEntity, type OneTimeTokenPurpose } from './one-time-token.entity.js';
import { SessionEntity } from './session.entity.js';

/** A live session and who it belongs to: what a request needs to know about its author. */
export interface LiveSession {
  sessionId: string;
  csrfToken: string;
  lastSeenAt: Date;
  mfaPending: boolean;
  user: Pick<UserEntity, 'id' | 'role' | 'email' | 'displayName'> & { mfaEnabled: boolean };
}

interface LiveSessionRow {
  session_id: string;
  csrf_token: string;
  last_seen_at: Date | string;
  mfa_pending: boolean;
  user_id: string;
  role: UserEntity['role'];
  email: string;
  display_name: string;
  mfa_enabled: boolean;
}

/** How long a session may stay unused, by kind of account. */
export interface IdleLimits {
  agentMinutes: number;
  applicantMinutes: number;
}

interface SessionRow {
  id: string;
  created_at: Date | string;
  last_seen_at: Date | string;
  expires_at: Date | string;
  user_agent: string | null;
}

export type SessionRecord = Pick<
  SessionEntity,
  'id' | 'createdAt' | 'lastSeenAt' | 'expiresAt' | 'userAgent'
>;

/** Sessions and one-time tokens. Only hashes of tokens are stored. */
@Injectable()
export class AuthRepository extends BindableRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  async createSession(
    session: Pick<
      SessionEntity,
      'tokenHash' | 'userId' | 'csrfToken' | 'expiresAt' | 'userAgent' | 'mfaPending' | 'lastSeenAt'
    >,
  ): Promise<SessionEntity> {
    const repo = this.m().getRepository(SessionEntity);
    return repo.save(repo.create(session));
  }

  /**
   * The live session for a token hash, with who it belongs to, or null when unknown or expired.
   * Runs on every authenticated request: one indexed join, no entity hydration.
   */
  async findLiveSession(
    tokenHash: string,
    now: Date,
    idle: IdleLimits,
  ): Promise<LiveSession | null> {
    // Live: not expired, not idle past its role's limit, its account not deactivated.
    const rows: LiveSessionRow[] = await this.m().query(
      `SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, s.mfa_pending,
              u.id AS user_id, u.role, u.email, u.display_name,
              (u.mfa_enabled_at IS NOT NULL) AS mfa_enabled
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.deactivated_at IS NULL
          AND s.last_seen_at > $2::timestamptz - make_interval(
                mins => CASE WHEN u.role = 'applicant' THEN $4::int ELSE $3::int END)`,
      [tokenHash, now, idle.agentMinutes, idle.applicantMinutes],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
      lastSeenAt: new Date(row.last_seen_at),
      mfaPending: row.mfa_pending,
      user: {
        id: row.user_id,
        role: row.role,
        email: row.email,
        displayName: row.display_name,
        mfaEnabled: row.mfa_enabled,
      },
    };
  }

  async touchSession(id: string, now: Date): Promise<void> {
    await this.m().getRepository(SessionEntity).update({ id }, { lastSeenAt: now });
  }

  async completeSecondFactor(id: string, now: Date): Promise<void> {
    await this.m()
      .getRepository(SessionEntity)
      .update({ id }, { mfaPending: false, lastSeenAt: now });
  }

  async deleteSessionByTokenHash(tokenHash: string): Promise<void> {
    await this.m().getRepository(SessionEntity).delete({ tokenHash });
  }

  /** The account's sessions still running, most recently used first. */
  async listUserSessions(userId: string, now: Date): Promise<SessionRecord[]> {
    const rows: SessionRow[] = await this.m().query(
      `SELECT id, created_at, last_seen_at, expires_at, user_agent FROM sessions
        WHERE user_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC, id`,
      [userId, now],
    );
    return rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at),
      lastSeenAt: new Date(r.last_seen_at),
      expiresAt: new Date(r.expires_at),
      userAgent: r.user_agent,
    }));
  }

  /** Ends one session of the account; false when it has no such session. */
  async deleteUserSession(userId: string, id: string): Promise<boolean> {
    const result = await this.m().getRepository(SessionEntity).delete({ id, userId });
    return (result.affected ?? 0) > 0;
  }

  /** Ends every session of the account but one; returns how many ended. */
  async deleteOtherSessions(userId: string, keepId: string): Promise<number> {
    const result = await this.m()
      .getRepository(SessionEntity)
      .delete({ userId, id: Not(keepId) });
    return result.affected ?? 0;
  }

  /** Outstanding links of a purpose stop working (a reset makes the older links useless). */
  async invalidateTokens(userId: string, purpose: OneTimeTokenPurpose, now: Date): Promise<void> {
    await this.tx()
      .getRepository(OneTimeTokenEntity)
      .update({ userId, purpose, usedAt: IsNull() }, { usedAt: now });
  }

  /** The account a live, unused link belongs to, without using the link. */
  async peekToken(
    tokenHash: string,
    purposes: OneTimeTokenPurpose[],
    now: Date,
  ): Promise<string | null> {
    const token = await this.m()
      .getRepository(OneTimeTokenEntity)
      .findOneBy({
        tokenHash,
        purpose: In(purposes),
        usedAt: IsNull(),
        expiresAt: MoreThan(now),
      });
    return token?.userId ?? null;
  }

  async deleteSession(id: string): Promise<void> {
    await this.m().getRepository(SessionEntity).delete({ id });
  }

  async deleteUserSessions(userId: string): Promise<number> {
    const result = await this.m().getRepository(SessionEntity).delete({ userId });
    return result.affected ?? 0;
  }

  async purgeExpiredSessions(now: Date): Promise<void> {
    await this.m()
      .getRepository(SessionEntity)
      .delete({ expiresAt: LessThan(now) });
  }

  async createToken(
    token: Pick<OneTimeTokenEntity, 'userId' | 'purpose' | 'tokenHash' | 'expiresAt'>,
  ): Promise<void> {
    const repo = this.m().getRepository(OneTimeTokenEntity);
    await repo.save(repo.create({ ...token, usedAt: null }));
  }

  /**
   * Marks a live, unused token as used and returns its user id — in one statement, so a link
   * clicked twice at once is honoured once.
   */
  async consumeToken(
    tokenHash: string,
    purposes: OneTimeTokenPurpose[],
    now: Date,
  ): Promise<string | null> {
    const result = await this.tx()
      .createQueryBuilder()
      .update(OneTimeTokenEntity)
      .set({ usedAt: now })
      .where({ tokenHash, purpose: In(purposes), usedAt: IsNull(), expiresAt: MoreThan(now) })
      .returning(['userId'])
      .execute();
    const rows = result.raw as { user_id: string }[];
    return rows[0]?.user_id ?? null;
  }
}
