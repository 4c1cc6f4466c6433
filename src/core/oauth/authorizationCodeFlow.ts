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
import { AuthorizationCallbackError, RingCentralApiError } from '../errors';
import type { PreflightCache, PreflightTarget } from './preflightCache';

export interface AuthorizationCodeFlowPorts {
  client: RingCentralClient;
  /** Asked before anything is sent: the server receives the code, the verifier and any client secret. */
  serverTrust: ServerTrust;
  redirectUri: string;
  clock: () => number;
  recorder?: AttemptRecorder;
  /** Ask the authorize endpoint first and stop on its error instead of sending the user to a browser error page. */
  preflight: boolean;
  /** Pre-flights RingCentral accepted lately: a repeat sign-in skips its own and saves one Auth request. */
  preflightCache?: PreflightCache;
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

  const target: PreflightTarget = {
    server: request.server,
    clientId: request.clientId,
    redirectUri: ports.redirectUri,
  };
  const skippedPreflight = ports.preflight && (await skipPreflight(ports, target));
  if (ports.preflight && !skippedPreflight) {
    ports.onPhase?.('preflight');
    await ports.client.preflightAuthorize(authorizeUrl, ports.recorder);
    await ports.preflightCache?.remember(target);
  }

  try {
    return await afterPreflight(ports, signal, request, authorizeUrl, pkce.verifier);
  } catch (error) {
    // RingCentral refused something the skipped pre-flight would have asked about: ask again next time.
    if (skippedPreflight && (error instanceof AuthorizationCallbackError || error instanceof RingCentralApiError)) {
      await ports.preflightCache?.forget(target);
    }
    throw error;
  }
}

async function skipPreflight(ports: AuthorizationCodeFlowPorts, target: PreflightTarget): Promise<boolean> {
  const acceptedAt = await ports.preflightCache?.acceptedAt(target);
  if (acceptedAt === undefined) return false;
  ports.recorder?.add({
    title: 'Pre-flight skipped: RingCentral accepted this client id and redirect URI a few minutes ago',
    ok: true,
    note: `Accepted at ${new Date(acceptedAt).toISOString()}; not asked again, to save a request of the Auth rate-limit group (5 per minute).`,
  });
  return true;
}

async function afterPreflight(
  ports: AuthorizationCodeFlowPorts,
  signal: AbortSignal,
  request: AuthorizeRequest,
  authorizeUrl: string,
  codeVerifier: string,
): Promise<AuthorizationCodeFlowResult> {
  signal.throwIfAborted();
  ports.onPhase?.('authorize');
  // The browser's authorize request counts against the Auth limit too: checked before the browser opens.
  await ports.client.beforeBrowserAuthorize(ports.recorder);
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
    { code: result.code, redirectUri: ports.redirectUri, codeVerifier },
    ports.recorder,
  );
  return { tokens: toTokenSet(response, issuedAt), authorizeUrl };
}
