// Secrets never appear whole in logs, traces or the webview: "eyJh…x9Q".
// Masking goes by key name (snake_case or camelCase, at any depth), by shape (Bearer/Basic credentials,
// JWTs, form fields inside strings) and by value (every secret this extension sent, see secretRegistry).
import { jsonObjectSpans } from './jsonInText';
import { registeredSecrets } from './secretRegistry';

export function maskSecret(value: string | undefined | null): string {
  if (!value) {
    return '';
  }
  if (value.length <= 12) {
    return '…'.padStart(Math.min(value.length, 4), '•');
  }
  return `${value.slice(0, 4)}…${value.slice(-3)}`;
}

/** Form or query fields whose values are secrets in the OAuth flow. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'code',
  'code_verifier',
  'client_secret',
  'client_assertion',
  'refresh_token',
  'access_token',
  'id_token',
  'assertion',
  'password',
  'token',
]);

/** accessToken, AccessToken, access-token and access_token are one key. */
const normalizeKey = (key: string): string => key.toLowerCase().replace(/[-_]/g, '');
const SECRET_KEYS: ReadonlySet<string> = new Set([
  ...[...SECRET_FIELDS].map(normalizeKey),
  'authorization',
  'proxyauthorization',
]);

export function isSecretKey(key: string | undefined): boolean {
  return key !== undefined && SECRET_KEYS.has(normalizeKey(key));
}

/** Masks secret fields of a form/query string, keeping the rest readable. */
export function maskParams(params: URLSearchParams | string): string {
  const source = typeof params === 'string' ? new URLSearchParams(params) : params;
  const masked = new URLSearchParams();
  source.forEach((value, key) => masked.append(key, isSecretKey(key) ? maskSecret(value) : maskSecretsInText(value)));
  return masked.toString();
}

export function maskParamsRecord(params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = isSecretKey(key) ? maskSecret(value) : maskSecretsInText(String(value));
  }
  return out;
}

/** Masks a URL's secret query parameters (a callback URL carries the code). */
export function maskUrl(url: string): string {
  // The fragment is masked too: some browsers and proxies move the callback's parameters there.
  const hashStart = url.indexOf('#');
  const beforeHash = hashStart < 0 ? url : url.slice(0, hashStart);
  const fragment = hashStart < 0 ? undefined : url.slice(hashStart + 1);
  const queryStart = beforeHash.indexOf('?');
  const masked =
    queryStart < 0 ? beforeHash : `${beforeHash.slice(0, queryStart)}?${maskParams(beforeHash.slice(queryStart + 1))}`;
  if (fragment === undefined) {
    return maskKnownSecrets(masked);
  }
  return maskKnownSecrets(`${masked}#${fragment.includes('=') ? maskParams(fragment) : fragment}`);
}

/** "Basic abc…" keeps its scheme; a bare credential without a scheme is masked whole. */
function maskCredential(value: string): string {
  const match = /^(\S+)\s+(.+)$/.exec(value.trim());
  return match ? `${match[1]} ${maskSecret(match[2])}` : maskSecret(value);
}

/** Authorization headers: keep the scheme, mask the credential. Other headers are masked as text. */
export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = isSecretKey(name) ? maskCredential(value) : maskSecretsInText(value);
  }
  return out;
}

/** Keys that name the parameter held by a sibling value key: {"parameterName": "refresh_token", "parameterValue": "…"}. */
const NAME_KEYS = ['parameterName', 'name', 'key', 'field'];
const VALUE_KEYS = new Set(['parameterValue', 'value']);
/** Deeper than any real body; a hostile one stops here instead of overflowing the stack. */
const MAX_DEPTH = 64;

