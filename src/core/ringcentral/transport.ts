// One HTTP exchange with a timeout, its failure classified, and its trace step recorded (masked).
import type { FetchLike, HttpRequestInit } from './http';
import { AttemptRecorder, traceRequest, traceResponse } from '../trace/trace';
import { TransportError, type TransportErrorCode } from '../errors';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  durationMs: number;
}

export interface ExchangeOptions {
  fetch: FetchLike;
  timeoutMs: number;
  clock?: () => number;
  recorder?: AttemptRecorder;
  /** Trace step title, e.g. "Exchange code for tokens". */
  title: string;
  /** A 3xx is the expected answer (the authorize pre-flight); elsewhere it is a failed step. */
  redirectIsAnswer?: boolean;
}

export function isRedirectStatus(status: number): boolean {
  return status >= 300 && status < 400;
}

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(VERIFY|GET)|ERR_OSSL/i;

/** Node and node-fetch errors → our transport codes (node-fetch keeps the system error's `code`). */
export function classifyTransportError(error: unknown): TransportErrorCode {
  const record = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    name?: unknown;
    type?: unknown;
    message?: unknown;
    cause?: unknown;
  };
  const cause = (typeof record.cause === 'object' && record.cause !== null ? record.cause : {}) as {
    code?: unknown;
    message?: unknown;
  };
  const code = String(record.code ?? cause.code ?? '');
  // Node's global fetch (undici) throws "fetch failed" and keeps the reason in `cause`.
  const message = [record.message, cause.message]
    .filter((part) => part !== undefined && part !== '')
    .map(String)
    .join(': ');
  if (
    record.name === 'AbortError' ||
    record.type === 'aborted' ||
    code === 'ETIMEDOUT' ||
    /^UND_ERR_(CONNECT|HEADERS|BODY)_TIMEOUT$/.test(code) ||
    /timed? ?out/i.test(message)
  ) {
    return 'TIMEOUT';
  }
  if (code === 'ECONNREFUSED') return 'ECONNREFUSED';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'ENOTFOUND';
  if (/proxy/i.test(code) || /proxy/i.test(message) || code === 'ERR_TUNNEL_CONNECTION_FAILED') return 'PROXY';
  if (TLS_CODES.test(code) || /certificate|ssl|tls/i.test(message)) return 'TLS';
  if (
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    code === 'UND_ERR_SOCKET' ||
    /socket hang up|ECONNRESET|premature close|other side closed/i.test(message)
  )
    return 'RESET';
  return 'UNKNOWN';
}

function headersToRecord(headers: {
  forEach(cb: (value: string, name: string) => void): void;
}): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

export async function exchange(
  url: string,
  init: Omit<HttpRequestInit, 'signal'>,
  options: ExchangeOptions,
): Promise<RawResponse> {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const request = traceRequest({ method: init.method, url, headers: init.headers, body: init.body });
  try {
    // Never follow a redirect unless the caller asks: the request may carry secrets (see HttpRequestInit.redirect).
    const response = await options.fetch(url, {
      ...init,
      redirect: init.redirect ?? 'manual',
      signal: controller.signal,
    });
    const body = await response.text();
    const raw: RawResponse = {
      status: response.status,
      headers: headersToRecord(response.headers),
      body,
      durationMs: clock() - started,
    };
    options.recorder?.add({
      title: options.title,
      ok: raw.status < 300 || (options.redirectIsAnswer === true && isRedirectStatus(raw.status)),
      durationMs: raw.durationMs,
      request,
      response: traceResponse(raw.status, raw.headers, raw.body),
    });
    return raw;
  } catch (error) {
    const code = classifyTransportError(error);
    const cause = (error as { cause?: { message?: unknown } } | undefined)?.cause;
    const detail =
      String((error as Error)?.message ?? error) +
      (typeof cause?.message === 'string' && cause.message ? ` (${cause.message})` : '');
    const reason =
      code === 'TIMEOUT'
        ? `no answer within ${options.timeoutMs < 1000 ? `${options.timeoutMs} ms` : `${Math.round(options.timeoutMs / 1000)} s`}`
        : detail;
    const failure = new TransportError(
      code,
      `${init.method} ${new URL(url).origin}${new URL(url).pathname} failed: ${reason}`,
      url,
    );
    options.recorder?.add({
      title: options.title,
      ok: false,
      durationMs: clock() - started,
      request,
      failure: { kind: 'transport', code, message: failure.message, url: request.url },
    });
    throw failure;
  } finally {
    clearTimeout(timer);
  }
}
