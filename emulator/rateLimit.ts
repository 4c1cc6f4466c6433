// RingCentral's "Auth" rate-limit group: N requests per 60 s window per key, then a penalty that
// restarts on every request made during it.
import { RateLimitSettings } from './types';

export const DEFAULT_RATE_LIMIT: RateLimitSettings = { perMinute: 5, penaltySeconds: 60 };
export const WINDOW_SECONDS = 60;

export interface RateLimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/** One counter as the console shows it. */
export interface RateLimitCounter {
  key: string;
  /** Requests counted in the last 60 s (requests refused during a penalty are not counted; they restart it). */
  requestsInWindow: number;
  /** Emulator clock (ms) when the penalty ends; null when none runs. */
  penaltyEndsAt: number | null;
  /** What Retry-After would say now (0 without a penalty). */
  penaltySecondsLeft: number;
}

interface Bucket {
  hits: number[];
  penaltyUntil: number;
}

export function validateRateLimit(value: unknown): RateLimitSettings | false {
  if (value === false || value === null) {
    return false;
  }
  const candidate = value as Partial<RateLimitSettings> | undefined;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    !Number.isInteger(candidate.perMinute) ||
    (candidate.perMinute as number) < 1 ||
    typeof candidate.penaltySeconds !== 'number' ||
    candidate.penaltySeconds < 0
  ) {
    throw new Error('rateLimit must be false or {perMinute: positive integer, penaltySeconds: seconds}');
  }
  return { perMinute: candidate.perMinute as number, penaltySeconds: candidate.penaltySeconds };
}

export class RateLimiter {
  private settings: RateLimitSettings | false;
  private buckets = new Map<string, Bucket>();

  constructor(
    settings: RateLimitSettings | false,
    private readonly now: () => number,
  ) {
    this.settings = settings;
  }

  set(settings: RateLimitSettings | false): void {
    this.settings = settings;
    this.buckets = new Map();
  }

  get current(): RateLimitSettings | false {
    return this.settings;
  }

  /** Every counter with something to show: requests in the window or a penalty running. */
  snapshot(): RateLimitCounter[] {
    const now = this.now();
    const counters: RateLimitCounter[] = [];
    for (const [key, bucket] of this.buckets) {
      const penaltyRuns = bucket.penaltyUntil > now;
      // A served penalty empties the window (as the next hit() does).
      const served = !penaltyRuns && bucket.penaltyUntil > 0;
      const requestsInWindow = served ? 0 : bucket.hits.filter((time) => time > now - WINDOW_SECONDS * 1000).length;
      if (requestsInWindow === 0 && !penaltyRuns) {
        continue;
      }
      counters.push({
        key,
        requestsInWindow,
        penaltyEndsAt: penaltyRuns ? bucket.penaltyUntil : null,
        penaltySecondsLeft: penaltyRuns ? Math.ceil((bucket.penaltyUntil - now) / 1000) : 0,
      });
    }
    return counters;
  }

  /** Counts one request; undefined when rate limiting is off. */
  hit(key: string): RateLimitDecision | undefined {
    if (!this.settings) {
      return undefined;
    }
    const { perMinute, penaltySeconds } = this.settings;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { hits: [], penaltyUntil: 0 };
    this.buckets.set(key, bucket);
    const headers = (remaining: number): Record<string, string> => ({
      'X-Rate-Limit-Group': 'auth',
      'X-Rate-Limit-Limit': String(perMinute),
      'X-Rate-Limit-Remaining': String(remaining),
      'X-Rate-Limit-Window': String(WINDOW_SECONDS),
    });
    const penalize = (): RateLimitDecision => {
      bucket.penaltyUntil = now + penaltySeconds * 1000;
      return { allowed: false, headers: { ...headers(0), 'Retry-After': String(penaltySeconds) } };
    };
    if (bucket.penaltyUntil > now) {
      return penalize();
    }
    if (bucket.penaltyUntil > 0) {
      // Penalty served: start over with an empty window.
      bucket.penaltyUntil = 0;
      bucket.hits = [];
    }
    bucket.hits = bucket.hits.filter((time) => time > now - WINDOW_SECONDS * 1000);
    if (bucket.hits.length >= perMinute) {
      return penalize();
    }
    bucket.hits.push(now);
    return { allowed: true, headers: headers(perMinute - bucket.hits.length) };
  }
}
