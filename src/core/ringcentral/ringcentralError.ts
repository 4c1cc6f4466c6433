// RingCentral error bodies, parsed once into one shape the rest of the code keys on.
// OAuth endpoints: {error, error_description, errors:[{errorCode, message}]}
// REST endpoints:  {errorCode, message, errors:[{errorCode, message, permissionName?}]}
// The error classes built from them live in ../errors.ts.

export interface RingCentralErrorInfo {
  /** HTTP status of the response, when there was one. */
  status?: number;
  /** The most specific RingCentral code: errors[0].errorCode (OAU-113, CMN-401) or the top-level errorCode (TokenInvalid). */
  code?: string;
  /** Top-level errorCode when it differs from `code` (e.g. InsufficientPermissions around CMN-401). */
  topLevelCode?: string;
  /** OAuth `error` (invalid_client, invalid_grant, access_denied…). */
  error?: string;
  /** errors[0].message, or the top-level message. */
  message?: string;
  /** OAuth `error_description`. */
  description?: string;
  /** For CMN-401 / CMN-408: the permission named by the server. */
  permissionName?: string;
  /** From the Retry-After header (seconds), for 429 / 503. */
  retryAfterSeconds?: number;
  /** The body as received, for the trace (never contains secrets we sent; it is the server's answer). */
  rawBody?: string;
}

interface RawErrorEntry {
  errorCode?: unknown;
  message?: unknown;
  permissionName?: unknown;
  /** CMN-419 bodies spell it this way. */
  permissionsName?: unknown;
  /** OAuth-flow CMN-408 bodies: [{parameterName: "permissionName", parameterValue: "ThirdPartyAppAccess"}]. */
  parameters?: unknown;
}

/** The permission an error entry names, in any of the three spellings RingCentral uses. */
function permissionIn(entry: RawErrorEntry | Record<string, unknown>): string | undefined {
  const direct = asString(entry.permissionName) ?? asString(entry.permissionsName);
  if (direct || !Array.isArray(entry.parameters)) {
    return direct;
  }
  for (const parameter of entry.parameters as unknown[]) {
    if (typeof parameter === 'object' && parameter !== null) {
      const p = parameter as Record<string, unknown>;
      if (p.parameterName === 'permissionName' && asString(p.parameterValue)) {
        return asString(p.parameterValue);
      }
    }
  }
  return undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Reads a parsed JSON value as a RingCentral error. Returns undefined when the value carries none of the
 * fields RingCentral uses, so the caller can treat it as an unexpected response instead.
 */
export function parseErrorBody(
  body: unknown,
  status?: number,
  retryAfterSeconds?: number,
): RingCentralErrorInfo | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return undefined;
  }
  const record = body as Record<string, unknown>;
  const entries = Array.isArray(record.errors) ? (record.errors as RawErrorEntry[]) : [];
  const first: RawErrorEntry = entries.find((entry) => typeof entry === 'object' && entry !== null) ?? {};
  const topLevelCode = asString(record.errorCode);
  const code = asString(first.errorCode) ?? topLevelCode;
  const info: RingCentralErrorInfo = {
    status,
    code,
    topLevelCode: topLevelCode && topLevelCode !== code ? topLevelCode : undefined,
    error: asString(record.error),
    message: asString(first.message) ?? asString(record.message),
    description: asString(record.error_description),
    permissionName: permissionIn(first) ?? permissionIn(record),
    retryAfterSeconds,
  };
  if (!info.code && !info.error && !info.message && !info.description) {
    return undefined;
  }
  return info;
}

/** "OAU-113 No redirect uri is registered for the client (invalid_client)" */
export function describeErrorInfo(info: RingCentralErrorInfo): string {
  const statusText = info.status
    ? `HTTP ${info.status} from RingCentral${info.retryAfterSeconds !== undefined ? ` (retry after ${info.retryAfterSeconds} s)` : ''}`
    : undefined;
  const text = info.message ?? info.description ?? statusText ?? 'RingCentral returned an error';
  const parts = [info.code, text].filter(Boolean).join(' ');
  return info.error && info.error !== text ? `${parts} (${info.error})` : parts;
}

/** Retry-After is seconds for RingCentral; an HTTP date is accepted too. */
export function parseRetryAfter(header: string | null, nowMs: number = Date.now()): number | undefined {
  if (!header) {
    return undefined;
  }
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) {
    return Math.ceil(seconds);
  }
  // An HTTP date always names a day or month; V8's Date.parse would also read "-5" as a year.
  const date = /[a-z]/i.test(header) ? Date.parse(header) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}
