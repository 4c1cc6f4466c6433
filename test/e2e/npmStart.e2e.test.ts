// The README's first command, `npm start`, in its code-server form: run it as a newcomer would, wait for the
// address it prints, open it, sign in as the demo user through the palette against the bundled emulator, stop it.
// A broken `npm start` fails `npm test` here.
import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../../tools/vscode-host/browser';
import { REPO_ROOT, RESULTS_DIR } from '../../tools/vscode-host/paths';
import { runCommand, waitForStatusText, waitForWorkbench } from './workbench';
import { npmCliOnPath } from '../../tools/vscode-host/npmCli';

const ADDRESS = /Open (http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+) in your browser/;

describe('npm start (code-server form) for a newcomer', function () {
  this.timeout(600_000);
  let start: ChildProcess | undefined;
  let browser: BrowserContext | undefined;
  let output = '';

  after(async () => {
    await browser?.close();
    if (start?.pid && start.exitCode === null) {
      const exited = new Promise((resolve) => start!.once('exit', resolve));
      process.kill(-start.pid, 'SIGTERM');
      const timer = setTimeout(() => start?.pid && process.kill(-start.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  });

  it('prints an address; Sign In + Authorize there puts Ada Lovelace in the status bar', async () => {
    const log = path.join(RESULTS_DIR, 'npm-start.log');
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    // Like a person at a terminal: `npm start`, with the code-server host chosen (no desktop VS Code here).
    start = spawn(process.execPath, [npmCliOnPath(), 'start'], {
      cwd: REPO_ROOT,
      env: { ...process.env, RC_START_HOST: 'code-server', RINGCENTRAL_CLIENT_ID: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so stopping it stops the emulator and code-server too
    });
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`npm start printed no address within 8 minutes; its output is in ${log}`)),
        480_000,
      );
      const read = (chunk: Buffer) => {
        output += chunk;
        fs.writeFileSync(log, output);
        const match = ADDRESS.exec(output);
        // The address and the line naming the demo user are two writes: wait for the last line npm start prints.
        if (match && /Ctrl\+C stops everything/.test(output)) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      start!.stdout!.on('data', read);
      start!.stderr!.on('data', read);
      start!.once('exit', (code) =>
        reject(new Error(`npm start exited with ${code} before printing an address:\n${output.slice(-3000)}`)),
      );
    });
    assert.match(output, /demo user Ada Lovelace/);

    browser = await launchBrowser('npm-start');
    const page: Page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(address);
    await waitForWorkbench(page);
    await waitForStatusText(page, /RingCentral: Sign in/, 90_000);
    const opened = browser.waitForEvent('page', { timeout: 60_000 });
    await runCommand(page, 'RingCentral: Sign In');
    const consent = await opened;
    await consent.waitForSelector('#approve', { timeout: 30_000 });
    await consent.click('#approve');
    await consent.waitForLoadState();
    await consent.close();
    const status = await waitForStatusText(page, /Ada Lovelace/);
    assert.match(status, /Ada Lovelace/);
    await page.screenshot({ path: screenshotPath('npm-start-signed-in') });
  });
});
