// Issue 11 in a real VS Code: Export to Postman, Export .http File and Generate Sign-In Code over the generators in
// src/core/export/. Nothing is written before the user picked the place, and a client secret stored with Set Client
// Secret reaches a file only when "Include secrets" is ticked (or, from code, confirmed in a modal).
// postman-collection declares its module in types/index.d.ts, which package.json does not point at.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient module file, nothing to import
/// <reference path="../../node_modules/postman-collection/types/index.d.ts" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Collection, Item, VariableScope } from 'postman-collection';
import { configure, createApp, EMULATOR, interceptInputs, interceptMessages, resetSettings } from './helpers';
import {
  closeAllEditors,
  eventually,
  interceptPickers,
  scratchFolder,
  untitledTexts,
  workspaceFolder,
} from './exportHelpers';
import { COMMANDS } from '../../src/vscode/commandIds';
import { POSTMAN_SCHEMA_V21 } from '../../src/core/export/postman';

const LOOPBACK = 'http://127.0.0.1:53134/callback';

interface ExportResult {
  ok: boolean;
  cancelled?: boolean;
  message?: string;
  collection?: string;
  environment?: string;
  includedSecrets?: string[];
  document?: string;
  language?: string;
  target?: string;
  warnings?: string[];
}

/** A confidential auth-code app whose redirect URI is registered, its secret stored the way a user does it. */
async function appWithStoredSecret(): Promise<{ clientId: string; clientSecret: string }> {
  const clientSecret = `export-secret-${Math.random().toString(36).slice(2)}`;
  const app = await createApp({ clientSecret, redirectUris: [LOOPBACK] });
  await configure({
    server: EMULATOR,
    clientId: app.clientId,
    'redirect.mode': 'loopback',
    'redirect.registeredUris': [LOOPBACK],
  });
  const stored = (await intercepted([interceptInputs(() => clientSecret), interceptMessages()], () =>
    vscode.commands.executeCommand(COMMANDS.setClientSecret),
  )) as { stored?: boolean };
  assert.equal(stored.stored, true);
  return { clientId: app.clientId, clientSecret };
}

const read = (uri: string | undefined): string => fs.readFileSync(vscode.Uri.parse(uri ?? '').fsPath, 'utf8');

async function run(command: string, argument?: unknown): Promise<ExportResult> {
  return (await vscode.commands.executeCommand(command, argument)) as ExportResult;
}

/** Runs `body` with the pickers or notifications answered by `interceptors`; restores them however it ends. */
async function intercepted<T>(interceptors: Array<{ restore(): void }>, body: () => PromiseLike<T>): Promise<T> {
  try {
    return await body();
  } finally {
    for (const interceptor of interceptors) interceptor.restore();
  }
}

