// Messages between the diagnostics panel (the app in src/panel/, bundled to dist/panel.js) and the extension
// (src/vscode/diagnosticsPanel.ts). Both sides compile against this one file, so it imports no `vscode` and no DOM.
// Plain data only: no token, code, verifier or secret ever crosses (traces are masked when recorded; sessions
// are summarised).
import type { Diagnosis, FixAction } from '../core/diagnosis/types';
import type { RedirectMode } from '../core/redirect/redirectUri';
import type { PermissionCheck } from '../core/permissions/permissions';
import type { RedirectCheckResult } from '../core/redirect/mismatch';
import type { FlowAttempt } from '../core/trace/trace';

export interface SessionSummary {
  label: string;
  accountId: string;
  extensionNumber?: string;
  profileKnown: boolean;
  server: string;
  clientId: string;
  scope: string[];
  accessExpiresAt: number;
  refreshExpiresAt?: number;
  hasRefreshToken: boolean;
  refreshError?: string;
}

export interface PreflightSummary {
  ok: boolean;
  /** "HTTP 302 to the login page: client id and redirect URI accepted", or the error line. */
  detail: string;
  diagnosis?: Diagnosis;
  /** When the registered list and the pre-flight disagree: which to believe, and why. */
  reconciliation?: string;
}

/** What Check Permissions found (core's PermissionCheck, plain data). */
export type PermissionCheckSummary = PermissionCheck;

export interface PanelState {
  now: number;
  settings: {
    server: string;
    serverProblem?: string;
    clientId: string;
    redirectMode: RedirectMode;
    uriScheme: string;
    hasClientSecret: boolean;
    appName: string;
  };
  session?: SessionSummary;
  redirect?: { check: RedirectCheckResult; preflight?: PreflightSummary };
  attempts: FlowAttempt[];
  focus?: PanelFocus;
  permission?: PermissionCheckSummary;
}

/** What the panel should show first: an attempt (and its failed step), or a pasted error's diagnosis. */
export type PanelFocus =
  | { kind: 'attempt'; attemptId: string }
  | { kind: 'explain'; input: string; diagnosis?: Diagnosis; problem?: string }
  | { kind: 'section'; section: 'redirect' | 'permissions' | 'flows' };

/** The panel's sections, in page order; also their element ids. */
export type PanelSectionId = 'session' | 'redirect' | 'attempts' | 'explain' | 'permissions' | 'flows';

/** The methods Check Permissions accepts (the panel's menu, and what the extension lets through). */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PanelToExtension =
  | { command: 'ready' }
  | { command: 'runFix'; action: FixAction }
  | { command: 'explain'; text: string }
  | { command: 'checkRedirect'; registered: string }
  | { command: 'checkPermission'; method: HttpMethod; path: string }
  | { command: 'signIn' }
  | { command: 'refreshToken' }
  | { command: 'clearHistory' }
  | CopyAsCurlRequest;

/**
 * "Copy as curl" on a trace step: only which step, which shell, and whether to put real secrets in. The extension
 * builds the text and writes the clipboard itself, so no secret ever reaches the webview.
 */
/** The shells "Copy as curl" writes for (core/export/curl.ts's CopyShell; the extension side passes it there). */
export type CopyShell = 'bash' | 'powershell';

export interface CopyAsCurlRequest {
  command: 'copyAsCurl';
  attemptId: string;
  stepIndex: number;
  shell: CopyShell;
  withSecrets: boolean;
}

export type ExtensionToPanel = { command: 'state'; state: PanelState };
