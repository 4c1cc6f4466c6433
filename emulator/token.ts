// POST /restapi/oauth/token and POST /restapi/oauth/revoke.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticateClient, claimedClientId } from './clientAuth';
import { AuthorizationCode } from './codes';
import { EmulatorContext, passRateLimit, rateLimitKey } from './context';
import { OAuthError, oauthErrorBody, oauthErrors, restErrors } from './errors';
import { isForm, parseForm, sendEmpty, sendJson } from './http';
import { base64Url } from './random';
import { TokenResponse } from './tokens';
import { AppRegistration, GRANT_TYPES, GrantType, JWT_BEARER_GRANT } from './types';

function verifierMatches(code: AuthorizationCode, verifier: string | undefined): boolean {
  if (code.codeChallenge === undefined) {
    return true;
  }
  if (!verifier) {
    return false;
  }
  const computed =
    code.codeChallengeMethod === 'S256' ? base64Url(createHash('sha256').update(verifier, 'ascii').digest()) : verifier;
  return computed === code.codeChallenge;
}

function exchangeCode(ctx: EmulatorContext, app: AppRegistration, form: Record<string, string>): TokenResponse {
  const code = ctx.codes.find(form.code);
  if (!code || code.used) {
    throw oauthErrors.invalidCode();
  }
  if (code.clientId !== app.clientId) {
    throw oauthErrors.codeOtherClient();
  }
  if (code.expiresAt <= ctx.clock.now()) {
    throw oauthErrors.codeExpired();
  }
  const sent = form.redirect_uri;
  // Omitted at authorize → may be omitted here, or sent as the one used. Sent at authorize → same string required.
  const redirectOk = sent === undefined ? !code.redirectUriSent : sent === code.redirectUri;
  if (!redirectOk) {
    throw oauthErrors.redirectMismatch();
  }
  if (!verifierMatches(code, form.code_verifier)) {
    throw oauthErrors.pkceMismatch();
  }
  code.used = true;
  return ctx.tokens.startSession(app, code.userId);
}

function issue(
  ctx: EmulatorContext,
  app: AppRegistration,
  grant: GrantType,
  form: Record<string, string>,
): TokenResponse {
  switch (grant) {
    case 'authorization_code':
      return exchangeCode(ctx, app, form);
    case 'refresh_token':
      return ctx.tokens.rotate(form.refresh_token, app);
    case JWT_BEARER_GRANT: {
      const userId = ctx.jwt.verify(form.assertion, app.clientId, ctx.baseUrl);
      if (!ctx.users.find(userId)) {
        throw oauthErrors.invalidJwt('The JWT credential belongs to no user of this account');
      }
      return ctx.tokens.startSession(app, userId);
    }
    case 'password':
      throw oauthErrors.passwordNeedsMfa();
  }
}

/** The user a token request names, when the server can tell (for the per-user rate limit). */
function tokenRequestUser(ctx: EmulatorContext, form: Record<string, string>): string | undefined {
  switch (form.grant_type) {
    case 'authorization_code':
      return ctx.codes.find(form.code)?.userId;
    case 'refresh_token':
      return ctx.tokens.refreshTokenOwner(form.refresh_token);
    case JWT_BEARER_GRANT:
      return ctx.jwt.ownerOf(form.assertion);
    default:
      return undefined;
  }
}

/**
 * Shared start of token and revoke: rate limit, media type, duplicates. `userOf` names the user the form is about,
 * when known. Returns the form, or undefined when it answered.
 */
function readOAuthForm(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  userOf: (form: Record<string, string>) => string | undefined,
): Record<string, string> | undefined {
  if (req.method !== 'POST') {
    const error = restErrors.methodNotAllowed();
    sendJson(res, error.status, error.body, { Allow: 'POST' });
    return undefined;
  }
  const form = isForm(req.headers) ? parseForm(body) : undefined;
  const params = form?.params ?? {};
  const key = rateLimitKey(ctx, req, claimedClientId(req.headers.authorization, params), userOf(params));
  if (!passRateLimit(ctx, res, key)) {
    return undefined;
  }
  if (!form) {
    sendOAuthError(res, oauthErrors.unsupportedMediaType());
    return undefined;
  }
  if (form.duplicates.length > 0) {
    sendOAuthError(res, oauthErrors.duplicateParameter(form.duplicates[0]));
    return undefined;
  }
  return form.params;
}

function sendOAuthError(res: ServerResponse, error: OAuthError): void {
  sendJson(res, error.spec.status, oauthErrorBody(error.spec));
}

export function handleToken(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, body: string): void {
  const form = readOAuthForm(ctx, req, res, body, (params) => tokenRequestUser(ctx, params));
  if (!form) {
    return;
  }
  try {
    const grantType = form.grant_type;
    const app = authenticateClient(ctx.apps, req.headers.authorization, form, () => {
      if (grantType !== 'authorization_code') {
        return false;
      }
      return ctx.codes.find(form.code)?.codeChallenge !== undefined;
    });
    if (!GRANT_TYPES.includes(grantType as GrantType)) {
      throw oauthErrors.unsupportedGrant();
    }
    const grant = grantType as GrantType;
    if (grant === 'password' && !app.grantTypes.includes('password')) {
      // Deprecated flow: unknown to apps that never had it.
      throw oauthErrors.unsupportedGrant();
    }
    if (!app.grantTypes.includes(grant) || (grant === 'refresh_token' && !app.issueRefreshTokens)) {
      throw oauthErrors.grantNotAllowed();
    }
    sendJson(res, 200, issue(ctx, app, grant, form), { Pragma: 'no-cache' });
  } catch (error) {
    if (error instanceof OAuthError) {
      sendOAuthError(res, error);
      return;
    }
    throw error;
  }
}

export function handleRevoke(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, body: string): void {
  const form = readOAuthForm(ctx, req, res, body, (params) => ctx.tokens.tokenOwner(params.token));
  if (!form) {
    return;
  }
  try {
    const app = authenticateClient(ctx.apps, req.headers.authorization, form, () => false);
    // RFC 7009: unknown tokens are not an error.
    ctx.tokens.revoke(form.token, app.clientId);
    sendEmpty(res, 200);
  } catch (error) {
    if (error instanceof OAuthError) {
      sendOAuthError(res, error);
      return;
    }
    throw error;
  }
}
