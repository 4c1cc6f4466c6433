// Open Diagnostics, Explain Error…, Check Redirect URI and Check Permissions. Called from code with an
// argument, the last three return plain data and open nothing (for tasks and other extensions).
import * as vscode from 'vscode';
import { notifyInfo } from '../notify';
import { checkPermissionForScope, diagnose, listOperations, parseFailureText } from '../knowledge';
import type { Diagnosis } from '../../core/diagnosis/types';
import { maskSecretsInText } from '../../core/trace/mask';
import { parseRegisteredList } from '../../core/redirect/parseRegisteredList';
import type { SessionManager } from '../../core/session/sessionManager';
import type { AttemptStore } from '../attemptStore';
import { ClientFactory } from '../ringcentral/clientFactory';
import { currentDiagnosisContext } from '../diagnosis/diagnosisContext';
import { DiagnosticsPanel } from '../diagnosticsPanel';
import { runFixAction } from '../diagnosis/fixActions';
import type { PanelState, PanelToExtension, PermissionCheckSummary } from '../../panel/protocol';
import { buildPanelState } from '../panelState';
import { registeredFromSettings, runRedirectCheck } from '../redirect/redirectCheck';
import type { ClientSecrets } from '../secretStore';
import type { PreflightCache } from '../../core/oauth/preflightCache';
import { updateSetting } from '../settings';
import type { CurrentSession } from '../session/currentSession';
import { COMMANDS } from '../commandIds';
import type { WalkthroughProgress } from '../walkthrough/walkthroughProgress';

export interface DiagnosticCommandDeps {
  context: vscode.ExtensionContext;
  preflightCache?: PreflightCache;
  sessions: SessionManager;
  secrets: ClientSecrets;
  clients: ClientFactory;
  attempts: AttemptStore;
  currentSession: CurrentSession;
  log: vscode.LogOutputChannel;
  /** Ticks the walkthrough's redirect and permission steps when those checks really ran. */
  walkthrough?: WalkthroughProgress;
}

export interface PermissionCheckResult extends PermissionCheckSummary {
  signedIn: boolean;
}

