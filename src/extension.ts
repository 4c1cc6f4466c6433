// Wires the pieces together; no logic of its own.
import * as vscode from 'vscode';
import { PendingAuthorizations } from './core/oauth/pendingAuthorizations';
import { SessionManager } from './core/session/sessionManager';
import { AttemptStore } from './vscode/attemptStore';
import { RingCentralAuthenticationProvider, AUTH_PROVIDER_ID } from './vscode/session/authProvider';
import { ClientFactory } from './vscode/ringcentral/clientFactory';
import { registerAppCommands } from './vscode/commands/appCommands';
import { registerSessionCommands } from './vscode/commands/sessionCommands';
import { registerDiagnosticCommands } from './vscode/commands/diagnosticCommands';
import { currentDiagnosisContext } from './vscode/diagnosis/diagnosisContext';
import { toFlowFailure } from './vscode/diagnosis/errorPresenter';
import { createLog } from './vscode/log';
import { CallbackUriHandler } from './vscode/redirect/uriHandler';
import { ClientSecrets, isSessionStorageKey, SecretSessionPersistence } from './vscode/secretStore';
import { createServerTrust } from './vscode/ringcentral/serverTrustPrompt';
import { showSessionNotices } from './vscode/session/sessionNotices';
import { SignInService } from './vscode/oauth/signInService';
import { TokenStatusBar } from './vscode/session/statusBar';

const REFRESH_CHECK_MS = 30_000;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = createLog();
  const version = String(context.extension.packageJSON.version ?? '0.0.0');
  const secrets = new ClientSecrets(context.secrets);
  const clients = new ClientFactory(secrets, `RingCentral-OAuth-Toolkit-VSCode/${version}`);
  const attempts = new AttemptStore(context.globalState, log);
  const sessions = new SessionManager({
    persistence: new SecretSessionPersistence(context.secrets),
    clientFor: (app) => clients.create(app),
    clock: Date.now,
    monotonic: () => performance.now(),
    startAttempt: (kind, session) => attempts.start(kind, { server: session.server, clientId: session.clientId }),
    endAttempt: (recorder, error) => {
      if (!recorder) return;
      recorder.finish(error ? 'failed' : 'ok');
      if (error) void currentDiagnosisContext(secrets, recorder.attempt.kind === 'signOut' ? 'revoke' : 'refresh').then((ctx) => toFlowFailure(error, ctx, recorder));
    },
  });
  // A locked or missing keyring must not stop activation: load() never throws; it reports, and retries later.
  const noticeSubscription = showSessionNotices(sessions, log);
  await sessions.load();

  const pending = new PendingAuthorizations();
  const serverTrust = createServerTrust(context.globalState);
  const signInService = new SignInService(sessions, clients, attempts, pending, serverTrust);
  const statusBar = new TokenStatusBar(sessions);
  const authProvider = new RingCentralAuthenticationProvider(
    sessions,
    () => signInService.signIn(),
    async (id) => {
      await sessions.signOut(id);
    },
  );

  // Refresh shortly before expiry; a timer that fires late (sleep) still refreshes on its next tick.
  const refreshTimer = setInterval(() => void sessions.refreshDue(), REFRESH_CHECK_MS);
  void sessions.refreshDue();

  context.subscriptions.push(
    log,
    noticeSubscription,
    attempts,
    statusBar,
    authProvider,
    { dispose: () => clearInterval(refreshTimer) },
    vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, 'RingCentral', authProvider, { supportsMultipleAccounts: true }),
    vscode.window.registerUriHandler(new CallbackUriHandler(pending, log)),
    // Another window signed in, refreshed or signed out: reload the shared list.
    context.secrets.onDidChange((event) => {
      if (isSessionStorageKey(event.key)) void sessions.load();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('ringcentral')) statusBar.render();
    }),
    ...registerSessionCommands({ sessions, signInService, secrets, statusBar, log }),
    ...registerAppCommands(secrets, serverTrust),
    ...registerDiagnosticCommands({ context, sessions, secrets, clients, attempts, statusBar, log }),
  );
  log.info(`RingCentral OAuth Toolkit ${version} active (${vscode.env.appName}, uriScheme ${vscode.env.uriScheme}, ui ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}).`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
