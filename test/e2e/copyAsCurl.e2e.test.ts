// End to end: "Copy as curl" on every request step of every trace in the diagnostics panel, in the packaged VSIX in
// code-server driven by Chromium. Three attempts are made against the emulator the way a person makes them — an
// authorization-code sign-in (clicked on the consent page), a JWT sign-in, and a JWT sign-in with a wrong client
// secret (401 OAU-146) — then each request step is copied "with secrets" (the modal confirmed in the real UI), read
// from the browser's clipboard, run by the machine's bash and curl, and curl's status compared with the status the
// trace recorded. The one request that cannot be repeated is the code exchange: an authorization code works once,
// so its replay must get RingCentral's answer to a spent code, 403 OAU-106, instead of the recorded 200.
import * as assert from 'node:assert/strict';
import { canRunEndToEnd, openPersonWorkbench, PersonWorkbench, screenshotIfFailed } from './personWorkbench';
import { execFile } from 'node:child_process';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { Emulator, JWT_BEARER_GRANT, startEmulator } from '../../emulator/server';
import { screenshotPath } from '../../tools/vscode-host/browser';
import { freePort } from '../../tools/vscode-host/codeServer';
import { answerQuickInput, renderedPanel, runCommand, waitForStatusText } from './workbench';

const SENTINEL = 'clipboard-before-copy';

interface Replay {
  attempt: string;
  step: string;
  recorded: number;
  replayed: number;
  output: string;
}

/** Runs a copied command with bash and nothing but PATH (and `extra`) in the environment; curl -i prints the status. */
function runWithCurl(text: string, extra: Record<string, string> = {}): Promise<{ status: number; output: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      ['-c', text],
      { timeout: 20_000, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...extra } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`bash failed: ${error.message}\n${stderr}\n--- command ---\n${text}`));
        else resolve({ status: Number(/^HTTP\/[\d.]+ (\d{3})/m.exec(stdout)?.[1] ?? -1), output: stdout });
      },
    );
  });
}

