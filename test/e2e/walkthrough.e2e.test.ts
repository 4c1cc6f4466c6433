// End to end: the "Set up RingCentral OAuth" walkthrough and Try an API Call in the packaged VSIX, in code-server
// driven by Chromium. The walkthrough opens from "Welcome: Open Walkthrough…"; after a sign-in and a who-am-I call
// its steps are ticked by the real events; the answer opens in a read-only JSON editor. Screenshots land in
// test-results/screenshots/.
import * as assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { canRunEndToEnd, openPersonWorkbench, PersonWorkbench, screenshotIfFailed } from './personWorkbench';
import { Emulator, startEmulator } from '../../emulator/server';
import { screenshotPath } from '../../tools/vscode-host/browser';
import { freePort } from '../../tools/vscode-host/codeServer';
import { answerQuickInput, runCommand, waitForStatusText, webviewFrame } from './workbench';

/** A walkthrough step by its title, and its ticked checkbox. */
const STEP_DONE = (title: string) =>
  `.getting-started-step:has-text("${title}") .codicon:is(.complete, .codicon-pass-filled)`;

describe('end to end: the walkthrough and Try an API Call (packaged VSIX)', function () {
  let emulator: Emulator;
  let workbench: PersonWorkbench;
  let browser: BrowserContext;
  let page: Page;
  const clientId = 'e2e-walkthrough';

  before(async function () {
    if (!canRunEndToEnd()) this.skip();
    emulator = await startEmulator({ rateLimit: false });
    const loopbackPort = await freePort();
    emulator.registerApp({
      clientId,
      name: 'E2E Walkthrough',
      redirectUris: [`http://127.0.0.1:${loopbackPort}/callback`],
      permissions: ['ReadAccounts', 'ReadContacts'],
      issueRefreshTokens: true,
      grantTypes: ['authorization_code', 'refresh_token'],
    });
    workbench = await openPersonWorkbench('e2e-walkthrough', {
      'ringcentral.server': emulator.url,
      'ringcentral.clientId': clientId,
      'ringcentral.redirect.mode': 'loopback',
      'ringcentral.redirect.loopbackPort': loopbackPort,
    });
    ({ browser, page } = workbench);
  });

  afterEach(function () {
    return screenshotIfFailed(this.currentTest, page);
  });

  after(async () => {
    await workbench?.close();
    await emulator?.close();
  });

  async function openWalkthrough(): Promise<void> {
    await runCommand(page, 'Welcome: Open Walkthrough');
    await answerQuickInput(page, 'Set up RingCentral OAuth');
    await page
      .locator('.gettingStartedContainer', { hasText: 'Set up RingCentral OAuth' })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
  }

  it('opens the walkthrough; a sign-in and a who-am-I call tick their steps; the answer is read-only JSON', async () => {
    await openWalkthrough();
    for (const title of ['Create the app', 'Register the redirect URI', 'Set the app', 'Sign in', 'Try an API call']) {
      await page.locator('.getting-started-step', { hasText: title }).first().waitFor({ state: 'visible' });
    }
    assert.equal(await page.locator(STEP_DONE('Sign in')).count(), 0, 'not signed in yet');
    // The step's page (media/walkthrough/createApp.md) is rendered in a webview beside the steps.
    await webviewFrame(page)
      .locator('h1', { hasText: 'Create the app' })
      .waitFor({ state: 'visible', timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('e2e-22-walkthrough') });

    // Sign in through the emulator's consent page.
    const opened = browser.waitForEvent('page', { timeout: 30_000 });
    await runCommand(page, 'RingCentral: Sign In');
    const consent = await opened;
    await consent.waitForSelector('#approve', { timeout: 30_000 });
    await consent.click('#approve');
    await consent.waitForLoadState();
    await consent.close();
    await waitForStatusText(page, /Ada Lovelace/);

    // Try an API Call: who-am-I is the first operation offered.
    await runCommand(page, 'RingCentral: Try an API Call');
    const widget = page.locator('.quick-input-widget');
    await widget
      .locator('.quick-input-title', { hasText: /which operation/ })
      .waitFor({ state: 'visible', timeout: 15_000 });
    const first = widget.locator('.monaco-list-row').first();
    await first.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(
      (await first.textContent()) ?? '',
      /GET \/restapi\/v1\.0\/account\/\{accountId\}\/extension\/\{extensionId\}/,
    );
    await page.keyboard.press('Enter');
    const tab = page.locator('.tabs-container .tab', { hasText: /200\.json/ }).first();
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines', { hasText: 'Ada Lovelace' }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.screenshot({ path: screenshotPath('e2e-23-try-call-result') });
    // Monaco renders spaces as no-break spaces and other look-alikes: compare without them.
    const shown = async () => ((await editor.locator('.view-lines').textContent()) ?? '').replace(/[^\x21-\x7e]/g, '');
    const before = await shown();
    assert.match(before, /"name":"AdaLovelace"/);
    assert.doesNotMatch(before, /Bearer|access_token/);

    // Read-only: typing changes nothing.
    await editor.locator('.view-lines').click();
    await page.keyboard.type('typed');
    await page.waitForTimeout(500);
    assert.equal(await shown(), before, 'the answer cannot be edited');

    // The walkthrough ticked "Sign in" and "Try an API call" (the real events), not "Set permissions".
    await openWalkthrough();
    await page.locator(STEP_DONE('Sign in')).waitFor({ state: 'attached', timeout: 15_000 });
    await page.locator(STEP_DONE('Try an API call')).waitFor({ state: 'attached', timeout: 15_000 });
    assert.equal(await page.locator(STEP_DONE("Set the app's permissions")).count(), 0);
    assert.equal(await page.locator(STEP_DONE('Take it to your own code')).count(), 0);
    // The loopback sign-in came back through the registered redirect URI: that step is done too.
    assert.equal(await page.locator(STEP_DONE('Register the redirect URI')).count(), 1);
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshotPath('e2e-24-walkthrough-progress') });
  });
});
