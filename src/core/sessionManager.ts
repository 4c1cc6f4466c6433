// Sessions: load/save through a persistence port, refresh single-flight and before expiry, sign out.
// Rotated refresh tokens are persisted before anyone else sees them: the old one is dead the moment we get the new.
import { Emitter } from './emitter';
import { RingCentralApiError } from './ringcentralError';
import type { RingCentralClient } from './ringcentralClient';
import { sessionIdFor, StoredSession } from './session';
import { canRefresh, toTokenSet, TokenResponse } from './tokenSet';
import type { AttemptKind, AttemptRecorder } from './trace';

export interface SessionPersistence {
  read(): Promise<StoredSession[]>;
  write(sessions: StoredSession[]): Promise<void>;
}

export type SessionChange =
  | { type: 'added' | 'changed'; session: StoredSession }
  | { type: 'removed'; session: StoredSession; reason: 'signOut' | 'refreshTokenDead'; error?: Error };

/** The refresh token can no longer be used; the session was removed and the user must sign in again. */
export class SessionEndedError extends Error {
  constructor(
    readonly session: StoredSession,
    readonly cause: RingCentralApiError,
  ) {
    super(`Your RingCentral session ended: ${cause.message}. Sign in again.`);
    this.name = 'SessionEndedError';
  }
}

const DEAD_REFRESH_CODES = new Set(['OAU-210', 'OAU-211', 'OAU-213']);

export function isDeadRefreshError(error: unknown): error is RingCentralApiError {
  // invalid_grant also covers other problems (OAU-106/108/251…); without a code it is the refresh token itself.
  return error instanceof RingCentralApiError && (DEAD_REFRESH_CODES.has(error.info.code ?? '') || (error.info.error === 'invalid_grant' && !error.info.code));
}

export interface SessionManagerDeps {
  persistence: SessionPersistence;
  /** A client for the session's server and app (with the client secret if one is stored for it). */
  clientFor(session: Pick<StoredSession, 'server' | 'clientId'>): Promise<RingCentralClient>;
  clock: () => number;
  /** How long before expiry the access token is refreshed. RingCentral's SDK uses 60 s. */
  refreshLeadMs?: number;
  /** After a dead-token answer, how long to wait for another window's rotation to land before signing out. */
  crossWindowSettleMs?: number;
  startAttempt?(kind: AttemptKind, session: StoredSession): AttemptRecorder | undefined;
  endAttempt?(recorder: AttemptRecorder | undefined, error?: unknown): void;
}

export class SessionManager {
  private sessions: StoredSession[] = [];
  private readonly refreshing = new Map<string, Promise<StoredSession>>();
  private readonly changes = new Emitter<SessionChange>();
  readonly onDidChange = this.changes.on.bind(this.changes);

  constructor(private readonly deps: SessionManagerDeps) {}

  async load(): Promise<void> {
    const before = new Map(this.sessions.map((session) => [session.id, session]));
    this.sessions = await this.deps.persistence.read();
    for (const session of this.sessions) {
      const old = before.get(session.id);
      if (!old) this.changes.fire({ type: 'added', session });
      else if (JSON.stringify(old) !== JSON.stringify(session)) this.changes.fire({ type: 'changed', session });
      before.delete(session.id);
    }
    for (const session of before.values()) {
      this.changes.fire({ type: 'removed', session, reason: 'signOut' });
    }
  }

  list(): readonly StoredSession[] {
    return this.sessions;
  }

  get(id: string): StoredSession | undefined {
    return this.sessions.find((session) => session.id === id);
  }

  /** The session for the configured app, else the most recent one. */
  current(server?: string, clientId?: string): StoredSession | undefined {
    const forApp = this.sessions.filter((session) => (!server || session.server === server) && (!clientId || session.clientId === clientId));
    const pool = forApp.length > 0 ? forApp : this.sessions;
    return [...pool].sort((a, b) => b.createdAt - a.createdAt)[0];
  }

  async add(session: Omit<StoredSession, 'id'>): Promise<StoredSession> {
    const stored: StoredSession = { ...session, id: sessionIdFor(session.server, session.clientId, session.account.id) };
    const existed = this.sessions.some((candidate) => candidate.id === stored.id);
    await this.persist(stored.id, stored);
    this.changes.fire({ type: existed ? 'changed' : 'added', session: stored });
    return stored;
  }

  /**
   * One refresh per session at a time: concurrent callers share the same request. `onlyIfDue` (timers, getSession)
   * skips the request when the freshest tokens — perhaps rotated by another window — are not due yet.
   */
  refresh(id: string, options: { onlyIfDue?: boolean } = {}): Promise<StoredSession> {
    const running = this.refreshing.get(id);
    if (running) return running;
    const promise = this.doRefresh(id, options.onlyIfDue ?? false).finally(() => this.refreshing.delete(id));
    this.refreshing.set(id, promise);
    return promise;
  }

  /** Sessions whose access token is within the lead time of expiry (or expired) and can be refreshed. */
  due(): StoredSession[] {
    return this.sessions.filter((session) => this.isDue(session));
  }

  /** Called on a timer; failures are recorded on the session (or end it), never thrown at the timer. */
  async refreshDue(): Promise<void> {
    await Promise.all(this.due().map((session) => this.refresh(session.id, { onlyIfDue: true }).catch(() => undefined)));
  }

