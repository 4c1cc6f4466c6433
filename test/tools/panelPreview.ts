// A standalone page that runs the panel's bundle (dist/panel/panel.js and panel.css, from `npm run build`) outside VS Code: a stub acquireVsCodeApi records
// what the panel posts (window.__posted) and answers 'ready' with a sample PanelState. Browser tests load it with
// file://; run directly (node out/test/tools/panelPreview.js) it also takes screenshots with Debian's chromium.
//
// Nothing here is inline: the stub, the state and the theme are files next to the page, so the preview can run
// under the same kind of CSP as the real webview (pass { csp: true }).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PanelState } from '../../src/panel/protocol';
import { SAMPLE_IDS, samplePanelState } from './panelSampleState';
import { THEMES } from './panelThemes';

export { MALICIOUS_DESCRIPTION, SAMPLE_IDS, SAMPLE_SENT_REDIRECT, samplePanelState } from './panelSampleState';

/** out/test/tools → the repository root (dist/ lives there). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PreviewOptions {
  /** File name without extension; default 'panel-preview'. */
  name?: string;
  theme?: 'dark' | 'light';
  /** Adds a CSP as strict as the webview's (no inline script or style). Off by default so an injection would run and be caught. */
  csp?: boolean;
}

const STUB_SCRIPT = `// Stands in for VS Code's webview API: records messages, keeps setState in sessionStorage (like a hidden and
// re-shown panel), answers 'ready' with the sample state once the page has loaded.
(function () {
  'use strict';
  var KEY = '__panelPreviewState';
  window.__posted = [];
  function deliver(state) {
    window.postMessage({ command: 'state', state: state || window.__previewState }, '*');
    window.__stateDeliveries = (window.__stateDeliveries || 0) + 1;
  }
  window.__deliverState = deliver;
  window.acquireVsCodeApi = function () {
    return {
      postMessage: function (message) {
        window.__posted.push(JSON.parse(JSON.stringify(message)));
        if (message && message.command === 'ready') {
          if (document.readyState === 'complete') setTimeout(function () { deliver(); }, 0);
          else window.addEventListener('load', function () { deliver(); });
        }
      },
      getState: function () {
        try { return JSON.parse(sessionStorage.getItem(KEY) || 'null') || undefined; } catch (e) { return window.__memoryState; }
      },
      setState: function (value) {
        window.__memoryState = value;
        try { sessionStorage.setItem(KEY, JSON.stringify(value)); } catch (e) { /* file:// without storage */ }
        return value;
      },
    };
  };
})();
`;

function toUrlPath(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).map(encodeURIComponent).join('/');
}

/** Writes the preview page (and its stub, state and theme files) into outDir; returns the page's path. */
export function writePanelPreview(
  outDir: string,
  state: PanelState = samplePanelState(),
  options: PreviewOptions = {},
): string {
  const name = options.name ?? 'panel-preview';
  const theme = options.theme ?? 'dark';
  fs.mkdirSync(outDir, { recursive: true });
  const bundle = path.join(REPO_ROOT, 'dist', 'panel');
  if (!fs.existsSync(path.join(bundle, 'panel.js')))
    throw new Error('dist/panel/panel.js is missing: run `npm run build` first');
  const themeVars = Object.entries(THEMES[theme])
    .map(([key, value]) => `  --vscode-${key}: ${value};`)
    .join('\n');
  fs.writeFileSync(path.join(outDir, `${name}.theme.css`), `html {\n${themeVars}\n}\n`);
  fs.writeFileSync(path.join(outDir, `${name}.stub.js`), STUB_SCRIPT);
  // A separate .js file, not inline: JSON is valid JavaScript and nothing in it is parsed as HTML.
  fs.writeFileSync(
    path.join(outDir, `${name}.state.js`),
    `window.__previewState = ${JSON.stringify(state, null, 2)};\n`,
  );
  const csp = options.csp
    ? `  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src file: data:; style-src file:; script-src file:; font-src file:;">\n`
    : '';
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
${csp}  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${name}.theme.css">
  <link rel="stylesheet" href="${toUrlPath(outDir, path.join(bundle, 'panel.css'))}">
  <title>RingCentral Diagnostics (preview)</title>
</head>
<body class="vscode-${theme}" data-vscode-theme-kind="vscode-${theme}">
  <main id="app" class="panel" aria-busy="true"><p class="loading">Loading diagnostics…</p></main>
  <script src="${name}.stub.js"></script>
  <script src="${name}.state.js"></script>
  <script src="${toUrlPath(outDir, path.join(bundle, 'panel.js'))}"></script>
</body>
</html>
`;
  const file = path.join(outDir, `${name}.html`);
  fs.writeFileSync(file, html);
  return file;
}

/** Screenshots of the preview in a few situations, for a human to look at. */
async function screenshots(outDir: string): Promise<string[]> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const written: string[] = [];
  try {
    const open = async (file: string, width: number, height = 900) => {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(`file://${file}`);
      await page.locator('#attempts .attempt-row').first().waitFor();
      return page;
    };
    const shot = async (page: import('playwright-core').Page, name: string, fullPage = true) => {
      const file = path.join(outDir, name);
      await page.screenshot({ path: file, fullPage });
      written.push(file);
    };

    const dark = writePanelPreview(outDir);
    let page = await open(dark, 1200);
    await page.waitForTimeout(300);
    await shot(page, 'panel-preview.png');
    await page.locator(`.attempt-row[data-attempt-id="${SAMPLE_IDS.rateLimited}"]`).click();
    await page.locator('#attempts').screenshot({ path: path.join(outDir, 'panel-preview-rate-limit.png') });
    written.push(path.join(outDir, 'panel-preview-rate-limit.png'));
    await page.close();

    const explainState: PanelState = {
      ...samplePanelState(),
      focus: {
        kind: 'explain',
        input:
          '{"error":"invalid_grant","error_description":"Token is expired","errors":[{"errorCode":"OAU-211","message":"Token is revoked"}]}',
        diagnosis: {
          id: 'refresh-token-revoked',
          code: 'OAU-211',
          serverMessage: 'Token is revoked',
          summary: 'The refresh token was revoked, so it can no longer get new access tokens.',
          causes: ['The user signed out or revoked the app', 'A newer refresh replaced it'],
          fixes: [{ label: 'Sign in again', action: { kind: 'signIn' } }],
        },
      },
    };
    page = await open(writePanelPreview(outDir, explainState, { name: 'panel-preview-explain' }), 1000);
    await page.waitForTimeout(800);
    await page.locator('#explain').screenshot({ path: path.join(outDir, 'panel-preview-explain.png') });
    written.push(path.join(outDir, 'panel-preview-explain.png'));
    await page.close();

    page = await open(
      writePanelPreview(outDir, samplePanelState(), { name: 'panel-preview-light', theme: 'light' }),
      1200,
    );
    await shot(page, 'panel-preview-light.png');
    await page.close();

    page = await open(writePanelPreview(outDir, samplePanelState(), { name: 'panel-preview-narrow' }), 520);
    await shot(page, 'panel-preview-narrow.png');
    await page.close();
  } finally {
    await browser.close();
  }
  return written;
}

if (require.main === module) {
  const outDir = path.join(REPO_ROOT, 'test-results');
  const file = writePanelPreview(outDir);
  console.log(`wrote ${file}`);
  if (!fs.existsSync(CHROMIUM_PATH) || process.argv.includes('--no-screenshots')) {
    console.log('no screenshots (chromium missing or --no-screenshots)');
  } else {
    screenshots(outDir).then(
      (files) => files.forEach((f) => console.log(`wrote ${f}`)),
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  }
}
