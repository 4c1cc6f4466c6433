// A standalone page that runs the panel's bundle (dist/panel/panel.js and panel.css, from `npm run build`) outside VS Code: a stub acquireVsCodeApi records
// what the panel posts (window.__posted) and answers 'ready' with a sample PanelState. Browser tests load it with
// file://; run directly (node out/test/tools/panelPreview.js) it also takes screenshots with Debian's chromium.
//
// Nothing here is inline: the stub, the state and the theme are files next to the page, so the preview can run
// under the same kind of CSP as the real webview (pass { csp: true }).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkRedirectUri } from '../../src/core/redirect/checkRedirectUri';
import type { PanelState } from '../../src/panel/protocol';

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

/** What the sample's error_description carries: markup that must show as text and never run. */
export const MALICIOUS_DESCRIPTION = 'Redirect rejected for <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>';

export const SAMPLE_IDS = { failedSignIn: 'signIn-sample-failed', rateLimited: 'refresh-sample-429', okSignIn: 'signIn-sample-ok', cancelled: 'signIn-sample-cancelled' };
export const SAMPLE_SENT_REDIRECT = 'http://127.0.0.1:53134/callback';

export interface PreviewOptions {
  /** File name without extension; default 'panel-preview'. */
  name?: string;
  theme?: 'dark' | 'light';
  /** Adds a CSP as strict as the webview's (no inline script or style). Off by default so an injection would run and be caught. */
  csp?: boolean;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function samplePanelState(now: number = Date.now()): PanelState {
  const server = 'https://platform.ringcentral.com';
  const clientId = 'bXlDbGllbnRJZDEyMzQ1';
  const redirectCheck = checkRedirectUri({
    sent: SAMPLE_SENT_REDIRECT,
    mode: 'loopback',
    registered: ['http://localhost:53134/callback/', 'https://127.0.0.1:53134/callback'],
    uriScheme: 'vscode',
  });
  const signInAt = now - 2 * MINUTE;
  const refreshAt = now - 5 * SECOND;
  const tokenBody = JSON.stringify({
    error: 'invalid_client',
    error_description: MALICIOUS_DESCRIPTION,
    errors: [{ errorCode: 'OAU-113', message: 'No redirect uri is registered for the client' }],
  });
  return {
    now,
    settings: { server, clientId, redirectMode: 'loopback', uriScheme: 'vscode', hasClientSecret: false, appName: 'Call Log Exporter' },
    session: {
      label: 'Ada Lovelace (ext. 101)',
      accountId: '400131234008',
      extensionNumber: '101',
      profileKnown: true,
      server,
      clientId,
      scope: ['ReadAccounts', 'ReadCallLog', 'CallControl', 'ReadPresence'],
      accessExpiresAt: now + 45 * MINUTE + 12 * SECOND,
      refreshExpiresAt: now + 7 * DAY,
      hasRefreshToken: true,
      refreshError: 'The last automatic refresh was rate limited (CMN-301); it will be retried.',
    },
    redirect: {
      check: redirectCheck,
      preflight: { ok: true, detail: 'HTTP 302 to the login page: client id and redirect URI accepted' },
    },
    attempts: [
      {
        id: SAMPLE_IDS.rateLimited,
        kind: 'refresh',
        startedAt: refreshAt - 180,
        endedAt: refreshAt,
        outcome: 'failed',
        server,
        clientId,
        steps: [
          {
            at: refreshAt,
            title: 'Refresh the access token',
            ok: false,
            durationMs: 180,
            request: {
              method: 'POST',
              url: `${server}/restapi/oauth/token`,
              headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
              body: `grant_type=refresh_token&refresh_token=${encodeURIComponent('U0pDMD…x9Q')}&client_id=${clientId}`,
            },
            response: {
              status: 429,
              headers: { 'content-type': 'application/json', 'retry-after': '60', 'x-rate-limit-group': 'auth', 'x-rate-limit-limit': '5', 'x-rate-limit-remaining': '0', 'x-rate-limit-window': '60' },
              body: JSON.stringify({ errorCode: 'CMN-301', message: 'Request rate exceeded', errors: [{ errorCode: 'CMN-301', message: 'Request rate exceeded' }] }),
            },
            diagnosis: {
              id: 'rate-limited',
              code: 'CMN-301',
              serverMessage: 'Request rate exceeded',
              summary: "RingCentral's rate limit for this app was reached: wait a minute before the next request.",
              causes: [
                'Too many token requests in a short time: the auth group allows 5 requests a minute per app.',
                'Another process (a script, a second editor window) uses the same app and shares its limit.',
              ],
              fixes: [
                { label: 'Wait, then retry', detail: 'RingCentral said how long to wait (Retry-After: 60).', action: { kind: 'waitAndRetry', seconds: 60 } },
                { label: 'Read about rate limits', action: { kind: 'openUrl', url: 'https://developers.ringcentral.com/guide/basics/rate-limits' } },
              ],
              retryAfterSeconds: 60,
            },
          },
        ],
      },
      {
        id: SAMPLE_IDS.failedSignIn,
        kind: 'signIn',
        startedAt: signInAt,
        endedAt: signInAt + 14_350,
        outcome: 'failed',
        server,
        clientId,
        steps: [
          {
            at: signInAt,
            title: 'Open the authorize page in the browser',
            ok: true,
            durationMs: 40,
            params: {
              response_type: 'code',
              client_id: clientId,
              redirect_uri: SAMPLE_SENT_REDIRECT,
              state: 'Zk3…Q1w',
              code_challenge: 'E9Me…cM',
              code_challenge_method: 'S256',
            },
          },
          {
            at: signInAt + 14_000,
            title: 'Callback received on 127.0.0.1:53134',
            ok: true,
            durationMs: 2,
            params: { code: 'U0pD…x9Q', state: 'Zk3…Q1w' },
          },
          {
            at: signInAt + 14_000,
            title: 'Exchange the code for a token',
            ok: false,
            durationMs: 348,
            request: {
              method: 'POST',
              url: `${server}/restapi/oauth/token`,
              headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
              body: `grant_type=authorization_code&code=U0pD%E2%80%A6x9Q&redirect_uri=${encodeURIComponent(SAMPLE_SENT_REDIRECT)}&client_id=${clientId}&code_verifier=dBjf%E2%80%A6XoM`,
            },
            response: { status: 400, headers: { 'content-type': 'application/json;charset=utf-8', rcrequestid: '5d1e4c1a-8e0f-11ef-9f6c-005056bb2dc3' }, body: tokenBody },
            failure: { kind: 'api', info: { status: 400, code: 'OAU-113', error: 'invalid_client', message: 'No redirect uri is registered for the client', description: MALICIOUS_DESCRIPTION, rawBody: tokenBody } },
            diagnosis: {
              id: 'redirect-uri-not-registered',
              code: 'OAU-113',
              serverMessage: MALICIOUS_DESCRIPTION,
              summary: 'The app has no OAuth redirect URI registered, so RingCentral has nowhere to send the browser after sign-in.',
              causes: [
                'No redirect URI is registered on the app. Redirect URIs live in the app\'s OAuth settings in the Developer Console: your app → Settings → Auth → "OAuth Redirect URI". The URI sent at sign-in must match one of them exactly.',
                'The app was created without a redirect: JWT, "no UI" and server-only apps have no OAuth Redirect URI, and an app\'s auth flow cannot be changed afterwards.',
                `Client id ${clientId} may belong to another app, or to the same app in another environment (production, sandbox and .biz each have their own credentials).`,
              ],
              fixes: [
                { label: 'Copy the redirect URI to add', detail: `Copies ${SAMPLE_SENT_REDIRECT}.`, action: { kind: 'copyRedirectUri', uri: SAMPLE_SENT_REDIRECT } },
                {
                  label: 'Open the app in the Developer Console',
                  detail: `Open your app → Settings → Auth. In "OAuth Redirect URI" paste ${SAMPLE_SENT_REDIRECT} exactly, then save and sign in again.`,
                  action: { kind: 'openDeveloperConsole', url: 'https://developers.ringcentral.com/console/my-apps' },
                },
                { label: 'Check the client id and server', action: { kind: 'configureApp' } },
                { label: 'Use the URI handler redirect instead', detail: 'If vscode://rcdevtools.ringcentral-oauth/callback is registered.', action: { kind: 'switchRedirectMode', mode: 'uriHandler' } },
                { label: 'After adding the URI, start a new sign-in.', action: { kind: 'signIn' } },
              ],
            },
          },
        ],
      },
      {
        id: SAMPLE_IDS.okSignIn,
        kind: 'signIn',
        startedAt: now - 3 * HOUR,
        endedAt: now - 3 * HOUR + 9_800,
        outcome: 'ok',
        server,
        clientId,
        steps: [
          { at: now - 3 * HOUR, title: 'Open the authorize page in the browser', ok: true, durationMs: 35 },
          { at: now - 3 * HOUR + 9_400, title: 'Callback received on 127.0.0.1:53134', ok: true, durationMs: 1 },
          {
            at: now - 3 * HOUR + 9_400,
            title: 'Exchange the code for a token',
            ok: true,
            durationMs: 402,
            response: {
              status: 200,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ access_token: 'U0pDMD…AbC', token_type: 'bearer', expires_in: 3600, refresh_token: 'U0pDMD…x9Q', refresh_token_expires_in: 604800, scope: 'ReadAccounts ReadCallLog CallControl ReadPresence', owner_id: '101' }),
            },
          },
        ],
      },
      {
        id: SAMPLE_IDS.cancelled,
        kind: 'signIn',
        startedAt: now - 26 * HOUR,
        endedAt: now - 26 * HOUR + 65_000,
        outcome: 'cancelled',
        server,
        clientId,
        steps: [
          { at: now - 26 * HOUR, title: 'Open the authorize page in the browser', ok: true, durationMs: 30 },
          { at: now - 26 * HOUR + 65_000, title: 'Cancelled before the browser came back', ok: false, note: 'You cancelled the sign-in notification.' },
        ],
      },
    ],
    focus: { kind: 'attempt', attemptId: SAMPLE_IDS.failedSignIn },
    permission: {
      method: 'POST',
      path: '/restapi/v1.0/account/~/extension/~/sms',
      operation: {
        pathTemplate: '/restapi/v1.0/account/{accountId}/extension/{extensionId}/sms',
        operationId: 'createSMSMessage',
        summary: 'Send SMS',
        appPermission: 'SMS',
        userPermission: 'OutboundSMS',
      },
      granted: false,
      grantedPermissions: ['ReadAccounts', 'ReadCallLog', 'CallControl', 'ReadPresence'],
    },
  };
}

