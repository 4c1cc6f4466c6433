// Sign In, Sign Out, Refresh Token, Copy Access Token and the status bar menu.
import * as vscode from 'vscode';
import { notifyError, notifyInfo, notifyWarning } from '../notify';
import { SessionManager } from '../../core/session/sessionManager';
import { describeErrorInfo } from '../../core/ringcentral/ringcentralError';
import { describeServer } from '../../core/ringcentral/serverTrust';
import { currentDiagnosisContext } from '../diagnosis/diagnosisContext';
import { notificationText } from '../../core/diagnosis/notificationText';
import { showFlowFailure, toFlowFailure } from '../diagnosis/errorPresenter';
import type { ClientSecrets } from '../secretStore';
import { SignInService } from '../oauth/signInService';
import type { CurrentSession } from '../session/currentSession';
import { COMMANDS } from '../commandIds';
import type { Profile } from '../../core/profiles/profile';
import {
  IssuerMismatchError,
  RefreshDeferredError,
  SessionEndedError,
  SessionExpiredError,
  UntrustedServerError,
} from '../../core/errors';
import { FlowFailure, SetupError, SignInCancelledError } from '../errors';

/** What the commands return to callers (tests, other extensions): never a token. */
export type CommandResult =
  | { ok: true; account?: { id: string; label: string }; server?: string; message?: string }
  | { ok: false; cancelled?: boolean; diagnosisId?: string; code?: string; message: string; notification?: string };

export interface SessionCommandDeps {
  sessions: SessionManager;
  signInService: SignInService;
  secrets: ClientSecrets;
  currentSession: CurrentSession;
  log: vscode.LogOutputChannel;
  /** The status-bar item's text and tooltip, reported by Session Info. */
  statusBar: () => { text: string; tooltip: string };
  /** The active profile's Auth requests in the last minute, reported by Session Info. */
  authRequests?: (profile: Profile) => Promise<{ used: number; limit: number; nextSafeAt: number }>;
}

export function registerSessionCommands(deps: SessionCommandDeps): {
  disposables: vscode.Disposable[];
  /** Copy Access Token without the confirmation: only for this extension's own status-bar menu. */
  copyFromMenu: () => Promise<CommandResult>;
} {
  const { sessions, log } = deps;

  const signIn = async (): Promise<CommandResult> => {
    try {
      const session = await deps.signInService.signIn();
      void notifyInfo(`Signed in to RingCentral as ${session.account.label}.`);
      return { ok: true, account: { id: session.account.id, label: session.account.label }, server: session.server };
    } catch (error) {
      return reportFailure(error, deps);
    }
  };

  const signOut = async (): Promise<CommandResult> => {
    const session = deps.currentSession.get();
    if (!session) {
      void notifyInfo('You are not signed in to RingCentral.');
      return { ok: true, message: 'not signed in' };
    }
    const result = await sessions.signOut(session.id);
    if (result.revoked) {
      void notifyInfo(`Signed out of RingCentral (${session.account.label}); the session was revoked at RingCentral.`);
      return { ok: true, message: 'revoked' };
    }
    log.warn(`Revoke failed: ${result.error?.message}`);
    void notifyWarning(
      `Signed out locally, but RingCentral could not be told (${result.error?.message ?? 'unknown error'}). The tokens stay valid at RingCentral until they expire.`,
    );
    return { ok: true, message: 'local only' };
  };

  const refresh = async (): Promise<CommandResult> => {
    await sessions.retryLoadIfDue(true); // a keychain that was locked at startup may be open now
    const session = deps.currentSession.get();
    if (!session) {
      return offerSignIn('You are not signed in to RingCentral.');
    }
    try {
      const refreshed = await sessions.refresh(session.id);
      void notifyInfo(`RingCentral access token refreshed for ${refreshed.account.label}.`);
      return { ok: true, account: { id: refreshed.account.id, label: refreshed.account.label } };
    } catch (error) {
      if (error instanceof SessionEndedError) {
        return offerSignIn(
          `Your RingCentral session ended: ${describeErrorInfo(error.cause.info)}. Sign in again.`,
          error.cause.info.code,
        );
      }
      return reportSessionProblem(error) ?? reportFailure(error, deps, 'refresh');
    }
  };

  /**
   * `fromMenu`: the user picked it in this extension's own menu. Anything else — the command palette, or another
   * extension through executeCommand, which VS Code does not tell apart — asks first: whatever can run a command
   * can read the clipboard afterwards. Extensions get tokens through the authentication provider, with VS Code's consent.
   */
  const copyAccessToken = async (fromMenu: boolean): Promise<CommandResult> => {
    const session = deps.currentSession.get();
    if (!session) return offerSignIn('You are not signed in to RingCentral.');
    if (!fromMenu && !(await confirmCopy(session.account.label, session.server))) {
      return { ok: false, cancelled: true, message: 'Not copied: copying the access token needs your confirmation.' };
    }
    let token: string;
    try {
      token = await sessions.accessToken(session.id);
    } catch (error) {
      return reportSessionProblem(error) ?? reportFailure(error, deps, 'refresh');
    }
    const current = sessions.get(session.id) ?? session;
    if (current.tokens.accessExpiresAt <= Date.now()) {
      return offerSignIn(
        'The RingCentral access token has expired and cannot be refreshed, so nothing was copied. Sign in again.',
      );
    }
    await vscode.env.clipboard.writeText(token);
    void notifyInfo(
      'RingCentral access token copied. Use it as "Authorization: Bearer <token>"; it is a secret — do not paste it into code you commit.',
    );
    return { ok: true };
  };

  /** Non-secret facts about the current session, for tasks, other extensions and tests. */
  const sessionInfo = async () => {
    const session = deps.currentSession.get();
    const profile = deps.currentSession.profile();
    const shared = {
      profile: profile && { id: profile.id, name: profile.name, flow: profile.flow },
      statusBar: deps.statusBar(),
      authRequests: profile && (await deps.authRequests?.(profile).catch(() => undefined)),
    };
    return session
      ? {
          ...shared,
          signedIn: true,
          account: { id: session.account.id, label: session.account.label, profileKnown: session.account.profileKnown },
          server: session.server,
          clientId: session.clientId,
          scope: session.tokens.scope ?? '',
          accessExpiresAt: session.tokens.accessExpiresAt,
          refreshExpiresAt: session.tokens.refreshExpiresAt,
          refreshError: session.refreshError,
        }
      : { ...shared, signedIn: false };
  };

  const onSessionEnded = sessions.onDidChange((change) => {
    if (change.type === 'removed' && change.reason === 'refreshTokenDead') {
      void offerSignIn(
        `Your RingCentral session for ${change.session.account.label} ended: ${change.error?.message ?? 'the refresh token is no longer valid'}. Sign in again.`,
      );
    }
  });

  const disposables = [
    vscode.commands.registerCommand(COMMANDS.signIn, signIn),
    vscode.commands.registerCommand(COMMANDS.signOut, signOut),
    vscode.commands.registerCommand(COMMANDS.refreshToken, refresh),
    // Arguments are ignored: no caller can skip the confirmation (the status-bar menu calls copyFromMenu directly).
    vscode.commands.registerCommand(COMMANDS.copyAccessToken, () => copyAccessToken(false)),
    vscode.commands.registerCommand(COMMANDS.sessionInfo, sessionInfo),
    vscode.commands.registerCommand(COMMANDS.showLog, () => log.show()),
    onSessionEnded,
  ];
  return { disposables, copyFromMenu: () => copyAccessToken(true) };
}

