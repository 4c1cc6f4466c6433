// A signed-in session as stored (in SecretStorage) and shown. The list shape leaves room for several apps,
// servers and accounts side by side.
import type { RedirectMode } from '../redirect/redirectUri';
import type { TokenSet } from '../oauth/tokenSet';
import { SETTINGS_PROFILE_ID } from '../profiles/profile';

export interface SessionAccount {
  /** RingCentral extension id (owner_id). */
  id: string;
  /** What the user reads: the extension's name, or "Extension <id>" when the app may not read it. */
  label: string;
  extensionNumber?: string;
  email?: string;
  accountId?: string;
  /** False when who-am-I failed (e.g. CMN-401: the app lacks ReadAccounts). */
  profileKnown: boolean;
}

export interface StoredSession {
  id: string;
  server: string;
  clientId: string;
  account: SessionAccount;
  tokens: TokenSet;
  grant: 'authorization_code' | 'jwt';
  /** The profile it was signed in under (absent on sessions from before profiles: those belong to their app's). */
  profileId?: string;
  redirectMode?: RedirectMode;
  createdAt: number;
  lastRefreshAt?: number;
  /** Set when the last automatic refresh failed for a reason that may pass (network, 5xx, 429). */
  refreshError?: string;
  /**
   * Counts token changes. Of two copies of a session (memory and storage, or two windows), the one with the
   * higher revision holds the newer tokens; issue times break ties. Issue times alone mislead after a clock step.
   */
  revision?: number;
  /** No automatic refresh before this time (epoch ms). Stored, so every window waits out RingCentral's penalty. */
  refreshBackoff?: RefreshBackoff;
}

export interface RefreshBackoff {
  notBefore: number;
  /** Failures in a row; each doubles the wait. */
  failures: number;
  /** A 429: then no request at all (not even a manual one) before notBefore, because each restarts the penalty. */
  rateLimited: boolean;
  /** Held back by this extension's Auth-request budget before anything was sent, not by a 429 from RingCentral. */
  byBudget?: true;
}

/** Whether `a` holds newer tokens than `b`. */
export function isNewerSession(a: StoredSession, b: StoredSession): boolean {
  const revisionA = a.revision ?? 0;
  const revisionB = b.revision ?? 0;
  if (revisionA !== revisionB) return revisionA > revisionB;
  return a.tokens.issuedAt > b.tokens.issuedAt;
}

/** One session per account per profile; the settings profile keeps the ids sessions had before profiles. */
export function sessionIdFor(server: string, clientId: string, ownerId: string, profileId?: string): string {
  const base = `${server}|${clientId}|${ownerId}`;
  return profileId && profileId !== SETTINGS_PROFILE_ID ? `${base}|${profileId}` : base;
}

/** Reads what SecretStorage held; drops entries that are not sessions instead of failing the whole list. */
export function parseStoredSessions(text: string | undefined): StoredSession[] {
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(isStoredSession);
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const session = value as Partial<StoredSession>;
  return (
    typeof session.id === 'string' &&
    typeof session.server === 'string' &&
    typeof session.clientId === 'string' &&
    typeof session.account?.id === 'string' &&
    typeof session.tokens?.accessToken === 'string' &&
    typeof session.tokens?.accessExpiresAt === 'number'
  );
}
