// Hands the active profile's access token to the developer's own running code: command variables for launch.json
// and tasks.json (${command:ringcentral.accessToken}, …server, …clientId). Each route asks once per workspace:
// whatever a workspace's tasks run can read the token, and a cloned repository's tasks.json is not the user's choice.
import * as vscode from 'vscode';
import { notifyWarning } from '../notify';
import type { SessionManager } from '../../core/session/sessionManager';
import { describeServer } from '../../core/ringcentral/serverTrust';
import type { CurrentSession } from './currentSession';
import { COMMANDS } from '../commandIds';

export type HandoutRoute = 'variable' | 'terminal';

const CONSENT_KEY = 'ringcentral.tokenHandoutConsent.v1';

const ROUTE_WORDS: Record<HandoutRoute, string> = {
  variable: 'tasks and launch configurations of this workspace (${command:ringcentral.accessToken})',
  terminal: 'new terminals of this workspace (RINGCENTRAL_ACCESS_TOKEN)',
};

export class TokenHandout {
  constructor(
    private readonly workspaceState: vscode.Memento,
    private readonly sessions: SessionManager,
    private readonly currentSession: CurrentSession,
  ) {}

  hasConsent(route: HandoutRoute): boolean {
    return this.workspaceState.get<Partial<Record<HandoutRoute, boolean>>>(CONSENT_KEY)?.[route] === true;
  }

  /** Asks once per workspace and route; the answer "Allow" is remembered in this workspace only. */
  async ensureConsent(route: HandoutRoute): Promise<boolean> {
    if (this.hasConsent(route)) return true;
    const session = this.currentSession.get();
    const who = session ? `${session.account.label} (${describeServer(session.server)})` : 'the signed-in user';
    const allow = 'Allow in This Workspace';
    const choice = await notifyWarning(
      `Give the RingCentral access token of ${who} to ${ROUTE_WORDS[route]}?`,
      {
        modal: true,
        detail:
          'Any program these run can read the token and call RingCentral as this user until it expires (about an hour). ' +
          'You are asked once per workspace; "RingCentral: Token for Tasks and Terminals…" takes it back.',
      },
      allow,
    );
    if (choice !== allow) return false;
    await this.setConsent(route, true);
    return true;
  }

  async revokeConsent(): Promise<void> {
    await this.workspaceState.update(CONSENT_KEY, undefined);
  }

  /** A fresh access token of the active profile, after consent; throws a message that says what to do. */
  async accessToken(route: HandoutRoute): Promise<string> {
    const session = this.currentSession.get();
    if (!session) {
      throw new Error(
        `RingCentral: not signed in with the profile "${this.currentSession.profile()?.name ?? 'Default'}". Run "RingCentral: Sign In" and start the task again.`,
      );
    }
    if (!(await this.ensureConsent(route))) {
      throw new Error('RingCentral: the access token was not handed out (you did not allow it for this workspace).');
    }
    return this.sessions.accessToken(session.id); // refreshes first when it is due
  }

  private async setConsent(route: HandoutRoute, value: boolean): Promise<void> {
    const current = this.workspaceState.get<Partial<Record<HandoutRoute, boolean>>>(CONSENT_KEY) ?? {};
    await this.workspaceState.update(CONSENT_KEY, { ...current, [route]: value });
  }
}

/** ${command:ringcentral.accessToken}, ${command:ringcentral.server}, ${command:ringcentral.clientId}. */
export function registerCommandVariables(handout: TokenHandout, currentSession: CurrentSession): vscode.Disposable[] {
  const profileValue = (pick: 'server' | 'clientId') => () => {
    const session = currentSession.get();
    const profile = currentSession.profile();
    const value = session?.[pick] ?? profile?.[pick];
    if (!value) throw new Error('RingCentral: no profile is configured. Run "RingCentral: Configure App".');
    return value;
  };
  return [
    vscode.commands.registerCommand(COMMANDS.accessToken, () => handout.accessToken('variable')),
    vscode.commands.registerCommand(COMMANDS.server, profileValue('server')),
    vscode.commands.registerCommand(COMMANDS.clientId, profileValue('clientId')),
  ];
}
