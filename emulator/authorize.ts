// GET /restapi/oauth/authorize and the login/consent page behind it (/restapi/oauth/login).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthorizationRequest } from './codes';
import { consentPage } from './consentPage';
import { EmulatorContext, passRateLimit, rateLimitKey } from './context';
import { OAuthError, oauthErrorBody, oauthErrors, restErrors } from './errors';
import { appendQuery, parseForm, redirect, sendHtml, sendJson, wantsJson } from './http';
import { errorPage } from './pages';

export const LOGIN_PATH = '/restapi/oauth/login';
export const DENIED_DESCRIPTION = 'The user has denied access';

/** Validates in RingCentral's order; throws OAuthError. */
function validateAuthorize(ctx: EmulatorContext, query: URLSearchParams): AuthorizationRequest {
  const clientId = query.get('client_id') ?? '';
  const app = ctx.apps.find(clientId);
  if (!app) {
    throw oauthErrors.invalidClient(clientId);
  }
  if (query.get('response_type') !== 'code') {
    throw oauthErrors.unsupportedResponseType();
  }
  if (app.redirectUris.length === 0) {
    throw oauthErrors.noRedirectUri();
  }
  const sent = query.get('redirect_uri');
  let redirectUri: string;
  if (sent !== null) {
    if (!app.redirectUris.includes(sent)) {
      throw oauthErrors.redirectMismatch();
    }
    redirectUri = sent;
  } else if (app.redirectUris.length === 1) {
    redirectUri = app.redirectUris[0];
  } else {
    throw oauthErrors.redirectMismatch();
  }
  const challenge = query.get('code_challenge') ?? undefined;
  const method = query.get('code_challenge_method');
  if (method !== null && method !== 'S256' && method !== 'plain') {
    throw oauthErrors.invalidRequest(`Unsupported code_challenge_method: ${method}. Use S256 or plain.`);
  }
  if (challenge === '') {
    throw oauthErrors.invalidRequest('code_challenge is empty');
  }
  if (!app.grantTypes.includes('authorization_code')) {
    throw oauthErrors.authorizeGrantNotEnabled();
  }
  return {
    clientId,
    redirectUri,
    redirectUriSent: sent !== null,
    state: query.get('state') ?? undefined,
    codeChallenge: challenge,
    // RFC 7636 default is plain when a challenge comes without a method.
    codeChallengeMethod: challenge === undefined ? undefined : method === 'S256' ? 'S256' : 'plain',
    loginHint: query.get('login_hint') ?? undefined,
  };
}

function issuerParam(ctx: EmulatorContext): Array<[string, string]> {
  return ctx.sendIssuer ? [['iss', ctx.baseUrl]] : [];
}

function codeRedirect(ctx: EmulatorContext, request: AuthorizationRequest, userId: string): string {
  const code = ctx.codes.issue(request, userId);
  return appendQuery(request.redirectUri, [
    ['code', code.code],
    ['state', request.state],
    ['expires_in', String(ctx.codeLifetimeSeconds)],
    ...issuerParam(ctx),
  ]);
}

function deniedRedirect(ctx: EmulatorContext, request: AuthorizationRequest): string {
  return appendQuery(request.redirectUri, [
    ['error', 'access_denied'],
    ['error_description', DENIED_DESCRIPTION],
    ['state', request.state],
    ...issuerParam(ctx),
  ]);
}

function sendAuthorizeError(req: IncomingMessage, res: ServerResponse, error: OAuthError): void {
  const spec = { ...error.spec, status: 400 };
  if (wantsJson(req.headers)) {
    sendJson(res, spec.status, oauthErrorBody(spec));
    return;
  }
  const lines = [spec.message];
  if (spec.description && spec.description !== spec.message) {
    lines.push(spec.description);
  }
  sendHtml(
    res,
    spec.status,
    errorPage({
      title: 'RingCentral sign-in error',
      heading: 'Unable to sign in',
      code: spec.errorCode,
      lines,
      error: spec.error,
    }),
  );
}

function sendUnknownUser(res: ServerResponse): void {
  sendHtml(
    res,
    400,
    errorPage({
      title: 'RingCentral sign-in error',
      heading: 'Unable to sign in',
      lines: ['No user with this email, phone number or extension in this account.', 'Go back and choose a user.'],
    }),
  );
}

function sendUnknownRequest(res: ServerResponse): void {
  sendHtml(
    res,
    400,
    errorPage({
      title: 'RingCentral sign-in error',
      heading: 'This sign-in request is unknown or has expired',
      lines: ['Start the sign-in again from your app.'],
    }),
  );
}

export function handleAuthorize(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  if (req.method !== 'GET') {
    const error = restErrors.methodNotAllowed();
    sendJson(res, error.status, error.body, { Allow: 'GET' });
    return;
  }
  // The user signs in after this request: it counts for the app (see rateLimitKey).
  if (!passRateLimit(ctx, res, rateLimitKey(ctx, req, url.searchParams.get('client_id') ?? undefined, undefined))) {
    return;
  }
  let request: AuthorizationRequest;
  try {
    request = validateAuthorize(ctx, url.searchParams);
  } catch (error) {
    if (error instanceof OAuthError) {
      sendAuthorizeError(req, res, error);
      return;
    }
    throw error;
  }
  if (ctx.autoApprove) {
    redirect(res, codeRedirect(ctx, request, ctx.autoApproveUserId));
    return;
  }
  const id = ctx.pending.add(request);
  redirect(res, `${ctx.baseUrl}${LOGIN_PATH}?req=${encodeURIComponent(id)}`);
}

export function handleLogin(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: string,
): void {
  if (req.method === 'GET') {
    const id = url.searchParams.get('req');
    const request = ctx.pending.peek(id);
    const app = request ? ctx.apps.find(request.clientId) : undefined;
    if (!id || !request || !app) {
      sendUnknownRequest(res);
      return;
    }
    const preselected = ctx.users.findByLogin(request.loginHint) ?? ctx.users.defaultUser;
    sendHtml(res, 200, consentPage(id, app, request, ctx.users.list(), preselected));
    return;
  }
  if (req.method !== 'POST') {
    const error = restErrors.methodNotAllowed();
    sendJson(res, error.status, error.body, { Allow: 'GET, POST' });
    return;
  }
  const { params } = parseForm(body);
  if (!ctx.pending.peek(params.req)) {
    sendUnknownRequest(res);
    return;
  }
  if (params.action !== 'approve') {
    redirect(res, deniedRedirect(ctx, ctx.pending.take(params.req) as AuthorizationRequest));
    return;
  }
  // The page's chooser sends `user` (an id); a plain form may send `username` (email, extension or id) instead.
  const named = params.user ?? params.username;
  const user = named === undefined ? ctx.users.defaultUser : ctx.users.findByLogin(named);
  if (!user) {
    sendUnknownUser(res);
    return;
  }
  redirect(res, codeRedirect(ctx, ctx.pending.take(params.req) as AuthorizationRequest, user.id));
}
