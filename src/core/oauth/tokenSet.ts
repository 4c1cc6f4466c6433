// The token endpoint's answer, with absolute expiry times computed from an injected clock.

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  scope?: string;
  owner_id?: string;
  endpoint_id?: string;
  session_id?: string;
  id_token?: string;
}

export interface TokenSet {
  accessToken: string;
  tokenType: string;
  /** Epoch ms. */
  accessExpiresAt: number;
  refreshToken?: string;
  refreshExpiresAt?: number;
  scope?: string;
  ownerId?: string;
  endpointId?: string;
  sessionId?: string;
  /** When these tokens were issued (epoch ms). */
  issuedAt: number;
}

/** Ten years: a longer lifetime is a broken or hostile answer (and 1e308 s would overflow the expiry time). */
const MAX_LIFETIME_SECONDS = 10 * 365 * 24 * 3600;

/** A lifetime in seconds, at least 1 and at most MAX_LIFETIME_SECONDS; undefined when it is not a positive number. */
function lifetime(value: unknown): number | undefined {
  // Only numbers and numeric strings: Number() on a JSON object such as {"toString":0} throws.
  const seconds = typeof value === 'number' || typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 1 ? Math.min(seconds, MAX_LIFETIME_SECONDS) : undefined;
}

/** As lifetime(), but a zero or negative refresh lifetime means "already expired" (0), not "unknown". */
function refreshLifetime(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const seconds = lifetime(value);
  if (seconds !== undefined) return seconds;
  return typeof value === 'number' || typeof value === 'string'
    ? Number.isFinite(Number(value))
      ? 0
      : undefined
    : undefined;
}

/** Validates the parts of a token response we rely on; throws a plain Error naming what is missing. */
export function readTokenResponse(body: unknown): TokenResponse {
  if (typeof body !== 'object' || body === null) {
    throw new Error('The token endpoint answered 200 without a JSON object.');
  }
  const record = body as Record<string, unknown>;
  if (typeof record.access_token !== 'string' || record.access_token.length === 0) {
    throw new Error('The token endpoint answered 200 without an access_token.');
  }
  const optionalString = (key: string): string | undefined =>
    typeof record[key] === 'string' || typeof record[key] === 'number' ? String(record[key]) : undefined;
  return {
    access_token: record.access_token,
    token_type: typeof record.token_type === 'string' ? record.token_type : 'bearer',
    // Trust the server's expires_in; fall back to RingCentral's default only when it is missing.
    expires_in: lifetime(record.expires_in) ?? 3600,
    refresh_token: optionalString('refresh_token'),
    refresh_token_expires_in: refreshLifetime(record.refresh_token_expires_in),
    scope: optionalString('scope'),
    owner_id: optionalString('owner_id'),
    endpoint_id: optionalString('endpoint_id'),
    session_id: optionalString('session_id'),
    id_token: optionalString('id_token'),
  };
}

export function toTokenSet(response: TokenResponse, now: number): TokenSet {
  const refreshLifetime = response.refresh_token_expires_in;
  return {
    accessToken: response.access_token,
    tokenType: response.token_type,
    accessExpiresAt: now + response.expires_in * 1000,
    refreshToken: response.refresh_token,
    refreshExpiresAt:
      response.refresh_token && refreshLifetime !== undefined && Number.isFinite(refreshLifetime)
        ? now + refreshLifetime * 1000
        : undefined,
    scope: response.scope,
    ownerId: response.owner_id,
    endpointId: response.endpoint_id,
    sessionId: response.session_id,
    issuedAt: now,
  };
}

export function secondsLeft(expiresAt: number, now: number): number {
  return Math.max(0, Math.floor((expiresAt - now) / 1000));
}

/**
 * A duration for people, shared by the status bar and the diagnostics panel: "348 ms", "1.2 s", "45 s",
 * "4 min 10 s", "59 min", "3 h 1 min", "2 d 3 h". Rounds down (time left is never overstated); '' for no duration.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${Math.floor(ms / 100) / 10} s`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  return `${Math.floor(seconds / 86400)} d ${Math.floor((seconds % 86400) / 3600)} h`;
}

/** The status bar's "time left": the duration, or "expired" once nothing is left. */
export function formatTimeLeft(seconds: number): string {
  return seconds > 0 ? formatDuration(seconds * 1000) : 'expired';
}

export function canRefresh(tokens: TokenSet, now: number): boolean {
  return Boolean(tokens.refreshToken) && (tokens.refreshExpiresAt === undefined || tokens.refreshExpiresAt > now);
}
