// Exposes RingCentral sessions to VS Code: getSession('ringcentral', []) for other extensions, the Accounts menu.
import * as vscode from 'vscode';
import type { SessionManager } from '../../core/session/sessionManager';
import type { StoredSession } from '../../core/session/session';

export const AUTH_PROVIDER_ID = 'ringcentral';

export class RingCentralAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly sessions: SessionManager,
    private readonly signIn: () => Promise<StoredSession>,
    private readonly signOut: (id: string) => Promise<void>,
  ) {
    this.subscription = sessions.onDidChange((change) => {
      const session = toAuthenticationSession(change.session);
      this.changed.fire(
        change.type === 'added'
          ? { added: [session], removed: [], changed: [] }
          : change.type === 'removed'
            ? { added: [], removed: [session], changed: [] }
            : { added: [], removed: [], changed: [session] },
      );
    });
  }

  /** Scopes are ignored: RingCentral permissions are set on the app, not requested per sign-in. */
  async getSessions(): Promise<vscode.AuthenticationSession[]> {
    const result: vscode.AuthenticationSession[] = [];
    for (const session of this.sessions.list()) {
      try {
        await this.sessions.accessToken(session.id); // refreshes first when the token is about to expire
      } catch {
        // A failed refresh keeps the stored token (it may still work); a dead one removed the session.
      }
      const current = this.sessions.get(session.id);
      // An expired access token is not a session anyone can use: leave it out, so callers ask for a sign-in.
      if (current && this.sessions.isUsable(current)) result.push(toAuthenticationSession(current));
    }
    return result;
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    return toAuthenticationSession(await this.signIn());
  }

  async removeSession(sessionId: string): Promise<void> {
    await this.signOut(sessionId);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function toAuthenticationSession(session: StoredSession): vscode.AuthenticationSession {
  return {
    id: session.id,
    accessToken: session.tokens.accessToken,
    account: { id: `${session.server}|${session.account.id}`, label: session.account.label },
    scopes: (session.tokens.scope ?? '').split(/\s+/).filter(Boolean),
  };
}
