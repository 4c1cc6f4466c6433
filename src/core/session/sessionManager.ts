// Sessions: load/save through a persistence port, refresh single-flight and before expiry, sign out. Rotated refresh
// tokens are stored before anyone sees them; writes are queued and start from the newest copy, so a newer token set
// is never replaced by an older one. Helpers: sessionPorts, refreshFailures, expiryClock, storageWrites, loadedSessions.
import { Emitter } from './emitter';
import { ExpiryClock } from './expiryClock';
import { asError, WriteQueue, writeWithRetries } from './storageWrites';
import { isNewerSession, sessionIdFor, StoredSession } from './session';
import { canRefresh, toTokenSet, TokenResponse } from '../oauth/tokenSet';
import { RefreshDeferredError, SessionEndedError, SessionExpiredError } from '../errors';
import { backoffAfter, backoffUntil, isDeadRefreshError, isRateLimitError, withoutBackoff } from './refreshFailures';
import type { RingCentralClient } from '../ringcentral/ringcentralClient';
import { mergeStoredSessions, nextReadProblem } from './loadedSessions';
import type { SessionChange, SessionManagerDeps, SessionNotice, SessionStatus } from './sessionPorts';

export class SessionManager {
  private sessions: StoredSession[] = [];
  private readonly refreshing = new Map<string, Promise<StoredSession>>();
  private readonly changes = new Emitter<SessionChange>();
  private readonly notices = new Emitter<SessionNotice>();
  readonly onDidChange = this.changes.on.bind(this.changes);
  readonly onNotice = this.notices.on.bind(this.notices);
  /** One storage write at a time in this window: each starts from what the previous one left. */
  private readonly writes = new WriteQueue();
  /** Sessions whose newest state is only in memory (their write failed); saved again on the next chance. */
  private readonly unsaved = new Set<string>();
  /** Sessions being written now: a load that runs meanwhile (our own write's change event) must not drop them. */
  private readonly writing = new Set<string>();
  /** Sessions whose delete failed or is under way. */
  private readonly unsavedRemovals = new Set<string>();
  private readonly expiry = new ExpiryClock(() => this.monotonicNow());
  private readonly announcedExpired = new Set<string>();
  private storageProblem: { error: Error; failures: number; nextRetryAt: number } | undefined;
  private ended: StoredSession | undefined;

  /** Pauses before each retry of a failed storage write (the flush after a failure tries once). */
  private readonly retryDelays: readonly number[];

  constructor(private readonly deps: SessionManagerDeps) {
    this.retryDelays = deps.storageRetryDelaysMs ?? [100, 500, 2000];
  }

  /**
   * Reads the stored sessions. Never throws: when storage cannot be read (a locked keychain), it keeps what is in
   * memory, reports the problem, and returns it; `retryLoadIfDue` tries again with a growing pause.
   */
  async load(): Promise<Error | undefined> {
    let stored: StoredSession[];
    try {
      stored = await this.deps.persistence.readAll();
    } catch (error) {
      const delays = this.deps.loadRetryDelaysMs ?? [5_000, 15_000, 30_000, 60_000, 300_000];
      const problem = nextReadProblem(this.storageProblem, asError(error), delays, this.deps.clock());
      this.storageProblem = problem;
      this.notices.fire({ kind: 'storageReadFailed', error: problem.error, nextRetryAt: problem.nextRetryAt });
      return problem.error;
    }
    const recovered = this.storageProblem !== undefined;
    this.storageProblem = undefined;
    const merged = mergeStoredSessions(this.sessions, stored, {
      removing: this.unsavedRemovals,
      onlyInMemory: (id) => this.unsaved.has(id) || this.writing.has(id),
    });
    for (const change of merged.changes) this.changes.fire(change);
    const next = merged.sessions;
    this.sessions = next;
    if (recovered) this.notices.fire({ kind: 'storageReadRecovered' });
    await this.flushUnsaved();
    return undefined;
  }

