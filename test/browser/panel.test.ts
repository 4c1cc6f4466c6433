// The panel app (dist/panel/panel.js, built from src/panel/) in a real browser (Debian's chromium through playwright-core), on the preview page from
// test/tools/panelPreview.ts: rendering, messages to the extension, keyboard use, and that data is never markup.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Diagnosis, Fix } from '../../src/core/diagnosis/types';
import type { PanelState } from '../../src/panel/protocol';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  MALICIOUS_DESCRIPTION,
  REPO_ROOT,
  SAMPLE_IDS,
  SAMPLE_SENT_REDIRECT,
  samplePanelState,
  writePanelPreview,
  type PreviewOptions,
} from '../tools/panelPreview';

const OUT_DIR = path.join(REPO_ROOT, 'test-results', 'panel-browser');

describe('diagnostics panel in chromium', function () {
  this.timeout(30000);
  let browser: Browser | undefined;
  let page: Page;
  let problems: string[] = [];
  let previews = 0;

  before(async function () {
    if (!fs.existsSync(CHROMIUM_PATH)) {
      this.skip();
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  });

  after(async () => {
    await browser?.close();
  });

  afterEach(async () => {
    await page?.close();
  });

  /** Opens a fresh preview (own files, own sessionStorage) and waits for the first render. */
  async function open(state: PanelState = samplePanelState(), options: PreviewOptions = {}): Promise<Page> {
    if (!browser) throw new Error('no browser');
    const file = writePanelPreview(OUT_DIR, state, { name: `preview-${++previews}`, ...options });
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

  const posted = async (): Promise<unknown[]> => (await page.evaluate('window.__posted')) as unknown[];
  const lastPosted = async (): Promise<unknown> => (await posted()).at(-1);

  function withoutFocus(state: PanelState = samplePanelState()): PanelState {
    return { ...state, focus: undefined };
  }

  it('asks for state with ready, renders every section and reports no script errors', async () => {
    await open();
    assert.deepStrictEqual((await posted())[0], { command: 'ready' });
    for (const id of ['session', 'redirect', 'attempts', 'explain', 'permissions', 'flows']) {
      assert.strictEqual(await page.locator(`section#${id} h2`).count(), 1, id);
    }
    assert.deepStrictEqual(problems, []);
  });

  it('selects the focused attempt and shows the diagnosis of its failed step', async () => {
    await open();
    const selected = page.locator('.attempt-row[aria-selected="true"]');
    assert.strictEqual(await selected.getAttribute('data-attempt-id'), SAMPLE_IDS.failedSignIn);
    assert.strictEqual(await selected.getAttribute('data-outcome'), 'failed');
    assert.strictEqual(await page.locator('.step-row[aria-selected="true"]').getAttribute('data-ok'), 'false');
    const diagnosis = page.locator('#attempts .diagnosis');
    await diagnosis.locator('.diagnosis-code').waitFor({ state: 'visible' });
    assert.strictEqual(await diagnosis.locator('.diagnosis-code').textContent(), 'OAU-113');
    assert.ok(await diagnosis.locator('.diagnosis-summary').isVisible());
    assert.match(
      (await diagnosis.locator('.diagnosis-summary').textContent()) ?? '',
      /no OAuth redirect URI registered/,
    );
    assert.strictEqual(await diagnosis.locator('.causes li').count(), 3);
    // The raw exchange: params are on the first step, the failed step has request and response.
    assert.match((await page.locator('#attempts pre.response').textContent()) ?? '', /^HTTP 400/);
    assert.match(
      (await page.locator('#attempts pre.request').textContent()) ?? '',
      /^POST https:\/\/platform\.ringcentral\.com\/restapi\/oauth\/token/,
    );
  });

  it('labels each fix button from its action kind', async () => {
    await open();
    const buttons = page.locator('#attempts .diagnosis .fix-button');
    const kinds = await buttons.evaluateAll(
      (nodes: Array<{ getAttribute(name: string): string | null; textContent: string | null }>) =>
        nodes.map((n) => [n.getAttribute('data-action-kind'), n.textContent]),
    );
    assert.deepStrictEqual(kinds, [
      ['copyRedirectUri', 'Copy redirect URI'],
      ['openDeveloperConsole', 'Open Developer Console'],
      ['configureApp', 'Configure App'],
      ['switchRedirectMode', 'Use URI handler redirect'],
      ['signIn', 'Sign In again'],
    ]);
  });

  it('shows no button for a fix action kind it does not know (the fix text stays)', async () => {
    const state = samplePanelState();
    const unknownFix = { label: 'Format the disk', action: { kind: 'formatDisk' } } as unknown as Fix;
    const diagnosis = {
      id: 'unknown-action',
      summary: 'A fix from a newer extension',
      causes: [],
      fixes: [unknownFix, { label: 'Sign in again', action: { kind: 'signIn' } }],
    } satisfies Diagnosis;
    await open({ ...state, focus: { kind: 'explain', input: 'OAU-113', diagnosis } });
    const fixes = page.locator('#explain .fix');
    await fixes.first().waitFor();
    assert.strictEqual(await fixes.count(), 2);
    assert.strictEqual(await fixes.nth(0).locator('button').count(), 0);
    assert.strictEqual(await fixes.nth(1).locator('.fix-button').textContent(), 'Sign In again');
    assert.deepStrictEqual(problems, []);
  });

  it('posts runFix with the action when a fix button is clicked', async () => {
    await open();
    await page.locator('#attempts .fix-button[data-action-kind="copyRedirectUri"]').click();
    assert.deepStrictEqual(await lastPosted(), {
      command: 'runFix',
      action: { kind: 'copyRedirectUri', uri: SAMPLE_SENT_REDIRECT },
    });
    await page.locator('#attempts .fix-button[data-action-kind="openDeveloperConsole"]').click();
    assert.deepStrictEqual(await lastPosted(), {
      command: 'runFix',
      action: { kind: 'openDeveloperConsole', url: 'https://developers.ringcentral.com/console/my-apps' },
    });
  });

  it('shows the sent redirect URI with a Copy button, the comparisons and the fix', async () => {
    await open();
    assert.strictEqual(await page.locator('#sent-redirect-uri').textContent(), SAMPLE_SENT_REDIRECT);
    await page.locator('#redirect .sent-uri button', { hasText: 'Copy redirect URI' }).click();
    assert.deepStrictEqual(await lastPosted(), {
      command: 'runFix',
      action: { kind: 'copyRedirectUri', uri: SAMPLE_SENT_REDIRECT },
    });
    assert.strictEqual(await page.locator('#redirect .redirect-row').count(), 2);
    const chips = await page.locator('#redirect .redirect-row .chip.difference').allTextContents();
    assert.ok(chips.includes('a trailing slash'), chips.join());
    assert.ok(chips.includes('http vs https'), chips.join());
  });

  it('shows a malicious error_description as text and never runs it', async () => {
    await open();
    const message = page.locator('#attempts .diagnosis .server-message');
    assert.strictEqual(await message.textContent(), `“${MALICIOUS_DESCRIPTION}”`);
    assert.ok(
      ((await page.locator('#attempts pre.response').textContent()) ?? '').includes(
        '<script>window.__pwned=2</script>',
      ),
    );
    await page.waitForTimeout(300);
    assert.strictEqual(await page.evaluate('typeof window.__pwned'), 'undefined');
    assert.strictEqual(await page.locator('img').count(), 0);
    assert.strictEqual(await page.locator('img[src="x"]').count(), 0);
    // Only the preview's own three scripts exist.
    assert.strictEqual(await page.locator('script').count(), 3);
  });

  it('reaches the attempt rows with Tab, moves with arrows and selects with Enter', async () => {
    await open(withoutFocus());
    let onRow = false;
    for (let i = 0; i < 60 && !onRow; i++) {
      await page.keyboard.press('Tab');
      onRow = (await page.evaluate('document.activeElement.classList.contains("attempt-row")')) as boolean;
    }
    assert.ok(onRow, 'Tab never reached an attempt row');
    // With no focus the newest attempt (the rate-limited refresh) is selected; go to the sign-in below it.
    assert.strictEqual(await page.evaluate('document.activeElement.dataset.attemptId'), SAMPLE_IDS.rateLimited);
    await page.keyboard.press('ArrowDown');
    assert.strictEqual(await page.evaluate('document.activeElement.dataset.attemptId'), SAMPLE_IDS.failedSignIn);
    await page.keyboard.press('Enter');
    assert.strictEqual(
      await page.locator('.attempt-row[aria-selected="true"]').getAttribute('data-attempt-id'),
      SAMPLE_IDS.failedSignIn,
    );
    assert.strictEqual(await page.locator('#attempts .diagnosis-code').textContent(), 'OAU-113');
    // Focus stays on the row after the re-render, so the keyboard user keeps their place.
    assert.strictEqual(await page.evaluate('document.activeElement.dataset.attemptId'), SAMPLE_IDS.failedSignIn);
    await page.keyboard.press('Home');
    await page.keyboard.press(' ');
    assert.strictEqual(
      await page.locator('.attempt-row[aria-selected="true"]').getAttribute('data-attempt-id'),
      SAMPLE_IDS.rateLimited,
    );
  });

  it('counts down the Retry button and enables it at zero', async () => {
    await open();
    await page.locator(`.attempt-row[data-attempt-id="${SAMPLE_IDS.rateLimited}"]`).click();
    const countdown = page.locator('#attempts .retry-countdown');
    const first = /^Retry in (\d+) s$/.exec((await countdown.textContent()) ?? '');
    assert.ok(first, `countdown text: ${await countdown.textContent()}`);
    const seconds = Number(first[1]);
    assert.ok(seconds > 40 && seconds <= 60, String(seconds));
    assert.ok(await page.locator('#attempts .fix-button[data-action-kind="waitAndRetry"]').isDisabled());
    await page.waitForTimeout(2100);
    const later = Number(/(\d+)/.exec((await countdown.textContent()) ?? '')?.[1]);
    assert.ok(later < seconds, `${later} should be below ${seconds}`);

    // The same step, 61 s later: the button is enabled and retries now.
    const state = samplePanelState();
    await page.evaluate(
      `window.__deliverState(${JSON.stringify({ ...state, now: state.now + 61_000, focus: undefined })})`,
    );
    await page.waitForFunction('document.querySelector("#attempts .retry-countdown").textContent === "Retry"');
    const retry = page.locator('#attempts .fix-button[data-action-kind="waitAndRetry"]');
    assert.ok(await retry.isEnabled());
    await retry.click();
    assert.deepStrictEqual(await lastPosted(), { command: 'runFix', action: { kind: 'waitAndRetry', seconds: 0 } });
  });

  it('counts the access token expiry down every second', async () => {
    await open();
    const expiry = page.locator('#session .access-expiry');
    const before = (await expiry.textContent()) ?? '';
    assert.match(before, /^expires in 4[45]:\d\d$/);
    await page.waitForTimeout(1200);
    assert.notStrictEqual(await expiry.textContent(), before);
    assert.strictEqual(await page.locator('#session').getByText('client secret:', { exact: false }).count(), 1);
    assert.match((await page.locator('#session .settings-line').textContent()) ?? '', /client secret: not set/);
  });

  it('posts the form messages: Compare, Explain, Check, Sign In, Refresh Token, Clear history', async () => {
    await open(withoutFocus());
    await page
      .getByLabel('Registered redirect URIs (one per line)')
      .fill('http://127.0.0.1:53134/callback\nhttps://example.com/cb');
    await page.locator('#redirect button', { hasText: 'Compare' }).click();
    assert.deepStrictEqual(await lastPosted(), {
      command: 'checkRedirect',
      registered: 'http://127.0.0.1:53134/callback\nhttps://example.com/cb',
    });

    await page.locator('#explain-input').fill('OAU-113');
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    assert.deepStrictEqual(await lastPosted(), { command: 'explain', text: 'OAU-113' });

    await page.locator('#permission-method').selectOption('DELETE');
    await page.locator('#permission-path').fill('/restapi/v1.0/account/~/extension/~/message-store/1');
    await page.locator('#permission-path').press('Enter');
    assert.deepStrictEqual(await lastPosted(), {
      command: 'checkPermission',
      method: 'DELETE',
      path: '/restapi/v1.0/account/~/extension/~/message-store/1',
    });

    await page.locator('#session button[data-command="signIn"]').click();
    assert.deepStrictEqual(await lastPosted(), { command: 'signIn' });
    await page.locator('#session button[data-command="refreshToken"]').click();
    assert.deepStrictEqual(await lastPosted(), { command: 'refreshToken' });
    await page.locator('#attempts button', { hasText: 'Clear history' }).click();
    assert.deepStrictEqual(await lastPosted(), { command: 'clearHistory' });
  });

  it('keeps the selection and typed text across a reload, like a hidden and re-shown panel', async () => {
    await open(withoutFocus());
    await page.locator(`.attempt-row[data-attempt-id="${SAMPLE_IDS.failedSignIn}"]`).click();
    await page.locator('.step-row[data-step-index="0"]').click();
    await page.locator('#explain-input').fill('invalid_grant');
    await page.reload();
    await page.locator('#session .section-body').waitFor();
    assert.deepStrictEqual(await lastPosted(), { command: 'ready' });
    assert.strictEqual(
      await page.locator('.attempt-row[aria-selected="true"]').getAttribute('data-attempt-id'),
      SAMPLE_IDS.failedSignIn,
    );
    assert.strictEqual(await page.locator('.step-row[aria-selected="true"]').getAttribute('data-step-index'), '0');
    assert.strictEqual(await page.locator('#explain-input').inputValue(), 'invalid_grant');
    // The first step has the authorize parameters.
    assert.ok(await page.locator('#attempts table.params').getByText('code_challenge_method').isVisible());
  });

  it('collapses a section with its heading button and opens it for a section focus', async () => {
    await open(withoutFocus());
    assert.ok(!(await page.locator('#flows-body').isVisible()));
    await page.evaluate(
      `window.__deliverState(${JSON.stringify({ ...samplePanelState(), focus: { kind: 'section', section: 'flows' } })})`,
    );
    await page.locator('#flows-body').waitFor({ state: 'visible' });
    assert.strictEqual(await page.locator('#flows-heading').getAttribute('aria-expanded'), 'true');
    assert.ok(((await page.locator('#flows-body').textContent()) ?? '').includes('2024-03-31'));
    await page.locator('#session-heading').click();
    assert.strictEqual(await page.locator('#session-heading').getAttribute('aria-expanded'), 'false');
    assert.ok(!(await page.locator('#session-body').isVisible()));
  });

  it('shows an explained error for an explain focus', async () => {
    await open(withoutFocus());
    const state: PanelState = {
      ...samplePanelState(),
      focus: {
        kind: 'explain',
        input: 'CMN-401 <b>bold</b>',
        diagnosis: {
          id: 'insufficient-permissions',
          code: 'CMN-401',
          summary: 'The app lacks a permission.',
          causes: [],
          fixes: [{ label: 'Check', action: { kind: 'checkPermissions', permission: 'SMS' } }],
          permission: 'SMS',
        },
      },
    };
    await page.evaluate(`window.__deliverState(${JSON.stringify(state)})`);
    await page.locator('#explain .diagnosis .diagnosis-code').waitFor({ state: 'visible' });
    assert.strictEqual(await page.locator('#explain .diagnosis-code').textContent(), 'CMN-401');
    assert.strictEqual(await page.locator('#explain-input').inputValue(), 'CMN-401 <b>bold</b>');
    assert.strictEqual(await page.locator('#explain b').count(), 0);
    await page.locator('#explain .fix-button[data-action-kind="checkPermissions"]').click();
    assert.deepStrictEqual(await lastPosted(), {
      command: 'runFix',
      action: { kind: 'checkPermissions', permission: 'SMS' },
    });

    await page.evaluate(
      `window.__deliverState(${JSON.stringify({ ...samplePanelState(), focus: { kind: 'explain', input: 'hello', problem: 'Nothing to explain in this text.' } })})`,
    );
    await page.locator('#explain .explain-problem').waitFor({ state: 'visible' });
  });

  it('announces a new permission result through a status region', async () => {
    await open(withoutFocus());
    assert.strictEqual(await page.locator('[role="status"]').textContent(), '');
    const state = samplePanelState();
    const permission = {
      ...state.permission!,
      method: 'GET',
      path: '/restapi/v1.0/account/~/extension/~/call-log',
      granted: true,
    };
    permission.operation = {
      ...permission.operation!,
      appPermission: 'ReadCallLog',
      operationId: 'readUserCallLog',
      summary: 'List User Call Records',
    };
    await page.evaluate(`window.__deliverState(${JSON.stringify({ ...state, focus: undefined, permission })})`);
    await page.waitForFunction('document.querySelector("[role=status]").textContent.includes("ReadCallLog, granted")');
  });

  it('offers Sign In when signed out', async () => {
    await open(withoutFocus({ ...samplePanelState(), session: undefined, attempts: [] }));
    assert.match((await page.locator('#session .signed-out').textContent()) ?? '', /Not signed in/);
    await page.locator('#session button', { hasText: 'Sign In' }).click();
    assert.deepStrictEqual(await lastPosted(), { command: 'signIn' });
    assert.ok(await page.locator('#attempts button', { hasText: 'Clear history' }).isDisabled());
  });

  it('runs under a CSP as strict as the webview (no inline script or style needed)', async () => {
    await open(samplePanelState(), { csp: true });
    await page.locator('#attempts .diagnosis').waitFor({ state: 'visible' });
    await page.locator(`.attempt-row[data-attempt-id="${SAMPLE_IDS.rateLimited}"]`).click();
    await page.waitForTimeout(1100);
    assert.deepStrictEqual(
      problems.filter((p) => /Content Security Policy|Refused/i.test(p)),
      [],
    );
    assert.deepStrictEqual(problems, []);
  });
});
