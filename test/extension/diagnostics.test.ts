// The diagnostic commands called from code: plain data back, nothing opened (for tasks and other extensions).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FAILURE_CLASS_EXAMPLES } from '../unit/corpus/failureClasses';
import { configure, createApp, EMULATOR, freePort, resetSettings } from './helpers';
import { COMMANDS } from '../../src/vscode/commandIds';

interface DiagnosisLike {
  id: string;
  code?: string;
  summary: string;
  causes: string[];
  fixes: Array<{ label: string; action?: { kind: string; uri?: string } }>;
}

describe('diagnostic commands from code', () => {
  afterEach(resetSettings);

  it('explainError returns the diagnosis object for a pasted code, body, callback URL and network error', async () => {
    const byCode = (await vscode.commands.executeCommand(COMMANDS.explainError, 'OAU-113')) as DiagnosisLike;
    assert.equal(byCode.id, 'redirect-uri-not-registered');
    assert.equal(byCode.code, 'OAU-113');
    assert.ok(byCode.summary.length > 0 && byCode.causes.length > 0 && byCode.fixes.length > 0);

    const body = JSON.stringify({
      error: 'invalid_client',
      error_description: 'Invalid client credentials',
      errors: [{ errorCode: 'OAU-146', message: 'Invalid client credentials' }],
    });
    assert.equal(
      ((await vscode.commands.executeCommand(COMMANDS.explainError, body)) as DiagnosisLike).id,
      'client-secret-wrong',
    );

    const callback =
      'vscode://rcdevtools.ringcentral-oauth/callback?error=access_denied&error_description=The+user+has+denied+access&state=abc';
    assert.equal(
      ((await vscode.commands.executeCommand(COMMANDS.explainError, callback)) as DiagnosisLike).id,
      'access-denied',
    );

    const network = (await vscode.commands.executeCommand(
      COMMANDS.explainError,
      'FetchError: request to https://platform.ringcental.com/restapi/oauth/token failed, reason: getaddrinfo ENOTFOUND platform.ringcental.com',
    )) as DiagnosisLike;
    assert.equal(network.id, 'host-not-found');
    assert.equal(
      await vscode.commands.executeCommand(COMMANDS.explainError, 'hello world'),
      undefined,
      'no error in the text: nothing to explain',
    );
  });

  it('OAU-113 explained for this editor carries the exact redirect URI it sends', async () => {
    const port = await freePort();
    await configure({ server: EMULATOR, clientId: 'any', 'redirect.mode': 'loopback', 'redirect.loopbackPort': port });
    const diagnosis = (await vscode.commands.executeCommand(
      COMMANDS.explainError,
      '{"error":"invalid_client","errors":[{"errorCode":"OAU-113","message":"No redirect uri is registered for the client"}]}',
    )) as DiagnosisLike;
    const copy = diagnosis.fixes.find((fix) => fix.action?.kind === 'copyRedirectUri');
    assert.equal(copy?.action?.uri, `http://127.0.0.1:${port}/callback`);
  });

  it('checkRedirectUri({registered}) returns the sent URI and the difference kinds per registered URI, and pre-flights on request', async () => {
    const port = await freePort();
    const app = await createApp({ redirectUris: [`http://localhost:${port}/callback/`] });
    await configure({
      server: EMULATOR,
      clientId: app.clientId,
      'redirect.mode': 'loopback',
      'redirect.loopbackPort': port,
    });
    const result = (await vscode.commands.executeCommand(COMMANDS.checkRedirectUri, {
      registered: [`http://localhost:${port}/callback/`, `http://127.0.0.1:${port}/callback`],
      preflight: true,
    })) as {
      sent: string;
      matched: boolean;
      registered: Array<{ uri: string; matches: boolean; kinds: string[] }>;
      preflight?: { ok: boolean; diagnosis?: DiagnosisLike };
    };
    assert.equal(result.sent, `http://127.0.0.1:${port}/callback`);
    assert.equal(result.matched, true);
    assert.deepEqual([...result.registered[0].kinds].sort(), ['loopback-host', 'trailing-slash']);
    assert.deepEqual(result.registered[1], { uri: `http://127.0.0.1:${port}/callback`, matches: true, kinds: [] });
    // The app at RingCentral (the emulator) only has the localhost one: the pre-flight says so.
    assert.equal(result.preflight?.ok, false);
    assert.equal(result.preflight?.diagnosis?.code, 'OAU-109');
    // The list says it is registered, RingCentral says no: the check says which to believe.
    assert.match(
      (result as unknown as { warnings: string[] }).warnings[0],
      /refused it in the pre-flight \(OAU-109\)\. Believe the pre-flight/,
    );
  });

  it('checkRedirectUri: a pasted list that says "not registered" is reconciled with a pre-flight that RingCentral accepted', async () => {
    const port = await freePort();
    const app = await createApp({ redirectUris: [`http://127.0.0.1:${port}/callback`] });
    await configure({
      server: EMULATOR,
      clientId: app.clientId,
      'redirect.mode': 'loopback',
      'redirect.loopbackPort': port,
    });
    const result = (await vscode.commands.executeCommand(COMMANDS.checkRedirectUri, {
      registered: [`http://localhost:${port}/old-callback`],
      preflight: true,
    })) as {
      matched: boolean;
      warnings: string[];
      preflight?: { ok: boolean; reconciliation?: string };
    };
    assert.equal(result.matched, false);
    assert.equal(result.preflight?.ok, true);
    assert.match(
      result.preflight?.reconciliation ?? '',
      /Believe the pre-flight: it is RingCentral's own answer for this app, so the pasted list is probably out of date/,
    );
    assert.equal(result.warnings[0], result.preflight?.reconciliation);
  });

  it('explainError from code returns the right code and id for each issue-9 failure class', async () => {
    const byClass = new Map<string, (typeof FAILURE_CLASS_EXAMPLES)[number]>();
    for (const example of FAILURE_CLASS_EXAMPLES) if (!byClass.has(example.klass)) byClass.set(example.klass, example);
    const extra = FAILURE_CLASS_EXAMPLES.filter((e) =>
      [
        'Node util.inspect (unquoted keys, [Object]) keeps permissionName',
        'HAR entry',
        'OAU-213 inside TokenInvalid = the access token is gone',
        'SUB-525 validation',
      ].includes(e.name),
    );
    for (const example of [...byClass.values(), ...extra]) {
      const d = (await vscode.commands.executeCommand(COMMANDS.explainError, example.text)) as
        (DiagnosisLike & { permission?: string }) | undefined;
      assert.deepEqual(
        { code: d?.code ?? null, id: d?.id, permission: d?.permission },
        { code: example.expected.code, id: example.expected.id, permission: example.expected.permission },
        example.name,
      );
    }
  });

  it("checkPermissions({method, path}) names the app permission from RingCentral's spec", async () => {
    const contacts = (await vscode.commands.executeCommand(COMMANDS.checkPermissions, {
      method: 'POST',
      path: '/restapi/v1.0/account/~/extension/~/address-book/contact',
    })) as {
      operation?: { appPermission?: string };
      signedIn: boolean;
      granted?: boolean;
    };
    assert.equal(contacts.operation?.appPermission, 'Contacts');
    assert.equal(contacts.signedIn, false);
    assert.equal(contacts.granted, undefined, 'not signed in: no token to check against');
    const me = (await vscode.commands.executeCommand(COMMANDS.checkPermissions, {
      path: 'https://platform.ringcentral.com/restapi/v1.0/account/~/extension/~',
    })) as { operation?: { appPermission?: string } };
    assert.equal(me.operation?.appPermission, 'ReadAccounts');
  });
});
