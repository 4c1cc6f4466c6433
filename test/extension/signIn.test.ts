// The whole sign-in path in a real VS Code, against the emulator. The browser step needs a browser the test
// controls: code-server's workbench tab opens it; on desktop VS Code these tests are skipped.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  CommandResult,
  configure,
  copiedAccessToken,
  sessionInfo,
  createApp,
  EMULATOR,
  emulatorConsole,
  freePort,
  IN_CODE_SERVER,
  resetSettings,
  signOutAll,
  TestApp,
  whoAmIStatus,
} from './helpers';
import { COMMANDS } from '../../src/vscode/commandIds';

async function loopbackApp(overrides: Partial<TestApp> = {}): Promise<{ app: TestApp; port: number }> {
  const port = await freePort();
  const app = await createApp({ redirectUris: [`http://127.0.0.1:${port}/callback`], ...overrides });
  await configure({
    server: EMULATOR,
    clientId: app.clientId,
    'redirect.mode': 'loopback',
    'redirect.loopbackPort': port,
    signInTimeoutSeconds: 60,
  });
  return { app, port };
}

async function signIn(): Promise<CommandResult> {
  return (await vscode.commands.executeCommand(COMMANDS.signIn)) as CommandResult;
}

describe('sign in (authorization code + PKCE against the emulator)', function () {
  before(function () {
    if (!IN_CODE_SERVER) this.skip();
  });
  beforeEach(() => emulatorConsole.autoApprove(true));
  afterEach(async () => {
    await signOutAll();
    await emulatorConsole.fault(null);
    await resetSettings();
  });

  it('loopback mode: signs in, exposes the session to other extensions, with PKCE S256 and the same redirect_uri in both requests', async () => {
    const { app, port } = await loopbackApp();
    const providerEvents: string[] = [];
    const listener = vscode.authentication.onDidChangeSessions((event) => providerEvents.push(event.provider.id));
    const result = await signIn();
    for (let waited = 0; waited < 3000 && !providerEvents.includes('ringcentral'); waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100)); // the event crosses to the workbench and back
    }
    listener.dispose();
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.account?.label, 'Ada Lovelace');
    assert.ok(providerEvents.includes('ringcentral'), 'the authentication provider announced the new session');
    const info = await sessionInfo();
    assert.equal(info.account?.label, 'Ada Lovelace');
    assert.deepEqual((info.scope ?? '').split(' ').sort(), ['ReadAccounts', 'ReadContacts']);
    assert.ok((info.accessExpiresAt ?? 0) > Date.now() + 3500_000, 'the access token lives about an hour');
    assert.equal(await whoAmIStatus(await copiedAccessToken()), 200);

    const requests = await emulatorConsole.requests();
    const authorize = requests
      .filter((r) => r.path === '/restapi/oauth/authorize' && r.query?.client_id === app.clientId)
      .at(-1);
    const token = requests
      .filter(
        (r) =>
          r.path === '/restapi/oauth/token' &&
          r.form?.grant_type === 'authorization_code' &&
          r.form?.client_id === app.clientId,
      )
      .at(-1);
    assert.ok(authorize && token, 'authorize and token requests reached the emulator');
    assert.equal(authorize.query?.code_challenge_method, 'S256');
    assert.equal(authorize.query?.redirect_uri, `http://127.0.0.1:${port}/callback`);
    assert.equal(token.form?.redirect_uri, authorize.query?.redirect_uri);
    assert.ok(token.form?.code_verifier, 'code_verifier is sent');
  });

  it('uriHandler mode: the callback comes back through asExternalUri and the URI handler', async () => {
    const app = await createApp({});
    await configure({
      server: EMULATOR,
      clientId: app.clientId,
      'redirect.mode': 'uriHandler',
      signInTimeoutSeconds: 60,
    });
    const check = (await vscode.commands.executeCommand(COMMANDS.checkRedirectUri, { registered: [] })) as {
      sent: string;
    };
    await emulatorConsole.addRedirectUri(app.clientId, check.sent);
    const result = await signIn();
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.account?.label, 'Ada Lovelace');
  });

  // Single-flight refresh under real concurrency is proven in test/integration/sessionManager.test.ts; commands
  // reach the extension one after another, so here each Refresh Token is one rotation.
  it('Refresh Token rotates the tokens and kills the old access token', async () => {
    const { app } = await loopbackApp();
    assert.equal((await signIn()).ok, true);
    const before = await copiedAccessToken();
    const countRefreshes = async () =>
      (await emulatorConsole.requests()).filter(
        (r) => r.form?.grant_type === 'refresh_token' && r.form?.client_id === app.clientId,
      ).length;
    const refreshesBefore = await countRefreshes();
    const refreshed = (await vscode.commands.executeCommand(COMMANDS.refreshToken)) as CommandResult;
    assert.equal(refreshed.ok, true, JSON.stringify(refreshed));
    assert.equal((await countRefreshes()) - refreshesBefore, 1, 'one refresh_token grant per Refresh Token');
    const after = await copiedAccessToken();
    assert.ok(before && after);
    assert.notEqual(after, before);
    assert.equal(await whoAmIStatus(before), 401, 'the old access token died');
    assert.equal(await whoAmIStatus(after), 200);
  });

  it("a dead refresh token (revoked elsewhere) signs the user out with RingCentral's code", async () => {
    await loopbackApp();
    assert.equal((await signIn()).ok, true);
    const accessToken = await copiedAccessToken();
    // Revoke behind the extension's back, as another device signing out would.
    await fetch(`${EMULATOR}/restapi/oauth/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: accessToken,
        client_id: vscode.workspace.getConfiguration('ringcentral').get<string>('clientId') ?? '',
      }).toString(),
    });
    const result = (await vscode.commands.executeCommand(COMMANDS.refreshToken)) as CommandResult;
    assert.equal(result.ok, false);
    assert.match(result.code ?? '', /^OAU-21[013]$/);
    assert.equal((await sessionInfo()).signedIn, false, 'the dead session is gone');
  });

  it('without ReadAccounts the sign-in still works and falls back to the extension id (CMN-401)', async () => {
    await loopbackApp({ permissions: ['ReadContacts'] });
    const result = await signIn();
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.match(result.account?.label ?? '', /^Extension \d+$/);
  });

  it('Sign Out revokes at RingCentral, then deletes locally', async () => {
    await loopbackApp();
    assert.equal((await signIn()).ok, true);
    const accessToken = await copiedAccessToken();
    const result = (await vscode.commands.executeCommand(COMMANDS.signOut)) as CommandResult;
    assert.equal(result.message, 'revoked');
    assert.equal(await whoAmIStatus(accessToken), 401);
    assert.equal((await sessionInfo()).signedIn, false);
  });

  it('Sign Out still deletes locally when RingCentral cannot be reached, and says so', async () => {
    await loopbackApp();
    assert.equal((await signIn()).ok, true);
    await emulatorConsole.fault({ kind: 'drop', endpoint: 'revoke' });
    const result = (await vscode.commands.executeCommand(COMMANDS.signOut)) as CommandResult;
    assert.equal(result.message, 'local only');
    assert.equal((await sessionInfo()).signedIn, false);
  });

  it('a failed pre-flight (app without a redirect URI) names the exact redirect URI to register in the notification', async () => {
    const port = await freePort();
    const app = await createApp({ redirectUris: [] });
    await configure({
      server: EMULATOR,
      clientId: app.clientId,
      'redirect.mode': 'loopback',
      'redirect.loopbackPort': port,
      signInTimeoutSeconds: 60,
    });
    const result = await signIn();
    assert.equal(result.ok, false);
    assert.equal(result.code, 'OAU-113');
    assert.ok(
      result.notification?.includes(
        `Register this exact redirect URI on the app (Developer Console → your app → Settings → Auth → OAuth Redirect URI): http://127.0.0.1:${port}/callback`,
      ),
      result.notification,
    );
  });

  it('a busy loopback port is reported, not swapped for another port', async () => {
    const { port } = await loopbackApp();
    const net = await import('node:net');
    const blocker = net.createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      const result = await signIn();
      assert.equal(result.ok, false);
      assert.match(result.message ?? '', new RegExp(`Port ${port}`));
    } finally {
      blocker.close();
    }
  });
});