describe('export commands: Postman, .http and sign-in code', function () {
  const httpFile = (): string => path.join(workspaceFolder(), 'ringcentral.http');
  afterEach(async () => {
    await closeAllEditors();
    fs.rmSync(httpFile(), { force: true });
    await resetSettings();
  });

  it('Export to Postman: an unticked "Include secrets", then the save dialog; a v2.1 collection and environment without the secret', async () => {
    const app = await appWithStoredSecret();
    const folder = scratchFolder();
    const collectionPath = path.join(folder, 'crm.postman_collection.json');
    let writtenBeforeSaveDialog: string[] = [];
    const pickers = interceptPickers(
      () => [],
      () => {
        writtenBeforeSaveDialog = fs.readdirSync(folder);
        return vscode.Uri.file(collectionPath);
      },
    );
    const messages = interceptMessages();
    const result = await intercepted([pickers, messages], () => run(COMMANDS.exportPostman));
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.deepEqual(result.includedSecrets, []);
    assert.deepEqual(writtenBeforeSaveDialog, [], 'nothing was written before the place was picked');
    assert.ok(!messages.shown.some((shown) => shown.options?.modal), 'no warnings for a registered redirect URI');

    const [pick] = pickers.quickPicks;
    assert.equal(pick.options?.canPickMany, true);
    assert.equal(pick.items.length, 1);
    assert.equal(pick.items[0].picked, false, '"Include secrets" is unticked by default');
    assert.match(pick.items[0].label, /^Include secrets: write the client secret in plain text/);
    const defaultUri = pickers.saveDialogs[0]?.defaultUri;
    assert.equal(path.dirname(defaultUri?.fsPath ?? ''), workspaceFolder(), 'the save dialog starts in the workspace');

    assert.equal(vscode.Uri.parse(result.collection ?? '').fsPath, collectionPath);
    assert.equal(vscode.Uri.parse(result.environment ?? '').fsPath, path.join(folder, 'crm.postman_environment.json'));
    const collectionText = read(result.collection);
    const environmentText = read(result.environment);
    for (const text of [collectionText, environmentText]) assert.ok(!text.includes(app.clientSecret));

    const collectionJson = JSON.parse(collectionText);
    assert.equal(collectionJson.info.schema, POSTMAN_SCHEMA_V21);
    const collection = new Collection(collectionJson);
    assert.deepEqual(
      (collection.items.all() as Item[]).map((item) => item.name),
      ['Exchange an authorization code (PKCE)', 'Refresh the access token', 'Who am I', 'Revoke (sign out)'],
    );
    assert.equal(collection.toJSON().item?.length, 4);
    const environment = new VariableScope(JSON.parse(environmentText));
    assert.equal(environment.get('RINGCENTRAL_CLIENT_ID'), app.clientId);
    assert.equal(environment.get('RINGCENTRAL_SERVER_URL'), EMULATOR);
    assert.equal(environment.get('RINGCENTRAL_REDIRECT_URI'), LOOPBACK);
    assert.equal(environment.get('RINGCENTRAL_CLIENT_SECRET'), '', 'the secret variable is there, empty');
    const done = messages.shown.find((shown) => shown.items.includes('Reveal'));
    assert.match(done?.message ?? '', /exported crm\.postman_collection\.json and crm\.postman_environment\.json/);
  });

  it('Export to Postman with "Include secrets" ticked: the environment holds the client secret (owner-only file), the collection does not', async () => {
    const app = await appWithStoredSecret();
    const folder = scratchFolder();
    const pickers = interceptPickers(
      (shown) => shown.items,
      () => vscode.Uri.file(path.join(folder, 'crm.json')),
    );
    const messages = interceptMessages();
    const result = await intercepted([pickers, messages], () => run(COMMANDS.exportPostman));
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.deepEqual(result.includedSecrets, ['clientSecret']);
    const environmentPath = path.join(folder, 'crm.postman_environment.json');
    const environment = new VariableScope(JSON.parse(fs.readFileSync(environmentPath, 'utf8')));
    assert.equal(environment.get('RINGCENTRAL_CLIENT_SECRET'), app.clientSecret);
    assert.ok(!fs.readFileSync(path.join(folder, 'crm.json'), 'utf8').includes(app.clientSecret));
    if (process.platform !== 'win32') assert.equal(fs.statSync(environmentPath).mode & 0o777, 0o600);
    const done = messages.shown.find((shown) => shown.items.includes('Reveal'));
    assert.match(done?.message ?? '', /holds the client secret in plain text/);
  });

  it('Export to Postman from code: includeSecrets needs a modal yes (declined, nothing is written); secret values in the argument are ignored', async () => {
    const app = await appWithStoredSecret();
    const folder = scratchFolder();
    const uri = vscode.Uri.file(path.join(folder, 'automation.postman_collection.json')).toString();
    const pickers = interceptPickers(() => undefined);
    const declined = interceptMessages(() => undefined);
    const refused = await intercepted([declined], () => run(COMMANDS.exportPostman, { uri, includeSecrets: true }));
    assert.equal(refused.ok, false);
    assert.equal(refused.cancelled, true);
    assert.deepEqual(fs.readdirSync(folder), [], 'declined: nothing written');
    const modal = declined.shown.find((shown) => shown.options?.modal);
    assert.match(
      modal?.message ?? '',
      /write the client secret in plain text into automation\.postman_environment\.json/,
    );

    const accepted = interceptMessages((shown) => (shown.options?.modal ? 'Write Secrets' : undefined));
    const result = await intercepted([accepted, pickers], async () => {
      const withSecrets = await run(COMMANDS.exportPostman, { uri, includeSecrets: true });
      assert.deepEqual(withSecrets.includedSecrets, ['clientSecret']);
      assert.match(read(withSecrets.environment), new RegExp(app.clientSecret));
      // A planted value is never written: secrets come from SecretStorage only.
      fs.rmSync(folder, { recursive: true, force: true });
      fs.mkdirSync(folder);
      return run(COMMANDS.exportPostman, { uri, clientSecret: 'planted-secret', jwt: 'planted-jwt' });
    });
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.deepEqual(result.includedSecrets, []);
    const environmentText = read(result.environment);
    assert.ok(!/planted|export-secret-/.test(environmentText), environmentText);
    assert.deepEqual(pickers.quickPicks, [], 'with a uri argument no picker is shown');
    assert.deepEqual(pickers.saveDialogs, []);
  });

  it('Export to Postman shows the warnings first: with no registered redirect URI known, declined, nothing is asked or written', async () => {
    await appWithStoredSecret();
    await configure({ 'redirect.registeredUris': undefined });
    const pickers = interceptPickers(() => []);
    const messages = interceptMessages(() => undefined);
    const result = await intercepted([pickers, messages], () => run(COMMANDS.exportPostman));
    assert.equal(result.cancelled, true);
    const modal = messages.shown.find((shown) => shown.options?.modal);
    assert.ok(modal, JSON.stringify(messages.shown));
    assert.deepEqual(modal.items, ['Export Anyway']);
    assert.match(modal.options?.detail ?? '', /ringcentral\.redirect\.registeredUris/);
    assert.deepEqual(pickers.quickPicks, [], 'no question after a declined warning');
    assert.deepEqual(pickers.saveDialogs, []);
  });

  it('Export .http File: opens untitled and writes ringcentral.http only after "Save to Workspace", asking before it replaces one', async () => {
    const app = await appWithStoredSecret();
    const ignored = interceptMessages(() => undefined);
    const result = await intercepted([ignored], () => run(COMMANDS.exportHttpFile));
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.match(result.document ?? '', /^untitled:/);
    const opened = untitledTexts().find((document) => document.uri === result.document);
    assert.ok(opened, 'the untitled editor is open');
    assert.equal(opened.languageId, result.language);
    // 'http' is REST Client's language; without that extension (as here) VS Code shows plain text, and says so.
    assert.ok(['http', 'plaintext'].includes(opened.languageId), opened.languageId);
    if (opened.languageId === 'plaintext') {
      assert.ok(
        ignored.shown.some((shown) => /humao\.rest-client/.test(shown.message)),
        JSON.stringify(ignored.shown),
      );
    }
    assert.match(opened.text, new RegExp(`@clientId = ${app.clientId}`));
    assert.match(opened.text, /\{\{\$dotenv RINGCENTRAL_CLIENT_SECRET\}\}/);
    assert.ok(!opened.text.includes(app.clientSecret));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(fs.existsSync(httpFile()), false, 'nothing written without the click');

    const save = interceptMessages((shown) =>
      shown.items.includes('Save to Workspace') ? 'Save to Workspace' : undefined,
    );
    await intercepted([save], async () => {
      await run(COMMANDS.exportHttpFile);
      await eventually(() => fs.existsSync(httpFile()), 'ringcentral.http after "Save to Workspace"');
    });
    assert.ok(fs.readFileSync(httpFile(), 'utf8').includes(`@clientId = ${app.clientId}`));
    assert.ok(!fs.readFileSync(httpFile(), 'utf8').includes(app.clientSecret));

    fs.writeFileSync(httpFile(), '### my own requests\n');
    const keep = interceptMessages((shown) =>
      shown.items.includes('Save to Workspace') ? 'Save to Workspace' : undefined,
    );
    await intercepted([keep], async () => {
      await run(COMMANDS.exportHttpFile);
      await eventually(() => keep.shown.some((shown) => /already exists/.test(shown.message)), 'the replace question');
    });
    assert.equal(keep.shown.find((shown) => /already exists/.test(shown.message))?.options?.modal, true);
    assert.equal(fs.readFileSync(httpFile(), 'utf8'), '### my own requests\n', 'not replaced without a yes');
  });

  it('Generate Sign-In Code: the last target comes first; PHP opens untitled as php with the client id and no secret', async () => {
    const app = await appWithStoredSecret();
    const pickPython = interceptPickers((shown) =>
      shown.items.find((item) => item.label.startsWith('Python (requests)')),
    );
    assert.equal((await intercepted([pickPython], () => run(COMMANDS.generateSignInCode))).target, 'python');
    const pickPhp = interceptPickers((shown) => shown.items.find((item) => item.label.startsWith('PHP (curl')));
    const messages = interceptMessages();
    const result = await intercepted([pickPhp, messages], () => run(COMMANDS.generateSignInCode));
    const first = pickPhp.quickPicks[0].items[0];
    assert.match(first.label, /^Python \(requests\)/);
    assert.equal(first.description, 'last used');
    assert.equal(pickPhp.quickPicks[0].items.length, 7);

    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.language, 'php');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.scheme, 'untitled');
    assert.equal(editor?.document.languageId, 'php');
    const text = editor?.document.getText() ?? '';
    assert.match(text, /^<\?php/);
    assert.ok(text.includes(`'${app.clientId}'`), 'the client id is baked in');
    assert.ok(text.includes("getenv('RINGCENTRAL_CLIENT_SECRET')"), 'the secret is read from the environment');
    assert.ok(!text.includes(app.clientSecret), 'the stored secret is not in the code');
    assert.deepEqual(messages.shown, [], 'no warnings for a registered loopback redirect URI');

    // Warnings (here: the registered redirect URIs are not known) come once, as one notification.
    await configure({ 'redirect.registeredUris': undefined });
    const warned = interceptMessages();
    const warnedResult = await intercepted([warned], () => run(COMMANDS.generateSignInCode, { target: 'php' }));
    assert.equal(warnedResult.language, 'php');
    assert.equal(warned.shown.length, 1, JSON.stringify(warned.shown));
    assert.equal(warned.shown[0].kind, 'warning');
    assert.match(warned.shown[0].message, /registeredUris/);
  });
});
