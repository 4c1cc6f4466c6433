// The diagnostics webview: one panel, rendered by the panel app (src/panel/, bundled to dist/panel/panel.js
// and panel.css) from a PanelState the extension builds on demand.
// The webview is untrusted UI: it only ever receives masked data and every message it sends is validated here.
import type * as NodeCrypto from 'node:crypto';
import * as vscode from 'vscode';
import { notifyError } from './notify';
import { isRedirectMode } from '../core/diagnosis/fixActionLabels';
import type { FixAction } from '../core/diagnosis/types';
import {
  HTTP_METHODS,
  type CopyAsCurlRequest,
  type HttpMethod,
  type PanelState,
  type PanelToExtension,
} from '../panel/protocol';
import { captureForTests } from './testCapture';

export interface DiagnosticsPanelDeps {
  getState(): Promise<PanelState>;
  onMessage(message: PanelToExtension): Promise<void>;
}

type Focus = PanelState['focus'];

/** Longest text accepted from the webview (a pasted HTTP response can be long; a megabyte is not a response). */
const MAX_TEXT = 200_000;

export class DiagnosticsPanel {
  static readonly viewType = 'ringcentral.diagnostics';
  private static instance: DiagnosticsPanel | undefined;

  /** A focus waits here until a state carrying it has reached a live webview. */
  private pendingFocus: Focus;
  /** Only the newest state is posted when getState() calls overlap. */
  private sequence = 0;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  /** Shows (creating or revealing) the single panel. `getState` builds a fresh PanelState on demand; `onMessage` handles messages other than 'ready'. */
  static show(extensionUri: vscode.Uri, deps: DiagnosticsPanelDeps, focus?: Focus): DiagnosticsPanel {
    const existing = DiagnosticsPanel.instance;
    if (existing) {
      existing.deps = deps;
      // Checked before reveal: a hidden webview reloads when revealed and asks for state with 'ready' itself.
      const wasVisible = existing.panel.visible;
      existing.panel.reveal(existing.panel.viewColumn ?? vscode.ViewColumn.Active);
      if (focus) {
        existing.pendingFocus = focus;
      }
      if (wasVisible) {
        void existing.sendState().catch(reportError);
      }
      return existing;
    }
    // The panel's bundle (dist/panel/: panel.js, panel.css) is all the webview may load.
    const panelRoot = vscode.Uri.joinPath(extensionUri, 'dist', 'panel');
    const panel = vscode.window.createWebviewPanel(
      DiagnosticsPanel.viewType,
      'RingCentral Diagnostics',
      vscode.ViewColumn.Active,
      {
        enableScripts: true,
        retainContextWhenHidden: false,
        localResourceRoots: [panelRoot],
      },
    );
    DiagnosticsPanel.instance = new DiagnosticsPanel(panel, panelRoot, deps, focus);
    return DiagnosticsPanel.instance;
  }

  static current(): DiagnosticsPanel | undefined {
    return DiagnosticsPanel.instance;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    panelRoot: vscode.Uri,
    private deps: DiagnosticsPanelDeps,
    focus: Focus,
  ) {
    this.pendingFocus = focus;
    panel.webview.html = buildPanelHtml(panel.webview, panelRoot);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      // The script posts 'ready' every time it loads (first show, and every re-show since context is not retained).
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
    );
  }

  /** Re-sends state (call after attempts/sessions change). */
  async update(focus?: Focus): Promise<void> {
    if (focus) {
      this.pendingFocus = focus;
    }
    if (!this.panel.visible) {
      // retainContextWhenHidden is off: there is no script to receive it; 'ready' fetches fresh state on show.
      return;
    }
    await this.sendState();
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    if (DiagnosticsPanel.instance === this) {
      DiagnosticsPanel.instance = undefined;
    }
    // Disposing the panel fires onDidDispose again; the flag above makes that a no-op.
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) {
      disposable.dispose();
    }
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parsePanelMessage(raw);
    if (!message) {
      return;
    }
    try {
      if (message.command === 'ready') {
        await this.sendState();
      } else {
        await this.deps.onMessage(message);
      }
    } catch (error) {
      reportError(error);
    }
  }

  private async sendState(): Promise<void> {
    if (this.disposed) {
      return;
    }
    const ticket = ++this.sequence;
    const state = await this.deps.getState();
    if (this.disposed || ticket !== this.sequence) {
      return;
    }
    const focus = this.pendingFocus;
    const message = { command: 'state' as const, state: focus ? { ...state, focus } : state };
    captureForTests('webview-state', message);
    // postMessage resolves false when the webview is hidden (its context is discarded): the focus then waits for 'ready'.
    const delivered = await this.panel.webview.postMessage(message);
    if (delivered && this.pendingFocus === focus) {
      this.pendingFocus = undefined;
    }
  }
}

function reportError(error: unknown): void {
  void notifyError(`RingCentral diagnostics: ${error instanceof Error ? error.message : String(error)}`);
}

