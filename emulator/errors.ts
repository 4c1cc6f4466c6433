// Every error the emulator answers with: code, message, OAuth `error` and HTTP status as in
// /work/shared/ringcentral-oauth-facts.md. Where the facts table gives no status, 400 is used.

export interface OAuthErrorSpec {
  status: number;
  error: string;
  errorCode: string;
  message: string;
  /** error_description when it should differ from message. */
  description?: string;
}

/** Thrown inside OAuth handlers; rendered as JSON (or HTML at authorize) by the caller. */
export class OAuthError extends Error {
  constructor(readonly spec: OAuthErrorSpec) {
    super(`${spec.errorCode} ${spec.message}`);
  }

  /** Same error with another HTTP status (authorize answers every validation error with 400). */
  withStatus(status: number): OAuthError {
    return new OAuthError({ ...this.spec, status });
  }
}

function e(status: number, error: string, errorCode: string, message: string, description?: string): OAuthError {
  return new OAuthError({ status, error, errorCode, message, description });
}

export const oauthErrors = {
  invalidClient: (clientId: string) => e(400, 'invalid_client', 'OAU-153', `Invalid client: ${clientId}`),
  unsupportedResponseType: () => e(400, 'unsupported_response_type', 'OAU-101', 'Unsupported response type'),
  invalidRequest: (message: string) => e(400, 'invalid_request', 'OAU-101', message),
  noRedirectUri: () => e(403, 'invalid_client', 'OAU-113', 'No redirect uri is registered for the client'),
  redirectMismatch: () => e(403, 'invalid_grant', 'OAU-109', 'Redirect URIs do not match'),
  authorizeGrantNotEnabled: () =>
    e(403, 'unauthorized_client', 'OAU-112', 'The client is unauthorized for the required grant type'),
  invalidCode: () => e(403, 'invalid_grant', 'OAU-106', 'Invalid authorization code'),
  // The facts list no PKCE-specific code: RingCentral-style OAU-106 with a precise description.
  pkceMismatch: () =>
    e(400, 'invalid_grant', 'OAU-106', 'Invalid authorization code', 'code_verifier does not match code_challenge'),
  codeExpired: () => e(403, 'invalid_grant', 'OAU-108', 'Authorization code is expired'),
  codeOtherClient: () => e(403, 'invalid_grant', 'OAU-110', 'Authorization code was not issued for this application'),
  duplicateParameter: (name: string) =>
    e(
      400,
      'invalid_request',
      'OAU-111',
      'Request parameter duplication detected',
      `Request parameter duplication detected: ${name}`,
    ),
  authHeaderRequired: () => e(401, 'invalid_client', 'OAU-123', 'Invalid Authorization header value'),
  malformedAuthHeader: () => e(401, 'invalid_client', 'OAU-134', 'Invalid Authorization header'),
  authMethodNotSupported: () => e(401, 'invalid_client', 'OAU-151', 'Authorization method not supported'),
  wrongSecret: () => e(401, 'invalid_client', 'OAU-146', 'Invalid client credentials'),
  passwordNeedsMfa: () => e(401, 'invalid_grant', 'OAU-168', 'Password grant is not allowed because MFA is required'),
  refreshExpired: () => e(400, 'invalid_grant', 'OAU-210', 'Token expired'),
  refreshRevoked: () => e(400, 'invalid_grant', 'OAU-211', 'Token revoked'),
  refreshNotFound: () => e(400, 'invalid_grant', 'OAU-213', 'Token not found'),
  unsupportedGrant: () => e(400, 'invalid_request', 'OAU-250', 'Unsupported grant type'),
  grantNotAllowed: () => e(400, 'unauthorized_client', 'OAU-251', 'Unauthorized for this grant type'),
  // Not in the facts table: OAU-140 "Invalid resource owner credentials" is RingCentral's documented code for
  // credentials it refuses (seen with invalid_grant and 400 in practice). No public source names a code for a JWT
  // credential that expired or names another server, so those are OAU-140 too, told apart by the description.
  invalidJwt: (description = 'The JWT credential is not valid for this application') =>
    e(400, 'invalid_grant', 'OAU-140', 'Invalid resource owner credentials', description),
  // Text from RingCentral's API changelog 1.0.41; `error` and status are not published: RFC 7523's invalid_grant, 400.
  jwtAlgorithmNotSupported: () =>
    e(
      400,
      'invalid_grant',
      'OAU-347',
      'An algorithm which is used for assertion signing is not supported for JWT Bearer grant type',
    ),
  // Not in the facts table; the emulator's own code for a non-form token/revoke body.
  unsupportedMediaType: () => e(415, 'invalid_request', 'CMN-415', 'Unsupported Media Type'),
};

export interface OAuthErrorBody {
  error: string;
  error_description: string;
  errors: Array<{ errorCode: string; message: string }>;
}

export function oauthErrorBody(spec: OAuthErrorSpec): OAuthErrorBody {
  return {
    error: spec.error,
    error_description: spec.description ?? spec.message,
    errors: [{ errorCode: spec.errorCode, message: spec.message }],
  };
}

export interface RestError {
  status: number;
  body: {
    errorCode: string;
    message: string;
    errors: Array<{
      errorCode: string;
      message: string;
      permissionName?: string;
      parameterName?: string;
      parameterValue?: string;
    }>;
    permissionName?: string;
  };
}

function rest(status: number, topCode: string, message: string, innerCode = topCode): RestError {
  return { status, body: { errorCode: topCode, message, errors: [{ errorCode: innerCode, message }] } };
}

export const restErrors = {
  tokenInvalid: () => rest(401, 'TokenInvalid', 'Unparseable access token'),
  tokenExpired: () => rest(401, 'TokenExpired', 'Access token expired', 'OAU-128'),
  insufficientPermissions: (permission: string): RestError => {
    const message = `In order to call this API endpoint, application needs to have [${permission}] permission`;
    return {
      status: 403,
      body: {
        errorCode: 'InsufficientPermissions',
        message,
        errors: [{ errorCode: 'CMN-401', message, permissionName: permission }],
        permissionName: permission,
      },
    };
  },
  rateExceeded: () => rest(429, 'CMN-301', 'Request rate exceeded'),
  notFound: (path: string): RestError => {
    const message = `Resource for parameter [path] is not found`;
    return {
      status: 404,
      body: {
        errorCode: 'CMN-102',
        message,
        errors: [{ errorCode: 'CMN-102', message, parameterName: 'path', parameterValue: path }],
      },
    };
  },
  // CMN-405 means "Login to extension required" at RingCentral, so no CMN code here.
  methodNotAllowed: () => rest(405, 'MethodNotAllowed', 'Method not allowed'),
};
