// "RingCentral: Sign In" for an authorization-code profile: settings → pre-flight → browser → callback → token →
// who-am-I → stored session. JWT profiles sign in through jwtSignIn.ts; signIn() picks by the profile's flow.
import * as vscode from 'vscode';
import { runAuthorizationCodeFlow } from '../../core/oauth/authorizationCodeFlow';
import { PendingAuthorizations } from '../../core/oauth/pendingAuthorizations';
import type { SessionManager } from '../../core/session/sessionManager';
import type { StoredSession } from '../../core/session/session';
import { whoAmI } from '../../core/ringcentral/whoAmI';
import type { FlowPhase } from '../../core/diagnosis/types';
import { escapeForNotification } from '../../core/diagnosis/escapeForNotification';
import { describeServer, ServerTrust } from '../../core/ringcentral/serverTrust';
import type { AttemptStore } from '../attemptStore';
import type { ClientFactory } from '../ringcentral/clientFactory';
import { toFlowFailure } from '../diagnosis/errorPresenter';
import { openAuthorizeUrlInBrowser } from '../redirect/browserLauncher';
import { forgetUsedRedirectUri, prepareCallbackWaiter, resolveRedirectTarget } from '../redirect/redirectStrategy';
import { readSettings, settingsProblem } from '../settings';
import type { Profile } from '../../core/profiles/profile';
import { checkServerUrl } from '../../core/ringcentral/serverUrl';
import type { ProfileStore } from '../profiles/profileStore';
import type { JwtSignIn } from './jwtSignIn';
import { checkEnvironmentBeforeSignIn } from './environmentCheck';
import type { PreflightCache } from '../../core/oauth/preflightCache';
import { AuthorizationCallbackError, IssuerMismatchError, UntrustedServerError } from '../../core/errors';
import { SetupError, SignInCancelledError, SignInTimeoutError } from '../errors';

export class SignInService {
  private running: Promise<StoredSession> | undefined;

  constructor(
    private readonly sessions: SessionManager,
    private readonly clients: ClientFactory,
    private readonly attempts: AttemptStore,
    readonly pending: PendingAuthorizations,
    private readonly serverTrust: ServerTrust,
    private readonly profiles: ProfileStore,
    private readonly jwt: JwtSignIn,
    private readonly preflightCache?: PreflightCache,
  ) {}

  /** One sign-in at a time: a second request joins the running one. */
  signIn(profile = this.profiles.active()): Promise<StoredSession> {
    if (!this.running) {
      this.running = this.start(profile).finally(() => (this.running = undefined));
    }
    return this.running;
  }

  private async start(profile: Profile | undefined): Promise<StoredSession> {
    if (!profile) {
      // No usable profile: the settings profile's server is wrong. Say what is wrong with it.
      const problem = settingsProblem(readSettings());
      throw new SetupError(problem?.message ?? 'Check ringcentral.server.', problem?.setting ?? 'server');
    }
    await checkEnvironmentBeforeSignIn(profile, this.sessions.list());
    return profile.flow === 'jwt' ? this.jwt.signIn(profile) : this.run(profile);
  }

  private async run(profile: Profile): Promise<StoredSession> {
    const settings = readSettings();
    const problem = settingsProblem({
      ...settings,
      server: checkServerUrl(profile.server),
      clientId: profile.clientId,
    });
    if (problem) throw new SetupError(problem.message, problem.setting);
    const server = profile.server;
    const clientId = profile.clientId;
    const client = await this.clients.create({ server, clientId, profileId: profile.id });
    const target = await resolveRedirectTarget(settings);
    const recorder = this.attempts.start('signIn', { server, clientId, profileId: profile.id });
    recorder.add({
      title: `Redirect mode: ${target.mode}`,
      ok: true,
      note: `redirect_uri = ${target.redirectUri}${target.dynamic ? ' (made by this host for this session: it changes, so it cannot be registered once and for all)' : ''}`,
    });
    let phase: FlowPhase = 'preflight';
    const controller = new AbortController();
    const timeout = setTimeout(
      () => controller.abort(new SignInTimeoutError(settings.signInTimeoutMs / 1000)),
      settings.signInTimeoutMs,
    );
    try {
      const session = await vscode.window.withProgress(
        // The title names the server that receives the code and verifier, for every sign-in.
        {
          location: vscode.ProgressLocation.Notification,
          title: escapeForNotification(`RingCentral: signing in to ${describeServer(server)}`),
          cancellable: true,
        },
        async (progress, token) => {
          token.onCancellationRequested(() => controller.abort(new SignInCancelledError()));
          const waiter = await prepareCallbackWaiter(target, settings, this.pending);
          try {
            progress.report({ message: 'checking the app with RingCentral…' });
            const result = await runAuthorizationCodeFlow(
              {
                client,
                serverTrust: this.serverTrust,
                redirectUri: target.redirectUri,
                clock: Date.now,
                recorder,
                preflight: settings.preflight,
                preflightCache: this.preflightCache,
                onPhase: (current) => (phase = current),
                waitForCallback: (state, signal) => waiter.wait(state, signal),
                openBrowser: async (authorizeUrl) => {
                  progress.report({ message: 'approve access in your browser…' });
                  const launched = await openAuthorizeUrlInBrowser(authorizeUrl, controller.signal);
                  recorder.add({
                    title: 'Browser opened',
                    ok: true,
                    note: `via ${launched.launchUrl}, which redirects (302) to the authorize URL above`,
                  });
                },
              },
              controller.signal,
            );
            forgetUsedRedirectUri(target);
            phase = 'api';
            progress.report({ message: 'reading your profile…' });
            const who = await whoAmI(client, result.tokens, recorder);
            if (who.problem) {
              recorder.add({
                title: 'Profile not readable: signed in as the token owner instead',
                ok: true,
                note: who.problem.message,
              });
            }
            // Cancelled while the code was being exchanged: do not sign in behind the user's back.
            controller.signal.throwIfAborted();
            return this.sessions.add({
              server,
              clientId,
              profileId: profile.id,
              account: who.account,
              tokens: result.tokens,
              grant: 'authorization_code',
              redirectMode: target.mode,
              createdAt: Date.now(),
            });
          } finally {
            waiter.dispose();
          }
        },
      );
      recorder.finish('ok');
      return session;
    } catch (error) {
      const closedPasteBox = error instanceof AuthorizationCallbackError && error.error === 'cancelled';
      const reason = closedPasteBox
        ? new SignInCancelledError()
        : controller.signal.aborted
          ? controller.signal.reason
          : error;
      recorder.finish(reason instanceof SignInCancelledError ? 'cancelled' : 'failed');
      if (
        reason instanceof SignInCancelledError ||
        reason instanceof SignInTimeoutError ||
        reason instanceof UntrustedServerError ||
        reason instanceof IssuerMismatchError
      ) {
        throw reason;
      }
      throw toFlowFailure(
        error,
        {
          phase,
          server,
          clientId,
          redirectMode: target.mode,
          uriScheme: vscode.env.uriScheme,
          redirectUri: target.redirectUri,
          redirectUriIsDynamic: target.dynamic,
          hasClientSecret: client.hasClientSecret,
          grantType: 'authorization_code',
        },
        recorder,
      );
    } finally {
      clearTimeout(timeout);
      controller.abort();
    }
  }
}
