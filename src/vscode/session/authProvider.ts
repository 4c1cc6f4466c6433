// Exposes RingCentral sessions to VS Code: getSession('ringcentral', []) for other extensions, the Accounts menu.
// Each profile's session is its own account (supportsMultipleAccounts): getSession with { account } returns that
// profile's session; without one, VS Code asks the user to choose or uses the remembered choice.
import * as vscode from 'vscode';
import type { SessionManager } from '../../core/session/sessionManager';
import type { StoredSession } from '../../core/session/session';
import { accountIdOf, sessionsForAccount } from '../../core/profiles/profile';

export const AUTH_PROVIDER_ID = 'ringcentral';

export class RingCentralAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly sessions: SessionManager,
    private readonly signIn: () => Promise<StoredSession>,
    private readonly signOut: (id: string) => Promise<void>,
    private readonly profileName: (profileId: string | undefined) => string | undefined = () => undefined,
  ) {
    this.subscription = sessions.onDidChange((change) => {
      const session = this.toAuthenticationSession(change.session);
      this.changed.fire(
        change.type === 'added'
          ? { added: [session], removed: [], changed: [] }
          : change.type === 'removed'
            ? { added: [], removed: [session], changed: [] }
            : { added: [], removed: [], changed: [session] },
      );
    });
  }

  /**
   * Scopes are ignored: RingCentral permissions are set on the app, not requested per sign-in. `options.account`
   * (VS Code 1.94 and later) picks one account's session.
   */
  async getSessions(
    _scopes?: readonly string[],
    options?: { account?: { id: string } },
  ): Promise<vscode.AuthenticationSession[]> {
    const result: vscode.AuthenticationSession[] = [];
    for (const session of sessionsForAccount(this.sessions.list(), options?.account)) {
      try {
        await this.sessions.accessToken(session.id); // refreshes first when the token is about to expire
      } catch {
        // A failed refresh keeps the stored token (it may still work); a dead one removed the session.
      }
      const current = this.sessions.get(session.id);
      // An expired access token is not a session anyone can use: leave it out, so callers ask for a sign-in.
      if (current && this.sessions.isUsable(current)) result.push(this.toAuthenticationSession(current));
    }
    return result;
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    return this.toAuthenticationSession(await this.signIn());
  }

  async removeSession(sessionId: string): Promise<void> {
    await this.signOut(sessionId);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private toAuthenticationSession(session: StoredSession): vscode.AuthenticationSession {
    const profile = this.profileName(session.profileId);
    return {
      id: session.id,
      accessToken: session.tokens.accessToken,
      account: {
        id: accountIdOf(session),
        label: profile ? `${session.account.label} (${profile})` : session.account.label,
      },
      scopes: (session.tokens.scope ?? '').split(/\s+/).filter(Boolean),
    };
  }
}
