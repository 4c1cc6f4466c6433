// The authorize request is a browser GET: the "form parameters" in RingCentral's docs travel in the query string.
import { AUTHORIZE_PATH } from '../ringcentral/ringcentralClient';

export interface AuthorizeRequest {
  server: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  codeChallengeMethod: 'S256';
  prompt?: string;
  loginHint?: string;
  uiLocales?: string;
}

/** Ordered as RingCentral documents them, so the trace reads like the docs. */
export function authorizeParams(request: AuthorizeRequest): URLSearchParams {
  const params = new URLSearchParams();
  params.set('response_type', 'code');
  params.set('client_id', request.clientId);
  params.set('redirect_uri', request.redirectUri);
  params.set('state', request.state);
  params.set('code_challenge', request.codeChallenge);
  params.set('code_challenge_method', request.codeChallengeMethod);
  if (request.prompt) params.set('prompt', request.prompt);
  if (request.loginHint) params.set('login_hint', request.loginHint);
  if (request.uiLocales) params.set('ui_locales', request.uiLocales);
  return params;
}

export function buildAuthorizeUrl(request: AuthorizeRequest): string {
  return `${request.server}${AUTHORIZE_PATH}?${authorizeParams(request).toString()}`;
}