async function confirmCopy(accountLabel: string, server: string): Promise<boolean> {
  const copy = 'Copy Token';
  const choice = await notifyWarning(
    `Copy the RingCentral access token of ${accountLabel} (${describeServer(server)}) to the clipboard?`,
    {
      modal: true,
      detail:
        'Any program or extension can read the clipboard. Extensions should ask for a session through VS Code (Accounts menu), which asks you for consent per extension.',
    },
    copy,
  );
  return choice === copy;
}

/** Expired and rate-limited sessions: say what it is and what to do, without a diagnosis. */
function reportSessionProblem(error: unknown): CommandResult | undefined {
  if (error instanceof SessionExpiredError) return offerSignIn(error.message);
  if (error instanceof RefreshDeferredError) {
    void notifyWarning(error.message);
    return { ok: false, code: 'CMN-301', message: error.message };
  }
  return undefined;
}

function offerSignIn(message: string, code?: string): CommandResult {
  void notifyWarning(message, 'Sign In').then((choice) => {
    if (choice === 'Sign In') void vscode.commands.executeCommand(COMMANDS.signIn);
  });
  return { ok: false, code, message };
}

async function reportFailure(error: unknown, deps: SessionCommandDeps, phase?: 'refresh'): Promise<CommandResult> {
  if (error instanceof SignInCancelledError) {
    deps.log.info('Sign-in cancelled.');
    return { ok: false, cancelled: true, message: error.message };
  }
  if (error instanceof UntrustedServerError || error instanceof IssuerMismatchError) {
    deps.log.warn(error.message);
    void notifyWarning(`RingCentral: ${error.message}`, 'Open Settings').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'ringcentral.server');
    });
    return { ok: false, code: error.code, message: error.message };
  }
  if (error instanceof SetupError) {
    void notifyError(`RingCentral: ${error.message}`, 'Configure App').then((choice) => {
      if (choice) void vscode.commands.executeCommand(COMMANDS.configureApp);
    });
    return { ok: false, diagnosisId: `setup-${error.setting}`, message: error.message };
  }
  const failure =
    error instanceof FlowFailure ? error : toFlowFailure(error, await currentDiagnosisContext(deps.secrets, phase));
  void showFlowFailure(failure, deps.log);
  return {
    ok: false,
    diagnosisId: failure.diagnosis.id,
    code: failure.diagnosis.code,
    message: failure.diagnosis.summary,
    notification: notificationText(failure.diagnosis),
  };
}
