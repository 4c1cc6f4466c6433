// parseFailureText(): whatever the user pasted into "RingCentral: Explain Error…" → the best Failure.
// Accepts a JSON body, a whole HTTP response (HTTP/1.1 or HTTP/2 status line, headers, body), a callback
// URL with error=, a log line with JSON (also escaped JSON, Python dict repr, PHP print_r), a bare code
// (OAU-113, cmn-401, TokenInvalid), a bare OAuth error (invalid_grant), a known server message, or a
// Node network error. Wrappers the main chain does not read (HAR files, Node util.inspect and Ruby hash dumps)
// are unwrapped first by ./pasteFormats. Returns undefined when nothing is recognisable. Never throws.
import { jsonObjectSpans } from '../trace/jsonInText';
import { parseErrorBody, parseRetryAfter, type RingCentralErrorInfo } from '../ringcentral/ringcentralError';
import { CODE_PREFIXES, SPECIFIC_CODE } from './codePrefixes';
import { findByCode, findByMessage } from './knowledgeBase';
import { unwrapPaste } from './pasteFormats';
import type { Failure } from './types';
import type { TransportErrorCode } from '../errors';

const MAX_TEXT = 200_000;

const OAUTH_ERRORS = [
  'invalid_client',
  'invalid_grant',
  'invalid_request',
  'unauthorized_client',
  'unsupported_grant_type',
  'unsupported_response_type',
  'access_denied',
  'server_error',
  'temporarily_unavailable',
  'invalid_scope',
  'login_required',
  'interaction_required',
  'consent_required',
  // Also seen from RingCentral (OpenAPI error enum; invalid_redirect_uri with OAU-109).
  'expired_token',
  'insufficient_scope',
  'invalid_redirect_uri',
  'service_unavailable',
] as const;

/** Errors that arrive on the redirect back from the authorize page rather than in a token response. */
const REDIRECT_ERRORS = new Set<string>(['access_denied', 'login_required', 'interaction_required', 'consent_required', 'unsupported_response_type']);

export function parseFailureText(text: string): Failure | undefined {
  try {
    if (typeof text !== 'string') {
      return undefined;
    }
    const t = straightQuotes(text.slice(0, MAX_TEXT).replace(/^\uFEFF/, '').trim());
    if (!t) {
      return undefined;
    }
    const unwrapped = unwrapPaste(t);
    if (unwrapped) {
      const inner = parseText(unwrapped.text);
      if (inner?.kind === 'api' && unwrapped.requestUrl) {
        return { kind: 'api', info: { ...inner.info, rawBody: `${unwrapped.requestUrl}\n${inner.info.rawBody ?? unwrapped.text}` } };
      }
      if (inner) {
        return withPastedText(inner, unwrapped.text);
      }
    }
    return withPastedText(parseText(t), t);
  } catch {
    return undefined;
  }
}

/** Typographic quotes (docs, chat apps, word processors) would hide JSON and quoted fields. */
function straightQuotes(text: string): string {
  return text.replace(/[\u201C\u201D\u201E\u201F]/g, '"').replace(/[\u2018\u2019\u201A\u201B]/g, "'");
}

/** Keeps the whole paste beside an API failure: the code and call kind may only show in the wrapper. */
function withPastedText(failure: Failure | undefined, pasted: string): Failure | undefined {
  // A bare token (invalid_grant, OAU-113) says nothing more than the parsed failure already does.
  if (failure?.kind === 'api' && !failure.info.rawBody && !/^[\w-]+$/.test(pasted)) {
    return { kind: 'api', info: { ...failure.info, rawBody: pasted } };
  }
  return failure;
}

