// Secrets never appear whole in logs, traces or the webview: "eyJh…x9Q".

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
  'refresh_token',
  'access_token',
  'id_token',
  'assertion',
  'password',
  'token',
]);

/** Masks secret fields of a form/query string, keeping the rest readable. */
export function maskParams(params: URLSearchParams | string): string {
  const source = typeof params === 'string' ? new URLSearchParams(params) : params;
  const masked = new URLSearchParams();
  source.forEach((value, key) => masked.append(key, SECRET_FIELDS.has(key) ? maskSecret(value) : value));
  return masked.toString();
}

export function maskParamsRecord(params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = SECRET_FIELDS.has(key) ? maskSecret(value) : value;
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
  const masked = queryStart < 0 ? beforeHash : `${beforeHash.slice(0, queryStart)}?${maskParams(beforeHash.slice(queryStart + 1))}`;
  if (fragment === undefined) {
    return masked;
  }
  return `${masked}#${fragment.includes('=') ? maskParams(fragment) : fragment}`;
}

/** Authorization headers: keep the scheme, mask the credential. */
export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'authorization') {
      // "Basic abc…" keeps its scheme; a bare credential without a scheme is masked whole.
      const match = /^(\S+)\s+(.+)$/.exec(value.trim());
      out[name] = match ? `${match[1]} ${maskSecret(match[2])}` : maskSecret(value);
    } else {
      out[name] = value;
    }
  }
  return out;
}

/** Masks token-looking fields in a JSON response body (token endpoint answers). */
export function maskJsonBody(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) {
      return body;
    }
    const masked: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      masked[key] = SECRET_FIELDS.has(key) && typeof value === 'string' ? maskSecret(value) : value;
    }
    return JSON.stringify(masked);
  } catch {
    return maskSecretsInText(body);
  }
}

const SECRET_NAMES = [...SECRET_FIELDS].join('|');
// "access_token": "…"  /  access_token=…  /  'refresh_token' => '…'  — in bodies that are not valid JSON.
const QUOTED_SECRET = new RegExp(`(["']?(?:${SECRET_NAMES})["']?\\s*(?::|=>|=)\\s*["'])([^"']+)`, 'g');
const FORM_SECRET = new RegExp(`(\\b(?:${SECRET_NAMES})=)([^&\\s"']+)`, 'g');

/** Masks secret-looking name/value pairs in any text: truncated JSON, form-encoded bodies, log lines. */
export function maskSecretsInText(text: string): string {
  return text
    .replace(QUOTED_SECRET, (_match, head: string, value: string) => `${head}${maskSecret(value)}`)
    .replace(FORM_SECRET, (_match, head: string, value: string) => `${head}${maskSecret(value)}`);
}
