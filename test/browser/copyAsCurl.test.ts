// "Copy as curl" in the panel app (dist/panel/panel.js) in Chromium: the buttons on each step that sent a request,
// the message they post (which step, which shell, with or without secrets: nothing else), and "with secrets" off
// by default and again after a reload.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PanelState } from '../../src/panel/protocol';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  REPO_ROOT,
  SAMPLE_IDS,
  samplePanelState,
  writePanelPreview,
} from '../tools/panelPreview';

const OUT_DIR = path.join(REPO_ROOT, 'test-results', 'panel-browser');

describe('diagnostics panel: Copy as curl', function () {
  this.timeout(30000);
  let browser: Browser | undefined;
  let page: Page;
  let problems: string[] = [];
  let previews = 0;

  before(async function () {
    if (!fs.existsSync(CHROMIUM_PATH)) this.skip();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  });
  after(async () => browser?.close());
  afterEach(async () => page?.close());

  async function open(state: PanelState = samplePanelState()): Promise<Page> {
    if (!browser) throw new Error('no browser');
    const file = writePanelPreview(OUT_DIR, state, { name: `curl-preview-${++previews}`, csp: true });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    problems = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${message.type()}: ${message.text()}`);
    });
    await page.goto(`file://${file}`);
    await page.locator('#session .section-body').waitFor();
    return page;
  }

  const lastPosted = async (): Promise<unknown> => ((await page.evaluate('window.__posted')) as unknown[]).at(-1);
  const curlButton = () => page.locator('#attempts .step-detail button.copy-curl[data-shell="bash"]');
  const powershellButton = () => page.getByRole('button', { name: 'Copy as PowerShell' });
  const withSecrets = () => page.getByRole('checkbox', { name: 'with secrets' });

  it('shows the buttons above the request of a step that sent one, and none on a step that sent nothing', async () => {
    await open();
    // The focused failed sign-in opens on its failed step, the code exchange (index 2).
    assert.strictEqual(await page.locator('.step-row[aria-selected="true"]').getAttribute('data-step-index'), '2');
    await curlButton().waitFor({ state: 'visible' });
    assert.strictEqual(await curlButton().textContent(), 'Copy as curl');
    assert.ok(await powershellButton().isVisible());
    assert.strictEqual(await withSecrets().isChecked(), false, 'masked by default');
    assert.match((await page.locator('#attempts .curl-hint').textContent()) ?? '', /environment variables/);
    // The buttons sit with the request they copy.
    const requestPart = page.locator('#attempts .exchange-part', { has: page.locator('pre.request') });
    assert.strictEqual(await requestPart.locator('button.copy-curl').count(), 2);

    await page.locator('.step-row[data-step-index="0"]').click();
    await page.locator('#attempts .step-detail[data-step-index="0"]').waitFor();
    assert.strictEqual(await page.locator('#attempts button.copy-curl').count(), 0);
    assert.strictEqual(await page.locator('#attempts .curl-actions').count(), 0);
    assert.deepStrictEqual(problems, [], 'no script errors and nothing refused by the CSP');
  });

  it('posts which step and which shell; "with secrets" only when ticked, and nothing else', async () => {
    await open();
    await curlButton().click();
    assert.deepStrictEqual(await lastPosted(), {
      command: 'copyAsCurl',
      attemptId: SAMPLE_IDS.failedSignIn,
      stepIndex: 2,
      shell: 'bash',
      withSecrets: false,
    });
    await withSecrets().check();
    assert.match((await page.locator('#attempts .curl-hint').textContent()) ?? '', /asks first/);
    await powershellButton().click();
    assert.deepStrictEqual(await lastPosted(), {
      command: 'copyAsCurl',
      attemptId: SAMPLE_IDS.failedSignIn,
      stepIndex: 2,
      shell: 'powershell',
      withSecrets: true,
    });

    // Another attempt's request step: its own id and index.
    await page.locator(`.attempt-row[data-attempt-id="${SAMPLE_IDS.rateLimited}"]`).click();
    await page.locator('.step-row[data-step-index="0"]').click();
    await curlButton().click();
    assert.deepStrictEqual(await lastPosted(), {
      command: 'copyAsCurl',
      attemptId: SAMPLE_IDS.rateLimited,
      stepIndex: 0,
      shell: 'bash',
      withSecrets: true,
    });
    assert.deepStrictEqual(problems, []);
  });

  it('keeps "with secrets" across a new state, and starts masked again after a reload', async () => {
    await open();
    await withSecrets().check();
    await page.evaluate(`window.__deliverState(${JSON.stringify({ ...samplePanelState(), focus: undefined })})`);
    await page.waitForFunction('window.__stateDeliveries >= 2');
    assert.strictEqual(await withSecrets().isChecked(), true);
    await page.reload();
    await page.locator('#session .section-body').waitFor();
    await curlButton().waitFor({ state: 'visible' });
    assert.strictEqual(await withSecrets().isChecked(), false);
    await curlButton().click();
    assert.strictEqual(((await lastPosted()) as { withSecrets: boolean }).withSecrets, false);
  });
});
