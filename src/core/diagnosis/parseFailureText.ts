// parseFailureText(): whatever the user pasted into "RingCentral: Explain Error…" → the best Failure.
// Accepts a JSON body, a whole HTTP response (HTTP/1.1 or HTTP/2 status line, headers, body), a callback
// URL with error=, a log line with JSON (also escaped JSON, Python dict repr, PHP print_r), a bare code
// (OAU-113, cmn-401, TokenInvalid), a bare OAuth error (invalid_grant), a known server message, or a
// Node network error. Wrappers the main chain does not read (HAR files, Node util.inspect and Ruby hash dumps)
// are unwrapped first by ./pasteFormats; loose fields and network errors are read by ./looseFields and
// ./networkErrorText. Returns undefined when nothing is recognisable. Never throws.
import { jsonObjectSpans } from '../trace/jsonInText';
import { parseErrorBody, parseRetryAfter, type RingCentralErrorInfo } from '../ringcentral/ringcentralError';
import { CODE_PREFIXES } from './codePrefixes';
import { findByCode, findByMessage } from './knowledgeBase';
import { unwrapPaste } from './pasteFormats';
import type { Failure } from './types';
import { fromLooseFields, looseErrorInfo, statusAndRetryIn } from './looseFields';
import { fromTransportText } from './networkErrorText';

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
const REDIRECT_ERRORS = new Set<string>([
  'access_denied',
  'login_required',
  'interaction_required',
  'consent_required',
  'unsupported_response_type',
]);

export function parseFailureText(text: string): Failure | undefined {
  try {
    if (typeof text !== 'string') {
      return undefined;
    }
    const t = straightQuotes(
      text
        .slice(0, MAX_TEXT)
        .replace(/^\uFEFF/, '')
        .trim(),
    );
    if (!t) {
      return undefined;
    }
    const unwrapped = unwrapPaste(t);
    if (unwrapped) {
      const inner = parseText(unwrapped.text);
      if (inner?.kind === 'api' && unwrapped.requestUrl) {
        return {
          kind: 'api',
          info: { ...inner.info, rawBody: `${unwrapped.requestUrl}\n${inner.info.rawBody ?? unwrapped.text}` },
        };
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
// Bare codes, bare OAuth errors, known messages, bare statuses

const BARE_CODE = new RegExp(
  `\\b(${CODE_PREFIXES.join('|')})-(\\d{1,4})\\b|\\b(TokenInvalid|InsufficientPermissions)\\b`,
  'i',
);

function fromBareCode(text: string): Failure | undefined {
  const m = BARE_CODE.exec(text);
  if (!m) {
    return undefined;
  }
  const raw = m[1] ? `${m[1].toUpperCase()}-${m[2]}` : m[3];
  const code = findByCode(raw)?.code ?? raw;
  const line = text.slice(m.index + m[0].length).split(/\r?\n/)[0];
  const message = line
    .replace(/^[\s:;,.\-–—)\]"']+/, '')
    .replace(/["']+\s*$/, '')
    .trim()
    .slice(0, 500);
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
      message:
        text
          .split(/\r?\n/)
          .find((l) => l.trim())
          ?.trim()
          .slice(0, 500) ?? text.slice(0, 500),
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
