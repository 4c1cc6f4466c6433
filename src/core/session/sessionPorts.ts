// What SessionManager is given (persistence, clients, clocks, attempt hooks) and what it tells (changes, notices,
// status).
import type { RingCentralClient } from '../ringcentral/ringcentralClient';
import type { AttemptKind, AttemptRecorder } from '../trace/trace';
import type { StoredSession } from './session';

/** Where sessions live (SecretStorage in the extension): one entry per session. */
export interface SessionPersistence {
  readAll(): Promise<StoredSession[]>;
  read(id: string): Promise<StoredSession | undefined>;
  put(session: StoredSession): Promise<void>;
  remove(id: string): Promise<void>;
}

export type SessionChange =
  | { type: 'added' | 'changed'; session: StoredSession }
  | { type: 'removed'; session: StoredSession; reason: 'signOut' | 'refreshTokenDead'; error?: Error };

/** Things the user should be told about; the VS Code layer turns them into messages. */
export type SessionNotice =
  | { kind: 'rateLimited'; session: StoredSession; notBefore: number }
  | { kind: 'expired'; session: StoredSession }
  | { kind: 'storageWriteFailed'; session: StoredSession; error: Error }
  | { kind: 'storageWriteRecovered' }
  | { kind: 'storageReadFailed'; error: Error; nextRetryAt: number }
  | { kind: 'storageReadRecovered' };

export type SessionState = 'active' | 'expired' | 'rateLimited';

export interface SessionStatus {
  state: SessionState;
  /** When the access token stops working: the earlier of the wall clock's and the monotonic clock's answer (epoch ms). */
  accessExpiresAt: number;
  /** When the next automatic refresh may run, if it is held back. */
  notBefore?: number;
}

export interface SessionManagerDeps {
  persistence: SessionPersistence;
  /** A client for the session's server and app (with the client secret if one is stored for it). */
  clientFor(session: Pick<StoredSession, 'server' | 'clientId'>): Promise<RingCentralClient>;
  /** Wall clock (epoch ms): expiry times are stored in it and shared with other windows. */
  clock: () => number;
  /** A clock that never steps (performance.now): expiry is timed with both, whichever says earlier. */
  monotonic?: () => number;
  /** How long before expiry the access token is refreshed. RingCentral's SDK uses 60 s. */
  refreshLeadMs?: number;
  /** After a dead-token answer, how long to wait for another window's rotation to land before signing out. */
  crossWindowSettleMs?: number;
  /** Pauses between tries of a failed storage write; after the last, the tokens stay in memory and it is reported. */
  storageRetryDelaysMs?: readonly number[];
  /** Pauses before retrying a failed storage read (startup with a locked keychain). */
  loadRetryDelaysMs?: readonly number[];
  startAttempt?(kind: AttemptKind, session: StoredSession): AttemptRecorder | undefined;
  endAttempt?(recorder: AttemptRecorder | undefined, error?: unknown): void;
}
