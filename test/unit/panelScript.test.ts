// The diagnostics panel's pure parts under plain Node: the panel app's text helpers (src/panel/format.ts, which
// has no DOM), the labels and durations it takes from core, and the message validation and HTML of
// src/vscode/diagnosticsPanel.ts with a tiny 'vscode' stub.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Module from 'node:module';
import type { FixAction } from '../../src/core/diagnosis/types';
import type { TraceStep, FlowAttempt } from '../../src/core/trace/trace';
import { fixActionLabel, REDIRECT_MODES, retryLabel } from '../../src/core/diagnosis/fixActionLabels';
import { formatDuration } from '../../src/core/oauth/tokenSet';
import type * as DiagnosticsPanelModule from '../../src/vscode/diagnosticsPanel';
import {
  attemptsNewestFirst,
  defaultStepIndex,
  expiryText,
  formatClock,
  prettyBody,
  requestText,
  responseText,
  retrySecondsLeft,
} from '../../src/panel/format';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const PANEL_SOURCES = path.join(REPO_ROOT, 'src', 'panel');

/** Loads src/vscode/diagnosticsPanel with `vscode` replaced by the two pieces buildPanelHtml touches. */
function loadDiagnosticsPanel(): typeof DiagnosticsPanelModule {
  const vscodeStub = {
    Uri: { joinPath: (base: { path: string }, ...parts: string[]) => ({ path: [base.path, ...parts].join('/') }) },
    ViewColumn: { Active: -1 },
  };
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = loader._load;
  loader._load = function (request: string, parent: unknown, isMain: boolean) {
    return request === 'vscode' ? vscodeStub : original.call(this, request, parent, isMain);
  };
  try {
    // Loaded after the stub is in place, so not an import statement.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('../../src/vscode/diagnosticsPanel') as typeof DiagnosticsPanelModule;
  } finally {
    loader._load = original;
  }
}

function step(partial: Partial<TraceStep>): TraceStep {
  return { at: 0, title: 'step', ok: true, ...partial };
}

function panelSourceFiles(dir: string = PANEL_SOURCES): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? panelSourceFiles(file) : entry.name.endsWith('.ts') ? [file] : [];
  });
}

