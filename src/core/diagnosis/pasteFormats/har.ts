// HAR files (browser dev tools → Network → "Save all as HAR", or one copied entry): JSON with
// log.entries[].request.url and .response.{status, headers, content.text}. The last failed entry is the one
// to explain; RingCentral's body is in response.content.text (sometimes base64).
import type { Unwrapped } from './types';

interface HarHeader {
  name?: unknown;
  value?: unknown;
}

interface HarEntry {
  request?: { url?: unknown };
  response?: {
    status?: unknown;
    statusText?: unknown;
    headers?: unknown;
    content?: { text?: unknown; encoding?: unknown };
  };
}

const MAX_HEADERS = 100;

function entriesOf(parsed: unknown): HarEntry[] {
  if (typeof parsed !== 'object' || parsed === null) {
    return [];
  }
  const record = parsed as Record<string, unknown>;
  const log = record.log as Record<string, unknown> | undefined;
  if (log && Array.isArray(log.entries)) {
    return log.entries as HarEntry[];
  }
  // One entry copied on its own.
  return typeof record.response === 'object' && record.response !== null && typeof record.request === 'object'
    ? [record as HarEntry]
    : [];
}

function bodyOf(entry: HarEntry): string {
  const content = entry.response?.content;
  const text = typeof content?.text === 'string' ? content.text : '';
  if (content?.encoding === 'base64') {
    try {
      return Buffer.from(text, 'base64').toString('utf8');
    } catch {
      return text;
    }
  }
  return text;
}

/** HAR nests about 6 deep; deeper input is not HAR, and JSON.parse of deep nesting is slow. */
const MAX_DEPTH = 32;

function nestsTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) {
        i++;
      } else if (c === 34 /* " */) {
        inString = false;
      }
    } else if (c === 34) {
      inString = true;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > MAX_DEPTH) {
        return true;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
    }
  }
  return false;
}

export function readHar(text: string): Unwrapped | undefined {
  if (!text.startsWith('{') || !text.includes('"response"') || nestsTooDeep(text)) {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const entries = entriesOf(parsed).filter(
    (e) => typeof e === 'object' && e !== null && typeof e.response?.status === 'number',
  );
  if (entries.length === 0) {
    return undefined;
  }
  const failed = entries.filter((e) => (e.response?.status as number) >= 400);
  const entry = failed.length > 0 ? failed[failed.length - 1] : entries[entries.length - 1];
  const response = entry.response ?? {};
  const headers = Array.isArray(response.headers) ? (response.headers as HarHeader[]).slice(0, MAX_HEADERS) : [];
  const headerLines = headers
    .filter((h) => typeof h?.name === 'string' && typeof h.value === 'string')
    .map((h) => `${String(h.name)}: ${String(h.value).replace(/[\r\n]+/g, ' ')}`);
  const statusText = typeof response.statusText === 'string' ? response.statusText.replace(/[\r\n]+/g, ' ') : '';
  const url = typeof entry.request?.url === 'string' ? entry.request.url : undefined;
  return {
    text: [`HTTP/1.1 ${String(response.status)} ${statusText}`.trim(), ...headerLines, '', bodyOf(entry)].join('\n'),
    ...(url ? { requestUrl: url } : {}),
  };
}
