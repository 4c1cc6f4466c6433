// End to end: "RingCentral: Generate Sign-In Code…" → PHP in the packaged VSIX in code-server driven by Chromium,
// for the emulator's demo app with its loopback redirect URI registered. The program opens as an untitled PHP
// editor with the client id and the registered redirect URI baked in and no secret. Screenshot in
// test-results/screenshots/.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { canRunEndToEnd, openPersonWorkbench, PersonWorkbench, screenshotIfFailed } from './personWorkbench';
import { Emulator, startEmulator } from '../../emulator/server';
import { screenshotPath } from '../../tools/vscode-host/browser';
import { answerQuickInput, runCommand } from './workbench';

const LOOPBACK = 'http://127.0.0.1:53134/callback';

describe('end to end: Generate Sign-In Code (packaged VSIX)', function () {
  let emulator: Emulator;
  let workbench: PersonWorkbench;
  let page: Page;

  before(async function () {
    if (!canRunEndToEnd()) this.skip();
    emulator = await startEmulator({ rateLimit: false });
    workbench = await openPersonWorkbench('e2e-exports', {
      'ringcentral.server': emulator.url,
      'ringcentral.clientId': 'demo-client-id',
      // A browser-hosted VS Code makes its URI-handler redirect per session: tools get the registered loopback one.
      'ringcentral.redirect.mode': 'loopback',
      'ringcentral.redirect.registeredUris': [LOOPBACK],
    });
    page = workbench.page;
  });

  afterEach(function () {
    return screenshotIfFailed(this.currentTest, page);
  });

  after(async () => {
    await workbench?.close();
    await emulator?.close();
  });

  it('generates the PHP sign-in program as an untitled PHP editor with the client id and no secret', async () => {
    const requestsBefore = emulator.requests.length;
    await runCommand(page, 'RingCentral: Generate Sign-In Code…');
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.monaco-list-row', { hasText: 'PHP (curl extension, no SDK)' }).first().waitFor();
    const rows = await widget.locator('.monaco-list-row .label-name').allTextContents();
    assert.ok(rows.length >= 7, rows.join(' | '));
    await answerQuickInput(page, 'PHP (curl', { expectTitle: /Generate Sign-In Code/ });

    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines', { hasText: 'RingCentral sign-in for' }).waitFor({ timeout: 20_000 });
    const language = page.locator('.part.statusbar #status\\.editor\\.mode');
    await language.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(((await language.textContent()) ?? '').trim(), 'PHP');
    const tab = page.locator('.tabs-container .tab.active');
    assert.match((await tab.textContent()) ?? '', /Untitled/);

    // The settings the program bakes in sit right below the header comment, on the first screen.
    await editor.locator('.view-lines', { hasText: 'CLIENT_ID_DEFAULT' }).waitFor({ timeout: 10_000 });
    const visible = (await editor.locator('.view-lines').textContent()) ?? '';
    assert.match(visible, /demo-client-id/);
    assert.match(visible, /127\.0\.0\.1:53134\/callback/);
    assert.match(visible, /getenv\('RINGCENTRAL_CLIENT_SECRET'\)/);
    assert.equal(emulator.requests.length, requestsBefore, 'generating code sends nothing to RingCentral');
    await page.screenshot({ path: screenshotPath('e2e-20-generated-php') });
  });
});