  /** Why stored sessions could not be read, while that lasts. */
  storageReadProblem(): { error: Error; nextRetryAt: number } | undefined {
    return this.storageProblem && { error: this.storageProblem.error, nextRetryAt: this.storageProblem.nextRetryAt };
  }

  /** Retries a failed load once its pause is over (called from the refresh timer and before commands). */
  async retryLoadIfDue(force = false): Promise<void> {
    if (this.storageProblem && (force || this.deps.clock() >= this.storageProblem.nextRetryAt)) await this.load();
  }

  list(): readonly StoredSession[] {
    return this.sessions;
  }

  get(id: string): StoredSession | undefined {
    return this.sessions.find((session) => session.id === id);
  }

  /** The session for the configured app, else the most recent one. */
  current(server?: string, clientId?: string): StoredSession | undefined {
    const forApp = this.sessions.filter(
      (session) => (!server || session.server === server) && (!clientId || session.clientId === clientId),
    );
    const pool = forApp.length > 0 ? forApp : this.sessions;
    return [...pool].sort((a, b) => b.createdAt - a.createdAt)[0];
  }

  /** The last session that ended because RingCentral refused its refresh token (for "expired — sign in again"). */
  recentlyEnded(): StoredSession | undefined {
    return this.ended;
  }

  /** Whether the session is usable, expired, or waiting out a rate limit, and when its access token really expires. */
  status(session: StoredSession): SessionStatus {
    const now = this.deps.clock();
    const accessExpiresAt = this.expiry.accessExpiresAt(session, now);
    const notBefore = backoffUntil(session, now);
    if (accessExpiresAt <= now && !canRefresh(session.tokens, now)) return { state: 'expired', accessExpiresAt };
    if (notBefore !== undefined && session.refreshBackoff?.rateLimited)
      return { state: 'rateLimited', accessExpiresAt, notBefore };
    return { state: 'active', accessExpiresAt, notBefore };
  }

  /** Whether its access token can be handed out now (not expired by either clock). */
  isUsable(session: StoredSession): boolean {
    return this.status(session).accessExpiresAt > this.deps.clock();
  }

  async add(session: Omit<StoredSession, 'id'>): Promise<StoredSession> {
    const id = sessionIdFor(session.server, session.clientId, session.account.id, session.profileId);
    const existed = this.sessions.some((candidate) => candidate.id === id);
    this.unsavedRemovals.delete(id);
    this.announcedExpired.delete(id);
    this.ended = undefined;
    // A new sign-in wins over whatever was stored for the same account.
    const stored = await this.update(id, (current) => ({
      ...withoutBackoff(session),
      id,
      revision: (current?.revision ?? 0) + 1,
    }));
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

  /** Sessions whose access token is within the lead time of expiry (or expired), can be refreshed, and are not held back. */
  due(): StoredSession[] {
    return this.sessions.filter((session) => this.isDue(session));
  }

  /** Called on a timer; failures are recorded on the session (or end it), never thrown at the timer. */
  async refreshDue(): Promise<void> {
    await this.retryLoadIfDue();
    await this.flushUnsaved();
    this.announceExpired();
    await Promise.all(
      this.due().map((session) => this.refresh(session.id, { onlyIfDue: true }).catch(() => undefined)),
    );
  }

  /** A valid access token for the session, refreshing first when it is due. Never hands out an expired one. */
  async accessToken(id: string): Promise<string> {
    const session = this.get(id);
    if (!session) throw new Error('Not signed in to RingCentral.');
    const usable = this.isDue(session) ? await this.refresh(id, { onlyIfDue: true }) : session;
    const status = this.status(usable);
    if (status.accessExpiresAt > this.deps.clock()) return usable.tokens.accessToken;
    if (status.state === 'expired') {
      this.announceExpired();
      throw new SessionExpiredError(usable);
    }
    if (status.state === 'rateLimited' && status.notBefore !== undefined)
      throw new RefreshDeferredError(usable, status.notBefore, this.deps.clock());
    // Expired, and a refresh is still possible but did not happen (held back after a failure): try it now.
    return (await this.refresh(id)).tokens.accessToken;
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
      revokeError = asError(error);
    }
    this.deps.endAttempt?.(recorder, revokeError);
    await this.remove(session, 'signOut');
    return { revoked: !revokeError, error: revokeError };
  }

