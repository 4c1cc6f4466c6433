// Driving the code-server workbench like a person: command palette, status bar, notifications, webviews.
import type { FrameLocator, Page } from 'playwright-core';

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 90_000 });
}

export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`>${title}`);
  // The first match is not always the exact one: "RingCentral: Sign In" also matches "RingCentral: Generate Sign-In
  // Code…", which the palette lists above it. Pick the row whose label is exactly the title.
  // A title without its trailing "…" (or "...") also names the command that has one.
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(…|\\.\\.\\.)?$`);
  const row = page
    .locator('.quick-input-widget .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await row.click();
}

export function ringCentralStatus(page: Page) {
  return page.locator('.part.statusbar .statusbar-item', { hasText: /RingCentral|Ada Lovelace|Extension \d+/ }).first();
}

export async function waitForStatusText(page: Page, pattern: RegExp, timeout = 60_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last =
      (await ringCentralStatus(page)
        .textContent()
        .catch(() => '')) ?? '';
    if (pattern.test(last)) return last;
    await page.waitForTimeout(250);
  }
  throw new Error(`status bar never showed ${pattern}; last text: "${last}"`);
}

/** Notifications are suppressed as toasts under the smoke-test driver; they still reach the Notification Center. */
export async function notificationTexts(page: Page): Promise<string[]> {
  await runCommand(page, 'Notifications: Show Notifications');
  const center = page.locator('.notifications-center');
  await center.waitFor({ state: 'visible', timeout: 10_000 });
  return center.locator('.notification-list-item-message').allTextContents();
}

/** The innermost frame of the webview panel with the given title. */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

/** Answers the open quick pick or input box: types the text (filter or value) and presses Enter. */
export async function answerQuickInput(
  page: Page,
  text: string,
  options: { expectTitle?: RegExp } = {},
): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible', timeout: 15_000 });
  if (options.expectTitle) {
    const deadline = Date.now() + 15_000;
    while (
      !options.expectTitle.test(
        (await widget
          .locator('.quick-input-title')
          .textContent()
          .catch(() => '')) ?? '',
      )
    ) {
      if (Date.now() > deadline) throw new Error(`quick input never showed ${options.expectTitle}`);
      await page.waitForTimeout(100);
    }
  }
  await widget.locator('input').fill(text);
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

/** RingCentral: Configure App, answered like a person: keep the server, set the client id, pick a redirect mode, no secret. */
export async function configureApp(
  page: Page,
  clientId: string,
  mode: 'uriHandler' | 'loopback' | 'paste',
): Promise<void> {
  await runCommand(page, 'RingCentral: Configure App');
  await answerQuickInput(page, 'Other URL', { expectTitle: /server/ });
  const widget = page.locator('.quick-input-widget');
  await page.waitForTimeout(300);
  await widget.locator('input').press('Enter'); // the current server is prefilled
  await answerQuickInput(page, clientId, { expectTitle: /Client ID/ });
  await answerQuickInput(page, mode, { expectTitle: /redirect mode/ });
  await answerQuickInput(page, 'No client secret', { expectTitle: /client secret/ });
}

/**
 * The diagnostics panel, rendered. Under load, code-server's webview host sometimes fails to start the service
 * worker that serves webview content; from then on every webview in that browser session stays blank (the
 * panel's own script never loads). A person reloads the window; so does this helper (sessions and traces survive
 * a reload), up to twice, and says so in the test output.
 */
export async function renderedPanel(page: Page, open: () => Promise<void>): Promise<FrameLocator> {
  for (let attempt = 1; ; attempt++) {
    await open();
    const panel = webviewFrame(page);
    try {
      await panel.locator('#session').waitFor({ state: 'attached', timeout: 15_000 });
      return panel;
    } catch (error) {
      if (attempt >= 3) throw error;
      console.warn(`  (the webview stayed blank; reloading the window, attempt ${attempt + 1})`);
      await page.reload();
      await waitForWorkbench(page);
      await ringCentralStatus(page).waitFor({ state: 'visible', timeout: 60_000 });
    }
  }
}
