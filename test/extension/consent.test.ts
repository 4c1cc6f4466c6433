// Issue 7 items 1, 2 and 8 in a real VS Code: the server a command talks to is named and, when it is not
// RingCentral or local, confirmed; commands run from code (this test is "another extension") ask before they copy a
// token or replace a secret; hostile server text reaches notifications without link syntax.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  CommandResult,
  configure,
  createApp,
  EMULATOR,
  emulatorConsole,
  freePort,
  IN_CODE_SERVER,
  interceptInputs,
  interceptMessages,
  resetSettings,
  sessionInfo,
  signOutAll,
} from './helpers';
import { COMMANDS } from '../../src/vscode/commandIds';

/** A host that is neither RingCentral nor loopback, new for every test (confirmations are remembered per host). */
function untrustedServer(): { url: string; host: string } {
  const host = `rc-proxy-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}.example.invalid`;
  return { url: `https://${host}`, host };
}

type SecretResult = { ok: boolean; stored?: boolean; cancelled?: boolean; message?: string };

describe('consent: the server is named and confirmed; commands from code ask first', () => {
  afterEach(resetSettings);

  it('Set Client Secret names the app and the server it sends the secret to', async () => {
    const app = await createApp({});
    await configure({ server: EMULATOR, clientId: app.clientId });
    const inputs = interceptInputs(() => undefined);
    const dialogs = interceptMessages();
    try {
      const result = (await vscode.commands.executeCommand(COMMANDS.setClientSecret)) as SecretResult;
      assert.equal(result.cancelled, true);
    } finally {
      inputs.restore();
      dialogs.restore();
    }
    const host = new URL(EMULATOR).host;
    assert.equal(inputs.inputBoxes.length, 1);
    assert.equal(inputs.inputBoxes[0].title, `Client secret for ${app.clientId} on ${host} (local)`);
    assert.match(
      inputs.inputBoxes[0].prompt ?? '',
      new RegExp(`Sent only to ${host.replace(/\./g, '\\.')} when you sign in`),
    );
    assert.deepEqual(dialogs.shown, [], 'the emulator on loopback is trusted without a prompt');
  });

  it('Set Client Secret for a server that is not RingCentral asks to trust the host first; declined, no secret is asked for', async () => {
    const server = untrustedServer();
    await configure({ server: server.url, clientId: 'some-app' });
    const inputs = interceptInputs(() => 'typed-secret');
    const dialogs = interceptMessages(() => undefined);
    let result: SecretResult;
    try {
      result = (await vscode.commands.executeCommand(COMMANDS.setClientSecret)) as SecretResult;
    } finally {
      inputs.restore();
      dialogs.restore();
    }
    assert.equal(result.ok, false);
    assert.equal(result.cancelled, true);
    const modal = dialogs.shown.find((shown) => shown.options?.modal);
    assert.ok(modal, JSON.stringify(dialogs.shown));
    assert.equal(modal.message, `${server.host} is not a RingCentral server. Use it for RingCentral sign-in?`);
    assert.deepEqual(modal.items, [`Trust ${server.host}`]);
    assert.match(modal.options?.detail ?? '', /client secret you store is sent to it/);
    assert.deepEqual(inputs.inputBoxes, [], 'no secret was asked for');
  });

  it('Set Client Secret called with a value asks (modal, naming app and server); declined, nothing is stored', async () => {
    const app = await createApp({});
    await configure({ server: EMULATOR, clientId: app.clientId });
    const dialogs = interceptMessages(() => undefined);
    let result: SecretResult;
    try {
      result = (await vscode.commands.executeCommand(COMMANDS.setClientSecret, 'planted-secret')) as SecretResult;
    } finally {
      dialogs.restore();
    }
    assert.deepEqual(result, {
      ok: false,
      cancelled: true,
      message: 'Not changed: replacing the client secret from code needs your confirmation.',
    });
    assert.equal(dialogs.shown.length, 1);
    assert.equal(dialogs.shown[0].options?.modal, true);
    assert.match(
      dialogs.shown[0].message,
      new RegExp(
        `replace the RingCentral client secret for ${app.clientId} on ${new URL(EMULATOR).host.replace(/\./g, '\\.')} \\(local\\)`,
      ),
    );
    assert.ok(!dialogs.shown.some((shown) => /saved/.test(shown.message)), 'no "saved" message');
  });

  it('Sign In names the server; a server that is not RingCentral is asked for by name, and declined, nothing is sent', async () => {
    const server = untrustedServer();
    await configure({
      server: server.url,
      clientId: 'some-app',
      'redirect.mode': 'loopback',
      'redirect.loopbackPort': await freePort(),
    });
    const inputs = interceptInputs();
    const dialogs = interceptMessages(() => undefined);
    let result: CommandResult;
    try {
      result = (await vscode.commands.executeCommand(COMMANDS.signIn)) as CommandResult;
    } finally {
      inputs.restore();
      dialogs.restore();
    }
    assert.equal(result.ok, false);
    assert.equal(result.code, 'untrusted-server');
    assert.match(result.message ?? '', new RegExp(`^Nothing was sent to ${server.host.replace(/\./g, '\\.')}`));
    assert.deepEqual(inputs.progressTitles, [`RingCentral: signing in to ${server.host} (not a RingCentral server)`]);
    const modal = dialogs.shown.filter((shown) => shown.options?.modal);
    assert.deepEqual(
      modal.map((shown) => [shown.message, shown.items]),
      [[`${server.host} is not a RingCentral server. Use it for RingCentral sign-in?`, [`Trust ${server.host}`]]],
    );
    assert.match(modal[0].options?.detail ?? '', /authorization code and PKCE verifier/);
  });

  describe('signed in (needs the browser code-server drives)', () => {
    before(function () {
      if (!IN_CODE_SERVER) this.skip();
    });
    beforeEach(() => emulatorConsole.autoApprove(true));
    afterEach(async () => {
      await emulatorConsole.renameUser('Ada Lovelace');
      await signOutAll();
    });

    async function signedIn(): Promise<void> {
      const port = await freePort();
      const app = await createApp({ redirectUris: [`http://127.0.0.1:${port}/callback`] });
      await configure({
        server: EMULATOR,
        clientId: app.clientId,
        'redirect.mode': 'loopback',
        'redirect.loopbackPort': port,
        signInTimeoutSeconds: 60,
      });
      const result = (await vscode.commands.executeCommand(COMMANDS.signIn)) as CommandResult;
      assert.equal(result.ok, true, JSON.stringify(result));
    }

    it('Copy Access Token run from code asks (modal, naming account and server); declined, the clipboard is untouched', async () => {
      await signedIn();
      await vscode.env.clipboard.writeText('clipboard-before');
      const dialogs = interceptMessages(() => undefined);
      let result: CommandResult;
      try {
        // Arguments cannot skip the question.
        result = (await vscode.commands.executeCommand(COMMANDS.copyAccessToken, { confirmed: true })) as CommandResult;
      } finally {
        dialogs.restore();
      }
      assert.equal(result.ok, false);
      assert.equal(result.cancelled, true);
      assert.equal(await vscode.env.clipboard.readText(), 'clipboard-before');
      assert.equal(dialogs.shown.length, 1);
      assert.equal(dialogs.shown[0].options?.modal, true);
      assert.equal(
        dialogs.shown[0].message,
        `Copy the RingCentral access token of Ada Lovelace (${new URL(EMULATOR).host} (local)) to the clipboard?`,
      );
      assert.deepEqual(dialogs.shown[0].items, ['Copy Token']);
      assert.match(dialogs.shown[0].options?.detail ?? '', /Extensions should ask for a session through VS Code/);
    });

    it('a display name with a command link reaches the notification as text, not as a link; the progress names the server', async () => {
      const hostile = '[Click](command:workbench.action.terminal.new)';
      await emulatorConsole.renameUser(hostile);
      const dialogs = interceptMessages();
      const inputs = interceptInputs();
      try {
        await signedIn();
      } finally {
        dialogs.restore();
        inputs.restore();
      }
      assert.equal((await sessionInfo()).account?.label, hostile, 'the name itself is kept as RingCentral sent it');
      const signedInMessage = dialogs.shown.find((shown) => shown.message.startsWith('Signed in to RingCentral as'));
      assert.ok(signedInMessage, JSON.stringify(dialogs.shown));
      assert.equal(
        signedInMessage.message,
        'Signed in to RingCentral as [Click] (command:workbench.action.terminal.new).',
      );
      assert.deepEqual(inputs.progressTitles, [`RingCentral: signing in to ${new URL(EMULATOR).host} (local)`]);
    });
  });
});
