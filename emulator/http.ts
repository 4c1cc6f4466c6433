// Small request/response helpers shared by the handlers.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { HTML_HEADERS } from './pages';

const MAX_BODY_BYTES = 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function mediaType(headers: IncomingHttpHeaders): string {
  return (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

export function isForm(headers: IncomingHttpHeaders): boolean {
  return mediaType(headers) === 'application/x-www-form-urlencoded';
}

export interface ParsedForm {
  /** First value of each name. */
  params: Record<string, string>;
  /** All values, for the request log. */
  all: Record<string, string | string[]>;
  duplicates: string[];
}

export function parseParams(search: URLSearchParams): ParsedForm {
  const params: Record<string, string> = {};
  const all: Record<string, string | string[]> = {};
  const duplicates: string[] = [];
  for (const [name, value] of search) {
    if (Object.prototype.hasOwnProperty.call(params, name)) {
      if (!duplicates.includes(name)) {
        duplicates.push(name);
      }
      const previous = all[name];
      all[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
      continue;
    }
    params[name] = value;
    all[name] = value;
  }
  return { params, all, duplicates };
}

export function parseForm(body: string): ParsedForm {
  return parseParams(new URLSearchParams(body));
}

export function wantsJson(headers: IncomingHttpHeaders): boolean {
  return (headers.accept ?? '').toLowerCase().includes('application/json');
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json;charset=UTF-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, ...HTML_HEADERS, 'Content-Length': Buffer.byteLength(html) });
  res.end(html);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'Content-Length': '0' });
  res.end();
}

export function redirect(
  res: ServerResponse,
  location: string,
  status = 302,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, Location: location, 'Cache-Control': 'no-store', 'Content-Length': '0' });
  res.end();
}

/**
 * Adds parameters to a redirect URI, keeping its own query byte for byte (web hosts register URIs such as
 * `https://vscode.dev/callback?vscode-reqid=1&vscode-scheme=code-oss`).
 */
export function appendQuery(uri: string, params: Array<[string, string | undefined]>): string {
  const hashAt = uri.indexOf('#');
  const base = hashAt === -1 ? uri : uri.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : uri.slice(hashAt);
  const added = params
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  if (!added) {
    return uri;
  }
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${added}${fragment}`;
}

export type BasicCredentials =
  | { kind: 'none' }
  | { kind: 'basic'; clientId: string; secret: string }
  | { kind: 'malformed' }
  | { kind: 'otherScheme' };

export function parseBasicAuth(header: string | undefined): BasicCredentials {
  if (header === undefined) {
    return { kind: 'none' };
  }
  const match = /^(\S+)(?:\s+(.*))?$/.exec(header.trim());
  if (!match) {
    return { kind: 'malformed' };
  }
  if (match[1].toLowerCase() !== 'basic') {
    return { kind: 'otherScheme' };
  }
  const encoded = (match[2] ?? '').trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    return { kind: 'malformed' };
  }
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) {
    return { kind: 'malformed' };
  }
  return { kind: 'basic', clientId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

export function remoteKey(req: IncomingMessage): string {
  return `ip:${req.socket.remoteAddress ?? 'unknown'}`;
}
