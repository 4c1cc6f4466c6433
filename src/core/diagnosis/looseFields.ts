// For parseFailureText(): truncated JSON, Python dict repr and PHP print_r, whose error fields are picked out one by
// one; and the HTTP status and Retry-After named anywhere in a paste.
import { parseErrorBody, parseRetryAfter, type RingCentralErrorInfo } from '../ringcentral/ringcentralError';
import { SPECIFIC_CODE } from './codePrefixes';
import type { Failure } from './types';

function fieldValues(text: string, key: string): string[] {
  const values: string[] = [];
  const quoted = new RegExp(
    `["']${key}["']\\s*(?::|=>)\\s*(?:"((?:[^"\\\\\\r\\n]|\\\\.)*)"?|'((?:[^'\\\\\\r\\n]|\\\\.)*)'?)`,
    'g',
  );
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

export function looseErrorInfo(text: string, status?: number, retryAfter?: number): RingCentralErrorInfo | undefined {
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

export function fromLooseFields(text: string): Failure | undefined {
  const meta = statusAndRetryIn(text);
  const info = looseErrorInfo(text, meta.status, meta.retryAfter);
  return info ? { kind: 'api', info: { ...info, rawBody: text } } : undefined;
}

export function statusAndRetryIn(text: string): { status?: number; retryAfter?: number } {
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
