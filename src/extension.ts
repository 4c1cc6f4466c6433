// Wires the pieces together; no logic of its own.
import * as vscode from 'vscode';
import { PendingAuthorizations } from './core/oauth/pendingAuthorizations';
import { SessionManager } from './core/session/sessionManager';
import { AttemptStore } from './vscode/attemptStore';
import { registerAppCommands } from './vscode/commands/appCommands';
import { registerDiagnosticCommands } from './vscode/commands/diagnosticCommands';
import { registerSessionCommands } from './vscode/commands/sessionCommands';
import { createLog, logActivation } from './vscode/log';
import { SignInService } from './vscode/oauth/signInService';
import { CallbackUriHandler } from './vscode/redirect/uriHandler';
import { ClientFactory } from './vscode/ringcentral/clientFactory';
import { createServerTrust } from './vscode/ringcentral/serverTrustPrompt';
import { ClientSecrets, JwtCredentialStore, SecretSessionPersistence } from './vscode/secretStore';
import { ProfileStore } from './vscode/profiles/profileStore';
import { SETTINGS_PROFILE_ID } from './core/profiles/profile';
import { setActiveProfileSource } from './vscode/profiles/activeApp';
import { JwtSignIn } from './vscode/oauth/jwtSignIn';
import { registerProfileCommands } from './vscode/commands/profileCommands';
import { registerStatusBarMenu } from './vscode/commands/statusBarMenu';
import { registerHandoutCommands } from './vscode/commands/handoutCommands';
import { registerExportCommands } from './vscode/commands/exportCommands';
import { registerCopyAsCurl } from './vscode/commands/copyAsCurlCommand';
import { TokenHandout } from './vscode/session/tokenHandout';
import { TerminalEnvironment } from './vscode/session/terminalEnvironment';
import { AuthBudget } from './core/session/authBudget';
import { readSettings } from './vscode/settings';
import { PreflightCache } from './core/oauth/preflightCache';
import { AuthBudgetView } from './vscode/session/authBudgetView';
import { FileAuthRequestLog, globalStatePreflightStore } from './vscode/session/authBudgetStores';
import { AUTH_PROVIDER_ID, RingCentralAuthenticationProvider } from './vscode/session/authProvider';
import { CurrentSession } from './vscode/session/currentSession';
import { reloadOnOtherWindowChanges } from './vscode/session/otherWindows';
import { startRefreshTimer } from './vscode/session/refreshTimer';
import { sessionAttemptHooks } from './vscode/session/sessionAttempts';
import { showSessionNotices } from './vscode/session/sessionNotices';
import { TokenStatusBar } from './vscode/session/statusBar';
import { registerTryApiCallCommand } from './vscode/commands/tryApiCallCommand';
import { registerWalkthroughCommands } from './vscode/walkthrough/walkthroughCommands';
import { WalkthroughProgress } from './vscode/walkthrough/walkthroughProgress';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = createLog();
  const version = String(context.extension.packageJSON.version ?? '0.0.0');
  const secrets = new ClientSecrets(context.secrets);
  // Auth requests are counted in a file every window shares (RingCentral counts per user, not per window).
  const budget = new AuthBudget({
    log: new FileAuthRequestLog(context.globalStorageUri.fsPath),
    limit: () => readSettings().authRequestsPerMinute,
  });
  const budgetView = new AuthBudgetView(budget);
  const preflightCache = new PreflightCache({ clock: Date.now, store: globalStatePreflightStore(context.globalState) });
  const clients = new ClientFactory(secrets, `RingCentral-OAuth-Toolkit-VSCode/${version}`, budget);
  const attempts = new AttemptStore(context.globalState, log);
  const sessions = new SessionManager({
    persistence: new SecretSessionPersistence(context.secrets),
    clientFor: (app) => clients.create(app),
    clock: Date.now,
    monotonic: () => performance.now(),
    ...sessionAttemptHooks(attempts, secrets),
  });
  // A locked or missing keyring must not stop activation: load() never throws; it reports, and retries later.
  const noticeSubscription = showSessionNotices(sessions, log);
  await sessions.load();

  const profiles = new ProfileStore(context.globalState, context.workspaceState);
  setActiveProfileSource(() => profiles.active());
  const jwtCredentials = new JwtCredentialStore(context.secrets);
  const pending = new PendingAuthorizations();
  const serverTrust = createServerTrust(context.globalState);
  const jwtSignIn = new JwtSignIn({ sessions, clients, attempts, serverTrust, secrets, jwtCredentials });
  const signInService = new SignInService(
    sessions,
    clients,
    attempts,
    pending,
    serverTrust,
    profiles,
    jwtSignIn,
    preflightCache,
  );
  const currentSession = new CurrentSession(sessions, profiles);
  const handout = new TokenHandout(context.workspaceState, sessions, currentSession);
  const terminals = new TerminalEnvironment(
    context.environmentVariableCollection,
    context.workspaceState,
    sessions,
    currentSession,
    handout,
  );
  const walkthrough = new WalkthroughProgress(sessions);
  const statusBar = new TokenStatusBar(sessions, currentSession, Date.now, budgetView);
  const sessionCommands = registerSessionCommands({
    sessions,
    signInService,
    secrets,
    currentSession,
    log,
    statusBar: () => statusBar.shown(),
    authRequests: (profile) => budgetView.status(profile),
  });
  const authProvider = new RingCentralAuthenticationProvider(
    sessions,
    () => signInService.signIn(),
    async (id) => {
      await sessions.signOut(id);
    },
    // Saved profiles name their accounts: "Ada Lovelace (Prod – CRM sync)".
    (profileId) => (profileId && profileId !== SETTINGS_PROFILE_ID ? profiles.get(profileId)?.name : undefined),
  );

  context.subscriptions.push(
    log,
    profiles,
    budgetView,
    terminals,
    noticeSubscription,
    attempts,
    currentSession,
    statusBar,
    authProvider,
    startRefreshTimer(sessions),
    vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, 'RingCentral', authProvider, {
      supportsMultipleAccounts: true,
    }),
    vscode.window.registerUriHandler(new CallbackUriHandler(pending, log)),
    reloadOnOtherWindowChanges(context.secrets, sessions),
    ...sessionCommands.disposables,
    registerStatusBarMenu(sessions, currentSession, sessionCommands.copyFromMenu),
    ...registerProfileCommands({ profiles, sessions, jwtCredentials }),
    ...registerHandoutCommands(handout, terminals, currentSession),
    ...registerAppCommands(secrets, serverTrust),
    ...registerExportCommands({ secrets, jwtCredentials, globalState: context.globalState, log, walkthrough }),
    registerCopyAsCurl({ attempts, sessions, secrets, jwtCredentials, profiles }),
    ...registerDiagnosticCommands({
      context,
      sessions,
      secrets,
      clients,
      attempts,
      currentSession,
      log,
      preflightCache,
      walkthrough,
    }),
    ...registerTryApiCallCommand({ sessions, currentSession, clients, attempts, secrets, log, walkthrough }),
    ...registerWalkthroughCommands(walkthrough),
  );
  logActivation(log, version);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
