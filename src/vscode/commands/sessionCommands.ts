// Sign In, Sign Out, Refresh Token, Copy Access Token and the status bar menu.
import * as vscode from 'vscode';
import { SessionEndedError, SessionManager } from '../../core/sessionManager';
import { describeErrorInfo } from '../../core/ringcentralError';
import { currentDiagnosisContext } from '../diagnosisContext';
import { notificationText } from '../../core/diagnosis/notificationText';
import { showFlowFailure, toFlowFailure } from '../errorPresenter';
import { FlowFailure } from '../flowFailure';
import type { ClientSecrets } from '../secretStore';
import { SetupError, SignInCancelledError, SignInService } from '../signInService';
import type { TokenStatusBar } from '../statusBar';

/** What the commands return to callers (tests, other extensions): never a token. */
export type CommandResult =
  | { ok: true; account?: { id: string; label: string }; server?: string; message?: string }
  | { ok: false; cancelled?: boolean; diagnosisId?: string; code?: string; message: string; notification?: string };

export interface SessionCommandDeps {
  sessions: SessionManager;
  signInService: SignInService;
  secrets: ClientSecrets;
  statusBar: TokenStatusBar;
  log: vscode.LogOutputChannel;
}

export function registerSessionCommands(deps: SessionCommandDeps): vscode.Disposable[] {
  const { sessions, log } = deps;

  const signIn = async (): Promise<CommandResult> => {
    try {
      const session = await deps.signInService.signIn();
      void vscode.window.showInformationMessage(`Signed in to RingCentral as ${session.account.label}.`);
      return { ok: true, account: { id: session.account.id, label: session.account.label }, server: session.server };
    } catch (error) {
      return reportFailure(error, deps);
    }
  };

  const signOut = async (): Promise<CommandResult> => {
    const session = deps.statusBar.current();
    if (!session) {
      void vscode.window.showInformationMessage('You are not signed in to RingCentral.');
      return { ok: true, message: 'not signed in' };
    }
    const result = await sessions.signOut(session.id);
    if (result.revoked) {
      void vscode.window.showInformationMessage(`Signed out of RingCentral (${session.account.label}); the session was revoked at RingCentral.`);
      return { ok: true, message: 'revoked' };
    }
    log.warn(`Revoke failed: ${result.error?.message}`);
    void vscode.window.showWarningMessage(
      `Signed out locally, but RingCentral could not be told (${result.error?.message ?? 'unknown error'}). The tokens stay valid at RingCentral until they expire.`,
    );
    return { ok: true, message: 'local only' };
  };

  const refresh = async (): Promise<CommandResult> => {
    const session = deps.statusBar.current();
    if (!session) {
      return offerSignIn('You are not signed in to RingCentral.');
    }
    try {
      const refreshed = await sessions.refresh(session.id);
      void vscode.window.showInformationMessage(`RingCentral access token refreshed for ${refreshed.account.label}.`);
      return { ok: true, account: { id: refreshed.account.id, label: refreshed.account.label } };
    } catch (error) {
      if (error instanceof SessionEndedError) {
        return offerSignIn(`Your RingCentral session ended: ${describeErrorInfo(error.cause.info)}. Sign in again.`, error.cause.info.code);
      }
      return reportFailure(error, deps, 'refresh');
    }
  };

  const copyAccessToken = async (): Promise<CommandResult> => {
    const session = deps.statusBar.current();
    if (!session) return offerSignIn('You are not signed in to RingCentral.');
    let token: string;
    try {
      token = await sessions.accessToken(session.id);
    } catch (error) {
      return reportFailure(error, deps, 'refresh');
    }
    const current = sessions.get(session.id) ?? session;
    if (current.tokens.accessExpiresAt <= Date.now()) {
      return offerSignIn('The RingCentral access token has expired and cannot be refreshed, so nothing was copied. Sign in again.');
    }
    await vscode.env.clipboard.writeText(token);
    void vscode.window.showInformationMessage('RingCentral access token copied. Use it as "Authorization: Bearer <token>"; it is a secret — do not paste it into code you commit.');
    return { ok: true };
  };

  /** Non-secret facts about the current session, for tasks, other extensions and tests. */
  const sessionInfo = () => {
    const session = deps.statusBar.current();
    return session
      ? {
          signedIn: true,
          account: { id: session.account.id, label: session.account.label, profileKnown: session.account.profileKnown },
          server: session.server,
          clientId: session.clientId,
          scope: session.tokens.scope ?? '',
          accessExpiresAt: session.tokens.accessExpiresAt,
          refreshExpiresAt: session.tokens.refreshExpiresAt,
          refreshError: session.refreshError,
        }
      : { signedIn: false };
  };

  const statusBarMenu = async (): Promise<void> => {
    const session = deps.statusBar.current();
    const items: Array<vscode.QuickPickItem & { command: string }> = session
      ? [
          { label: '$(refresh) Refresh Token', command: 'ringcentral.refreshToken', description: 'get a new access token now' },
          { label: '$(copy) Copy Access Token', command: 'ringcentral.copyAccessToken', description: 'to try the API with curl or Postman' },
          { label: '$(pulse) Open Diagnostics', command: 'ringcentral.openDiagnostics' },
          { label: '$(shield) Check Permissions', command: 'ringcentral.checkPermissions' },
          { label: '$(sign-out) Sign Out', command: 'ringcentral.signOut', description: `revoke the session of ${session.account.label}` },
          { label: '$(output) Show Log', command: 'ringcentral.showLog' },
        ]
      : [
          { label: '$(sign-in) Sign In', command: 'ringcentral.signIn' },
          { label: '$(gear) Configure App', command: 'ringcentral.configureApp', description: 'server, client id, redirect mode, secret' },
          { label: '$(link) Check Redirect URI', command: 'ringcentral.checkRedirectUri' },
          { label: '$(pulse) Open Diagnostics', command: 'ringcentral.openDiagnostics' },
          { label: '$(output) Show Log', command: 'ringcentral.showLog' },
        ];
    const picked = await vscode.window.showQuickPick(items, { title: session ? `RingCentral — ${session.account.label}` : 'RingCentral' });
    if (picked) await vscode.commands.executeCommand(picked.command);
  };

  const onSessionEnded = sessions.onDidChange((change) => {
    if (change.type === 'removed' && change.reason === 'refreshTokenDead') {
      void offerSignIn(`Your RingCentral session for ${change.session.account.label} ended: ${change.error?.message ?? 'the refresh token is no longer valid'}. Sign in again.`);
    }
  });

  return [
    vscode.commands.registerCommand('ringcentral.signIn', signIn),
    vscode.commands.registerCommand('ringcentral.signOut', signOut),
    vscode.commands.registerCommand('ringcentral.refreshToken', refresh),
    vscode.commands.registerCommand('ringcentral.copyAccessToken', copyAccessToken),
    vscode.commands.registerCommand('ringcentral.statusBarMenu', statusBarMenu),
    vscode.commands.registerCommand('ringcentral.sessionInfo', sessionInfo),
    vscode.commands.registerCommand('ringcentral.showLog', () => log.show()),
    onSessionEnded,
  ];
}

function offerSignIn(message: string, code?: string): CommandResult {
  void vscode.window.showWarningMessage(message, 'Sign In').then((choice) => {
    if (choice === 'Sign In') void vscode.commands.executeCommand('ringcentral.signIn');
  });
  return { ok: false, code, message };
}

async function reportFailure(error: unknown, deps: SessionCommandDeps, phase?: 'refresh'): Promise<CommandResult> {
  if (error instanceof SignInCancelledError) {
    deps.log.info('Sign-in cancelled.');
    return { ok: false, cancelled: true, message: error.message };
  }
  if (error instanceof SetupError) {
    void vscode.window.showErrorMessage(`RingCentral: ${error.message}`, 'Configure App').then((choice) => {
      if (choice) void vscode.commands.executeCommand('ringcentral.configureApp');
    });
    return { ok: false, diagnosisId: `setup-${error.setting}`, message: error.message };
  }
  const failure = error instanceof FlowFailure ? error : toFlowFailure(error, await currentDiagnosisContext(deps.secrets, phase));
  void showFlowFailure(failure, deps.log);
  return { ok: false, diagnosisId: failure.diagnosis.id, code: failure.diagnosis.code, message: failure.diagnosis.summary, notification: notificationText(failure.diagnosis) };
}

