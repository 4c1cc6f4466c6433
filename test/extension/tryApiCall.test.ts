// Issue 11 in a real VS Code against the emulator: Try an API Call (who-am-I from the pick → a read-only JSON editor
// with "Ada Lovelace", the call an attempt; a call the app has no permission for stopped before sending; a POST asked
// first), and the walkthrough's context keys set by the real events, not by running a command.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  copiedAccessToken,
  createApp,
  emulatorConsole,
  interceptInputs,
  interceptMessages,
  resetProfiles,
  signOutAll,
} from './helpers';
import { addJwtProfile, JWT_GRANT, JwtApp, signInWithJwt } from './jwtHelpers';
import { COMMANDS } from '../../src/vscode/commandIds';

const CONTACTS = '/restapi/v1.0/account/~/extension/~/address-book/contact';
const CALL_LOG = '/restapi/v1.0/account/~/extension/~/call-log';

interface TryResult {
  ok: boolean;
  status?: number;
  document?: string;
  attemptId?: string;
  cancelled?: boolean;
  notSent?: boolean;
  permission?: string;
  diagnosisId?: string;
  message?: string;
}

interface TracedAttempt {
  id: string;
  kind: string;
  outcome: string;
  steps: Array<{
    title: string;
    ok: boolean;
    diagnosis?: { id: string; permission?: string; checkedLocally?: boolean };
  }>;
}

type Progress = Record<
  'redirectChecked' | 'permissionsChecked' | 'signedIn' | 'apiCallSucceeded' | 'exported',
  boolean
>;

/** The newest copy of an attempt, as the extension stored it (the harness captures every change). */
function tracedAttempt(id: string | undefined): TracedAttempt | undefined {
  const file = path.join(process.env.RC_TEST_CAPTURE_DIR ?? '', 'trace.jsonl');
  if (!id || !fs.existsSync(file)) return undefined;
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TracedAttempt)
    .filter((attempt) => attempt.id === id)
    .at(-1);
}