  private async doRefresh(id: string, onlyIfDue: boolean): Promise<StoredSession> {
    // Another window may have rotated the tokens already: start from the freshest copy.
    const session = await this.freshest(id);
    if (!session) throw new Error('Not signed in to RingCentral.');
    if (onlyIfDue && !this.isDue(session)) return session;
    const now = this.deps.clock();
    const backoff = backoffUntil(session, now);
    if (backoff !== undefined && session.refreshBackoff?.rateLimited)
      throw new RefreshDeferredError(session, backoff, now);
    const refreshToken = session.tokens.refreshToken;
    if (!refreshToken) {
      throw new Error(
        'This session has no refresh token (the app does not issue them: turn on "Issue refresh tokens?" in the Developer Console). Sign in again.',
      );
    }
    const recorder = this.deps.startAttempt?.('refresh', session);
    const issuedAt = now;
    const issuedAtMonotonic = this.monotonicNow();
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
    if (!this.get(id)) {
      // Signed out while the refresh was in flight: the new tokens belong to nobody; revoke them quietly.
      void client.revoke(response.refresh_token ?? response.access_token).catch(() => undefined);
      throw new Error('Signed out while the token was being refreshed.');
    }
    const tokens = toTokenSet(response, issuedAt);
    this.expiry.track(id, tokens.accessToken, issuedAtMonotonic + response.expires_in * 1000);
    // These tokens replace the ones we sent, so they are one revision past them, whatever the clock says.
    const refreshed = await this.update(id, (current) => {
      const base = current ?? session;
      return {
        ...withoutBackoff(base),
        tokens,
        revision: Math.max(base.revision ?? 0, session.revision ?? 0) + 1,
        lastRefreshAt: issuedAt,
        refreshError: undefined,
      };
    });
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
    const now = this.deps.clock();
    const rateLimited = isRateLimitError(error);
    const marked = await this.update(session.id, (current) => {
      const base = current ?? session;
      const previous = base.refreshBackoff;
      const failures = (previous && previous.rateLimited === rateLimited ? previous.failures : 0) + 1;
      return {
        ...base,
        refreshError: asError(error).message,
        refreshBackoff: backoffAfter(error, rateLimited, failures, now),
      };
    });
    this.changes.fire({ type: 'changed', session: marked });
    if (rateLimited && marked.refreshBackoff) {
      this.notices.fire({ kind: 'rateLimited', session: marked, notBefore: marked.refreshBackoff.notBefore });
    }
    return error;
  }

  /** The newest copy of a session, from memory or storage; memory takes the stored one only when it is newer. */
  private async freshest(id: string): Promise<StoredSession | undefined> {
    let stored: StoredSession | undefined;
    try {
      stored = await this.deps.persistence.read(id);
    } catch {
      return this.get(id); // storage unreadable: what this window has is the best there is
    }
    const inMemory = this.get(id);
    if (!stored || this.unsavedRemovals.has(id)) return inMemory;
    if (!inMemory || isNewerSession(stored, inMemory)) return this.replaceInMemory(stored);
    if (isNewerSession(inMemory, stored)) return inMemory; // ours is newer: its write failed and waits for a retry
    // The same tokens: another window may have been told to wait (a 429) — wait with it.
    if ((stored.refreshBackoff?.notBefore ?? 0) > (inMemory.refreshBackoff?.notBefore ?? 0)) {
      return this.replaceInMemory({
        ...inMemory,
        refreshBackoff: stored.refreshBackoff,
        refreshError: stored.refreshError,
      });
    }
    return inMemory;
  }

