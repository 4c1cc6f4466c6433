// The diagnostics panel's state after a real sign-in and refresh: what the webview is sent. With the harness's
// capture on, each posted state is kept, and the secret scan checks it against the emulator's tokens.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CommandResult,
  configure,
  createApp,
  EMULATOR,
  emulatorConsole,
  freePort,
  IN_CODE_SERVER,
  resetSettings,
  signOutAll,
} from './helpers';
import { COMMANDS } from '../../src/vscode/commandIds';

const CAPTURE_DIR = process.env.RC_TEST_CAPTURE_DIR;

interface PostedState {
  command: string;
  state: {
    session?: { clientId: string; hasRefreshToken: boolean };
    attempts: Array<{ kind: string; outcome: string }>;
  };
}

function postedStates(): PostedState[] {
  const file = path.join(CAPTURE_DIR ?? '', 'webview-state.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PostedState);
}

async function until<T>(what: string, probe: () => T | undefined, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('diagnostics panel state after a sign-in and a refresh', function () {
  before(function () {
    // The sign-in needs code-server's browser; the capture needs the harness.
    if (!IN_CODE_SERVER || !CAPTURE_DIR) this.skip();
  });
  after(async () => {
    await signOutAll();
    await resetSettings();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is posted with the session summary and the refresh trace', async () => {
    await emulatorConsole.autoApprove(true);
    const port = await freePort();
    const app = await createApp({ redirectUris: [`http://127.0.0.1:${port}/callback`] });
    await configure({
      server: EMULATOR,
      clientId: app.clientId,
      'redirect.mode': 'loopback',
      'redirect.loopbackPort': port,
      signInTimeoutSeconds: 60,
    });
    const signedIn = (await vscode.commands.executeCommand(COMMANDS.signIn)) as CommandResult;
    assert.equal(signedIn.ok, true, JSON.stringify(signedIn));
    await vscode.commands.executeCommand(COMMANDS.openDiagnostics);
    // A refresh while the panel is visible re-sends its state.
    const refreshed = (await vscode.commands.executeCommand(COMMANDS.refreshToken)) as CommandResult;
    assert.equal(refreshed.ok, true, JSON.stringify(refreshed));
    const posted = await until('a posted state with this session and its refresh', () =>
      postedStates().find(
        (message) =>
          message.state.session?.clientId === app.clientId &&
          message.state.attempts.some((attempt) => attempt.kind === 'refresh' && attempt.outcome === 'ok'),
      ),
    );
    assert.equal(posted.command, 'state');
    assert.equal(posted.state.session?.hasRefreshToken, true);
  });
});