describe('diagnostics panel app (src/panel)', () => {
  it('never builds markup from strings', () => {
    const files = panelSourceFiles();
    assert.ok(files.length >= 10, `found ${files.length} panel sources`);
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      for (const sink of [
        'innerHTML',
        'outerHTML',
        'insertAdjacentHTML',
        'document.write',
        'eval(',
        'new Function',
        'srcdoc',
        '.style.',
        "'style'",
      ]) {
        assert.ok(!source.includes(sink), `${path.relative(REPO_ROOT, file)} uses ${sink}`);
      }
    }
  });

  it('never imports vscode or Node modules (it runs in the webview)', () => {
    for (const file of panelSourceFiles()) {
      const imports = [...fs.readFileSync(file, 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map(
        (match) => match[1],
      );
      for (const specifier of imports) {
        assert.ok(specifier.startsWith('.'), `${path.relative(REPO_ROOT, file)} imports ${specifier}`);
        assert.ok(
          !/\/vscode\//.test(specifier),
          `${path.relative(REPO_ROOT, file)} imports the extension side: ${specifier}`,
        );
      }
    }
  });

  it('labels every fix action kind from core (the notifications use the same function)', () => {
    const cases: Array<[FixAction, string]> = [
      [
        { kind: 'openDeveloperConsole', url: 'https://developers.ringcentral.com/console/my-apps' },
        'Open Developer Console',
      ],
      [{ kind: 'copyRedirectUri', uri: 'vscode://x/callback' }, 'Copy redirect URI'],
      [{ kind: 'switchRedirectMode', mode: 'loopback' }, 'Use loopback redirect'],
      [{ kind: 'switchRedirectMode', mode: 'paste' }, 'Use paste redirect'],
      [{ kind: 'switchRedirectMode', mode: 'uriHandler' }, 'Use URI handler redirect'],
      [{ kind: 'setClientSecret' }, 'Set Client Secret'],
      [{ kind: 'configureApp' }, 'Configure App'],
      [{ kind: 'signIn' }, 'Sign In again'],
      [{ kind: 'waitAndRetry', seconds: 30 }, 'Retry in 30 s'],
      [{ kind: 'waitAndRetry', seconds: 0 }, 'Retry'],
      [{ kind: 'checkPermissions', permission: 'SMS' }, 'Check Permissions'],
      [{ kind: 'checkRedirectUri' }, 'Check Redirect URI'],
      [{ kind: 'openSettings', setting: 'ringcentral.server' }, 'Open Setting'],
      [{ kind: 'openUrl', url: 'https://example.com' }, 'Open Link'],
    ];
    for (const [action, label] of cases) {
      assert.strictEqual(fixActionLabel(action), label, action.kind);
    }
  });

  it("lists the redirect modes once: package.json's enum is core's list", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { enum?: string[]; enumDescriptions?: string[] }> } };
    };
    const setting = manifest.contributes.configuration.properties['ringcentral.redirect.mode'];
    assert.deepStrictEqual(setting.enum, [...REDIRECT_MODES]);
    assert.strictEqual(setting.enumDescriptions?.length, REDIRECT_MODES.length);
  });

  it('counts retry seconds up and never below zero', () => {
    assert.strictEqual(retrySecondsLeft(60_000, 0), 60);
    assert.strictEqual(retrySecondsLeft(60_000, 100), 60);
    assert.strictEqual(retrySecondsLeft(60_000, 59_001), 1);
    assert.strictEqual(retrySecondsLeft(60_000, 60_000), 0);
    assert.strictEqual(retrySecondsLeft(60_000, 90_000), 0);
    assert.strictEqual(retryLabel(12), 'Retry in 12 s');
    assert.strictEqual(retryLabel(0), 'Retry');
  });

  it("formats durations with core's formatDuration (the status bar's too) and expiries", () => {
    assert.strictEqual(formatDuration(348), '348 ms');
    assert.strictEqual(formatDuration(1234), '1.2 s');
    assert.strictEqual(formatDuration(2000), '2 s');
    assert.strictEqual(formatDuration(45_000), '45 s');
    assert.strictEqual(formatDuration(125_000), '2 min 5 s');
    assert.strictEqual(formatDuration(15 * 60_000 + 3000), '15 min');
    assert.strictEqual(formatDuration(3 * 3600_000 + 60_000), '3 h 1 min');
    assert.strictEqual(formatDuration(183_600_000), '2 d 3 h');
    assert.strictEqual(formatDuration(7 * 86_400_000), '7 d 0 h');
    assert.strictEqual(formatDuration(Number.NaN), '');
    assert.strictEqual(formatDuration(-1), '');
    assert.strictEqual(formatClock(59_999), '0:59');
    assert.strictEqual(formatClock(3_723_000), '1:02:03');
    assert.strictEqual(expiryText(1_000_000 + 2_712_000, 1_000_000), 'expires in 45:12');
    assert.strictEqual(expiryText(0, 180_000), 'expired 3 min 0 s ago');
    assert.strictEqual(expiryText(7 * 86_400_000, 0), 'expires in 7 d 0 h');
  });

  it('pretty-prints JSON and form bodies and leaves other text alone', () => {
    assert.strictEqual(prettyBody('{"error":"invalid_grant"}'), '{\n  "error": "invalid_grant"\n}');
    assert.strictEqual(prettyBody('{not json'), '{not json');
    assert.strictEqual(prettyBody('<html><body>Bad Gateway</body></html>'), '<html><body>Bad Gateway</body></html>');
    assert.strictEqual(
      prettyBody(
        'grant_type=authorization_code&redirect_uri=http%3A%2F%2F127.0.0.1%3A53134%2Fcallback&code=ab%E2%80%A6c',
      ),
      'grant_type=authorization_code\n&redirect_uri=http://127.0.0.1:53134/callback\n&code=ab…c',
    );
    assert.strictEqual(prettyBody(''), '');
    assert.strictEqual(
      requestText({
        method: 'POST',
        url: 'https://x/restapi/oauth/token',
        headers: { Accept: 'application/json' },
        body: 'a=1&b=2',
      }),
      'POST https://x/restapi/oauth/token\nAccept: application/json\n\na=1\n&b=2',
    );
    assert.strictEqual(responseText({ status: 204, headers: {}, body: '' }), 'HTTP 204');
  });

  it('opens an attempt on its diagnosed failed step', () => {
    assert.strictEqual(
      defaultStepIndex({
        steps: [
          step({}),
          step({ ok: false, diagnosis: { id: 'x', summary: 's', causes: [], fixes: [] } }),
          step({ ok: false }),
        ],
      }),
      1,
    );
    assert.strictEqual(defaultStepIndex({ steps: [step({}), step({ ok: false }), step({})] }), 1);
    assert.strictEqual(defaultStepIndex({ steps: [step({}), step({})] }), 1);
    assert.strictEqual(defaultStepIndex({ steps: [] }), -1);
    const attempts = [1, 3, 2].map(
      (n) => ({ id: String(n), kind: 'signIn', startedAt: n, outcome: 'ok', steps: [] }) as FlowAttempt,
    );
    assert.deepStrictEqual(
      attemptsNewestFirst(attempts).map((a) => a.id),
      ['3', '2', '1'],
    );
    assert.deepStrictEqual(
      attempts.map((a) => a.id),
      ['1', '3', '2'],
      'the input is not reordered',
    );
  });
});

