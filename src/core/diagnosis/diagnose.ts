// diagnose(): any Failure → a plain-data Diagnosis (id, code, the server's words, a one-line summary,
// causes ranked for the context, fixes with actions). Never throws: it runs on error paths.
import { maskSecretsInText } from '../trace/mask';
import { parseErrorBody, type RingCentralErrorInfo } from '../ringcentral/ringcentralError';
import { ranked, type EntryInput, type KnowledgeEntry } from './entryKit';
import { findByCode, findByError, findByMessage, findByStatus, findTransport, unknownError } from './knowledgeBase';
import { CODE_IN_TEXT } from './codePrefixes';
import { permissionFixText } from './permissionFix';
import { refineMatch } from './refineMatch';
import { isLoopbackFailure } from './entries/transportEntries';
import type { Diagnosis, DiagnosisContext, Failure } from './types';

export { knownCodes, knownIds } from './knowledgeBase';

const MAX_SERVER_MESSAGE = 500;

interface Match {
  entry: KnowledgeEntry;
  code?: string;
  error?: string;
  info?: RingCentralErrorInfo;
  serverMessage?: string;
  texts: Array<string | undefined>;
}

function clip(text: string | undefined): string | undefined {
  if (text === undefined) {
    return undefined;
  }
  // The server's words are shown and posted to the webview: a pasted curl may carry "Bearer …" in them.
  const t = maskSecretsInText(text.slice(0, MAX_HTML_SCAN)).replace(/\s+/g, ' ').trim();
  if (!t) {
    return undefined;
  }
  return t.length > MAX_SERVER_MESSAGE ? `${t.slice(0, MAX_SERVER_MESSAGE - 1)}…` : t;
}

function isHtml(body: string, contentType?: string): boolean {
  return /html/i.test(contentType ?? '') || /^\s*<(?:!doctype|html|head|body|title)\b/i.test(body);
}

/** Error pages put their words up front; the rest is not read (and lazy regexes over 200k characters are slow). */
const MAX_HTML_SCAN = 20_000;

/** The text inside the first <tag …>…</tag>, found with indexOf: a lazy regex is quadratic on many unclosed tags. */
function firstElementText(lowerBody: string, body: string, tag: string): string | undefined {
  const open = lowerBody.indexOf(`<${tag}`);
  if (open < 0) return undefined;
  const openEnd = lowerBody.indexOf('>', open);
  if (openEnd < 0) return undefined;
  const close = lowerBody.indexOf(`</${tag}>`, openEnd);
  return close < 0 ? undefined : body.slice(openEnd + 1, close);
}

/** Drops <script>/<style> elements, one indexOf pass. */
function withoutScripts(lowerBody: string, body: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const script = lowerBody.indexOf('<script', from);
    const style = lowerBody.indexOf('<style', from);
    const start = script < 0 ? style : style < 0 ? script : Math.min(script, style);
    if (start < 0) break;
    const tag = start === script ? 'script' : 'style';
    const end = lowerBody.indexOf(`</${tag}>`, start);
    if (end < 0) break;
    out += `${body.slice(from, start)} `;
    from = end + tag.length + 3;
  }
  return out + body.slice(from);
}

