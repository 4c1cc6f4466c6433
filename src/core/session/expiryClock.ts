// When an access token expires, by both clocks: the stored wall-clock time, or earlier if the monotonic clock says so
// (the wall clock was stepped back). Tokens are tracked per session in this process.
import type { StoredSession } from './session';

export class ExpiryClock {
  /** Per session, for its current access token: when that token expires by the monotonic clock. */
  private readonly monotonicExpiry = new Map<string, { accessToken: string; expiresAt: number }>();

  constructor(private readonly monotonic: () => number) {}

  /** A token just issued: its monotonic expiry is known exactly. */
  track(sessionId: string, accessToken: string, expiresAtMonotonic: number): void {
    this.monotonicExpiry.set(sessionId, { accessToken, expiresAt: expiresAtMonotonic });
  }

  /** The wall-clock expiry, or earlier if the monotonic clock says so. */
  accessExpiresAt(session: StoredSession, now: number): number {
    const mono = this.monotonic();
    let tracked = this.monotonicExpiry.get(session.id);
    if (!tracked || tracked.accessToken !== session.tokens.accessToken) {
      // First sight of this token in this process (loaded, or rotated by another window): count from now.
      tracked = { accessToken: session.tokens.accessToken, expiresAt: mono + (session.tokens.accessExpiresAt - now) };
      this.monotonicExpiry.set(session.id, tracked);
    }
    return Math.min(session.tokens.accessExpiresAt, now + (tracked.expiresAt - mono));
  }
}
