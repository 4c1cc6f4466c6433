// "Sign In with JWT": the JWT credential (pasted once into a masked box, kept in SecretStorage) is checked locally,
// then exchanged with the jwt-bearer grant and Basic client authentication. The session then behaves like any
// other: status bar, refresh, sign-out with revoke, the authentication provider.
import * as vscode from 'vscode';
import type { SessionManager } from '../../core/session/sessionManager';
import type { StoredSession } from '../../core/session/session';
import type { Profile } from '../../core/profiles/profile';
import { whoAmI } from '../../core/ringcentral/whoAmI';
import { describeServer, ServerTrust } from '../../core/ringcentral/serverTrust';
import { escapeForNotification } from '../../core/diagnosis/escapeForNotification';
import type { FlowPhase } from '../../core/diagnosis/types';
import { toTokenSet } from '../../core/oauth/tokenSet';
import type { AttemptStore } from '../attemptStore';
import type { ClientFactory } from '../ringcentral/clientFactory';
import type { ClientSecrets, JwtCredentialStore } from '../secretStore';
import { toFlowFailure } from '../diagnosis/errorPresenter';
import { checkPastedJwt } from '../diagnosis/localProblems';
import { UntrustedServerError } from '../../core/errors';
import { FlowFailure, SignInCancelledError } from '../errors';
import { askForJwtCredential, askForClientSecret } from '../profiles/credentialPrompts';

export interface JwtSignInDeps {
  sessions: SessionManager;
  clients: ClientFactory;
  attempts: AttemptStore;
  serverTrust: ServerTrust;
  secrets: ClientSecrets;
  jwtCredentials: JwtCredentialStore;
}

export class JwtSignIn {
  constructor(private readonly deps: JwtSignInDeps) {}

  async signIn(profile: Profile): Promise<StoredSession> {
    const { deps } = this;
    // The credential and the client secret go to this server: it must be one the user chose.
    await deps.serverTrust.ensureTrusted(profile.server, 'signIn');
    let credential = await deps.jwtCredentials.get(profile);
    if (!credential) {
      credential = await askForJwtCredential(profile);
      if (credential === undefined) throw new SignInCancelledError();
    }
    const recorder = deps.attempts.start('jwt', {
      server: profile.server,
      clientId: profile.clientId,
      profileId: profile.id,
    });
    // Checked before anything is sent: a pasted client secret or access token never leaves for the token endpoint.
    const local = checkPastedJwt(credential, profile.server, recorder);
    if (!local.ok) {
      recorder.finish('failed');
      // A stored credential that no longer passes (it expired) is asked for again next time.
      await deps.jwtCredentials.delete(profile);
      throw local.failure;
    }
    const assertion = local.credential; // without the quotes, NAME= and line breaks a paste from .env carries
    await deps.jwtCredentials.set(profile, assertion);
    // RingCentral's JWT grant authenticates the app with HTTP Basic: it needs the client secret.
    if (!(await deps.secrets.get(profile.server, profile.clientId))) {
      const secret = await askForClientSecret(profile, 'JWT sign-in authenticates the app with its client secret.');
      if (secret === undefined) {
        recorder.finish('cancelled');
        throw new SignInCancelledError();
      }
      await deps.secrets.set(profile.server, profile.clientId, secret);
    }
    const client = await deps.clients.create({
      server: profile.server,
      clientId: profile.clientId,
      profileId: profile.id,
    });
    let phase: FlowPhase = 'jwt';
    try {
      const session = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: escapeForNotification(`RingCentral: signing in with JWT to ${describeServer(profile.server)}`),
        },
        async (progress) => {
          const issuedAt = Date.now();
          const response = await client.jwtBearer(assertion, recorder);
          const tokens = toTokenSet(response, issuedAt);
          phase = 'api';
          progress.report({ message: 'reading your profile…' });
          const who = await whoAmI(client, tokens, recorder);
          return deps.sessions.add({
            server: profile.server,
            clientId: profile.clientId,
            profileId: profile.id,
            account: who.account,
            tokens,
            grant: 'jwt',
            createdAt: Date.now(),
          });
        },
      );
      recorder.finish('ok');
      return session;
    } catch (error) {
      recorder.finish('failed');
      if (error instanceof UntrustedServerError || error instanceof FlowFailure) throw error;
      throw toFlowFailure(
        error,
        {
          phase,
          server: profile.server,
          clientId: profile.clientId,
          hasClientSecret: client.hasClientSecret,
          grantType: 'jwt',
          jwtCredential: local.facts,
        },
        recorder,
      );
    }
  }
}
