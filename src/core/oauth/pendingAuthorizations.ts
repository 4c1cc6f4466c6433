// Sign-in attempts waiting for their callback, keyed by `state`. A callback is accepted only for a pending
// state and only once; anything else is reported to the caller, never silently used.
import type { CallbackResult } from './callback';

export type CallbackOutcome = Exclude<CallbackResult, { kind: 'invalid' }>;

interface Pending {
  resolve(result: CallbackOutcome): void;
}

export type DeliveryResult = 'accepted' | 'unknown-state' | 'invalid';

export class PendingAuthorizations {
  private readonly pending = new Map<string, Pending>();

  /** Registers a state; the promise settles with the callback for it, or rejects when the signal aborts. */
  wait(state: string, signal: AbortSignal): Promise<CallbackOutcome> {
    return new Promise<CallbackOutcome>((resolve, reject) => {
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        this.pending.delete(state);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.pending.set(state, {
        resolve: (result) => {
          signal.removeEventListener('abort', onAbort);
          resolve(result);
        },
      });
    });
  }

  /**
   * Hands a callback to the attempt that owns its state. `toOnlyPending`: an error without state goes to the only
   * pending attempt — for the paste box only, where the user is known; a stray request to the loopback port or the
   * URI handler must not be able to cancel a sign-in.
   */
  deliver(result: CallbackResult, options: { toOnlyPending?: boolean } = {}): DeliveryResult {
    if (result.kind === 'invalid') {
      return 'invalid';
    }
    let state = result.state;
    if (!state && options.toOnlyPending && result.kind === 'error' && this.pending.size === 1) {
      state = [...this.pending.keys()][0];
    }
    const entry = state ? this.pending.get(state) : undefined;
    if (!state || !entry) {
      return 'unknown-state';
    }
    this.pending.delete(state); // at most once
    entry.resolve(result);
    return 'accepted';
  }

  get size(): number {
    return this.pending.size;
  }
}