  /**
   * Changes one session: in the write queue, from the newest of the stored and the in-memory copy. The result is
   * in memory at once; the write is tried a few times and, if it keeps failing, reported and retried later.
   */
  private update(id: string, change: (current: StoredSession | undefined) => StoredSession): Promise<StoredSession> {
    return this.writes.run(async () => {
      let stored: StoredSession | undefined;
      try {
        stored = this.unsavedRemovals.has(id) ? undefined : await this.deps.persistence.read(id);
      } catch {
        stored = undefined;
      }
      const inMemory = this.get(id);
      const base = stored && (!inMemory || isNewerSession(stored, inMemory)) ? stored : inMemory;
      const next = change(base);
      this.replaceInMemory(next);
      await this.save(next);
      return next;
    });
  }

  private async save(session: StoredSession): Promise<boolean> {
    this.writing.add(session.id);
    const error = await writeWithRetries(() => this.deps.persistence.put(session), this.retryDelays).finally(() =>
      this.writing.delete(session.id),
    );
    if (!error) {
      const wasUnsaved = this.unsaved.delete(session.id);
      if (wasUnsaved && this.unsaved.size === 0 && this.unsavedRemovals.size === 0)
        this.notices.fire({ kind: 'storageWriteRecovered' });
      return true;
    }
    const firstFailure = !this.unsaved.has(session.id);
    this.unsaved.add(session.id);
    if (firstFailure) this.notices.fire({ kind: 'storageWriteFailed', session, error });
    return false;
  }

  /** Saves what only memory holds (after failed writes). */
  private async flushUnsaved(): Promise<void> {
    if (this.unsaved.size === 0 && this.unsavedRemovals.size === 0) return;
    await this.writes.run(async () => {
      for (const id of [...this.unsavedRemovals]) {
        if (!(await writeWithRetries(() => this.deps.persistence.remove(id), []))) this.unsavedRemovals.delete(id);
      }
      for (const id of [...this.unsaved]) {
        const session = this.get(id);
        if (!session) this.unsaved.delete(id);
        else if (!(await writeWithRetries(() => this.deps.persistence.put(session), []))) this.unsaved.delete(id);
      }
      if (this.unsaved.size === 0 && this.unsavedRemovals.size === 0)
        this.notices.fire({ kind: 'storageWriteRecovered' });
    });
  }

  private replaceInMemory(session: StoredSession): StoredSession {
    const index = this.sessions.findIndex((candidate) => candidate.id === session.id);
    this.sessions =
      index < 0
        ? [...this.sessions, session]
        : this.sessions.map((candidate, i) => (i === index ? session : candidate));
    return session;
  }

  private isDue(session: StoredSession): boolean {
    const now = this.deps.clock();
    return (
      this.expiry.accessExpiresAt(session, now) - (this.deps.refreshLeadMs ?? 60_000) <= now &&
      canRefresh(session.tokens, now) &&
      backoffUntil(session, now) === undefined
    );
  }

  private monotonicNow(): number {
    return (this.deps.monotonic ?? (() => performance.now()))();
  }

  /** Tells once per session that it expired (both tokens past their lifetime). */
  private announceExpired(): void {
    for (const session of this.sessions) {
      if (this.announcedExpired.has(session.id) || this.status(session).state !== 'expired') continue;
      this.announcedExpired.add(session.id);
      this.notices.fire({ kind: 'expired', session });
    }
  }

  private async remove(session: StoredSession, reason: 'signOut' | 'refreshTokenDead', error?: Error): Promise<void> {
    this.sessions = this.sessions.filter((candidate) => candidate.id !== session.id);
    this.unsaved.delete(session.id);
    if (reason === 'refreshTokenDead') this.ended = session;
    this.unsavedRemovals.add(session.id); // until the delete is done, a load must not bring it back
    await this.writes.run(async () => {
      const failed = await writeWithRetries(() => this.deps.persistence.remove(session.id), this.retryDelays);
      if (failed) this.notices.fire({ kind: 'storageWriteFailed', session, error: failed });
      else this.unsavedRemovals.delete(session.id);
    });
    this.changes.fire({ type: 'removed', session, reason, error });
  }
}