describe('end to end: Copy as curl on every request step, run with curl (packaged VSIX)', function () {
  let emulator: Emulator;
  let workbench: PersonWorkbench;
  let browser: BrowserContext;
  let page: Page;
  let loopbackPort: number;
  const pkceClientId = 'e2e-curl-pkce';
  const jwtClientId = 'e2e-curl-jwt';
  const jwtClientSecret = 'e2e-curl-jwt-secret';
  const otherClientId = 'e2e-curl-jwt-other';

  before(async function () {
    if (!canRunEndToEnd()) this.skip();
    emulator = await startEmulator({ rateLimit: false });
    loopbackPort = await freePort();
    emulator.registerApp({
      clientId: pkceClientId,
      name: 'E2E curl (auth code + PKCE)',
      redirectUris: [`http://127.0.0.1:${loopbackPort}/callback`],
      permissions: ['ReadAccounts'],
      issueRefreshTokens: true,
      grantTypes: ['authorization_code', 'refresh_token'],
    });
    for (const [clientId, clientSecret] of [
      [jwtClientId, jwtClientSecret],
      [otherClientId, 'e2e-curl-other-right-secret'],
    ]) {
      emulator.registerApp({
        clientId,
        clientSecret,
        name: `E2E curl ${clientId}`,
        redirectUris: [],
        permissions: ['ReadAccounts'],
        issueRefreshTokens: true,
        grantTypes: [JWT_BEARER_GRANT, 'refresh_token'],
      });
    }
    workbench = await openPersonWorkbench(
      'e2e-curl',
      {
        'ringcentral.server': emulator.url,
        'ringcentral.clientId': pkceClientId,
        'ringcentral.redirect.mode': 'loopback',
        'ringcentral.redirect.loopbackPort': loopbackPort,
      },
      { clipboard: true },
    );
    ({ browser, page } = workbench);
  });

  afterEach(function () {
    return screenshotIfFailed(this.currentTest, page);
  });

  after(async () => {
    await workbench?.close();
    await emulator?.close();
  });

  /** Sign In with the authorization code flow, approved on the emulator's page; returns the code the browser carried. */
  async function signInWithCode(): Promise<string> {
    const opened = browser.waitForEvent('page', { timeout: 30_000 });
    await runCommand(page, 'RingCentral: Sign In');
    const consent = await opened;
    await consent.waitForSelector('#approve', { timeout: 30_000 });
    await consent.click('#approve');
    await consent.waitForURL(/\/callback\?/, { timeout: 30_000 });
    const code = new URL(consent.url()).searchParams.get('code') ?? '';
    await consent.close();
    await waitForStatusText(page, /Ada Lovelace/);
    return code;
  }

  async function addJwtProfile(clientId: string, name: string): Promise<void> {
    await runCommand(page, 'RingCentral: Add Profile');
    await answerQuickInput(page, 'JWT', { expectTitle: /sign-in flow/ });
    await answerQuickInput(page, 'Other URL', { expectTitle: /server/ });
    await answerQuickInput(page, emulator.url, { expectTitle: /server base URL/ });
    await answerQuickInput(page, clientId, { expectTitle: /Client ID/ });
    await answerQuickInput(page, name, { expectTitle: /name/ });
    await waitForStatusText(page, new RegExp(`${name.replace(/[()]/g, '\\$&')}\\): Sign in`));
  }

  async function signInWithJwt(clientId: string, clientSecret: string): Promise<void> {
    await runCommand(page, 'RingCentral: Sign In');
    await answerQuickInput(page, emulator.createJwtCredential({ clientId }), { expectTitle: /JWT credential/ });
    await answerQuickInput(page, clientSecret, { expectTitle: /Client secret/ });
  }

  async function clipboardText(): Promise<string> {
    return ((await page.evaluate('navigator.clipboard.readText()').catch(() => '')) as string) ?? '';
  }

  /** Copies the selected step "with secrets": the panel's button, then the modal in the workbench if one comes. */
  async function copySelectedStep(panel: FrameLocator, stepTitle: string, shotName?: string): Promise<string> {
    await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(SENTINEL)})`);
    await panel.locator('#attempts .step-detail button.copy-curl[data-shell="bash"]').click();
    const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Copy with Secrets' });
    for (let i = 0; i < 80; i++) {
      if (await confirm.isVisible().catch(() => false)) {
        const dialog = (await page.locator('.monaco-dialog-box').textContent()) ?? '';
        assert.match(dialog, /Copy a command that contains/, dialog);
        if (shotName) await page.screenshot({ path: screenshotPath(shotName) });
        await confirm.click();
      }
      const copied = await clipboardText();
      if (copied && copied !== SENTINEL) return copied;
      await page.waitForTimeout(250);
    }
    throw new Error(`nothing was copied for "${stepTitle}"`);
  }

  it('each copied request step, run with curl, gets the status the trace recorded (a spent code: OAU-106)', async () => {
    // 1. Authorization code + PKCE, through the browser.
    const code = await signInWithCode();
    assert.ok(code.length > 0, 'the browser carried an authorization code');
    // 2. A JWT profile that signs in.
    await addJwtProfile(jwtClientId, 'Curl JWT');
    await signInWithJwt(jwtClientId, jwtClientSecret);
    await waitForStatusText(page, /Curl JWT: Ada Lovelace/);
    // 3. A JWT profile whose client secret is wrong: 401 OAU-146.
    await addJwtProfile(otherClientId, 'Curl wrong secret');
    await signInWithJwt(otherClientId, 'not-the-client-secret');
    await page
      .locator('.notifications-toasts .notification-list-item-message', { hasText: /OAU-146|client secret/i })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await runCommand(page, 'Notifications: Clear All Notifications');

    const panel = await renderedPanel(page, () => runCommand(page, 'RingCentral: Open Diagnostics'));
    await panel.locator('#attempts .attempt-row').first().waitFor({ state: 'visible', timeout: 30_000 });
    const attemptIds = await panel
      .locator('#attempts .attempt-row')
      .evaluateAll((rows: Array<{ getAttribute(name: string): string | null }>) =>
        rows.map((row) => row.getAttribute('data-attempt-id') ?? ''),
      );
    assert.ok(attemptIds.length >= 3, `three attempts at least: ${attemptIds.join(', ')}`);

    const replays: Replay[] = [];
    let ticked = false;
    let screenshotTaken = false;
    for (const attemptId of attemptIds) {
      await panel.locator(`#attempts .attempt-row[data-attempt-id="${attemptId}"]`).click();
      const detail = panel.locator(`#attempts .attempt-detail[data-attempt-id="${attemptId}"]`);
      await detail.waitFor({ state: 'visible' });
      const kind = ((await detail.locator('.attempt-detail-head .attempt-kind').textContent()) ?? '').trim();
      const steps = await detail.locator('.step-row').count();
      for (let index = 0; index < steps; index++) {
        await detail.locator(`.step-row[data-step-index="${index}"]`).click();
        const stepDetail = detail.locator(`.step-detail[data-step-index="${index}"]`);
        await stepDetail.waitFor({ state: 'visible' });
        if ((await stepDetail.locator('button.copy-curl').count()) === 0) continue;
        const title = ((await stepDetail.locator('.step-detail-head h3').textContent()) ?? '').trim();
        const recorded = Number((await stepDetail.locator('.http-status').textContent())?.trim());
        if (!ticked) {
          await stepDetail.getByRole('checkbox', { name: 'with secrets' }).check();
          ticked = true;
        }
        const isJwtExchange = /Exchange JWT credential/.test(title) && recorded === 200;
        if (isJwtExchange && !screenshotTaken) {
          await stepDetail.locator('.curl-actions').scrollIntoViewIfNeeded();
          await page.screenshot({ path: screenshotPath('e2e-21-copy-as-curl') });
        }
        const text = await copySelectedStep(
          panel,
          title,
          isJwtExchange && !screenshotTaken ? 'e2e-21b-copy-with-secrets-dialog' : undefined,
        );
        if (isJwtExchange) screenshotTaken = true;
        assert.ok(!text.includes('…'), `no masked value was copied for "${title}":\n${text}`);
        // The code and verifier are single-use and not kept: they are the only variables a copy may still read.
        const exchangeOfCode = /Exchange authorization code/.test(title);
        const env: Record<string, string> = exchangeOfCode
          ? { RINGCENTRAL_AUTH_CODE: code, RINGCENTRAL_CODE_VERIFIER: 'the-verifier-is-not-kept-by-the-editor' }
          : {};
        const { status, output } = await runWithCurl(text, env);
        replays.push({ attempt: kind, step: title, recorded, replayed: status, output });
        await runCommand(page, 'Notifications: Clear All Notifications');
      }
    }

    const summary = replays
      .map((r) => `${r.attempt} / ${r.step}: recorded ${r.recorded}, curl ${r.replayed}`)
      .join('\n');
    console.log(`      replays:\n${summary.replace(/^/gm, '        ')}`);
    for (const replay of replays) {
      if (/Exchange authorization code/.test(replay.step)) {
        // A one-time grant: the recorded 200 cannot come twice. RingCentral answers a spent code with OAU-106.
        assert.equal(replay.recorded, 200, summary);
        assert.equal(replay.replayed, 403, `${summary}\n${replay.output}`);
        assert.match(replay.output, /OAU-106/);
      } else {
        assert.equal(replay.replayed, replay.recorded, `${replay.step}\n${summary}\n${replay.output}`);
      }
    }
    // Every kind of request the three attempts sent was replayed.
    const has = (pattern: RegExp, status: number) =>
      replays.some((replay) => pattern.test(replay.step) && replay.recorded === status);
    assert.ok(has(/Pre-flight/, 302), summary);
    assert.ok(has(/Exchange authorization code/, 200), summary);
    assert.ok(has(/Exchange JWT credential/, 200), summary);
    assert.ok(has(/Exchange JWT credential/, 401), summary);
    assert.equal(replays.filter((replay) => /extension\/~/.test(replay.step) && replay.recorded === 200).length, 2);
    assert.ok(screenshotTaken);
  });
});
