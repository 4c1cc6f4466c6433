// Set Client Secret and Configure App: the app's settings, guided, with the secret kept out of settings.
import * as vscode from 'vscode';
import { notifyInfo, notifyWarning } from '../notify';
import type { RedirectMode } from '../../core/redirect/redirectUri';
import { describeServer, ServerTrust } from '../../core/ringcentral/serverTrust';
import { checkServerUrl, KNOWN_SERVERS } from '../../core/ringcentral/serverUrl';
import type { ClientSecrets } from '../secretStore';
import { readSettings, updateSetting } from '../settings';
import { activeApp } from '../profiles/activeApp';
import { COMMANDS } from '../commandIds';
import { UntrustedServerError } from '../../core/errors';
import { SETTINGS_PROFILE_ID } from '../../core/profiles/profile';

export function registerAppCommands(secrets: ClientSecrets, serverTrust: ServerTrust): vscode.Disposable[] {
  /**
   * Without an argument (command palette, Configure App, a fix button) the user types the secret. With one (another
   * extension or a task), nobody typed it: a modal dialog names the server and app and asks before it replaces the
   * stored secret.
   */
  const setClientSecret = async (
    value?: unknown,
  ): Promise<{ ok: boolean; stored?: boolean; cancelled?: boolean; message?: string }> => {
    const app = activeApp();
    if (!app.server.ok || !app.clientId) {
      const message =
        'Set the server and client id first (RingCentral: Configure App): the secret is stored for that app.';
      void notifyWarning(message);
      return { ok: false, message };
    }
    const server = app.server.url;
    const clientId = app.clientId;
    const where = `${clientId} on ${describeServer(server)}`;
    try {
      // The secret is sent to this server as HTTP Basic at every sign-in: it must be one the user chose.
      await serverTrust.ensureTrusted(server, 'clientSecret');
    } catch (error) {
      if (!(error instanceof UntrustedServerError)) throw error;
      void notifyWarning(`RingCentral: ${error.message}`);
      return { ok: false, cancelled: true, message: error.message };
    }
    let secret: string | undefined;
    if (value !== undefined) {
      if (typeof value !== 'string')
        return { ok: false, message: `${COMMANDS.setClientSecret} takes the secret as a string.` };
      if (!(await confirmSecretFromCode(where, value.trim() === ''))) {
        return {
          ok: false,
          cancelled: true,
          message: 'Not changed: replacing the client secret from code needs your confirmation.',
        };
      }
      secret = value;
    } else {
      secret = await vscode.window.showInputBox({
        title: `Client secret for ${where}`,
        prompt: `From the Developer Console (app → Credentials). Sent only to ${new URL(server).host} when you sign in; kept in VS Code secret storage, never in settings. Leave empty and press Enter to remove it (public PKCE app).`,
        password: true,
        ignoreFocusOut: true,
      });
    }
    if (secret === undefined) return { ok: false, cancelled: true, message: 'cancelled' };
    await secrets.set(server, clientId, secret);
    const stored = secret.trim() !== '';
    void notifyInfo(
      stored
        ? `RingCentral client secret for ${where} saved in secret storage.`
        : `RingCentral client secret for ${where} removed; the app is used as a public PKCE client.`,
    );
    return { ok: true, stored };
  };

  const configureApp = async (): Promise<void> => {
    const profile = activeApp().profile;
    // A saved profile is not the settings: configure it where it lives.
    if (profile && profile.id !== SETTINGS_PROFILE_ID) {
      await vscode.commands.executeCommand(COMMANDS.editProfile, profile.id);
      return;
    }
    const settings = readSettings();
    const current = settings.server.ok ? settings.server.url : '';
    const serverItems: Array<vscode.QuickPickItem & { url?: string }> = [
      ...KNOWN_SERVERS.map((server) => ({
        label: server.url,
        description: server.label,
        url: server.url,
        picked: server.url === current,
      })),
      { label: '$(edit) Other URL…', description: 'a local emulator or a proxy' },
    ];
    const pickedServer = await vscode.window.showQuickPick(serverItems, {
      title: 'RingCentral: Configure App (1/4) — server',
      placeHolder: current || 'Choose a server',
      ignoreFocusOut: true,
    });
    if (!pickedServer) return;
    let server = pickedServer.url;
    if (!server) {
      server = await vscode.window.showInputBox({
        title: 'RingCentral server base URL',
        value: current,
        ignoreFocusOut: true,
        validateInput: (text) => {
          const check = checkServerUrl(text);
          return check.ok ? undefined : check.message;
        },
      });
      if (!server) return;
    }
    const check = checkServerUrl(server);
    if (!check.ok) return;
    if (check.warning) void notifyWarning(check.warning);
    await updateSetting('server', check.url);

    const clientId = await vscode.window.showInputBox({
      title: 'RingCentral: Configure App (2/4) — Client ID',
      prompt: 'Developer Console → your app → Credentials → Client ID',
      value: settings.clientId,
      ignoreFocusOut: true,
      validateInput: (text) =>
        text.trim() === '' ? 'Enter the Client ID' : /\s/.test(text.trim()) ? 'A client id has no spaces' : undefined,
    });
    if (clientId === undefined) return;
    await updateSetting('clientId', clientId.trim());

    const modes: Array<vscode.QuickPickItem & { mode: RedirectMode }> = [
      {
        label: 'uriHandler',
        description: 'browser returns to this editor (default)',
        detail: `Register ${vscode.env.uriScheme}://rcdevtools.ringcentral-oauth/callback`,
        mode: 'uriHandler',
      },
      {
        label: 'loopback',
        description: 'a one-shot server on 127.0.0.1',
        detail: `Register http://127.0.0.1:${settings.loopbackPort}/callback`,
        mode: 'loopback',
      },
      {
        label: 'paste',
        description: 'paste the address the browser landed on',
        detail: 'Works with any registered redirect URI',
        mode: 'paste',
      },
    ];
    const mode = await vscode.window.showQuickPick(modes, {
      title: 'RingCentral: Configure App (3/4) — redirect mode',
      ignoreFocusOut: true,
    });
    if (!mode) return;
    await updateSetting('redirect.mode', mode.mode);

    const secretChoice = await vscode.window.showQuickPick(
      [
        { label: 'No client secret', description: 'public app: PKCE only (recommended for desktop tools)' },
        { label: 'Set client secret…', description: 'confidential app: HTTP Basic at the token endpoint' },
      ],
      { title: 'RingCentral: Configure App (4/4) — client secret', ignoreFocusOut: true },
    );
    if (secretChoice?.label === 'Set client secret…') {
      await vscode.commands.executeCommand(COMMANDS.setClientSecret);
    }
    const next = await notifyInfo(
      'RingCentral app configured. Check that its redirect URI is registered, then sign in.',
      'Check Redirect URI',
      'Sign In',
    );
    if (next === 'Sign In') await vscode.commands.executeCommand(COMMANDS.signIn);
    if (next === 'Check Redirect URI') await vscode.commands.executeCommand(COMMANDS.checkRedirectUri);
  };

  return [
    vscode.commands.registerCommand(COMMANDS.setClientSecret, setClientSecret),
    vscode.commands.registerCommand(COMMANDS.configureApp, configureApp),
  ];
}

async function confirmSecretFromCode(where: string, removing: boolean): Promise<boolean> {
  const allow = removing ? 'Remove Secret' : 'Replace Secret';
  const choice = await notifyWarning(
    `Another extension or a task asks to ${removing ? 'remove' : 'replace'} the RingCentral client secret for ${where}. Allow it?`,
    { modal: true, detail: 'You did not type this secret. Only allow it if you started this yourself.' },
    allow,
  );
  return choice === allow;
}
