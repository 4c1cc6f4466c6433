// RingCentral's "Auth" rate-limit group allows 5 requests per user per minute (authorize — our pre-flight too —,
// token, refresh, revoke), then a 60 s penalty that restarts on every request made during it: a client that keeps
// trying is locked out for good. So every Auth request this extension sends is counted per key (server + client
// id, or a profile) over the last 60 s, across windows through a shared log, and the one that would be too many is
// stopped BEFORE it goes, with the time the next one is safe. A 429 seen for the key holds everything until its end.
import { AuthBudgetExceededError, type AuthRequestKind } from '../errors';
import type { AuthRequestHooks } from '../ringcentral/ringcentralClient';
import { serverKey } from '../ringcentral/environment';
import { MemoryAuthRequestLog, validEntries, type AuthLogEntry, type AuthRequestLog } from './authRequestLog';

export const DEFAULT_AUTH_LIMIT = 5;
export const DEFAULT_AUTH_WINDOW_MS = 60_000;
/** A 429 without Retry-After: RingCentral's Auth penalty is 60 s. */
const DEFAULT_PENALTY_MS = 60_000;
/** A stored penalty is never trusted beyond this from now (a wall clock stepped back, a corrupt file). */
const MAX_PENALTY_MS = 15 * 60_000;
/** After the penalty, so the next request lands after it, not on its last second. */
const PENALTY_MARGIN_MS = 1_000;
/** Entries dated later than this are from before a clock step back and no longer count. */
const CLOCK_SKEW_MS = 5_000;

export interface AuthBudgetOptions {
  /** Shared across windows (a file in the global storage folder); default: this process only. */
  log?: AuthRequestLog;
  /** Requests allowed per window; RingCentral's Auth group allows 5. A function is read at each use (a setting). */
  limit?: number | (() => number);
  windowMs?: number;
  /** Random ids for entries (tests pass a counter). */
  newId?: () => string;
}

export interface AuthBudgetStatus {
  /** Auth requests counted in the last window. */
  used: number;
  limit: number;
  windowMs: number;
  remaining: number;
  /** When the oldest counted request leaves the window (now when none is counted). */
  resetsAt: number;
  /** The end of RingCentral's penalty (a 429 seen for the key), while it lasts. */
  penaltyUntil?: number;
  /** When the next Auth request is safe: now, or later. */
  nextSafeAt: number;
}

/** One budget per server and app: the user is not known before sign-in, and counting per app is the safe side. */
export function authBudgetKey(server: string, clientId: string): string {
  return `${serverKey(server) ?? server.trim()} ${clientId.trim()}`;
}

interface Tally {
  /** Counted requests, oldest first. */
  requests: Array<Extract<AuthLogEntry, { type: 'request' }>>;
  penaltyUntil?: number;
}

function randomId(): string {
  return Math.random().toString(36).slice(2, 12) + Date.now().toString(36);
}

export class AuthBudget {
  readonly windowMs: number;
  private readonly local = new MemoryAuthRequestLog();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly newId: () => string;

  constructor(private readonly options: AuthBudgetOptions = {}) {
    this.windowMs = Math.max(1_000, options.windowMs ?? DEFAULT_AUTH_WINDOW_MS);
    this.newId = options.newId ?? randomId;
  }

  get limit(): number {
    const limit = typeof this.options.limit === 'function' ? this.options.limit() : this.options.limit;
    return Number.isFinite(limit) ? Math.max(1, Math.floor(limit as number)) : DEFAULT_AUTH_LIMIT;
  }

  async status(key: string, now: number): Promise<AuthBudgetStatus> {
    return this.statusOf(this.tally(await this.read(key), now), now);
  }

  /**
   * Counts one Auth request about to be sent, or throws AuthBudgetExceededError (nothing is counted then) when it
   * would be one too many, or RingCentral's penalty is still running.
   */
  reserve(key: string, kind: AuthRequestKind, now: number): Promise<void> {
    return this.serialized(key, async () => {
      const stored = await this.read(key);
      const needed = this.slotsNeeded(kind);
      this.throwIfNotSafe(this.tally(stored, now), kind, needed, now);
      const entry: AuthLogEntry = { type: 'request', at: now, kind, id: this.newId() };
      await this.append(key, entry);
      if (this.options.log) {
        // Another window may have counted at the same moment: whoever comes first (time, then id) keeps its place.
        const after = this.tally(await this.read(key), now);
        const ahead = after.requests.filter(
          (other) => other.at < entry.at || (other.at === entry.at && other.id < entry.id),
        ).length;
        if (ahead + needed > this.limit) {
          // Ours stays counted (it is in the shared log): the safe side.
          this.throwIfNotSafe(after, kind, needed, now, true);
        }
      }
      // Entries beyond what the window can hold have aged out: drop them so the log stays small.
      if (stored.length >= 2 * this.limit) await this.prune(key, now);
    });
  }

