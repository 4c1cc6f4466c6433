// The user's side of core's ServerTrust: a modal dialog naming the host, and the confirmed hosts kept in
// context.globalState — user state that no workspace or settings file can write.
import * as vscode from 'vscode';
import { ServerTrust, TrustedHostMemory, TrustPurpose, TrustRequest } from '../../core/ringcentral/serverTrust';
import { notifyWarning } from '../notify';

export const TRUSTED_HOSTS_KEY = 'ringcentral.trustedServerHosts.v1';

class GlobalStateHostMemory implements TrustedHostMemory {
  constructor(private readonly state: vscode.Memento) {}

  private hosts(): string[] {
    const stored = this.state.get<unknown>(TRUSTED_HOSTS_KEY);
    return Array.isArray(stored) ? stored.filter((host): host is string => typeof host === 'string') : [];
  }

  has(host: string): boolean {
    return this.hosts().includes(host);
  }

  async add(host: string): Promise<void> {
    if (!this.has(host)) await this.state.update(TRUSTED_HOSTS_KEY, [...this.hosts(), host]);
  }
}

const WHAT_IT_RECEIVES: Record<TrustPurpose, string> = {
  signIn:
    'Signing in sends it your authorization code and PKCE verifier (and the client secret, if one is set), and it returns the tokens this extension keeps.',
  clientSecret: 'The client secret you store is sent to it when you sign in.',
  preflight: 'The check sends it your client id and redirect URI.',
};

async function confirmHost(request: TrustRequest): Promise<boolean> {
  const trust = `Trust ${request.host}`;
  const choice = await notifyWarning(
    `${request.host} is not a RingCentral server. Use it for RingCentral sign-in?`,
    {
      modal: true,
      detail:
        `The setting ringcentral.server is ${request.server}. ${WHAT_IT_RECEIVES[request.purpose]} ` +
        `Only continue if you run this server yourself (a proxy or an emulator). A workspace's .vscode/settings.json can set this value: ` +
        `a server that passes your sign-in on to RingCentral can keep your tokens. Your answer is remembered for ${request.host}.`,
    },
    trust,
  );
  return choice === trust;
}

export function createServerTrust(globalState: vscode.Memento): ServerTrust {
  return new ServerTrust({ memory: new GlobalStateHostMemory(globalState), confirm: confirmHost });
}
