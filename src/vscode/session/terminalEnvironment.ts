// Opt-in: the active profile's server, client id and access token in NEW terminals of this workspace, under the
// names RingCentral's own Postman collection and SDK examples use. Off by default; kept current on refresh;
// cleared (and switched off) on sign-out. Existing terminals keep what they had: VS Code marks them as stale.
import * as vscode from 'vscode';
import { notifyInfo } from '../notify';
import type { SessionManager } from '../../core/session/sessionManager';
import type { CurrentSession } from './currentSession';
import type { TokenHandout } from './tokenHandout';

const ENABLED_KEY = 'ringcentral.terminalEnvironment.v1';

export class TerminalEnvironment implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];
  /** The session whose token new terminals get now. */
  private appliedSessionId: string | undefined;

  constructor(
    private readonly collection: vscode.GlobalEnvironmentVariableCollection,
    private readonly workspaceState: vscode.Memento,
    private readonly sessions: SessionManager,
    private readonly currentSession: CurrentSession,
    private readonly handout: TokenHandout,
  ) {
    // Not persisted: after a restart the token is put back only if it is still on and still valid.
    collection.persistent = false;
    this.subscriptions = [
      currentSession.onDidChange(() => void this.apply()),
      sessions.onDidChange((change) => {
        if (change.type === 'removed' && change.session.id === this.appliedSessionId) void this.turnOff();
      }),
    ];
    void this.apply();
  }

  get enabled(): boolean {
    return this.workspaceState.get<boolean>(ENABLED_KEY) === true;
  }

  async turnOn(): Promise<boolean> {
    if (!this.currentSession.get()) return false;
    if (!(await this.handout.ensureConsent('terminal'))) return false;
    await this.workspaceState.update(ENABLED_KEY, true);
    await this.apply();
    void notifyInfo(
      'New terminals in this workspace get RINGCENTRAL_SERVER_URL, RINGCENTRAL_CLIENT_ID and RINGCENTRAL_ACCESS_TOKEN (kept current on refresh, removed on sign-out). Open a new terminal to use them.',
    );
    return true;
  }

  async turnOff(): Promise<void> {
    await this.workspaceState.update(ENABLED_KEY, undefined);
    this.clear();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async apply(): Promise<void> {
    const session = this.currentSession.get();
    if (!this.enabled || !session || !this.handout.hasConsent('terminal') || !this.sessions.isUsable(session)) {
      this.clear();
      return;
    }
    this.appliedSessionId = session.id;
    this.collection.description = new vscode.MarkdownString(
      `RingCentral access token of ${escapeMarkdown(session.account.label)} (this workspace; off by default). Turn it off with "RingCentral: Token for Tasks and Terminals…".`,
    );
    this.collection.replace('RINGCENTRAL_SERVER_URL', session.server);
    this.collection.replace('RINGCENTRAL_CLIENT_ID', session.clientId);
    this.collection.replace('RINGCENTRAL_ACCESS_TOKEN', session.tokens.accessToken);
  }

  private clear(): void {
    this.appliedSessionId = undefined;
    this.collection.clear();
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
