// End to end: a JWT profile next to the settings profile, in the packaged VSIX in code-server driven by Chromium.
// A pasted expired JWT credential is diagnosed before anything is sent; a good one signs in; the status-bar item
// opens the profile quick pick. Screenshots land in test-results/screenshots/.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { canRunEndToEnd, openPersonWorkbench, PersonWorkbench, screenshotIfFailed } from './personWorkbench';
import { Emulator, JWT_BEARER_GRANT, startEmulator } from '../../emulator/server';
import { screenshotPath } from '../../tools/vscode-host/browser';
import { answerQuickInput, renderedPanel, ringCentralStatus, runCommand, waitForStatusText } from './workbench';

describe('end to end: JWT profile and the profile quick pick (packaged VSIX)', function () {
  let emulator: Emulator;
  let workbench: PersonWorkbench;
  let page: Page;
  const jwtClientId = 'e2e-crm-sync';
  const jwtClientSecret = 'e2e-crm-sync-secret';

  before(async function () {
    if (!canRunEndToEnd()) this.skip();
    emulator = await startEmulator({ rateLimit: false });
    emulator.registerApp({
      clientId: jwtClientId,
      clientSecret: jwtClientSecret,
      name: 'CRM contact sync (JWT)',
      redirectUris: [],
      permissions: ['ReadAccounts', 'Contacts'],
      issueRefreshTokens: true,
      grantTypes: [JWT_BEARER_GRANT, 'refresh_token'],
    });
    workbench = await openPersonWorkbench('e2e-profiles', {
      'ringcentral.server': emulator.url,
      'ringcentral.clientId': 'demo-client-id',
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

  it('adds a JWT profile; an expired credential is diagnosed locally; a good one signs in; the status bar switches profiles', async () => {
    await runCommand(page, 'RingCentral: Add Profile');
    await answerQuickInput(page, 'JWT', { expectTitle: /sign-in flow/ });
    await answerQuickInput(page, 'Other URL', { expectTitle: /server/ });
    await answerQuickInput(page, emulator.url, { expectTitle: /server base URL/ });
    await answerQuickInput(page, jwtClientId, { expectTitle: /Client ID/ });
    await answerQuickInput(page, 'Emulator – CRM sync (JWT)', { expectTitle: /name/ });
    await waitForStatusText(page, /Emulator – CRM sync \(JWT\)\): Sign in/);

    // An expired credential: stopped on this machine, explained in the panel.
    const expired = emulator.createJwtCredential({ clientId: jwtClientId, variant: 'expired' });
    const tokenRequestsBefore = emulator.requests.filter((r) => r.path === '/restapi/oauth/token').length;
    await runCommand(page, 'RingCentral: Sign In');
    await answerQuickInput(page, expired, { expectTitle: /JWT credential/ });
    const toast = page.locator('.notification-toast', { hasText: /expired/i }).first();
    await toast.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(emulator.requests.filter((r) => r.path === '/restapi/oauth/token').length, tokenRequestsBefore);
    const panel = await renderedPanel(page, () => runCommand(page, 'RingCentral: Open Diagnostics'));
    const summary = panel.locator('#attempts .diagnosis .diagnosis-summary').first();
    await summary.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await summary.textContent()) ?? '', /expired/i);
    await page.screenshot({ path: screenshotPath('e2e-10-jwt-diagnosis') });
    await runCommand(page, 'View: Close All Editors');

    // A good credential and the app's client secret: signed in as Ada.
    const good = emulator.createJwtCredential({ clientId: jwtClientId });
    await runCommand(page, 'RingCentral: Sign In');
    await answerQuickInput(page, good, { expectTitle: /JWT credential/ });
    await answerQuickInput(page, jwtClientSecret, { expectTitle: /Client secret/ });
    await waitForStatusText(page, /Emulator – CRM sync \(JWT\): Ada Lovelace · (59|60) min/);
    assert.ok(
      emulator.requests.some((r) => r.path === '/restapi/oauth/token' && r.form?.grant_type === JWT_BEARER_GRANT),
    );

    // The status-bar item opens the profile quick pick.
    await ringCentralStatus(page).click();
    const widget = page.locator('.quick-input-widget');
    await widget.waitFor({ state: 'visible', timeout: 15_000 });
    await widget.locator('.monaco-list-row', { hasText: 'Default' }).first().waitFor({ state: 'visible' });
    const rows = await widget.locator('.monaco-list-row').allTextContents();
    assert.ok(
      rows.some((row) => row.includes('Emulator – CRM sync (JWT)') && row.includes('Ada Lovelace')),
      rows.join(' | '),
    );
    await page.screenshot({ path: screenshotPath('e2e-11-profile-quick-pick') });
    await widget.locator('.monaco-list-row', { hasText: 'Default' }).first().click();
    await waitForStatusText(page, /RingCentral \(Default\): Sign in/);
  });
});
