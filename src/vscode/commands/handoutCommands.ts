// "Token for Tasks and Terminals…": turn the terminal variables on or off, or take back this workspace's consent.
import * as vscode from 'vscode';
import { notifyInfo } from '../notify';
import { COMMANDS } from '../commandIds';
import type { TerminalEnvironment } from '../session/terminalEnvironment';
import type { TokenHandout } from '../session/tokenHandout';
import { registerCommandVariables } from '../session/tokenHandout';
import type { CurrentSession } from '../session/currentSession';

export function registerHandoutCommands(
  handout: TokenHandout,
  terminals: TerminalEnvironment,
  currentSession: CurrentSession,
): vscode.Disposable[] {
  const terminalEnvironment = async (choice?: unknown): Promise<{ ok: boolean; enabled: boolean }> => {
    const items = [
      terminals.enabled
        ? { label: '$(circle-slash) Stop putting the token in new terminals', id: 'off' }
        : {
            label: '$(terminal) Put the token in new terminals of this workspace',
            detail: 'RINGCENTRAL_SERVER_URL, RINGCENTRAL_CLIENT_ID, RINGCENTRAL_ACCESS_TOKEN; cleared on sign-out',
            id: 'on',
          },
      {
        label: '$(shield) Take back the token from tasks, debug sessions and terminals here',
        detail: 'Forgets this workspace\'s "Allow"; the next ${command:ringcentral.accessToken} asks again',
        id: 'revoke',
      },
    ];
    const picked =
      typeof choice === 'string'
        ? items.find((item) => item.id === choice)
        : await vscode.window.showQuickPick(items, { title: 'RingCentral: Token for Tasks and Terminals' });
    if (picked?.id === 'on') {
      if (!currentSession.get()) {
        void notifyInfo('Sign in to RingCentral first: there is no token to put in terminals yet.');
        return { ok: false, enabled: false };
      }
      return { ok: await terminals.turnOn(), enabled: terminals.enabled };
    }
    if (picked?.id === 'off' || picked?.id === 'revoke') {
      await terminals.turnOff();
      if (picked.id === 'revoke') await handout.revokeConsent();
      void notifyInfo(
        picked.id === 'revoke'
          ? 'RingCentral: this workspace no longer gets the access token without asking.'
          : 'RingCentral: new terminals no longer get the access token.',
      );
    }
    return { ok: Boolean(picked), enabled: terminals.enabled };
  };
  return [
    vscode.commands.registerCommand(COMMANDS.terminalEnvironment, terminalEnvironment),
    ...registerCommandVariables(handout, currentSession),
  ];
}
