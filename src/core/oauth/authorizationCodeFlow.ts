// Authorization code + PKCE, from the authorize URL to a token set. The browser and the callback are ports,
// so the same flow runs with the URI handler, the loopback server, a pasted URL, or a test driver.
import { AuthorizeRequest, buildAuthorizeUrl, authorizeParams } from './authorizeUrl';
import { checkCallbackIssuer } from './issuer';
import type { CallbackOutcome } from './pendingAuthorizations';
import { createPkcePair, createState } from './pkce';
import type { RingCentralClient } from '../ringcentral/ringcentralClient';
import type { ServerTrust } from '../ringcentral/serverTrust';
import { toTokenSet, TokenSet } from './tokenSet';
import type { AttemptRecorder } from '../trace/trace';
import { AuthorizationCallbackError } from '../errors';

export interface AuthorizationCodeFlowPorts {
  client: RingCentralClient;
  /** Asked before anything is sent: the server receives the code, the verifier and any client secret. */
  serverTrust: ServerTrust;
  redirectUri: string;
  clock: () => number;
  recorder?: AttemptRecorder;
  /** Ask the authorize endpoint first and stop on its error instead of sending the user to a browser error page. */
  preflight: boolean;
  prompt?: string;
  /** Told where the flow is, so a failure can be explained in context. */
  onPhase?(phase: 'preflight' | 'authorize' | 'callback' | 'token'): void;
  /** Registers the state before the browser opens, so a fast callback is never missed. */
  waitForCallback(state: string, signal: AbortSignal): Promise<CallbackOutcome>;
  openBrowser(authorizeUrl: string): Promise<void>;
}

export interface AuthorizationCodeFlowResult {
  tokens: TokenSet;
  authorizeUrl: string;
}

export async function runAuthorizationCodeFlow(
  ports: AuthorizationCodeFlowPorts,
  signal: AbortSignal,
): Promise<AuthorizationCodeFlowResult> {
  await ports.serverTrust.ensureTrusted(ports.client.server, 'signIn');
  signal.throwIfAborted();
  const pkce = createPkcePair();
  const request: AuthorizeRequest = {
    server: ports.client.server,
    clientId: ports.client.clientId,
    redirectUri: ports.redirectUri,
    state: createState(),
    codeChallenge: pkce.challenge,
    codeChallengeMethod: pkce.method,
    prompt: ports.prompt,
  };
  const authorizeUrl = buildAuthorizeUrl(request);
  ports.recorder?.add({
    title: 'Authorize URL (a browser GET: the parameters travel in the query string)',
    ok: true,
    params: Object.fromEntries(authorizeParams(request)),
    // No secret in it (state and code_challenge are public): the user can open it by hand if no browser opens.
    note: `GET ${authorizeUrl}`,
  });

  if (ports.preflight) {
    ports.onPhase?.('preflight');
    await ports.client.preflightAuthorize(authorizeUrl, ports.recorder);
  }

  signal.throwIfAborted();
  ports.onPhase?.('authorize');
  const callback = ports.waitForCallback(request.state, signal);
  // If openBrowser throws, nobody awaits `callback`: its later rejection (on abort) must not go unhandled.
  callback.catch(() => undefined);
  await ports.openBrowser(authorizeUrl);
  const result = await callback;
  ports.onPhase?.('callback');
  ports.recorder?.add({
    title: result.kind === 'code' ? 'Callback: authorization code received' : `Callback: ${result.error}`,
    ok: result.kind === 'code',
    params: {
      ...(result.kind === 'code'
        ? {
            code: result.code,
            state: result.state,
            ...(result.expiresIn ? { expires_in: String(result.expiresIn) } : {}),
          }
        : { error: result.error, error_description: result.description ?? '', state: result.state ?? '' }),
      ...(result.issuer !== undefined ? { iss: result.issuer } : {}),
    },
    failure:
      result.kind === 'error' ? { kind: 'callback', error: result.error, description: result.description } : undefined,
  });
  // Before the callback's error text is believed or its code is sent anywhere.
  checkCallbackIssuer(result.issuer, ports.client.server);
  if (result.kind === 'error') {
    throw new AuthorizationCallbackError(result.error, result.description);
  }
  signal.throwIfAborted();
  ports.onPhase?.('token');
  const issuedAt = ports.clock();
  const response = await ports.client.exchangeCode(
    { code: result.code, redirectUri: ports.redirectUri, codeVerifier: pkce.verifier },
    ports.recorder,
  );
  return { tokens: toTokenSet(response, issuedAt), authorizeUrl };
}
