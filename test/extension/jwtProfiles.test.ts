// Issue 10 in a real VS Code against the emulator: JWT sign-in → status bar → refresh → sign-out, the local checks of
// a pasted JWT credential, OAU-251 on an app not set up for JWT, and two profiles signed in side by side.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandResult, emulatorConsole, resetProfiles, sessionInfo, signOutAll } from './helpers';
import { addJwtProfile, JwtApp, jwtApp, signInWithJwt } from './jwtHelpers';
import { COMMANDS } from '../../src/vscode/commandIds';

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** JWT token requests the emulator received (it records secrets masked, so they are counted, not matched). */
async function jwtTokenRequests(): Promise<number> {
  const requests = await emulatorConsole.requests();
  return requests.filter((r) => r.path === '/restapi/oauth/token' && r.form?.grant_type === JWT_GRANT).length;
}

/** The tooltip as a person reads it (the Markdown escapes spaces and brackets). */
function plain(markdown: string | undefined): string {
  return (markdown ?? '').replace(/&nbsp;/g, ' ').replace(/\\([()[\]*_.!#+-])/g, '$1');
}

describe('JWT sign-in and profiles (against the emulator)', function () {
  afterEach(async () => {
    await signOutAll();
    await resetProfiles();
  });

  it('signs in with a JWT credential, shows it in the status bar, refreshes and signs out with revoke', async () => {
    const app = await jwtApp();
    await addJwtProfile('Emulator – CRM sync (JWT)', app);
    const credential = await emulatorConsole.createJwt({ clientId: app.clientId });
    const jwtRequestsBefore = await jwtTokenRequests();
    const { result, boxes } = await signInWithJwt(credential, app);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.account?.label, 'Ada Lovelace');
    const credentialBox = boxes.find((box) => /JWT credential/.test(box.title ?? ''));
    assert.equal(credentialBox?.password, true, 'the credential is typed into a masked box');
    assert.equal(await jwtTokenRequests(), jwtRequestsBefore + 1);

    const info = await sessionInfo();
    assert.equal(info.profile?.name, 'Emulator – CRM sync (JWT)');
    assert.match(info.statusBar?.text ?? '', /Ada Lovelace · (59|60) min/);
    assert.match(plain(info.statusBar?.tooltip), /Profile:\*\* Emulator – CRM sync \(JWT\) · JWT/);
    // Nothing secret in what the status bar shows.
    assert.ok(!(info.statusBar?.tooltip ?? '').includes(credential));

    const before = info.accessExpiresAt ?? 0;
    await emulatorConsole.advanceClock(5);
    const refreshed = (await vscode.commands.executeCommand(COMMANDS.refreshToken)) as CommandResult;
    assert.equal(refreshed.ok, true, JSON.stringify(refreshed));
    assert.ok(((await sessionInfo()).accessExpiresAt ?? 0) >= before, 'the refresh gave a new access token');

    const requestsBefore = (await emulatorConsole.requests()).length;
    const out = (await vscode.commands.executeCommand(COMMANDS.signOut)) as CommandResult;
    assert.equal(out.message, 'revoked');
    const revoke = (await emulatorConsole.requests())
      .slice(requestsBefore)
      .find((r) => r.path === '/restapi/oauth/revoke');
    assert.ok(revoke, 'sign-out revoked the session at RingCentral');
    assert.equal((await sessionInfo()).signedIn, false);
    // The credential stays for the next sign-in: no box this time.
    const again = await signInWithJwt(credential, app);
    assert.equal(again.result.ok, true);
    assert.equal(again.boxes.filter((box) => /JWT credential/.test(box.title ?? '')).length, 0);
  });

  const localChecks: Array<{ name: string; paste: (app: JwtApp) => Promise<string>; expect: RegExp }> = [
    {
      name: 'a client secret pasted instead of the credential',
      paste: async (app) => app.clientSecret,
      expect: /client secret/i,
    },
    {
      name: 'an access token pasted instead of the credential',
      paste: async () => 'U0pDMDFQMDRQQVMwMHxBQUI1c2FtcGxlYWNjZXNzdG9rZW5fdGhhdF9pc19ub3RfYV9qd3Q',
      expect: /access token/i,
    },
    {
      name: 'an expired credential',
      paste: (app) => emulatorConsole.createJwt({ clientId: app.clientId, variant: 'expired' }),
      expect: /expired/i,
    },
    {
      name: 'a credential for another server',
      paste: (app) => emulatorConsole.createJwt({ clientId: app.clientId, variant: 'wrongAudience' }),
      expect: /another server|devtest|sandbox|production/i,
    },
    {
      name: 'a credential signed with HS256 (OAU-347)',
      paste: (app) => emulatorConsole.createJwt({ clientId: app.clientId, variant: 'hs256' }),
      expect: /HS256|algorithm/i,
    },
  ];
  for (const check of localChecks) {
    it(`stops ${check.name} before anything is sent, with a diagnosis`, async () => {
      const app = await jwtApp();
      await addJwtProfile('Emulator – local check', app);
      const paste = await check.paste(app);
      const before = (await emulatorConsole.requests()).filter((r) => r.path === '/restapi/oauth/token').length;
      const { result, shown } = await signInWithJwt(paste, app);
      assert.equal(result.ok, false, JSON.stringify(result));
      assert.match(`${result.message} ${result.notification ?? ''}`, check.expect);
      const after = (await emulatorConsole.requests()).filter((r) => r.path === '/restapi/oauth/token').length;
      assert.equal(after, before, 'no token request went out');
      assert.ok(
        shown.every((message) => !message.includes(paste)),
        'the paste itself is never shown back',
      );
    });
  }

  it('explains OAU-251 when the app is set up for auth code only', async () => {
    const app = await jwtApp(['authorization_code', 'refresh_token']);
    await addJwtProfile('Emulator – auth code app used with JWT', app);
    const credential = await emulatorConsole.createJwt({ clientId: app.clientId });
    const { result } = await signInWithJwt(credential, app);
    assert.equal(result.ok, false);
    assert.equal(result.code, 'OAU-251', JSON.stringify(result));
    assert.match(`${result.message} ${result.notification ?? ''}`, /JWT/);
  });

  it('keeps two profiles signed in at once, switched from the status bar, each with its account from getSession', async () => {
    const app = await jwtApp();
    const adaProfile = await addJwtProfile('Emulator – Ada (JWT)', app);
    const ada = await signInWithJwt(await emulatorConsole.createJwt({ clientId: app.clientId }), app);
    assert.equal(ada.result.account?.label, 'Ada Lovelace');
    const graceProfile = await addJwtProfile('Emulator – Grace (JWT)', app);
    const graceCredential = await emulatorConsole.createJwt({ clientId: app.clientId, user: '62264425005' });
    const grace = await signInWithJwt(graceCredential, app);
    assert.equal(grace.result.account?.label, 'Grace Hopper', JSON.stringify(grace.result));
    assert.equal((await sessionInfo()).account?.label, 'Grace Hopper');

    // The status-bar menu lists both profiles; picking Ada's switches to it.
    const quickPick = vscode.window as unknown as { showQuickPick: (...args: unknown[]) => Thenable<unknown> };
    const original = quickPick.showQuickPick;
    let offered: string[] = [];
    quickPick.showQuickPick = async (items: unknown) => {
      const list = (await items) as Array<vscode.QuickPickItem & { profile?: { id: string } }>;
      offered = list.map((item) => item.label);
      return list.find((item) => item.profile?.id === adaProfile);
    };
    try {
      await vscode.commands.executeCommand(COMMANDS.statusBarMenu);
    } finally {
      quickPick.showQuickPick = original;
    }
    assert.ok(offered.some((label) => label.includes('Emulator – Ada (JWT)')));
    assert.ok(offered.some((label) => label.includes('Emulator – Grace (JWT)')));
    const info = await sessionInfo();
    assert.equal(info.profile?.id, adaProfile);
    assert.equal(info.account?.label, 'Ada Lovelace');
    assert.match(info.statusBar?.text ?? '', /Emulator – Ada \(JWT\): Ada Lovelace/);

    // Both sessions are VS Code accounts (Accounts menu, getAccounts), each named after its profile.
    const accounts = await (
      vscode.authentication as unknown as {
        getAccounts(id: string): Thenable<readonly vscode.AuthenticationSessionAccountInformation[]>;
      }
    ).getAccounts('ringcentral');
    const graceAccount = accounts.find((account) => account.label.includes('Grace Hopper'));
    const adaAccount = accounts.find((account) => account.label.includes('Ada Lovelace'));
    assert.ok(graceAccount && adaAccount, JSON.stringify(accounts));
    assert.ok(graceAccount.id.endsWith(graceProfile) && adaAccount.id.endsWith(adaProfile));
    assert.equal(graceAccount.label, 'Grace Hopper (Emulator – Grace (JWT))');
    // getSession({ account }) then returns that account's session once the user allows this extension in VS Code's
    // consent dialog, which the test workbench refuses to show; the provider's account filter behind it is tested
    // in test/unit/profiles/profile.test.ts.
  });
});

describe('the Auth-request budget (against the emulator)', function () {
  afterEach(async () => {
    await signOutAll();
    await resetProfiles();
  });

  it('refuses the sixth Auth request within 60 s before it is sent, and shows the count', async () => {
    const app = await jwtApp();
    await addJwtProfile('Emulator – budget (JWT)', app);
    const signedIn = await signInWithJwt(await emulatorConsole.createJwt({ clientId: app.clientId }), app);
    assert.equal(signedIn.result.ok, true, JSON.stringify(signedIn.result));
    for (let i = 0; i < 4; i++) {
      const refreshed = (await vscode.commands.executeCommand(COMMANDS.refreshToken)) as CommandResult;
      assert.equal(refreshed.ok, true, `refresh ${i + 1}: ${JSON.stringify(refreshed)}`);
    }
    const counted = await sessionInfo();
    assert.equal(counted.authRequests?.used, 5);
    assert.equal(counted.authRequests?.limit, 5);

    const tokenRequests = async () =>
      (await emulatorConsole.requests()).filter(
        (r) =>
          r.path === '/restapi/oauth/token' &&
          (r.form?.client_id === app.clientId ||
            r.form?.assertion !== undefined ||
            r.form?.refresh_token !== undefined),
      ).length;
    const before = await tokenRequests();
    const sixth = (await vscode.commands.executeCommand(COMMANDS.refreshToken)) as CommandResult;
    assert.equal(sixth.ok, false, JSON.stringify(sixth));
    assert.match(sixth.message ?? '', /not sent|nothing was sent/i);
    assert.equal(await tokenRequests(), before, 'the sixth request never reached RingCentral');
    const info = await sessionInfo();
    assert.equal(info.signedIn, true, 'the session and its tokens are kept');
    for (let waited = 0; waited < 3000 && !/5 of 5/.test(plain(info.statusBar?.tooltip)); waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      Object.assign(info, await sessionInfo());
    }
    assert.match(plain(info.statusBar?.tooltip), /Auth requests:\*\* 5 of 5 in the last 60 s/);
  });
});
