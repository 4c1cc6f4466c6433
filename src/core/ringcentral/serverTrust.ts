// Where codes, verifiers, client secrets and tokens may go. A workspace's settings choose `ringcentral.server`,
// so a malicious repository could point it at a host that relays the sign-in to RingCentral and keeps what it
// receives (the OAuth mix-up attack, RFC 9700 §4.4). RingCentral's own API hosts and loopback (the emulator) are
// trusted by rule; any other host only after the user confirmed it by name, remembered per host.
import { isLoopbackHost } from './serverUrl';
import { UntrustedServerError } from '../errors';

/** RingCentral's API servers (facts file, "Servers"): HTTPS on the default port only. */
export const RINGCENTRAL_API_HOSTS: readonly string[] = [
  'platform.ringcentral.com',
  'platform.ringcentral.biz',
  'platform.devtest.ringcentral.com',
];

export type ServerKind = 'ringcentral' | 'loopback' | 'other';

export interface ServerClass {
  kind: ServerKind;
  /** What the user is shown and what a confirmation is remembered under: host[:port], lower case. */
  host: string;
}

export function classifyServer(server: string): ServerClass {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return { kind: 'other', host: server };
  }
  const host = url.host.toLowerCase();
  if (isLoopbackHost(url.hostname)) return { kind: 'loopback', host };
  // An explicit port, plain http or a trailing dot is not how RingCentral serves its API: ask.
  if (url.protocol === 'https:' && url.port === '' && RINGCENTRAL_API_HOSTS.includes(url.hostname.toLowerCase())) {
    return { kind: 'ringcentral', host };
  }
  return { kind: 'other', host };
}

/** For titles and prompts: "platform.ringcentral.com", "127.0.0.1:5000 (local)", "proxy.example (not a RingCentral server)". */
export function describeServer(server: string): string {
  const { kind, host } = classifyServer(server);
  return kind === 'ringcentral' ? host : kind === 'loopback' ? `${host} (local)` : `${host} (not a RingCentral server)`;
}

/** What the confirmed server is going to receive; the prompt says it in words. */
export type TrustPurpose = 'signIn' | 'clientSecret' | 'preflight';

export interface TrustRequest {
  server: string;
  host: string;
  purpose: TrustPurpose;
}

/** Hosts the user confirmed. Lives in user state (not workspace state, not settings): a workspace cannot add to it. */
export interface TrustedHostMemory {
  has(host: string): boolean | Promise<boolean>;
  add(host: string): Promise<void>;
}

export interface ServerTrustPorts {
  memory: TrustedHostMemory;
  /** Asks the user, naming the host; resolves true only on an explicit yes. */
  confirm(request: TrustRequest): Promise<boolean>;
}

export class ServerTrust {
  constructor(private readonly ports: ServerTrustPorts) {}

  /** Trusted without asking: RingCentral, loopback, or a host the user confirmed before. */
  async isTrusted(server: string): Promise<boolean> {
    const { kind, host } = classifyServer(server);
    return kind !== 'other' || (await this.ports.memory.has(host));
  }

  /** Resolves when the server may receive codes, verifiers, secrets and tokens; throws UntrustedServerError otherwise. */
  async ensureTrusted(server: string, purpose: TrustPurpose): Promise<void> {
    if (await this.isTrusted(server)) return;
    const { host } = classifyServer(server);
    // A declined host is not remembered: the next attempt asks again.
    if (!(await this.ports.confirm({ server, host, purpose }))) throw new UntrustedServerError(host);
    await this.ports.memory.add(host);
  }
}