export function registerDiagnosticCommands(deps: DiagnosticCommandDeps): vscode.Disposable[] {
  let lastRedirect: PanelState['redirect'];
  let lastPermission: PermissionCheckSummary | undefined;
  const buildState = () =>
    buildPanelState({
      secrets: deps.secrets,
      attempts: deps.attempts,
      session: deps.currentSession.get(),
      redirect: lastRedirect,
      permission: lastPermission,
    });
  const computeRedirectCheck = async (registered: string[], withPreflight: boolean) => {
    const result = await runRedirectCheck(
      { clients: deps.clients, attempts: deps.attempts, secrets: deps.secrets, preflightCache: deps.preflightCache },
      registered,
      withPreflight,
    );
    if (result.check.matched || result.preflight?.ok) deps.walkthrough?.mark('redirectChecked');
    return result;
  };
  const checkPermission = (method: string, path: string): PermissionCheckResult => {
    const session = deps.currentSession.get();
    deps.walkthrough?.mark('permissionsChecked');
    return { ...checkPermissionForScope(method, path, session?.tokens.scope), signedIn: Boolean(session) };
  };

  const explainText = async (text: string): Promise<{ diagnosis?: Diagnosis; problem?: string }> => {
    const failure = parseFailureText(text);
    if (!failure) {
      return {
        problem:
          'No RingCentral error found in that text. Paste a response body (JSON), a whole HTTP response, a callback URL with error=…, a log line, or a code such as OAU-113.',
      };
    }
    return { diagnosis: diagnose(failure, await currentDiagnosisContext(deps.secrets)) };
  };

  const showPanel = (focus?: PanelState['focus']): DiagnosticsPanel =>
    DiagnosticsPanel.show(deps.context.extensionUri, { getState: buildState, onMessage: handleMessage }, focus);

  const handleMessage = async (message: PanelToExtension): Promise<void> => {
    switch (message.command) {
      case 'runFix':
        await runFixAction(message.action);
        break;
      case 'explain': {
        const result = await explainText(message.text);
        // The echo is masked: people paste whole token responses.
        await DiagnosticsPanel.current()?.update({
          kind: 'explain',
          input: maskSecretsInText(message.text),
          ...result,
        });
        return;
      }
      case 'checkRedirect': {
        const registered = parseRegisteredList(message.registered);
        await updateSetting('redirect.registeredUris', registered);
        lastRedirect = await computeRedirectCheck(registered, true);
        await DiagnosticsPanel.current()?.update({ kind: 'section', section: 'redirect' });
        return;
      }
      case 'checkPermission':
        lastPermission = checkPermission(message.method, message.path);
        await DiagnosticsPanel.current()?.update({ kind: 'section', section: 'permissions' });
        return;
      case 'signIn':
        await vscode.commands.executeCommand(COMMANDS.signIn);
        break;
      case 'refreshToken':
        await vscode.commands.executeCommand(COMMANDS.refreshToken);
        break;
      case 'clearHistory':
        deps.attempts.clear();
        break;
      case 'copyAsCurl':
        // The text is built and copied on this side; the panel's state does not change.
        await vscode.commands.executeCommand(COMMANDS.copyStepAsCurl, message);
        return;
      case 'ready':
        break;
    }
    await DiagnosticsPanel.current()?.update();
  };

  const openDiagnostics = async (arg?: { attemptId?: string }) => {
    const attemptId = arg?.attemptId ?? deps.attempts.latestFailed()?.id;
    if (!lastRedirect)
      lastRedirect = await computeRedirectCheck(registeredFromSettings(), false).catch(() => undefined);
    showPanel(attemptId ? { kind: 'attempt', attemptId } : undefined);
  };

  const explainError = async (text?: unknown) => {
    if (typeof text === 'string') {
      // Called from code: return the diagnosis, open nothing.
      const failure = parseFailureText(text);
      return failure ? diagnose(failure, await currentDiagnosisContext(deps.secrets)) : undefined;
    }
    const editor = vscode.window.activeTextEditor;
    const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : undefined;
    const input =
      selected ??
      (await vscode.window.showInputBox({
        title: 'RingCentral: Explain Error',
        prompt:
          'Paste a response body, an HTTP response, a callback URL with error=…, a log line, or a code such as OAU-113',
        ignoreFocusOut: true,
      }));
    if (!input) return undefined;
    const limit = 200_000;
    if (input.length > limit)
      void notifyInfo(`Explaining the first ${limit.toLocaleString()} characters of the selection.`);
    const result = await explainText(input.slice(0, limit));
    showPanel({ kind: 'explain', input: maskSecretsInText(input.slice(0, limit)), ...result });
    return result.diagnosis;
  };

  const checkRedirect = async (arg?: { registered?: unknown; preflight?: unknown }) => {
    if (arg && Array.isArray(arg.registered)) {
      // Called from code: the sent URI and, per registered URI, the difference kinds; no UI.
      const registered = arg.registered.filter((item): item is string => typeof item === 'string');
      const { check, preflight } = await computeRedirectCheck(registered, arg.preflight === true);
      return {
        sent: check.sent,
        mode: check.mode,
        matched: check.matched,
        fix: check.fix,
        warnings: check.warnings,
        registered: check.comparisons.map((comparison) => ({
          uri: comparison.registered,
          matches: comparison.matches,
          kinds: comparison.differences.map((difference) => difference.kind),
        })),
        preflight,
      };
    }
    let registered = registeredFromSettings();
    if (registered.length === 0) {
      const pasted = await vscode.window.showInputBox({
        title: 'RingCentral: Check Redirect URI',
        prompt:
          'Paste the redirect URIs registered on your app (Developer Console → app → Settings → OAuth Redirect URI), separated by commas or spaces. Leave empty to only see the URI this editor sends.',
        ignoreFocusOut: true,
      });
      if (pasted === undefined) return undefined;
      registered = parseRegisteredList(pasted);
      if (registered.length > 0) await updateSetting('redirect.registeredUris', registered);
    }
    const result = await computeRedirectCheck(registered, true);
    lastRedirect = result;
    showPanel({ kind: 'section', section: 'redirect' });
    return result.check;
  };

  const checkPermissions = async (arg?: { method?: unknown; path?: unknown; permission?: unknown; show?: unknown }) => {
    if (arg && typeof arg.path === 'string') {
      const result = checkPermission(typeof arg.method === 'string' ? arg.method : 'GET', arg.path);
      if (arg.show !== true) return result;
      // Shown for one call (Try an API Call's "Check Permissions" button): the panel's permission section.
      lastPermission = result;
      showPanel({ kind: 'section', section: 'permissions' });
      return result;
    }
    if (!arg) {
      const picked = await vscode.window.showQuickPick(
        listOperations().map((operation) => ({
          label: `${operation.method} ${operation.pathTemplate}`,
          description: operation.appPermission ?? 'no app permission',
          detail: operation.summary,
          operation,
        })),
        { title: 'RingCentral: Check Permissions — which API call?', matchOnDescription: true, matchOnDetail: true },
      );
      if (picked) lastPermission = checkPermission(picked.operation.method, picked.operation.pathTemplate);
    }
    showPanel({ kind: 'section', section: 'permissions' });
    return lastPermission;
  };

  const refreshPanel = () => void DiagnosticsPanel.current()?.update();
  return [
    vscode.commands.registerCommand(COMMANDS.openDiagnostics, openDiagnostics),
    vscode.commands.registerCommand(COMMANDS.explainError, explainError),
    vscode.commands.registerCommand(COMMANDS.checkRedirectUri, checkRedirect),
    vscode.commands.registerCommand(COMMANDS.checkPermissions, checkPermissions),
    deps.attempts.onDidChange(refreshPanel),
    { dispose: deps.sessions.onDidChange(refreshPanel).dispose },
  ];
}