function parseText(t: string): Failure | undefined {
  try {
    return (
      fromHttpResponse(t) ??
      fromJsonInText(t) ??
      fromLooseFields(t) ??
      fromRedirectUrl(t) ??
      fromTransportText(t) ??
      fromBareCode(t) ??
      fromBareError(t) ??
      fromKnownMessage(t) ??
      fromStatusOnly(t)
    );
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------
// Whole HTTP responses

interface HttpParts {
  status: number;
  headers: Map<string, string>;
  body: string;
}

function splitHttpResponse(text: string): HttpParts | undefined {
  // curl -v prefixes response lines with "< "; strip that first.
  let t = text;
  if (/^<\s*HTTP\//m.test(t)) {
    t = t
      .split(/\r?\n/)
      .filter((line) => !/^[>*]/.test(line))
      .map((line) => line.replace(/^<\s?/, ''))
      .join('\n');
  }
  const statusLine = /^[ \t]*HTTP\/\d(?:\.\d)?[ \t]+(\d{3})\b[^\r\n]*/gm;
  let current = statusLine.exec(t);
  if (!current || t.slice(0, current.index).trim() !== '') {
    return undefined;
  }
  // Interim 1xx responses (100 Continue) and redirects curl -L followed come before the real one.
  for (;;) {
    const status = Number(current[1]);
    if (status >= 200 && !(status >= 300 && status < 400)) {
      break;
    }
    const next = statusLine.exec(t);
    if (!next) {
      break;
    }
    current = next;
  }
  const last = { status: Number(current[1]), end: current.index + current[0].length };
  const rest = t.slice(last.end).replace(/^\r?\n/, '');
  const split = /\r?\n[ \t]*\r?\n/.exec(rest);
  const headerBlock = split ? rest.slice(0, split.index) : rest;
  const body = split ? rest.slice(split.index + split[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of headerBlock.split(/\r?\n/)) {
    const h = /^([A-Za-z0-9-]+)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (h) {
      headers.set(h[1].toLowerCase(), h[2].trim());
    } else if (line.trim() && headers.size === 0) {
      // Not a header: there was no header block, the body starts here.
      return { status: last.status, headers, body: rest };
    }
  }
  return { status: last.status, headers, body };
}

function fromHttpResponse(text: string): Failure | undefined {
  const parts = splitHttpResponse(text);
  if (!parts) {
    return undefined;
  }
  const retryAfter = parseRetryAfter(parts.headers.get('retry-after') ?? null);
  const contentType = parts.headers.get('content-type');
  const body = parts.body.trim();
  const info = errorInfoFromJson(body, parts.status, retryAfter) ?? looseErrorInfo(body, parts.status, retryAfter);
  if (info) {
    return { kind: 'api', info: { ...info, rawBody: body || undefined } };
  }
  if (retryAfter !== undefined && (parts.status === 429 || parts.status === 503)) {
    return { kind: 'api', info: { status: parts.status, retryAfterSeconds: retryAfter, rawBody: body || undefined } };
  }
  const location = parts.status >= 300 && parts.status < 400 ? parts.headers.get('location') : undefined;
  return { kind: 'http', status: parts.status, contentType, body, ...(location ? { location } : {}) };
}

// ---------------------------------------------------------------------------------------------------
// JSON bodies, alone or inside log lines

function errorInfoFromJson(text: string, status?: number, retryAfter?: number): RingCentralErrorInfo | undefined {
  const whole = tryJson(text);
  if (whole !== undefined) {
    const info = parseErrorBody(whole, status, retryAfter);
    if (info) {
      return info;
    }
  }
  for (const candidate of jsonObjectsIn(text)) {
    const parsed = tryJson(candidate);
    const info = parsed === undefined ? undefined : parseErrorBody(parsed, status, retryAfter);
    if (info) {
      return info;
    }
  }
  return undefined;
}

function tryJson(text: string): unknown {
  const t = text.trim();
  if (!t.startsWith('{')) {
    return undefined;
  }
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

function jsonObjectsIn(text: string): string[] {
  return jsonObjectSpans(text).map((span) => span.text);
}

function fromJsonInText(text: string): Failure | undefined {
  const meta = statusAndRetryIn(text);
  for (const candidate of unescapedVariants(text)) {
    const info = errorInfoFromJson(candidate, meta.status, meta.retryAfter);
    if (info) {
      return { kind: 'api', info: { ...info, rawBody: text } };
    }
  }
  return undefined;
}

function unescapedVariants(text: string): string[] {
  return text.includes('\\"') ? [text, text.replace(/\\"/g, '"')] : [text];
}

// ---------------------------------------------------------------------------------------------------
// Truncated JSON, Python dict repr, PHP print_r: pick the fields out one by one.

function fieldValues(text: string, key: string): string[] {
  const values: string[] = [];
  const quoted = new RegExp(`["']${key}["']\\s*(?::|=>)\\s*(?:"((?:[^"\\\\\\r\\n]|\\\\.)*)"?|'((?:[^'\\\\\\r\\n]|\\\\.)*)'?)`, 'g');
  const printR = new RegExp(`\\[["']?${key}["']?\\]\\s*=>\\s*([^\\r\\n]*)`, 'g');
  for (const re of [quoted, printR]) {
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null && values.length < 10) {
      const v = (m[1] ?? m[2] ?? '').replace(/\\(["'\\/])/g, '$1').trim();
      if (v && !/^(array|stdclass object)\b/i.test(v)) {
        values.push(v);
      }
      if (m[0].length === 0) {
        re.lastIndex++;
      }
    }
  }
  return values;
}

function looseErrorInfo(text: string, status?: number, retryAfter?: number): RingCentralErrorInfo | undefined {
  const t = text.includes('\\"') ? text.replace(/\\"/g, '"') : text;
  const codes = fieldValues(t, 'errorCode');
  const specific = codes.find((c) => SPECIFIC_CODE.test(c));
  const top = codes.find((c) => c !== specific);
  const error = fieldValues(t, 'error').find((e) => /^[a-z_]+$/i.test(e));
  const description = fieldValues(t, 'error_description')[0];
  const message = fieldValues(t, 'message')[0];
  const permissionName = fieldValues(t, 'permissionName')[0] ?? fieldValues(t, 'permissionsName')[0];
  if (!specific && !top && !error && !description && !message) {
    return undefined;
  }
  if (!specific && !top && !error && !/\berror/i.test(t)) {
    // a lone "message" field is not enough to call it a RingCentral error
    return undefined;
  }
  const body: Record<string, unknown> = {
    errorCode: top ?? specific,
    message,
    error,
    error_description: description,
    permissionName,
  };
  if (specific) {
    body.errors = [{ errorCode: specific, message, permissionName }];
  }
  return parseErrorBody(body, status, retryAfter);
}

function fromLooseFields(text: string): Failure | undefined {
  const meta = statusAndRetryIn(text);
  const info = looseErrorInfo(text, meta.status, meta.retryAfter);
  return info ? { kind: 'api', info: { ...info, rawBody: text } } : undefined;
}

function statusAndRetryIn(text: string): { status?: number; retryAfter?: number } {
  const patterns = [
    /\bHTTP\/\d(?:\.\d)?\s{1,8}(\d{3})\b/,
    /\b(?:HTTP|status(?:[ _]?code)?|statusCode)["']?\s{0,8}[:=]?\s{0,8}(\d{3})\b/i,
    /\b([45]\d\d)\s{1,8}(?:Client|Server)\s{1,8}Error\b/,
    /\b(?:failed|failure|error|returned|responded|response)\b[^\r\n\d{]{0,24}\b([45]\d\d)\b/i,
    /\b([45]\d\d)\s{1,8}(?:Bad Request|Unauthorized|Forbidden|Not Found|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|Unsupported Media Type)\b/i,
  ];
  let status: number | undefined;
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) {
      const n = Number(m[1]);
      if (n >= 100 && n <= 599) {
        status = n;
        break;
      }
    }
  }
  const ra = /\bretry-after["']?\s{0,8}[:=]\s{0,8}["']?([^\r\n"',;}]{1,64})/i.exec(text);
  return { status, retryAfter: ra ? parseRetryAfter(ra[1]) : undefined };
}

// ---------------------------------------------------------------------------------------------------
// Callback URLs: https://…/callback?error=access_denied&error_description=…

function fromRedirectUrl(text: string): Failure | undefined {
  const m = /(?:^|[?#&\s])error=([^&#\s]*)/.exec(text);
  if (!m) {
    return undefined;
  }
  // The query (or fragment) holding error=…
  const start = m.index + (m[0].startsWith('error=') ? 0 : 1);
  const end = text.slice(start).search(/[\s#]/);
  const query = end < 0 ? text.slice(start) : text.slice(start, start + end);
  const params = new URLSearchParams(query);
  const error = params.get('error')?.trim();
  if (!error) {
    return undefined;
  }
  const description = params.get('error_description')?.trim();
  return { kind: 'callback', error, ...(description ? { description } : {}) };
}

// ---------------------------------------------------------------------------------------------------
// Node / undici / browser network errors

/**
 * A transport failure's signature: a plain regex, and optionally word pairs that must share one line
 * ("407 … proxy"). Pairs are tested word by word, line by line, never as `a.*b`: that rescans the rest of
 * the line at every "407 " (quadratic; 16 s on a 200k paste of "407 407 …").
 */
interface TransportPattern {
  code: TransportErrorCode;
  re: RegExp;
  pairs?: Array<[RegExp, RegExp]>;
}

const TRANSPORT_PATTERNS: TransportPattern[] = [
  { code: 'ECONNREFUSED', re: /\bECONNREFUSED\b|connection refused/i },
  { code: 'ENOTFOUND', re: /\bENOTFOUND\b|\bEAI_AGAIN\b|getaddrinfo|name not resolved|ERR_NAME_NOT_RESOLVED/i },
  {
    code: 'PROXY',
    re: /proxy authentication required|tunneling socket|ERR_PROXY|proxy connection/i,
    pairs: [
      [/\b407\b/, /proxy/i],
      [/\bproxy\b/i, /fail|error|refused/i],
    ],
  },
  {
    code: 'TLS',
    re: /self[- ]signed certificate|unable to verify the first certificate|unable to get local issuer certificate|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID|certificate has expired|ERR_SSL|EPROTO/i,
    pairs: [
      [/\bSSL\b/i, /error|routines/i],
      [/\bTLS\b/i, /error|handshake|disconnected/i],
    ],
  },
  { code: 'TIMEOUT', re: /\bETIMEDOUT\b|\bESOCKETTIMEDOUT\b|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|timed? ?out|\btimeout\b|AbortError|operation was aborted/i },
  { code: 'RESET', re: /socket hang up|\bECONNRESET\b|\bEPIPE\b|connection reset|ERR_CONNECTION_RESET|other side closed|UND_ERR_SOCKET/i },
  { code: 'UNKNOWN', re: /\bENETUNREACH\b|\bEHOSTUNREACH\b|\bfetch failed\b|network error|Failed to fetch|ERR_INTERNET_DISCONNECTED/i },
];

/** The first line that shows the pattern, or undefined. */
function lineWith(pattern: TransportPattern, text: string, lines: () => string[]): string | undefined {
  const pairs = (pattern.pairs ?? []).filter(([a, b]) => a.test(text) && b.test(text));
  if (!pattern.re.test(text) && pairs.length === 0) {
    return undefined;
  }
  return lines().find((line) => pattern.re.test(line) || pairs.some(([a, b]) => a.test(line) && b.test(line)));
}

function fromTransportText(text: string): Failure | undefined {
  let split: string[] | undefined;
  const lines = (): string[] => (split ??= text.split(/\r?\n/));
  for (const pattern of TRANSPORT_PATTERNS) {
    const firstLine = lineWith(pattern, text, lines);
    if (firstLine !== undefined) {
      const url = /\bhttps?:\/\/[^\s"'<>)\]]+/i.exec(text)?.[0];
      return {
        kind: 'transport',
        code: pattern.code,
        message: firstLine.trim().slice(0, 1000),
        ...(url ? { url: url.replace(/[.,;:]+$/, '') } : {}),
      };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Bare codes, bare OAuth errors, known messages, bare statuses

const BARE_CODE = new RegExp(`\\b(${CODE_PREFIXES.join('|')})-(\\d{1,4})\\b|\\b(TokenInvalid|InsufficientPermissions)\\b`, 'i');

function fromBareCode(text: string): Failure | undefined {
  const m = BARE_CODE.exec(text);
  if (!m) {
    return undefined;
  }
  const raw = m[1] ? `${m[1].toUpperCase()}-${m[2]}` : m[3];
  const code = findByCode(raw)?.code ?? raw;
  const line = text.slice(m.index + m[0].length).split(/\r?\n/)[0];
  const message = line.replace(/^[\s:;,.\-–—)\]"']+/, '').replace(/["']+\s*$/, '').trim().slice(0, 500);
  const meta = statusAndRetryIn(text);
  const info: RingCentralErrorInfo = {
    code,
    ...(meta.status !== undefined ? { status: meta.status } : {}),
    ...(meta.retryAfter !== undefined ? { retryAfterSeconds: meta.retryAfter } : {}),
    ...(message && /[a-z]{2}/i.test(message) ? { message } : {}),
  };
  return { kind: 'api', info };
}

function fromBareError(text: string): Failure | undefined {
  const lower = text.toLowerCase();
  const error = OAUTH_ERRORS.find((e) => new RegExp(`(?:^|[^a-z_])${e}(?:$|[^a-z_])`).test(lower));
  if (!error) {
    return undefined;
  }
  if (REDIRECT_ERRORS.has(error)) {
    return { kind: 'callback', error };
  }
  const meta = statusAndRetryIn(text);
  return {
    kind: 'api',
    info: {
      error,
      ...(meta.status !== undefined ? { status: meta.status } : {}),
      ...(meta.retryAfter !== undefined ? { retryAfterSeconds: meta.retryAfter } : {}),
    },
  };
}

function fromKnownMessage(text: string): Failure | undefined {
  if (!findByMessage([text])) {
    return undefined;
  }
  const meta = statusAndRetryIn(text);
  return {
    kind: 'api',
    info: {
      message: text.split(/\r?\n/).find((l) => l.trim())?.trim().slice(0, 500) ?? text.slice(0, 500),
      ...(meta.status !== undefined ? { status: meta.status } : {}),
      ...(meta.retryAfter !== undefined ? { retryAfterSeconds: meta.retryAfter } : {}),
    },
  };
}

function fromStatusOnly(text: string): Failure | undefined {
  const { status, retryAfter } = statusAndRetryIn(text);
  if (status === undefined || status < 400) {
    return undefined;
  }
  if (retryAfter !== undefined && (status === 429 || status === 503)) {
    return { kind: 'api', info: { status, retryAfterSeconds: retryAfter } };
  }
  return { kind: 'http', status, body: text.slice(0, 2000) };
}
