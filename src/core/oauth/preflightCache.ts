// A pre-flight that RingCentral accepted, remembered per (server, client id, redirect URI) for 10 minutes, so a
// second sign-in does not spend another request of the Auth rate-limit group (5 per minute). Only successes are
// remembered: a refusal is asked again, since the user is probably fixing it. An optional store shares the
// answers across windows; it is never trusted further than the clock and the lifetime allow.

export const PREFLIGHT_CACHE_TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 64;
/** Keys longer than this are not stored (a hostile setting); the pre-flight simply runs. */
const MAX_KEY_LENGTH = 4_096;

export interface PreflightTarget {
  server: string;
  clientId: string;
  /** Compared byte for byte, as RingCentral compares redirect URIs. */
  redirectUri: string;
}

/** Shared storage for accepted pre-flights (global state in the VS Code layer). Values are epoch ms. */
export interface PreflightCacheStore {
  read(key: string): Promise<number | undefined>;
  write(key: string, acceptedAt: number): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface PreflightCacheOptions {
  clock: () => number;
  ttlMs?: number;
  store?: PreflightCacheStore;
}

function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}

export function preflightCacheKey(target: PreflightTarget): string | undefined {
  const key = JSON.stringify([withoutTrailingSlashes(target.server.trim()), target.clientId, target.redirectUri]);
  return key.length <= MAX_KEY_LENGTH ? key : undefined;
}

export class PreflightCache {
  private readonly accepted = new Map<string, number>();
  private readonly ttlMs: number;

  constructor(private readonly options: PreflightCacheOptions) {
    this.ttlMs = options.ttlMs ?? PREFLIGHT_CACHE_TTL_MS;
  }

  /** When RingCentral accepted this target, if that was within the lifetime; undefined otherwise. */
  async acceptedAt(target: PreflightTarget): Promise<number | undefined> {
    const key = preflightCacheKey(target);
    if (key === undefined) return undefined;
    const now = this.options.clock();
    let at = this.accepted.get(key);
    if (!this.isFresh(at, now) && this.options.store) {
      try {
        const stored = await this.options.store.read(key);
        at = typeof stored === 'number' && Number.isFinite(stored) ? stored : undefined;
      } catch {
        at = undefined;
      }
    }
    if (!this.isFresh(at, now)) {
      this.accepted.delete(key);
      return undefined;
    }
    return at;
  }

  /** RingCentral accepted the pre-flight for this target just now. */
  async remember(target: PreflightTarget): Promise<void> {
    const key = preflightCacheKey(target);
    if (key === undefined) return;
    const now = this.options.clock();
    this.accepted.delete(key);
    this.accepted.set(key, now);
    while (this.accepted.size > MAX_ENTRIES) this.accepted.delete(this.accepted.keys().next().value as string);
    try {
      await this.options.store?.write(key, now);
    } catch {
      // This window still remembers it.
    }
  }

  /** A later step failed in a way the pre-flight should have caught: ask RingCentral again next time. */
  async forget(target: PreflightTarget): Promise<void> {
    const key = preflightCacheKey(target);
    if (key === undefined) return;
    this.accepted.delete(key);
    try {
      await this.options.store?.remove(key);
    } catch {
      // Expires on its own.
    }
  }

  /** Accepted within the lifetime, and not in the future (a clock stepped back does not extend it). */
  private isFresh(at: number | undefined, now: number): at is number {
    return at !== undefined && at <= now && now - at < this.ttlMs;
  }
}