  /** A valid access token for the session, refreshing first when it is due. */
  async accessToken(id: string): Promise<string> {
    const session = this.get(id);
    if (!session) throw new Error('Not signed in to RingCentral.');
    if (this.due().some((candidate) => candidate.id === id)) {
      return (await this.refresh(id, { onlyIfDue: true })).tokens.accessToken;
    }
    return session.tokens.accessToken;
  }

  /** Revokes at RingCentral, then deletes locally — the local delete happens even when revoke fails. */
  async signOut(id: string): Promise<{ revoked: boolean; error?: Error }> {
    const session = this.get(id);
    if (!session) return { revoked: false };
    const recorder = this.deps.startAttempt?.('signOut', session);
    let revokeError: Error | undefined;
    try {
      const client = await this.deps.clientFor(session);
      await client.revoke(session.tokens.refreshToken ?? session.tokens.accessToken, recorder);
    } catch (error) {
      revokeError = error instanceof Error ? error : new Error(String(error));
    }
    this.deps.endAttempt?.(recorder, revokeError);
    await this.remove(session, 'signOut');
    return { revoked: !revokeError, error: revokeError };
  }

  private async doRefresh(id: string, onlyIfDue: boolean): Promise<StoredSession> {
    // Another window may have rotated the tokens already: start from the freshest stored copy.
    const session = await this.freshest(id);
    if (!session) throw new Error('Not signed in to RingCentral.');
    if (onlyIfDue && !this.isDue(session)) return session;
    const refreshToken = session.tokens.refreshToken;
    if (!refreshToken) {
      throw new Error('This session has no refresh token (the app does not issue them: turn on "Issue refresh tokens?" in the Developer Console). Sign in again.');
    }
    const recorder = this.deps.startAttempt?.('refresh', session);
    const issuedAt = this.deps.clock();
    let client: RingCentralClient;
    let response: TokenResponse;
    try {
      client = await this.deps.clientFor(session);
      response = await client.refresh(refreshToken, recorder);
    } catch (error) {
      this.deps.endAttempt?.(recorder, error);
      throw await this.refreshFailed(session, refreshToken, error);
    }
    this.deps.endAttempt?.(recorder);
    const current = this.get(id);
    if (!current) {
      // Signed out while the refresh was in flight: the new tokens belong to nobody; revoke them quietly.
      void client.revoke(response.refresh_token ?? response.access_token).catch(() => undefined);
      throw new Error('Signed out while the token was being refreshed.');
    }
    const refreshed: StoredSession = { ...current, tokens: toTokenSet(response, issuedAt), lastRefreshAt: issuedAt, refreshError: undefined };
    await this.persist(id, refreshed);
    this.changes.fire({ type: 'changed', session: refreshed });
    return refreshed;
  }

  /** Decides what a failed refresh means; returns the error to throw. Never drops tokens that may still work. */
  private async refreshFailed(session: StoredSession, sentRefreshToken: string, error: unknown): Promise<unknown> {
    if (isDeadRefreshError(error)) {
      // Another window may be storing the tokens it just rotated from the same refresh token: let it finish.
      await new Promise((resolve) => setTimeout(resolve, this.deps.crossWindowSettleMs ?? 750));
      const stored = await this.freshest(session.id);
      if (stored && stored.tokens.refreshToken !== sentRefreshToken) {
        // Another window rotated the token while ours was in flight: its tokens are good, nothing ended.
        this.changes.fire({ type: 'changed', session: stored });
        return new Error('The token was refreshed in another window meanwhile; using that one.');
      }
      await this.remove(session, 'refreshTokenDead', error);
      return new SessionEndedError(session, error);
    }
    const marked: StoredSession = { ...(this.get(session.id) ?? session), refreshError: error instanceof Error ? error.message : String(error) };
    await this.persist(session.id, marked);
    this.changes.fire({ type: 'changed', session: marked });
    return error;
  }

  /** The freshest copy of a session. Every change is written through, so the stored copy is the newest one. */
  private async freshest(id: string): Promise<StoredSession | undefined> {
    const stored = (await this.deps.persistence.read()).find((candidate) => candidate.id === id);
    if (stored) {
      this.sessions = [...this.sessions.filter((candidate) => candidate.id !== id), stored];
      return stored;
    }
    return this.get(id);
  }

  /** Writes one session's change into what is stored now, so other windows' newer entries survive. */
  private async persist(id: string, next: StoredSession | undefined): Promise<void> {
    const stored = await this.deps.persistence.read();
    const merged = [...stored.filter((candidate) => candidate.id !== id), ...(next ? [next] : [])];
    this.sessions = [...this.sessions.filter((candidate) => candidate.id !== id), ...(next ? [next] : [])];
    await this.deps.persistence.write(merged);
  }

  private isDue(session: StoredSession): boolean {
    const now = this.deps.clock();
    return session.tokens.accessExpiresAt - (this.deps.refreshLeadMs ?? 60_000) <= now && canRefresh(session.tokens, now);
  }

  private async remove(session: StoredSession, reason: 'signOut' | 'refreshTokenDead', error?: Error): Promise<void> {
    await this.persist(session.id, undefined);
    this.changes.fire({ type: 'removed', session, reason, error });
  }
}
