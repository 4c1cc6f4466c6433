// Sessions with access and refresh tokens: issue, rotate on refresh, revoke the whole session.
import { oauthErrors } from './errors';
import { randomDigits, randomToken } from './random';
import { AppRegistration } from './types';

export const DEFAULT_ACCESS_LIFETIME = 3600;
export const DEFAULT_REFRESH_LIFETIME = 604800;

interface Session {
  id: string;
  clientId: string;
  scope: string;
  ownerId: string;
  endpointId: string;
  revoked: boolean;
}

interface AccessRecord {
  sessionId: string;
  expiresAt: number;
  /** Killed by rotation: a refresh ends the previous access token at once. */
  superseded: boolean;
}

interface RefreshRecord {
  sessionId: string;
  expiresAt: number;
  used: boolean;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  scope: string;
  owner_id: string;
  endpoint_id: string;
  session_id: string;
}

export type AccessCheck =
  { ok: true; scope: string[]; clientId: string; ownerId: string } | { ok: false; reason: 'invalid' | 'expired' };

export class TokenStore {
  private readonly sessions = new Map<string, Session>();
  private readonly access = new Map<string, AccessRecord>();
  private readonly refresh = new Map<string, RefreshRecord>();
  private issued = 0;

  constructor(private readonly now: () => number) {}

  get issuedCount(): number {
    return this.issued;
  }

  /** A new session of user `ownerId`, as after a sign-in (authorization code, JWT). */
  startSession(app: AppRegistration, ownerId: string): TokenResponse {
    const session: Session = {
      id: randomDigits(13),
      clientId: app.clientId,
      // Scope is fixed at sign-in: changing the app's permissions needs a new sign-in.
      scope: app.permissions.join(' '),
      ownerId,
      endpointId: randomToken(16),
      revoked: false,
    };
    this.sessions.set(session.id, session);
    return this.issueTokens(session, app);
  }

  /** Refresh grant with rotation. Throws OAuthError. */
  rotate(refreshToken: string | undefined, app: AppRegistration): TokenResponse {
    const record = refreshToken ? this.refresh.get(refreshToken) : undefined;
    const session = record ? this.sessions.get(record.sessionId) : undefined;
    if (!record || !session || session.clientId !== app.clientId) {
      throw oauthErrors.refreshNotFound();
    }
    if (session.revoked) {
      throw oauthErrors.refreshRevoked();
    }
    if (record.used) {
      throw oauthErrors.refreshNotFound();
    }
    if (record.expiresAt <= this.now()) {
      throw oauthErrors.refreshExpired();
    }
    record.used = true;
    for (const entry of this.access.values()) {
      if (entry.sessionId === session.id) {
        entry.superseded = true;
      }
    }
    return this.issueTokens(session, app);
  }

  /** Ends the session the token (access or refresh) belongs to, if it is this client's. */
  revoke(token: string | undefined, clientId: string): void {
    if (!token) {
      return;
    }
    const sessionId = this.access.get(token)?.sessionId ?? this.refresh.get(token)?.sessionId;
    const session = sessionId ? this.sessions.get(sessionId) : undefined;
    if (session && session.clientId === clientId) {
      session.revoked = true;
    }
  }

  /** Whose session a refresh token belongs to (used or not), for the per-user rate limit. */
  refreshTokenOwner(token: string | undefined): string | undefined {
    const sessionId = token ? this.refresh.get(token)?.sessionId : undefined;
    return sessionId ? this.sessions.get(sessionId)?.ownerId : undefined;
  }

  /** Whose session an access or refresh token belongs to, for the per-user rate limit. */
  tokenOwner(token: string | undefined): string | undefined {
    const sessionId = token ? (this.access.get(token)?.sessionId ?? this.refresh.get(token)?.sessionId) : undefined;
    return sessionId ? this.sessions.get(sessionId)?.ownerId : undefined;
  }

  checkAccess(token: string | undefined): AccessCheck {
    const record = token ? this.access.get(token) : undefined;
    const session = record ? this.sessions.get(record.sessionId) : undefined;
    if (!record || !session || session.revoked || record.superseded) {
      return { ok: false, reason: 'invalid' };
    }
    if (record.expiresAt <= this.now()) {
      return { ok: false, reason: 'expired' };
    }
    return {
      ok: true,
      scope: session.scope ? session.scope.split(' ') : [],
      clientId: session.clientId,
      ownerId: session.ownerId,
    };
  }

  private issueTokens(session: Session, app: AppRegistration): TokenResponse {
    const accessLifetime = app.accessTokenLifetimeSeconds ?? DEFAULT_ACCESS_LIFETIME;
    const accessToken = randomToken(48);
    this.access.set(accessToken, {
      sessionId: session.id,
      expiresAt: this.now() + accessLifetime * 1000,
      superseded: false,
    });
    this.issued += 1;
    const response: TokenResponse = {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: accessLifetime,
      scope: session.scope,
      owner_id: session.ownerId,
      endpoint_id: session.endpointId,
      session_id: session.id,
    };
    if (app.issueRefreshTokens) {
      const refreshLifetime = app.refreshTokenLifetimeSeconds ?? DEFAULT_REFRESH_LIFETIME;
      const refreshToken = randomToken(48);
      this.refresh.set(refreshToken, {
        sessionId: session.id,
        expiresAt: this.now() + refreshLifetime * 1000,
        used: false,
      });
      response.refresh_token = refreshToken;
      response.refresh_token_expires_in = refreshLifetime;
    }
    return response;
  }
}
