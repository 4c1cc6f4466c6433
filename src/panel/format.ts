// The panel's text helpers: pure functions of their arguments (no DOM), so unit tests run them under plain Node.
// Durations come from core's formatDuration, the one the status bar uses too.
import type { Failure } from '../core/diagnosis/types';
import { formatDuration } from '../core/oauth/tokenSet';
import type { FlowAttempt, TracedRequest, TracedResponse } from '../core/trace/trace';

/** Whole seconds left until `deadline` (both in the extension's clock), rounded up so a retry never says 0 early. */
export function retrySecondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** "59:48" or "1:02:03" for a countdown. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => (n < 10 ? '0' + n : String(n));
  return h > 0 ? h + ':' + two(m) + ':' + two(s) : m + ':' + two(s);
}

/** "expires in 59:48" / "expired 3 min 0 s ago" for a token, from the extension's now. */
export function expiryText(expiresAt: number, now: number): string {
  const left = expiresAt - now;
  if (left > 0) {
    return left < 2 * 3600 * 1000 ? 'expires in ' + formatClock(left) : 'expires in ' + formatDuration(left);
  }
  return 'expired ' + formatDuration(-left) + ' ago';
}

/** Pretty-prints JSON bodies; a form body gets one field per line; anything else is returned as is. */
export function prettyBody(body: string | undefined): string {
  if (typeof body !== 'string' || body.length === 0) {
    return '';
  }
  const trimmed = body.trim();
  if (/^[{[]/.test(trimmed)) {
    try {
      return JSON.stringify(JSON.parse(trimmed), null, 2);
    } catch {
      return body;
    }
  }
  if (/^[\w.~%-]+=[^\s]*(&[\w.~%-]+=[^\s]*)+$/.test(trimmed)) {
    // A form body, one field per line with its value decoded (the encoding is transport, not content).
    return trimmed
      .split('&')
      .map((pair, i) => (i > 0 ? '&' : '') + decodeFormPart(pair))
      .join('\n');
  }
  return body;
}

function decodeFormPart(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function headerLines(headers: Record<string, string> | undefined): string[] {
  if (!headers || typeof headers !== 'object') {
    return [];
  }
  return Object.keys(headers).map((name) => name + ': ' + headers[name]);
}

/** The request as an HTTP message: request line, headers, blank line, body. */
export function requestText(request: Pick<TracedRequest, 'method' | 'url' | 'headers' | 'body'>): string {
  const lines = [String(request.method || 'GET') + ' ' + String(request.url || '')].concat(
    headerLines(request.headers),
  );
  const body = prettyBody(request.body);
  return body ? lines.join('\n') + '\n\n' + body : lines.join('\n');
}

export function responseText(response: Pick<TracedResponse, 'status' | 'headers' | 'body'>): string {
  const lines = ['HTTP ' + String(response.status)].concat(headerLines(response.headers));
  const body = prettyBody(response.body);
  return body ? lines.join('\n') + '\n\n' + body : lines.join('\n');
}

/** The step to show when an attempt is selected: the last failed step with a diagnosis, else the last failed, else the last. */
export function defaultStepIndex(attempt: Pick<FlowAttempt, 'steps'>): number {
  const steps = attempt.steps ?? [];
  for (let i = steps.length - 1; i >= 0; i--) {
    if (!steps[i].ok && steps[i].diagnosis) return i;
  }
  for (let i = steps.length - 1; i >= 0; i--) {
    if (!steps[i].ok) return i;
  }
  return steps.length - 1;
}

export function attemptsNewestFirst(attempts: readonly FlowAttempt[]): FlowAttempt[] {
  return attempts.slice().sort((a, b) => (b.startedAt || 0) - (a.startedAt || 0));
}

/** A one-line description of a failure that has no diagnosis. */
export function failureText(failure: Failure | undefined): string {
  if (!failure) return '';
  switch (failure.kind) {
    case 'api': {
      const info = failure.info ?? {};
      const parts = [info.code, info.error, info.status ? 'HTTP ' + info.status : undefined]
        .filter(Boolean)
        .join(' · ');
      const words = info.description || info.message || '';
      return parts && words ? parts + ': ' + words : parts || words;
    }
    case 'callback':
      return failure.error + (failure.description ? ': ' + failure.description : '');
    case 'http':
      return 'HTTP ' + failure.status + (failure.contentType ? ' (' + failure.contentType + ')' : '');
    case 'transport':
      return failure.code + ': ' + failure.message + (failure.url ? ' (' + failure.url + ')' : '');
    default:
      return '';
  }
}

/** Clock time of an epoch timestamp; the date too when it is not `now`'s day. */
export function timeText(ms: number, now: number): string {
  const date = new Date(ms);
  const today = new Date(now);
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return date.toDateString() === today.toDateString()
    ? time
    : date.toLocaleDateString([], { month: 'short', day: 'numeric' }) + ' ' + time;
}