  /** RingCentral answered 429 for this key: nothing until Retry-After (60 s when absent) is over. */
  recordRateLimited(key: string, retryAfterSeconds: number | undefined, now: number): Promise<void> {
    const waitMs =
      retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0
        ? retryAfterSeconds * 1000
        : DEFAULT_PENALTY_MS;
    const until = now + Math.min(waitMs, MAX_PENALTY_MS) + PENALTY_MARGIN_MS;
    return this.serialized(key, () => this.append(key, { type: 'penalty', at: now, until }));
  }

  /** For RingCentralClient's `authRequests` option: counts before each Auth request, records each 429. */
  hooks(key: string, clock: () => number = Date.now): AuthRequestHooks {
    return {
      before: (kind) => this.reserve(key, kind, clock()),
      after: async (_kind, answer) => {
        if (answer.status === 429) await this.recordRateLimited(key, answer.retryAfterSeconds, clock());
      },
    };
  }

  /**
   * The browser's authorize is followed by the code exchange within a minute (the code dies after about 60 s):
   * the sign-in page is only opened when both fit, so an approved sign-in is never stopped at its last step.
   */
  private slotsNeeded(kind: AuthRequestKind): number {
    return kind === 'authorize' ? Math.min(2, this.limit) : 1;
  }

  private throwIfNotSafe(tally: Tally, kind: AuthRequestKind, needed: number, now: number, force = false): void {
    const used = tally.requests.length;
    if (tally.penaltyUntil !== undefined) {
      const safeAt = Math.max(tally.penaltyUntil, this.safeAt(tally, needed, now));
      throw new AuthBudgetExceededError(kind, 'penalty', safeAt, used, this.limit, this.windowMs, now, needed);
    }
    if (force || used + needed > this.limit) {
      const safeAt = Math.max(this.safeAt(tally, needed, now), now + 1);
      throw new AuthBudgetExceededError(kind, 'budget', safeAt, used, this.limit, this.windowMs, now, needed);
    }
  }

  /** When `needed` more requests fit: once enough of the oldest counted ones have left the window. */
  private safeAt(tally: Tally, needed: number, now: number): number {
    const mustLeave = tally.requests.length + needed - this.limit;
    return mustLeave > 0 ? tally.requests[mustLeave - 1].at + this.windowMs : now;
  }

  private tally(entries: readonly AuthLogEntry[], now: number): Tally {
    const requests: Tally['requests'] = [];
    let penaltyUntil: number | undefined;
    for (const entry of entries) {
      if (entry.at > now + CLOCK_SKEW_MS) continue;
      if (entry.type === 'request') {
        if (entry.at > now - this.windowMs) requests.push(entry);
      } else if (entry.until > now) {
        penaltyUntil = Math.max(penaltyUntil ?? 0, Math.min(entry.until, now + MAX_PENALTY_MS));
      }
    }
    requests.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { requests, penaltyUntil };
  }

  private statusOf(tally: Tally, now: number): AuthBudgetStatus {
    const used = tally.requests.length;
    const oldest = tally.requests[0];
    return {
      used,
      limit: this.limit,
      windowMs: this.windowMs,
      remaining: Math.max(0, this.limit - used),
      resetsAt: oldest ? oldest.at + this.windowMs : now,
      ...(tally.penaltyUntil !== undefined ? { penaltyUntil: tally.penaltyUntil } : {}),
      nextSafeAt: Math.max(now, this.safeAt(tally, 1, now), tally.penaltyUntil ?? 0),
    };
  }

  /** The shared log when it can be read; otherwise what this window counted itself. */
  private async read(key: string): Promise<AuthLogEntry[]> {
    if (this.options.log) {
      try {
        return validEntries(await this.options.log.read(key));
      } catch {
        // Unreadable storage must not stop sign-in: count what this window knows.
      }
    }
    return validEntries(await this.local.read(key));
  }

  private async append(key: string, entry: AuthLogEntry): Promise<void> {
    await this.local.append(key, entry);
    try {
      await this.options.log?.append(key, entry);
    } catch {
      // Kept in this window's count; other windows will not see it.
    }
  }

  private async prune(key: string, now: number): Promise<void> {
    const before = now - this.windowMs;
    await this.local.prune(key, before);
    try {
      await this.options.log?.prune(key, before);
    } catch {
      // Housekeeping only.
    }
  }

  /** One read-count-append at a time per key in this window. */
  private serialized<T>(key: string, run: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return next;
  }
}