/** What the diagnostics panel was sent, as the harness captured it. */
function panelStates(): Array<{
  state: { permission?: { path?: string; operation?: { appPermission?: string }; granted?: boolean } };
}> {
  const file = path.join(process.env.RC_TEST_CAPTURE_DIR ?? '', 'webview-state.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

async function signedInJwtApp(name: string, permissions: string[]): Promise<JwtApp> {
  const clientSecret = `secret-${Math.random().toString(36).slice(2)}`;
  const app = await createApp({
    grantTypes: [JWT_GRANT, 'refresh_token'],
    clientSecret,
    redirectUris: [],
    permissions,
  });
  const jwtApp = { clientId: app.clientId, clientSecret };
  await addJwtProfile(name, jwtApp);
  const { result } = await signInWithJwt(await emulatorConsole.createJwt({ clientId: app.clientId }), jwtApp);
  assert.equal(result.ok, true, JSON.stringify(result));
  return jwtApp;
}

async function tryCall(arg?: unknown): Promise<TryResult> {
  return (await vscode.commands.executeCommand(COMMANDS.tryApiCall, arg)) as TryResult;
}

async function requestsTo(pathPrefix: string): Promise<Array<{ method: string; path: string }>> {
  return (await emulatorConsole.requests()).filter((request) => request.path.startsWith(pathPrefix));
}

const progress = async (reset = false) =>
  (await vscode.commands.executeCommand(COMMANDS.walkthroughProgress, reset ? { reset: true } : undefined)) as Progress;

describe('Try an API Call and the walkthrough (against the emulator)', function () {
  afterEach(async () => {
    await signOutAll();
    await resetProfiles();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('who-am-I first in the pick; the answer opens read-only with Ada Lovelace; the call is an attempt', async () => {
    await signedInJwtApp('Emulator – Try a call', ['ReadAccounts', 'ReadContacts']);
    const quickPick = vscode.window as unknown as { showQuickPick: (...args: unknown[]) => Thenable<unknown> };
    const original = quickPick.showQuickPick;
    let offered: vscode.QuickPickItem[] = [];
    quickPick.showQuickPick = async (items: unknown) => {
      offered = (await items) as vscode.QuickPickItem[];
      return offered[0];
    };
    let result: TryResult;
    try {
      result = await tryCall();
    } finally {
      quickPick.showQuickPick = original;
    }
    assert.equal(offered[0]?.label, 'GET /restapi/v1.0/account/{accountId}/extension/{extensionId}');
    assert.match(offered[0]?.description ?? '', /Who am I · ReadAccounts ✓/);
    assert.ok(offered.length > 300, `the whole API is offered (${offered.length})`);
    assert.ok(!offered.some((item) => item.label.includes('/restapi/oauth/')), 'no OAuth endpoints');
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.status, 200);

    const document = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === result.document);
    assert.ok(document, 'the answer is open');
    assert.equal(document.uri.scheme, 'ringcentral-response');
    assert.equal(document.languageId, 'json');
    const answer = JSON.parse(document.getText()) as { name: string; contact: { email: string } };
    assert.equal(answer.name, 'Ada Lovelace');
    assert.match(document.getText(), /\n {2}"name": "Ada Lovelace"/, 'pretty-printed');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), result.document);
    // Read-only for the user (a content provider's document): the e2e test types into it and sees no change.
    const token = await copiedAccessToken();
    assert.ok(token.length > 20);
    assert.ok(!document.getText().includes(token));

    const attempt = tracedAttempt(result.attemptId);
    assert.equal(attempt?.kind, 'apiProbe');
    assert.equal(attempt?.outcome, 'ok');
    assert.equal(attempt?.steps.at(-1)?.title, 'GET /restapi/v1.0/account/~/extension/~');
  });

  it('stops a call the app has no permission for before sending, and names the permission', async () => {
    await signedInJwtApp('Emulator – ReadAccounts only', ['ReadAccounts']);
    const before = (await requestsTo(CALL_LOG)).length;
    // The user clicks "Check Permissions" on the notification.
    const messages = interceptMessages((shown) =>
      shown.items.includes('Check Permissions') ? 'Check Permissions' : undefined,
    );
    let result: TryResult;
    try {
      result = await tryCall({ method: 'GET', path: CALL_LOG });
    } finally {
      messages.restore();
    }
    assert.equal(result.ok, false);
    assert.equal(result.notSent, true);
    assert.equal(result.permission, 'ReadCallLog');
    assert.equal(result.diagnosisId, 'app-permission-missing');
    assert.equal((await requestsTo(CALL_LOG)).length, before, 'the emulator received nothing for the call log');
    const shown = messages.shown.find((message) => message.message.includes('ReadCallLog'));
    assert.ok(shown, messages.shown.map((message) => message.message).join(' | '));
    assert.deepEqual(shown.items, ['Check Permissions', 'Open Developer Console']);
    assert.match(shown.message, /Not sent/);

    // …which opens the diagnostics panel on the permission check for this call.
    const panelOpen = () =>
      vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.label === 'RingCentral Diagnostics'));
    for (let i = 0; i < 50 && !panelOpen(); i++) await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok(panelOpen(), 'Check Permissions opened the diagnostics panel');
    let shownCheck: { method?: string; path?: string; operation?: { appPermission?: string }; granted?: boolean } = {};
    for (let i = 0; i < 50 && shownCheck.operation?.appPermission !== 'ReadCallLog'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      shownCheck = panelStates().at(-1)?.state.permission ?? {};
    }
    assert.equal(shownCheck.path, CALL_LOG, 'the panel checks this very call');
    assert.equal(shownCheck.operation?.appPermission, 'ReadCallLog');
    assert.equal(shownCheck.granted, false);

    const attempt = tracedAttempt(result.attemptId);
    assert.equal(attempt?.kind, 'apiProbe');
    assert.equal(attempt?.outcome, 'failed');
    const diagnosis = attempt?.steps.find((step) => step.diagnosis)?.diagnosis;
    assert.equal(diagnosis?.id, 'app-permission-missing');
    assert.equal(diagnosis?.permission, 'ReadCallLog');
    assert.equal(diagnosis?.checkedLocally, true);
  });

  it('asks before a POST (body, then a modal naming method, path and account), even when called with confirm: false', async () => {
    await signedInJwtApp('Emulator – Contacts', ['ReadAccounts', 'ReadContacts', 'Contacts']);
    const postsBefore = (await requestsTo(CONTACTS)).filter((request) => request.method === 'POST').length;

    // Declined: nothing sent.
    const inputs = interceptInputs(() => '{"firstName":"Charles","lastName":"Babbage"}');
    const declining = interceptMessages(() => undefined);
    let declined: TryResult;
    try {
      declined = await tryCall({ method: 'POST', path: CONTACTS, confirm: false });
    } finally {
      inputs.restore();
      declining.restore();
    }
    assert.equal(declined.ok, false);
    assert.equal(declined.cancelled, true);
    const bodyBox = inputs.inputBoxes.find((box) => /JSON body/.test(box.title ?? ''));
    assert.equal(bodyBox?.value, '{}', 'the body box proposes {}');
    const modal = declining.shown.find((message) => message.options?.modal);
    assert.ok(modal, 'a modal asked first');
    assert.match(modal.message, /POST \/restapi\/v1\.0\/account\/~\/extension\/~\/address-book\/contact/);
    assert.match(modal.message, /Ada Lovelace/);
    assert.equal(
      (await requestsTo(CONTACTS)).filter((request) => request.method === 'POST').length,
      postsBefore,
      'nothing was sent while the modal was declined',
    );

    // Confirmed: sent once, the created contact opens.
    const accepting = interceptMessages((shown) => (shown.options?.modal ? shown.items[0] : undefined));
    let sent: TryResult;
    try {
      sent = await tryCall({ method: 'POST', path: CONTACTS, body: { firstName: 'Charles' }, confirm: false });
    } finally {
      accepting.restore();
    }
    assert.ok(
      accepting.shown.some((message) => message.options?.modal),
      'asked again: confirm: false does not skip it',
    );
    assert.equal(sent.ok, true, JSON.stringify(sent));
    assert.equal((await requestsTo(CONTACTS)).filter((request) => request.method === 'POST').length, postsBefore + 1);
    const document = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === sent.document);
    assert.equal((JSON.parse(document?.getText() ?? '{}') as { firstName?: string }).firstName, 'Charles');
  });

  it('sets the walkthrough keys when the real thing happened, not when a command merely ran', async () => {
    await signOutAll();
    let state = await progress(true);
    assert.deepEqual(state, {
      redirectChecked: false,
      permissionsChecked: false,
      signedIn: false,
      apiCallSucceeded: false,
      exported: false,
    });

    // A redirect check that does not match leaves its step open; a matching one ticks it.
    const miss = (await vscode.commands.executeCommand(COMMANDS.checkRedirectUri, {
      registered: ['https://example.com/not-this-editor'],
    })) as { sent: string; matched: boolean };
    assert.equal(miss.matched, false);
    assert.equal((await progress()).redirectChecked, false);
    await vscode.commands.executeCommand(COMMANDS.checkRedirectUri, { registered: [miss.sent] });
    assert.equal((await progress()).redirectChecked, true);

    await vscode.commands.executeCommand(COMMANDS.checkPermissions, { method: 'GET', path: CALL_LOG });
    assert.equal((await progress()).permissionsChecked, true);

    await signedInJwtApp('Emulator – walkthrough', ['ReadAccounts']);
    assert.equal((await progress()).signedIn, true);

    // A call stopped for its permission is no success.
    const messages = interceptMessages();
    try {
      assert.equal((await tryCall({ method: 'GET', path: CALL_LOG })).ok, false);
    } finally {
      messages.restore();
    }
    assert.equal((await progress()).apiCallSucceeded, false);
    assert.equal((await tryCall({ method: 'GET', path: '/restapi/v1.0/account/~/extension/~' })).ok, true);
    state = await progress();
    assert.equal(state.apiCallSucceeded, true);
    assert.equal(state.exported, false);

    await signOutAll();
    assert.equal((await progress()).signedIn, false);
  });
});
