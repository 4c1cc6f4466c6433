// The authorize request without a browser: does RingCentral accept this client id and redirect URI?
import { buildAuthorizeUrl } from './authorizeUrl';
import { createPkcePair, createState } from './pkce';
import type { RingCentralClient } from '../ringcentral/ringcentralClient';
import type { AttemptRecorder } from '../trace/trace';
import type { PreflightCache } from './preflightCache';

export type PreflightOutcome = { ok: true; detail: string } | { ok: false; error: unknown };

export async function preflightRedirect(
  client: RingCentralClient,
  redirectUri: string,
  recorder?: AttemptRecorder,
  /** An accepted answer is remembered here, so the next sign-in skips its own pre-flight. */
  cache?: PreflightCache,
): Promise<PreflightOutcome> {
  const pkce = createPkcePair();
  const url = buildAuthorizeUrl({
    server: client.server,
    clientId: client.clientId,
    redirectUri,
    state: createState(),
    codeChallenge: pkce.challenge,
    codeChallengeMethod: pkce.method,
  });
  try {
    const result = await client.preflightAuthorize(url, recorder);
    await cache?.remember({ server: client.server, clientId: client.clientId, redirectUri });
    return {
      ok: true,
      detail:
        result.status >= 300 && result.status < 400
          ? `HTTP ${result.status} to the sign-in page: RingCentral accepted the client id and this redirect URI.`
          : `HTTP ${result.status}: RingCentral answered without an error.`,
    };
  } catch (error) {
    return { ok: false, error };
  }
}
