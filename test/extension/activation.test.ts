import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { configure, createApp, EMULATOR, interceptMessages, resetSettings } from './helpers';
import { COMMANDS } from '../../src/vscode/commandIds';

const EXTENSION_ID = 'rcdevtools.ringcentral-oauth';

describe('activation', () => {
  afterEach(resetSettings);

  it('activates and registers every RingCentral command', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'extension is installed under its fixed identity');
    await extension.activate();
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'signIn',
      'signOut',
      'refreshToken',
      'setClientSecret',
      'configureApp',
      'openDiagnostics',
      'explainError',
      'checkRedirectUri',
      'checkPermissions',
    ]) {
      assert.ok(commands.includes(`ringcentral.${id}`), `ringcentral.${id} is registered`);
    }
  });

  it('registers the "ringcentral" authentication provider (an unregistered id is refused); signed out it has no session', async () => {
    // getSession on a provider nobody registered rejects; ours answers.
    await assert.rejects(
      vscode.authentication.getSession('ringcentral-not-registered', [], { silent: true }) as Promise<unknown>,
    );
    await vscode.authentication.getSession('ringcentral', [], { silent: true });
    const info = (await vscode.commands.executeCommand(COMMANDS.sessionInfo)) as { signedIn: boolean };
    assert.equal(info.signedIn, false);
  });

  it('refuses plain http to a non-loopback server before sending anything', async () => {
    await configure({ server: 'http://platform.ringcentral.com', clientId: 'whatever' });
    const result = (await vscode.commands.executeCommand(COMMANDS.signIn)) as {
      ok: boolean;
      diagnosisId?: string;
      message: string;
    };
    assert.equal(result.ok, false);
    assert.equal(result.diagnosisId, 'setup-server');
    assert.match(result.message, /Refusing plain http/);
  });

  it('asks for a client id when none is configured', async () => {
    await configure({ server: EMULATOR, clientId: '' });
    const result = (await vscode.commands.executeCommand(COMMANDS.signIn)) as { ok: boolean; diagnosisId?: string };
    assert.equal(result.diagnosisId, 'setup-clientId');
  });

  it('says which setting is wrong: a client id with spaces, a loopback port out of range', async () => {
    await configure({ server: EMULATOR, clientId: 'abc def' });
    const spaced = (await vscode.commands.executeCommand(COMMANDS.signIn)) as { diagnosisId?: string; message: string };
    assert.equal(spaced.diagnosisId, 'setup-clientId');
    assert.match(spaced.message, /contains spaces/);
    await configure({ clientId: 'abc', 'redirect.mode': 'loopback', 'redirect.loopbackPort': 80 });
    const port = (await vscode.commands.executeCommand(COMMANDS.signIn)) as { diagnosisId?: string; message: string };
    assert.equal(port.diagnosisId, 'setup-redirect.loopbackPort');
    assert.match(port.message, /1024 to 65535/);
  });

  it('stores the client secret in SecretStorage, not in settings', async () => {
    const app = await createApp({ clientSecret: 's3cret-value' });
    await configure({ server: EMULATOR, clientId: app.clientId });
    // Passed from code, the secret needs the user's yes (see consent.test.ts): answer it here.
    const dialogs = interceptMessages((shown) => (shown.options?.modal ? shown.items[0] : undefined));
    try {
      const result = (await vscode.commands.executeCommand(COMMANDS.setClientSecret, 's3cret-value')) as {
        ok: boolean;
        stored: boolean;
      };
      assert.deepEqual(result, { ok: true, stored: true });
      const everything = JSON.stringify(vscode.workspace.getConfiguration('ringcentral'));
      assert.ok(!everything.includes('s3cret-value'), 'the secret is not in any setting');
      const removed = (await vscode.commands.executeCommand(COMMANDS.setClientSecret, '')) as {
        ok: boolean;
        stored: boolean;
      };
      assert.deepEqual(removed, { ok: true, stored: false });
    } finally {
      dialogs.restore();
    }
  });
});