/** VS Code "Dark Modern" and "Light Modern" values of the variables the panel uses (VS Code sets them on <html>). */
const THEMES: Record<'dark' | 'light', Record<string, string>> = {
  dark: {
    'font-family': '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", "DejaVu Sans", sans-serif',
    'font-size': '13px',
    'editor-font-family': '"Droid Sans Mono", "DejaVu Sans Mono", monospace',
    'editor-font-size': '13px',
    foreground: '#cccccc',
    descriptionForeground: '#9d9d9d',
    errorForeground: '#f85149',
    focusBorder: '#0078d4',
    'editor-background': '#1f1f1f',
    'widget-border': '#313131',
    'panel-border': '#2b2b2b',
    'button-background': '#0078d4',
    'button-foreground': '#ffffff',
    'button-hoverBackground': '#026ec1',
    'button-border': '#ffffff12',
    'button-secondaryBackground': '#313131',
    'button-secondaryForeground': '#cccccc',
    'button-secondaryHoverBackground': '#3c3c3c',
    'textLink-foreground': '#4daafc',
    'textLink-activeForeground': '#4daafc',
    'testing-iconPassed': '#73c991',
    'editorWarning-foreground': '#cca700',
    'input-background': '#313131',
    'input-foreground': '#cccccc',
    'input-border': '#3c3c3c',
    'input-placeholderForeground': '#989898',
    'dropdown-background': '#313131',
    'dropdown-foreground': '#cccccc',
    'dropdown-border': '#3c3c3c',
    'textCodeBlock-background': '#2b2b2b',
    'textPreformat-foreground': '#d0d0d0',
    'textBlockQuote-background': '#2b2b2b',
    'textBlockQuote-border': '#616161',
    'badge-background': '#616161',
    'badge-foreground': '#f8f8f8',
    'list-hoverBackground': '#2a2d2e',
    'list-activeSelectionBackground': '#04395e',
    'list-activeSelectionForeground': '#ffffff',
    'list-inactiveSelectionBackground': '#37373d',
    'list-focusOutline': '#0078d4',
  },
  light: {
    'font-family': '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", "DejaVu Sans", sans-serif',
    'font-size': '13px',
    'editor-font-family': '"Droid Sans Mono", "DejaVu Sans Mono", monospace',
    'editor-font-size': '13px',
    foreground: '#3b3b3b',
    descriptionForeground: '#3b3b3b',
    errorForeground: '#f85149',
    focusBorder: '#005fb8',
    'editor-background': '#ffffff',
    'widget-border': '#e5e5e5',
    'panel-border': '#e5e5e5',
    'button-background': '#005fb8',
    'button-foreground': '#ffffff',
    'button-hoverBackground': '#0258a8',
    'button-border': '#0000001a',
    'button-secondaryBackground': '#e5e5e5',
    'button-secondaryForeground': '#3b3b3b',
    'button-secondaryHoverBackground': '#cccccc',
    'textLink-foreground': '#005fb8',
    'textLink-activeForeground': '#005fb8',
    'testing-iconPassed': '#388a34',
    'editorWarning-foreground': '#bf8803',
    'input-background': '#ffffff',
    'input-foreground': '#3b3b3b',
    'input-border': '#cecece',
    'input-placeholderForeground': '#767676',
    'dropdown-background': '#ffffff',
    'dropdown-foreground': '#3b3b3b',
    'dropdown-border': '#cecece',
    'textCodeBlock-background': '#f2f2f2',
    'textPreformat-foreground': '#3b3b3b',
    'textBlockQuote-background': '#f8f8f8',
    'textBlockQuote-border': '#e5e5e5',
    'badge-background': '#cccccc',
    'badge-foreground': '#3b3b3b',
    'list-hoverBackground': '#f2f2f2',
    'list-activeSelectionBackground': '#e8e8e8',
    'list-activeSelectionForeground': '#000000',
    'list-inactiveSelectionBackground': '#e4e6f1',
    'list-focusOutline': '#005fb8',
  },
};

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
export function writePanelPreview(outDir: string, state: PanelState = samplePanelState(), options: PreviewOptions = {}): string {
  const name = options.name ?? 'panel-preview';
  const theme = options.theme ?? 'dark';
  fs.mkdirSync(outDir, { recursive: true });
  const bundle = path.join(REPO_ROOT, 'dist', 'panel');
  if (!fs.existsSync(path.join(bundle, 'panel.js'))) throw new Error('dist/panel/panel.js is missing: run `npm run build` first');
  const themeVars = Object.entries(THEMES[theme])
    .map(([key, value]) => `  --vscode-${key}: ${value};`)
    .join('\n');
  fs.writeFileSync(path.join(outDir, `${name}.theme.css`), `html {\n${themeVars}\n}\n`);
  fs.writeFileSync(path.join(outDir, `${name}.stub.js`), STUB_SCRIPT);
  // A separate .js file, not inline: JSON is valid JavaScript and nothing in it is parsed as HTML.
  fs.writeFileSync(path.join(outDir, `${name}.state.js`), `window.__previewState = ${JSON.stringify(state, null, 2)};\n`);
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
        input: '{"error":"invalid_grant","error_description":"Token is expired","errors":[{"errorCode":"OAU-211","message":"Token is revoked"}]}',
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

    page = await open(writePanelPreview(outDir, samplePanelState(), { name: 'panel-preview-light', theme: 'light' }), 1200);
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