describe('diagnostics panel messages and HTML (src/vscode/diagnosticsPanel.ts)', () => {
  const { parsePanelMessage, buildPanelHtml } = loadDiagnosticsPanel();

  it('accepts each known message and rebuilds it from its known fields', () => {
    const valid: unknown[] = [
      { command: 'ready' },
      { command: 'signIn' },
      { command: 'refreshToken' },
      { command: 'clearHistory' },
      { command: 'explain', text: 'OAU-113' },
      { command: 'checkRedirect', registered: 'http://127.0.0.1:53134/callback\nvscode://x/callback' },
      { command: 'checkPermission', method: 'GET', path: '/restapi/v1.0/account/~' },
      { command: 'runFix', action: { kind: 'copyRedirectUri', uri: 'http://127.0.0.1:53134/callback' } },
      { command: 'runFix', action: { kind: 'switchRedirectMode', mode: 'paste' } },
      { command: 'runFix', action: { kind: 'waitAndRetry', seconds: 0, then: 'signIn' } },
      { command: 'runFix', action: { kind: 'waitAndRetry', seconds: 5, then: 'refreshToken' } },
      { command: 'runFix', action: { kind: 'checkPermissions' } },
      { command: 'runFix', action: { kind: 'checkPermissions', permission: 'SMS' } },
      { command: 'runFix', action: { kind: 'openUrl', url: 'https://developers.ringcentral.com/guide' } },
      { command: 'runFix', action: { kind: 'openDeveloperConsole', url: 'http://127.0.0.1:9000/__console' } },
      { command: 'runFix', action: { kind: 'openSettings', setting: 'ringcentral.redirect.mode' } },
      { command: 'runFix', action: { kind: 'setClientSecret' } },
      { command: 'copyAsCurl', attemptId: 'jwt-m1-abc', stepIndex: 2, shell: 'bash', withSecrets: false },
      { command: 'copyAsCurl', attemptId: 'signIn-x', stepIndex: 0, shell: 'powershell', withSecrets: true },
    ];
    for (const message of valid) {
      assert.deepStrictEqual(parsePanelMessage(message), message);
    }
    assert.deepStrictEqual(parsePanelMessage({ command: 'signIn', extra: 1 }), { command: 'signIn' });
    assert.deepStrictEqual(
      parsePanelMessage({
        command: 'copyAsCurl',
        attemptId: 'a',
        stepIndex: 1,
        shell: 'bash',
        withSecrets: true,
        secrets: { clientSecret: 'x' },
      }),
      { command: 'copyAsCurl', attemptId: 'a', stepIndex: 1, shell: 'bash', withSecrets: true },
    );
    assert.deepStrictEqual(
      parsePanelMessage({ command: 'runFix', action: { kind: 'configureApp', command: 'workbench.action.x' } }),
      {
        command: 'runFix',
        action: { kind: 'configureApp' },
      },
    );
    assert.deepStrictEqual(parsePanelMessage({ command: 'checkPermission', method: 'post', path: '/a' }), {
      command: 'checkPermission',
      method: 'POST',
      path: '/a',
    });
  });

  it('drops unknown or malformed messages', () => {
    const invalid: unknown[] = [
      undefined,
      null,
      'ready',
      [],
      {},
      { command: 'state' },
      { command: 'runCommand', id: 'workbench.action.terminal.new' },
      { command: 'explain' },
      { command: 'explain', text: 42 },
      { command: 'explain', text: 'x'.repeat(200_001) },
      { command: 'checkRedirect', registered: ['a'] },
      { command: 'checkPermission', method: 'TRACE', path: '/a' },
      { command: 'checkPermission', method: 'GET' },
      { command: 'runFix' },
      { command: 'runFix', action: { kind: 'runCommand' } },
      { command: 'runFix', action: { kind: 'openUrl', url: 'file:///etc/passwd' } },
      { command: 'runFix', action: { kind: 'openUrl', url: 'command:workbench.action.terminal.new' } },
      { command: 'runFix', action: { kind: 'openDeveloperConsole' } },
      { command: 'runFix', action: { kind: 'copyRedirectUri', uri: 5 } },
      { command: 'runFix', action: { kind: 'switchRedirectMode', mode: 'carrierPigeon' } },
      { command: 'runFix', action: { kind: 'waitAndRetry', seconds: -1 } },
      { command: 'runFix', action: { kind: 'waitAndRetry', seconds: Number.NaN } },
      { command: 'runFix', action: { kind: 'waitAndRetry', seconds: '5' } },
      { command: 'runFix', action: { kind: 'openSettings', setting: 'a b' } },
      { command: 'runFix', action: { kind: 'checkPermissions', permission: 7 } },
      { command: 'copyAsCurl', attemptId: 'a', stepIndex: 0, shell: 'cmd', withSecrets: false },
      { command: 'copyAsCurl', attemptId: 'a', stepIndex: -1, shell: 'bash', withSecrets: false },
      { command: 'copyAsCurl', attemptId: 'a', stepIndex: 1.5, shell: 'bash', withSecrets: false },
      { command: 'copyAsCurl', attemptId: 'a', stepIndex: 0, shell: 'bash', withSecrets: 'yes' },
      { command: 'copyAsCurl', attemptId: 7, stepIndex: 0, shell: 'bash', withSecrets: false },
      { command: 'copyAsCurl', attemptId: 'a'.repeat(201), stepIndex: 0, shell: 'bash', withSecrets: false },
    ];
    for (const message of invalid) {
      assert.strictEqual(parsePanelMessage(message), undefined, JSON.stringify(message));
    }
  });

  it('builds the page with the exact CSP, a fresh nonce and no inline script or style', () => {
    const webview = {
      cspSource: 'https://*.vscode-cdn.net',
      asWebviewUri: (uri: { path: string }) => ({
        toString: () => `https://file+.vscode-resource.vscode-cdn.net${uri.path}`,
      }),
    };
    // The stubs stand in for vscode.Webview and vscode.Uri: buildPanelHtml reads only these members.
    const stubWebview = webview as unknown as Parameters<typeof buildPanelHtml>[0];
    const panelRoot = { path: '/ext/dist/panel' } as unknown as Parameters<typeof buildPanelHtml>[1];
    const html = buildPanelHtml(stubWebview, panelRoot);
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(html)?.[1];
    assert.ok(nonce && nonce.length >= 16, 'nonce');
    assert.ok(
      html.includes(
        `content="default-src 'none'; img-src https://*.vscode-cdn.net data:; style-src https://*.vscode-cdn.net; script-src 'nonce-${nonce}'; font-src https://*.vscode-cdn.net;"`,
      ),
    );
    assert.ok(
      html.includes(
        `<script nonce="${nonce}" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/panel/panel.js"></script>`,
      ),
    );
    assert.ok(
      html.includes(
        '<link rel="stylesheet" href="https://file+.vscode-resource.vscode-cdn.net/ext/dist/panel/panel.css">',
      ),
    );
    assert.ok(!/<script(?![^>]*\bsrc=)/.test(html), 'no inline script');
    assert.ok(!/\sstyle=|<style/.test(html), 'no inline style');
    assert.ok(!/\son[a-z]+=/.test(html), 'no inline event handler');
    assert.notStrictEqual(
      /nonce-([^']+)'/.exec(buildPanelHtml(stubWebview, panelRoot))?.[1],
      nonce,
      'a new nonce per page',
    );
  });
});