/** `panelRoot`: the folder holding the bundled panel.js and panel.css (dist/panel/). */
export function buildPanelHtml(
  webview: Pick<vscode.Webview, 'asWebviewUri' | 'cspSource'>,
  panelRoot: vscode.Uri,
): string {
  // node:crypto is required when the first panel opens, not at activation.
  const nonce = (require('node:crypto') as typeof NodeCrypto).randomBytes(18).toString('base64');
  const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(panelRoot, 'panel.js'));
  const styleUri = webview.asWebviewUri(vscode.Uri.joinPath(panelRoot, 'panel.css'));
  const csp =
    `default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource}; ` +
    `script-src 'nonce-${nonce}'; font-src ${webview.cspSource};`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${scriptSafe(styleUri.toString())}">
  <title>RingCentral Diagnostics</title>
</head>
<body>
  <main id="app" class="panel" aria-busy="true"><p class="loading">Loading diagnostics…</p></main>
  <script nonce="${nonce}" src="${scriptSafe(scriptUri.toString())}"></script>
</body>
</html>`;
}

/** Webview resource URIs never contain quotes or angle brackets, but an attribute must not be breakable. */
function scriptSafe(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// ---------------------------------------------------------------------------------------------------------------
// Validation of what the webview sends. Anything unexpected is dropped, and a valid message is rebuilt from its
// known fields only, so extra properties never reach the handlers.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown, max = MAX_TEXT): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isWebUrl(value: unknown): value is string {
  return isText(value, 4000) && /^https?:\/\/[^\s]+$/i.test(value);
}

export function parseFixAction(raw: unknown): FixAction | undefined {
  if (!isRecord(raw) || typeof raw.kind !== 'string') {
    return undefined;
  }
  switch (raw.kind) {
    case 'openDeveloperConsole':
    case 'openUrl':
      // Only web links: a compromised webview must not be able to open file: or command: URIs.
      return isWebUrl(raw.url) ? { kind: raw.kind, url: raw.url } : undefined;
    case 'copyRedirectUri':
      return isText(raw.uri, 4000) ? { kind: 'copyRedirectUri', uri: raw.uri } : undefined;
    case 'switchRedirectMode':
      return isRedirectMode(raw.mode) ? { kind: 'switchRedirectMode', mode: raw.mode } : undefined;
    case 'waitAndRetry':
      return typeof raw.seconds === 'number' &&
        Number.isFinite(raw.seconds) &&
        raw.seconds >= 0 &&
        raw.seconds <= 86_400
        ? { kind: 'waitAndRetry', seconds: raw.seconds, then: raw.then === 'refreshToken' ? 'refreshToken' : 'signIn' }
        : undefined;
    case 'checkPermissions':
      if (raw.permission === undefined) {
        return { kind: 'checkPermissions' };
      }
      return isText(raw.permission, 200) ? { kind: 'checkPermissions', permission: raw.permission } : undefined;
    case 'openSettings':
      return isText(raw.setting, 200) && /^[\w.-]+$/.test(raw.setting)
        ? { kind: 'openSettings', setting: raw.setting }
        : undefined;
    case 'setClientSecret':
    case 'configureApp':
    case 'signIn':
    case 'checkRedirectUri':
      return { kind: raw.kind };
    default:
      return undefined;
  }
}

/** Returns the message rebuilt from its known fields, or undefined for anything unknown or malformed. */
export function parsePanelMessage(raw: unknown): PanelToExtension | undefined {
  if (!isRecord(raw) || typeof raw.command !== 'string') {
    return undefined;
  }
  switch (raw.command) {
    case 'ready':
    case 'signIn':
    case 'refreshToken':
    case 'clearHistory':
      return { command: raw.command };
    case 'runFix': {
      const action = parseFixAction(raw.action);
      return action ? { command: 'runFix', action } : undefined;
    }
    case 'explain':
      return isText(raw.text) ? { command: 'explain', text: raw.text } : undefined;
    case 'checkRedirect':
      return isText(raw.registered) ? { command: 'checkRedirect', registered: raw.registered } : undefined;
    case 'checkPermission': {
      const method = typeof raw.method === 'string' ? raw.method.toUpperCase() : undefined;
      if (!method || !(HTTP_METHODS as readonly string[]).includes(method) || !isText(raw.path, 2000)) {
        return undefined;
      }
      return { command: 'checkPermission', method: method as HttpMethod, path: raw.path };
    }
    case 'copyAsCurl':
      return parseCopyAsCurlRequest(raw);
    default:
      return undefined;
  }
}

/** A "Copy as curl" request from the webview (or the command, called with the same shape), rebuilt from its fields. */
export function parseCopyAsCurlRequest(raw: unknown): CopyAsCurlRequest | undefined {
  if (!isRecord(raw)) {
    return undefined;
  }
  const { attemptId, stepIndex, shell, withSecrets } = raw;
  if (!isText(attemptId, 200) || !Number.isInteger(stepIndex) || (stepIndex as number) < 0) {
    return undefined;
  }
  if ((shell !== 'bash' && shell !== 'powershell') || typeof withSecrets !== 'boolean') {
    return undefined;
  }
  return { command: 'copyAsCurl', attemptId, stepIndex: stepIndex as number, shell, withSecrets };
}
