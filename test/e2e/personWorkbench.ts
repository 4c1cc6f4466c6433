// The set-up every end-to-end file shares: the packaged VSIX installed in code-server, a person's workbench (real
// dialogs and toasts, no smoke-test driver) opened on a workspace in Debian's Chromium, and a screenshot of every
// failed test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchBrowser, screenshotPath } from '../../tools/vscode-host/browser';
import { CodeServer, codeServerAvailable, startCodeServer } from '../../tools/vscode-host/codeServer';
import { RESULTS_DIR } from '../../tools/vscode-host/paths';
import { waitForStatusText, waitForWorkbench } from './workbench';

export const VSIX = path.join(RESULTS_DIR, 'ringcentral-oauth-test.vsix');

export interface PersonWorkbench {
  server: CodeServer;
  browser: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Whether this machine can run the end-to-end layer (code-server, Chromium and the packaged VSIX are there). */
export function canRunEndToEnd(): boolean {
  return codeServerAvailable() && chromiumAvailable() && fs.existsSync(VSIX);
}

/** Starts code-server with the VSIX and these user settings, and opens its workbench until the status bar shows. */
export async function openPersonWorkbench(
  name: string,
  settings: Record<string, unknown>,
  options: { clipboard?: boolean } = {},
): Promise<PersonWorkbench> {
  const server = await startCodeServer({ name, install: [VSIX], smokeTestDriver: false, settings });
  const browser = await launchBrowser(name);
  if (options.clipboard) await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = browser.pages()[0] ?? (await browser.newPage());
  const workspace = path.join(server.root, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  await waitForWorkbench(page);
  await waitForStatusText(page, /RingCentral: Sign in/, 90_000);
  return {
    server,
    browser,
    page,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/** For afterEach: a screenshot named after the failed test. */
export async function screenshotIfFailed(test: Mocha.Test | undefined, page: Page | undefined): Promise<void> {
  if (test?.state !== 'failed') return;
  await page
    ?.screenshot({ path: screenshotPath(`e2e-failed-${test.title.slice(0, 40).replace(/\W+/g, '-')}`) })
    .catch(() => undefined);
}
