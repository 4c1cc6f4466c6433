// End to end: the packaged VSIX in code-server, Chromium driven through the command palette, the emulator's
// consent page clicked like a person would. Screenshots land in test-results/screenshots/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { Emulator, startEmulator } from '../../emulator/server';
import { chromiumAvailable, launchBrowser, screenshotPath } from '../../tools/vscode-host/browser';
import { CodeServer, codeServerAvailable, freePort, startCodeServer } from '../../tools/vscode-host/codeServer';
import { RESULTS_DIR } from '../../tools/vscode-host/paths';
import {
  answerQuickInput,
  configureApp,
  notificationTexts,
  renderedPanel,
  runCommand,
  waitForStatusText,
  waitForWorkbench,
} from './workbench';

const VSIX = path.join(RESULTS_DIR, 'ringcentral-oauth-test.vsix');

describe('end to end in code-server + Chromium (packaged VSIX)', function () {
  let emulator: Emulator;
  let server: CodeServer;
  let browser: BrowserContext;
  let page: Page;
  let loopbackPort: number;
  const clientId = 'e2e-client';

  before(async function () {
    if (!codeServerAvailable() || !chromiumAvailable() || !fs.existsSync(VSIX)) this.skip();
    emulator = await startEmulator({ rateLimit: false });
    loopbackPort = await freePort();
    emulator.registerApp({
      clientId,
      name: 'E2E Contacts Sync',
      redirectUris: [`http://127.0.0.1:${loopbackPort}/callback`],
      permissions: ['ReadAccounts', 'Contacts'],
      issueRefreshTokens: true,
      grantTypes: ['authorization_code', 'refresh_token'],
    });
    server = await startCodeServer({
      name: 'e2e',
      install: [VSIX],
      // A person's workbench: real dialogs and toasts (the smoke-test driver would answer dialogs itself).
      smokeTestDriver: false,
      settings: {
        'ringcentral.server': emulator.url,
        'ringcentral.clientId': clientId,
        'ringcentral.redirect.mode': 'loopback',
        'ringcentral.redirect.loopbackPort': loopbackPort,
        // These tests sign in several times a minute against the emulator, whose own limit is off here; the
        // extension's Auth-request budget (5 a minute, RingCentral's) is tested in the extension-host layer.
        'ringcentral.authRequestsPerMinute': 100,
      },
    });
    browser = await launchBrowser('e2e');
    await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = browser.pages()[0] ?? (await browser.newPage());
    if (process.env.RC_TEST_DEBUG) {
      page.on(
        'console',
        (message) => message.type() === 'error' && console.log(`workbench console: ${message.text()}`),
      );
      page.on('requestfailed', (request) =>
        console.log(`request failed: ${request.url()} ${request.failure()?.errorText}`),
      );
    }
    const workspace = path.join(server.root, 'workspace');
    fs.mkdirSync(workspace, { recursive: true });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await waitForWorkbench(page);
    await waitForStatusText(page, /RingCentral: Sign in/, 90_000);
    // Start the webview host once while the machine is calm (see renderedPanel), then close it again.
    await renderedPanel(page, () => runCommand(page, 'RingCentral: Open Diagnostics'));
    await runCommand(page, 'View: Close All Editors');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await page
        ?.screenshot({ path: screenshotPath(`e2e-failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`) })
        .catch(() => undefined);
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await emulator?.close();
  });

  async function startSignInAndOpenConsent(): Promise<Page> {
    const opened = browser.waitForEvent('page', { timeout: 30_000 });
    await runCommand(page, 'RingCentral: Sign In');
    const consent = await opened;
    await consent.waitForSelector('#approve', { timeout: 30_000 });
    return consent;
  }

  it('Sign In → approve on the RingCentral page → the status bar shows the signed-in user', async () => {
    await page.screenshot({ path: screenshotPath('e2e-01-signed-out') });
    const consent = await startSignInAndOpenConsent();
    await consent.screenshot({ path: screenshotPath('e2e-02-consent-page') });
    await consent.click('#approve');
    await consent.waitForLoadState();
    assert.match((await consent.textContent('body')) ?? '', /Signed in to RingCentral/);
    await consent.close();
    const text = await waitForStatusText(page, /Ada Lovelace/);
    assert.match(text, /Ada Lovelace · (59|60) min/);
    await page.screenshot({ path: screenshotPath('e2e-03-signed-in-status-bar') });
    // The tooltip: server, client id, granted permissions, both expiries.
    const item = page.locator('.part.statusbar .statusbar-item', { hasText: /Ada Lovelace/ }).first();
    await item.hover();
    const hover = page.locator('.monaco-hover', { hasText: 'Permissions (scope)' }).first();
    await hover.waitFor({ state: 'visible', timeout: 10_000 });
    const tooltip = (await hover.textContent()) ?? '';
    assert.match(tooltip, /ReadAccounts\sContacts/);
    assert.match(tooltip, new RegExp(`Client ID:\\s*${clientId}`));
    assert.match(tooltip, /Refresh token:\s*(6\sd\s23\sh|7\sd\s0\sh)\sleft/);
    const viewport = page.viewportSize() ?? { width: 1400, height: 900 };
    await page.screenshot({
      path: screenshotPath('e2e-03b-status-bar-tooltip'),
      clip: { x: viewport.width - 620, y: viewport.height - 340, width: 620, height: 340 },
    });
    await page.mouse.move(10, 10);
    // The session is in VS Code's Accounts menu too (the 'ringcentral' authentication provider).
    await page.locator('.activitybar [aria-label^="Accounts"], .part.activitybar .codicon-account').first().click();
    const accountsMenu = page.locator('.monaco-menu, .context-view', { hasText: 'RingCentral' }).first();
    await accountsMenu.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await accountsMenu.textContent()) ?? '', /Ada Lovelace \(RingCentral\)/);
    await page.screenshot({ path: screenshotPath('e2e-03c-accounts-menu') });
    await page.keyboard.press('Escape');
    await runCommand(page, 'RingCentral: Sign Out');
    await waitForStatusText(page, /RingCentral: Sign in/);
  });

  it("Sign In → deny → still signed out, with RingCentral's access_denied explained", async () => {
    const consent = await startSignInAndOpenConsent();
    await consent.click('#deny');
    await consent.waitForLoadState();
    await consent.close();
    const texts = await notificationTexts(page);
    await page.screenshot({ path: screenshotPath('e2e-04-denied-notification') });
    assert.ok(
      texts.some((text) => /access_denied|denied/i.test(text)),
      `a notification explains the denial: ${JSON.stringify(texts)}`,
    );
    assert.match(await waitForStatusText(page, /RingCentral: Sign in/), /Sign in/);
  });

  it('a failed sign-in (no redirect URI registered) is explained in the panel; copy the URI, register it, sign in', async () => {
    const noRedirectApp = 'e2e-no-redirect';
    emulator.registerApp({
      clientId: noRedirectApp,
      name: 'E2E No Redirect',
      redirectUris: [],
      permissions: ['ReadAccounts'],
      issueRefreshTokens: true,
      grantTypes: ['authorization_code', 'refresh_token'],
    });
    await configureApp(page, noRedirectApp, 'loopback');
    const preflights = () =>
      emulator.requests.filter(
        (request) => request.path === '/restapi/oauth/authorize' && request.query?.client_id === noRedirectApp,
      ).length;
    const tabsOpened: Page[] = [];
    browser.on('page', (opened) => tabsOpened.push(opened));
    await runCommand(page, 'RingCentral: Sign In');
    for (let i = 0; i < 20 && preflights() === 0; i++) await page.waitForTimeout(250);
    await page.waitForTimeout(1500);
    assert.ok(preflights() > 0, 'Sign In asked the authorize endpoint for the new app');
    // The pre-flight stops before any browser tab opens; the panel explains why.
    for (const tab of tabsOpened) await tab.close();
    assert.equal(
      emulator.requests.filter(
        (request) =>
          request.path === '/restapi/oauth/authorize' &&
          request.query?.client_id === noRedirectApp &&
          !/json/.test(request.headers.accept ?? ''),
      ).length,
      0,
      'no browser was sent to an error page',
    );
    // The notification itself names the exact URI to register (a new user saw only "OAU-113" before).
    const toast = page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'OAU-113' }).first();
    await toast.waitFor({ state: 'visible', timeout: 15_000 });
    const toastText = (await toast.textContent()) ?? '';
    assert.ok(
      toastText.includes(`http://127.0.0.1:${loopbackPort}/callback`),
      `the notification names the URI: ${toastText}`,
    );
    await page.screenshot({ path: screenshotPath('e2e-04b-preflight-notification-names-uri') });
    const panel = await renderedPanel(page, () => runCommand(page, 'RingCentral: Open Diagnostics'));
    const code = panel.locator('#attempts .diagnosis .diagnosis-code').first();
    await code.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal((await code.textContent())?.trim(), 'OAU-113');
    const summary = (await panel.locator('#attempts .diagnosis .diagnosis-summary').first().textContent()) ?? '';
    assert.match(summary, /redirect/i);
    const copy = panel.locator('#attempts .fix-button[data-action-kind="copyRedirectUri"]').first();
    await copy.waitFor({ state: 'visible' });
    await page.screenshot({ path: screenshotPath('e2e-05-diagnostics-oau-113') });
    await copy.click();
    let copied = '';
    for (let i = 0; i < 20 && !copied.includes('/callback'); i++) {
      await page.waitForTimeout(250);
      copied = ((await page.evaluate('navigator.clipboard.readText()').catch(() => '')) as string) ?? '';
    }
    assert.equal(copied, `http://127.0.0.1:${loopbackPort}/callback`);

    // The user adds it in the Developer Console (here: the emulator's), then signs in again.
    emulator.updateApp(noRedirectApp, { redirectUris: [copied] });
    const consent = await startSignInAndOpenConsent();
    await consent.click('#approve');
    await consent.waitForURL(/\/callback\?/, { timeout: 30_000 });
    await consent.close();
    await waitForStatusText(page, /Ada Lovelace/);
    await page.screenshot({ path: screenshotPath('e2e-06-signed-in-after-registering') });
  });

  it('a rate-limited sign-in counts down Retry-After in the panel; a pasted error with markup is shown as text, never run', async () => {
    // An app this workbench has not signed in with (a pre-flight RingCentral accepted is remembered for 10 minutes,
    // and this test needs the pre-flight to meet the 429).
    const clientIdNow = 'e2e-rate-limited';
    emulator.registerApp({
      clientId: clientIdNow,
      name: 'E2E Rate Limited',
      redirectUris: [`http://127.0.0.1:${loopbackPort}/callback`],
      permissions: ['ReadAccounts'],
      issueRefreshTokens: true,
      grantTypes: ['authorization_code', 'refresh_token'],
    });
    await runCommand(page, 'View: Close All Editors'); // the panel from the last test would keep the focus
    await configureApp(page, clientIdNow, 'loopback');
    await page
      .locator('.notification-toast', { hasText: 'RingCentral app configured' })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    // Use up the Auth-group quota of the configured app, as a busy script of the user's would.
    emulator.setRateLimit({ perMinute: 1, penaltySeconds: 60 });
    await fetch(`${emulator.url}/restapi/oauth/authorize?response_type=code&client_id=${clientIdNow}`, {
      redirect: 'manual',
    });
    try {
      await runCommand(page, 'RingCentral: Sign In');
      await page.waitForTimeout(1500);
      const panel = await renderedPanel(page, () => runCommand(page, 'RingCentral: Open Diagnostics'));
      const code = panel.locator('#attempts .diagnosis .diagnosis-code').first();
      await code.waitFor({ state: 'visible', timeout: 30_000 });
      assert.equal((await code.textContent())?.trim(), 'CMN-301');
      const countdown = panel.locator('#attempts .retry-countdown').first();
      await countdown.waitFor({ state: 'visible' });
      const first = Number(/(\d+)\s*s/.exec((await countdown.textContent()) ?? '')?.[1]);
      assert.ok(first > 0 && first <= 60, `countdown starts at ${first}`);
      await page.waitForTimeout(2200);
      const later = Number(/(\d+)\s*s/.exec((await countdown.textContent()) ?? '')?.[1]);
      assert.ok(later < first, `the countdown moves: ${first} → ${later}`);
      await page.screenshot({ path: screenshotPath('e2e-07-rate-limit-countdown') });

      const hostile = JSON.stringify({
        error: 'invalid_request',
        error_description: "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>",
        errors: [{ errorCode: 'OAU-146', message: 'Invalid client credentials' }],
      });
      await panel.locator('#explain-input').fill(hostile);
      await panel.locator('#explain button[type="submit"]').click();
      const explained = panel.locator('#explain .diagnosis .diagnosis-code').first();
      await explained.waitFor({ state: 'visible', timeout: 15_000 });
      assert.equal((await explained.textContent())?.trim(), 'OAU-146');
      assert.match(
        (await panel.locator('#explain .server-message').first().textContent()) ?? '',
        /<img src=x onerror=/,
        'the markup is shown as text',
      );
      assert.equal(await panel.locator('#explain img').count(), 0, 'no element was created from the server text');
      assert.equal(await panel.locator('#explain script').count(), 0);
      assert.notEqual(await panel.locator('body').evaluate('document.title'), 'pwned');
      await panel.locator('#explain').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('e2e-08-explain-error') });
    } finally {
      emulator.setRateLimit(false);
    }
  });

  it('Check Redirect URI explains each difference; Check Permissions names the permission an API call needs', async () => {
    // The user pastes what the Developer Console lists for the app.
    let asked = false;
    const panel = await renderedPanel(page, async () => {
      if (asked) return runCommand(page, 'RingCentral: Open Diagnostics'); // keeps the last check
      asked = true;
      await runCommand(page, 'RingCentral: Check Redirect URI');
      await answerQuickInput(
        page,
        `http://localhost:${loopbackPort}/callback/, vscode://rcdevtools.ringcentral-oauth/callback`,
        { expectTitle: /Check Redirect URI/ },
      );
    });
    const sent = panel.locator('#sent-redirect-uri');
    await sent.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal((await sent.textContent())?.trim(), `http://127.0.0.1:${loopbackPort}/callback`);
    // The panel re-renders when the comparison arrives.
    await panel.locator('#redirect', { hasText: 'trailing slash' }).waitFor({ state: 'visible', timeout: 30_000 });
    const redirectText = (await panel.locator('#redirect').textContent()) ?? '';
    assert.match(redirectText, /localhost \/ 127\.0\.0\.1/, 'the loopback-host difference is named');
    assert.match(redirectText, /trailing slash/);
    await panel.locator('#redirect').screenshot({ path: screenshotPath('e2e-09-check-redirect-uri') });

    await panel.locator('#permission-method').selectOption('POST');
    await panel
      .locator('#permission-path')
      .fill('https://platform.ringcentral.com/restapi/v1.0/account/~/extension/~/address-book/contact');
    await panel.locator('#permissions button[type="submit"]').click();
    const permissions = panel.locator('#permissions');
    await permissions.locator('.permission-result').waitFor({ state: 'visible', timeout: 15_000 });
    const permissionText = (await permissions.locator('.permission-result').textContent()) ?? '';
    assert.match(permissionText, /\bContacts\b/, 'the required app permission is named');
    await permissions.scrollIntoViewIfNeeded();
    await permissions.screenshot({ path: screenshotPath('e2e-10-check-permissions') });
  });
});