/** The readable part of a non-JSON body: an HTML page's title (or text), or the start of the text. */
function bodyText(fullBody: string, html: boolean): string | undefined {
  if (!html) {
    return clip(fullBody.slice(0, MAX_HTML_SCAN));
  }
  const body = fullBody.slice(0, MAX_HTML_SCAN);
  const lower = body.toLowerCase();
  const raw =
    firstElementText(lower, body, 'title') ?? firstElementText(lower, body, 'h1') ?? withoutScripts(lower, body);
  return clip(
    raw
      // [^<>]: a tag never contains '<', so each '<' is scanned once (was quadratic on "<<<<…").
      .replace(/<[^<>]*>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'"),
  );
}

function combineMessages(message: string | undefined, description: string | undefined): string | undefined {
  if (message && description) {
    const m = message.toLowerCase();
    const d = description.toLowerCase();
    if (m.includes(d)) {
      return message;
    }
    if (d.includes(m)) {
      return description;
    }
    return `${message} (${description})`;
  }
  return message ?? description;
}

/** Beyond this, a paste's own text is not searched for a known message. */
const MAX_PASTE_SEARCH = 4_000;

function matchApi(info: RingCentralErrorInfo): Match {
  // With no message of its own (a bare `invalid_client: Authentication header is missing`), the paste's
  // text is the server's words.
  const texts =
    info.message || info.description ? [info.message, info.description] : [info.rawBody?.slice(0, MAX_PASTE_SEARCH)];
  const direct = findByCode(info.code);
  const viaTop = direct ? undefined : findByCode(info.topLevelCode);
  const inText = direct || viaTop ? undefined : findByCode(CODE_IN_TEXT.exec(texts.join(' '))?.[1]);
  const hit = direct ?? viaTop ?? inText;
  const code = direct?.code ?? info.code ?? viaTop?.code ?? info.topLevelCode ?? inText?.code;
  const entry =
    hit?.entry ??
    (info.error ? (findByMessage(texts, info.error) ?? findByError(info.error)) : undefined) ??
    findByMessage(texts) ??
    // A known message elsewhere in the paste (fromKnownMessage keeps only its first line as the message).
    (info.rawBody ? findByMessage([info.rawBody.slice(0, MAX_PASTE_SEARCH)], info.error) : undefined) ??
    findByStatus(info.status, { fromJson: true }) ??
    unknownError;
  return {
    entry,
    code,
    error: info.error,
    info,
    serverMessage: clip(combineMessages(info.message, info.description) ?? info.error),
    texts,
  };
}

function match(failure: Failure): Match {
  switch (failure.kind) {
    case 'api':
      return matchApi(failure.info);
    case 'callback': {
      const texts = [failure.description];
      const hit = findByCode(failure.error) ?? findByCode(CODE_IN_TEXT.exec(failure.description ?? '')?.[1]);
      const entry =
        hit?.entry ??
        findByMessage(texts, failure.error) ??
        findByError(failure.error) ??
        findByMessage(texts) ??
        unknownError;
      return {
        entry,
        code: hit?.code,
        error: failure.error,
        serverMessage: clip(failure.description ?? failure.error),
        texts,
      };
    }
    case 'http': {
      const body = typeof failure.body === 'string' ? failure.body : '';
      let parsed: unknown;
      try {
        parsed = body.trim() ? JSON.parse(body) : undefined;
      } catch {
        parsed = undefined;
      }
      const info = parsed === undefined ? undefined : parseErrorBody(parsed, failure.status);
      if (info) {
        return matchApi({ ...info, rawBody: body });
      }
      const html = isHtml(body, failure.contentType);
      const serverMessage = bodyText(body, html);
      return {
        entry: findByStatus(failure.status, { html }) ?? unknownError,
        serverMessage,
        texts: [serverMessage],
      };
    }
    case 'transport':
      // The entry depends on the loopback check, which needs the input; see diagnose().
      return {
        entry: unknownError,
        code: failure.code,
        serverMessage: clip(failure.message),
        texts: [failure.message],
      };
    default:
      return { entry: unknownError, texts: [] };
  }
}

/** Explains a failure for this context. Returns JSON-safe plain data. */
export function diagnose(failure: Failure, context: DiagnosisContext = {}): Diagnosis {
  try {
    const first = match(failure);
    const refined =
      failure.kind === 'api' || failure.kind === 'callback'
        ? refineMatch(
            { entry: first.entry, code: first.code },
            {
              context: context ?? {},
              info: first.info,
              texts: first.texts,
              pasted: first.info?.rawBody,
              error: first.error,
            },
          )
        : { entry: first.entry, code: first.code };
    const m: Match = { ...first, entry: refined.entry, code: refined.code };
    const input: EntryInput = {
      failure,
      context: context ?? {},
      info: m.info,
      code: m.code,
      error: m.error,
      text: [...m.texts, m.error]
        .filter((t): t is string => typeof t === 'string')
        .join('\n')
        .toLowerCase(),
      serverMessage: m.serverMessage,
    };
    const entry = failure.kind === 'transport' ? findTransport(failure.code, isLoopbackFailure(input)) : m.entry;
    const result = entry.explain(input);
    const permissionFix = result.permissionFix;
    const diagnosis: Diagnosis = {
      id: entry.id,
      ...(m.code ? { code: m.code } : {}),
      ...(m.serverMessage ? { serverMessage: m.serverMessage } : {}),
      summary: result.summary,
      causes: ranked(result.causes),
      fixes: ranked(result.fixes).map((fix) =>
        fix.action?.kind === 'waitAndRetry'
          ? { ...fix, action: { ...fix.action, then: context?.phase === 'refresh' ? 'refreshToken' : 'signIn' } }
          : fix,
      ),
      ...(result.retryAfterSeconds !== undefined ? { retryAfterSeconds: result.retryAfterSeconds } : {}),
      ...(result.permission ? { permission: result.permission } : {}),
      ...(permissionFix
        ? { permissionFix, permissionFixText: permissionFixText(permissionFix, result.permission) }
        : {}),
    };
    // Drops undefined fields and guarantees plain JSON (posted to a webview, returned to other extensions).
    return JSON.parse(JSON.stringify(diagnosis)) as Diagnosis;
  } catch (err) {
    return {
      id: unknownError.id,
      summary: 'This failure could not be explained.',
      causes: [`The explanation itself failed: ${err instanceof Error ? err.message : String(err)}`],
      fixes: [{ label: 'Open the trace', detail: 'Run "RingCentral: Show Log" to see the full request and response.' }],
    };
  }
}