/** Masks a parsed JSON value at every depth: secret keys, named parameters, and secrets inside strings. */
export function maskJsonValue(value: unknown, key?: string, depth = 0): unknown {
  if (typeof value === 'string') {
    return isSecretKey(key) ? maskSecret(value) : maskSecretsInText(value);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (depth >= MAX_DEPTH) {
    return '[nested too deep to show]';
  }
  if (Array.isArray(value)) {
    return value.map((item) => maskJsonValue(item, key, depth + 1));
  }
  const record = value as Record<string, unknown>;
  const named = NAME_KEYS.some((k) => typeof record[k] === 'string' && isSecretKey(record[k] as string));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    out[k] = named && VALUE_KEYS.has(k) && typeof v === 'string' ? maskSecret(v) : maskJsonValue(v, k, depth + 1);
  }
  return out;
}

/** Masks secrets in a response body: JSON at any depth, or any text. */
export function maskJsonBody(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return maskSecretsInText(body);
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return maskSecretsInText(body);
  }
  return JSON.stringify(maskJsonValue(parsed));
}

// Secret names in text, snake_case or camelCase, not as the tail of a longer word ("errorCode" is no "code").
const SECRET_NAME =
  '(?<![A-Za-z0-9_])(?:(?:access|refresh|id)[_-]?token|client[_-]?(?:secret|assertion)|code[_-]?verifier|assertion|password|token|code)';
// "access_token": "…"  /  \"accessToken\":\"…\"  /  'refresh_token' => '…'  /  clientSecret = "…"
const QUOTED_SECRET = new RegExp(
  `(\\\\?["']?${SECRET_NAME}\\\\?["']?\\s{0,8}(?::|=>|=)\\s{0,8}\\\\?["'])([^"'\\\\\\r\\n]+)`,
  'gi',
);
// access_token=…&  in a form body, a query, a log line, or a JSON string holding a form body.
const FORM_SECRET = new RegExp(`(${SECRET_NAME}=)([^&\\s"'\\\\]+)`, 'gi');
// Authorization credentials in pasted curl or logs: "Bearer U0pD…", "Basic ZGVt…".
const SCHEME_CREDENTIAL = /\b(Bearer|Basic)([ \t]{1,8}|%20|\+)([A-Za-z0-9._~+/=-]{8,})/gi;
// A JWT: three base64url parts, the first starting with '{"' (eyJ). No class-character before it, so each run is scanned once.
const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;

/** Replaces every registered secret value (sent by this extension), whatever surrounds it. */
export function maskKnownSecrets(text: string): string {
  let out = text;
  for (const secret of registeredSecrets()) {
    if (out.includes(secret)) out = out.split(secret).join(maskSecret(secret));
  }
  return out;
}

/** JSON objects inside text (a log line, a pasted response) are masked like bodies, in place. */
function maskJsonInText(text: string): string {
  if (!text.includes('{')) return text;
  let out = '';
  let from = 0;
  for (const span of jsonObjectSpans(text)) {
    if (span.start < from) continue; // inside an object already masked
    let parsed: unknown;
    try {
      parsed = JSON.parse(span.text);
    } catch {
      continue;
    }
    const masked = JSON.stringify(maskJsonValue(parsed));
    if (masked === JSON.stringify(parsed)) continue; // nothing secret: keep the original spacing
    out += text.slice(from, span.start) + masked;
    from = span.end;
  }
  return out + text.slice(from);
}

/** Masks secrets in any text: JSON in text, truncated JSON, form bodies, log lines, pasted curl, JWTs, known values. */
export function maskSecretsInText(text: string): string {
  return maskJsonInText(maskKnownSecrets(text))
    .replace(QUOTED_SECRET, (_match, head: string, value: string) => `${head}${maskSecret(value)}`)
    .replace(FORM_SECRET, (_match, head: string, value: string) => `${head}${maskSecret(value)}`)
    .replace(SCHEME_CREDENTIAL, (match, scheme: string, gap: string, value: string) =>
      // "Basic authentication" is prose, not a credential.
      /^[A-Za-z][a-z]*$/.test(value) ? match : `${scheme}${gap}${maskSecret(value)}`,
    )
    .replace(JWT, (jwt) => maskSecret(jwt));
}
