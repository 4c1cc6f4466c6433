// Every secret an emulator handed out or was handed: tokens and codes it issued, JWT credentials it created,
// client secrets registered, and the secrets clients sent it (verifiers, Basic credentials, bearer tokens).
// The secret scan checks what the extension logged, traced, notified and showed against this list.
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { parseBasicAuth } from './http';

export type SecretKind =
  | 'access token'
  | 'refresh token'
  | 'authorization code'
  | 'code verifier'
  | 'client secret'
  | 'JWT credential'
  | 'password'
  | 'token (revoke)';

export interface KnownSecret {
  kind: SecretKind;
  value: string;
}

/** Form fields (token, revoke) that carry a secret, and what it is. */
const SECRET_FORM_FIELDS: Readonly<Record<string, SecretKind>> = {
  client_secret: 'client secret',
  code: 'authorization code',
  code_verifier: 'code verifier',
  refresh_token: 'refresh token',
  access_token: 'access token',
  assertion: 'JWT credential',
  password: 'password',
  token: 'token (revoke)',
};

/** JSON response fields that carry a secret (token endpoint answers, the console's /jwt). */
const SECRET_JSON_FIELDS: Readonly<Record<string, SecretKind>> = {
  access_token: 'access token',
  refresh_token: 'refresh token',
  credential: 'JWT credential',
  clientSecret: 'client secret',
};

/** Ledgers that collect from every emulator started in this process (the integration suite's scan). */
const processWatchers = new Set<SecretLedger>();

export class SecretLedger {
  private readonly secrets = new Map<string, SecretKind>();

  constructor(private readonly forwardTo: ReadonlySet<SecretLedger> = new Set()) {}

  add(kind: SecretKind, value: unknown): void {
    if (typeof value !== 'string' || value === '' || this.secrets.has(value)) {
      return;
    }
    this.secrets.set(value, kind);
    for (const watcher of this.forwardTo) watcher.add(kind, value);
  }

  list(): KnownSecret[] {
    return [...this.secrets].map(([value, kind]) => ({ kind, value }));
  }

  /** What a client sent: secret form fields, the Basic secret, a bearer token. */
  addFromRequest(headers: IncomingHttpHeaders, form: Record<string, string | string[]> | undefined): void {
    const authorization = headers.authorization;
    const basic = parseBasicAuth(authorization);
    if (basic.kind === 'basic') this.add('client secret', basic.secret);
    const bearer = /^Bearer\s+(\S+)/i.exec(authorization ?? '');
    if (bearer) this.add('access token', bearer[1]);
    for (const [name, value] of Object.entries(form ?? {})) {
      const kind = SECRET_FORM_FIELDS[name];
      if (kind) for (const one of Array.isArray(value) ? value : [value]) this.add(kind, one);
    }
  }

  /** A JSON body (a console app registration, a token answer): its secret fields. */
  addFromJson(text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null) return;
    for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
      const kind = SECRET_JSON_FIELDS[name];
      if (kind) this.add(kind, value);
    }
  }

  /** Watches a response: the code in a redirect's Location, the tokens in a JSON body. */
  watchResponse(res: ServerResponse): void {
    const chunks: Buffer[] = [];
    const locations: unknown[] = [];
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const keep = (chunk: unknown): void => {
      if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk as string));
    };
    // Headers given to writeHead never show up in getHeader().
    res.writeHead = ((...args: unknown[]) => {
      for (const arg of args) {
        if (typeof arg === 'object' && arg !== null && !Array.isArray(arg)) {
          for (const [name, value] of Object.entries(arg)) if (name.toLowerCase() === 'location') locations.push(value);
        }
      }
      return writeHead(...args);
    }) as typeof res.writeHead;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== 'function') keep(chunk);
      for (const location of [...locations, res.getHeader('location')]) {
        if (typeof location === 'string' && URL.canParse(location, 'http://emulator.invalid')) {
          this.add(
            'authorization code',
            new URL(location, 'http://emulator.invalid').searchParams.get('code') ?? undefined,
          );
        }
      }
      this.addFromJson(Buffer.concat(chunks).toString('utf8'));
      return end(chunk, ...rest);
    }) as typeof res.end;
  }
}

/** A ledger for one emulator that also reports to the process-wide watchers. */
export function emulatorLedger(): SecretLedger {
  return new SecretLedger(processWatchers);
}

/** Collects the secrets of every emulator started from now on in this process, until `stop()`. */
export function watchEmulatorSecrets(): { ledger: SecretLedger; stop(): void } {
  const ledger = new SecretLedger();
  processWatchers.add(ledger);
  return { ledger, stop: () => processWatchers.delete(ledger) };
}
