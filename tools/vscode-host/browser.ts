// Debian's Chromium driven by playwright-core (its own browser download cannot work offline).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM, RESULTS_DIR } from './paths';

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

export async function launchBrowser(name: string): Promise<BrowserContext> {
  const profile = path.join(RESULTS_DIR, 'browser-profiles', name);
  fs.rmSync(profile, { recursive: true, force: true });
  fs.mkdirSync(profile, { recursive: true });
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function screenshotPath(name: string): string {
  const dir = path.join(RESULTS_DIR, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}
