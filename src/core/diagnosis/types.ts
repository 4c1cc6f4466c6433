// What the error knowledge base takes and gives. Plain data, so the panel, notifications,
// the explainError command and other extensions can all use it.
import type { RingCentralErrorInfo } from '../ringcentral/ringcentralError';
import type { RedirectMode } from '../redirect/redirectUri';
import type { TransportErrorCode } from '../errors';

/** Whatever failed, in one of the shapes the rest of the code produces. */
export type Failure =
  /** A RingCentral JSON error body (token endpoint, authorize, REST). */
  | { kind: 'api'; info: RingCentralErrorInfo }
  /** `error` / `error_description` that came back on the redirect (e.g. access_denied). */
  | { kind: 'callback'; error: string; description?: string }
  /** An HTTP response that is not RingCentral JSON (HTML error page, malformed JSON, bare 5xx). */
  | { kind: 'http'; status: number; contentType?: string; body: string; location?: string }
  /** No HTTP response at all. */
  | { kind: 'transport'; code: TransportErrorCode; message: string; url?: string };

/** Where the failure happened, which changes the likely causes. */
export type FlowPhase = 'preflight' | 'authorize' | 'callback' | 'token' | 'refresh' | 'revoke' | 'jwt' | 'api';

/** What the extension knows about the user's set-up; every field optional (Explain Error may know little). */
export interface DiagnosisContext {
  phase?: FlowPhase;
  server?: string;
  clientId?: string;
  redirectMode?: RedirectMode;
  /** vscode.env.uriScheme: vscode, vscode-insiders, code-oss, vscodium, cursor, windsurf… */
  uriScheme?: string;
  /** The exact redirect_uri this editor sends in the current mode. */
  redirectUri?: string;
  /** True on remote / web hosts where the redirect URI comes from asExternalUri and may change. */
  redirectUriIsDynamic?: boolean;
  hasClientSecret?: boolean;
  grantType?: string;
  /** Seconds since the authorization code was issued, when known (OAU-108). */
  codeAgeSeconds?: number;
  /** JWT flow: what the local decode of the credential showed (see oauth/jwtCredential.ts), never the credential. */
  jwtCredential?: JwtCredentialFacts;
}

/** What a local decode of a JWT credential showed, for explaining RingCentral's answer to it. */
export interface JwtCredentialFacts {
  /** The header's `alg` (RingCentral's own credentials say RS256). */
  algorithm?: string;
  /** The server the credential names in `aud`, e.g. https://platform.ringcentral.com. */
  audienceServer?: string;
  /** `exp` in epoch ms; absent when the credential has no expiry. */
  expiresAt?: number;
  /** True when `exp` had passed at the time of the request. */
  expired?: boolean;
}

export type FixAction =
  | { kind: 'openDeveloperConsole'; url: string }
  | { kind: 'copyRedirectUri'; uri: string }
  | { kind: 'switchRedirectMode'; mode: RedirectMode }
  | { kind: 'setClientSecret' }
  | { kind: 'configureApp' }
  | { kind: 'signIn' }
  /** `then`: what to run after the wait — a refresh failure retries the refresh, not a whole sign-in. */
  | { kind: 'waitAndRetry'; seconds: number; then?: 'signIn' | 'refreshToken' }
  | { kind: 'checkPermissions'; permission?: string }
  | { kind: 'checkRedirectUri' }
  | { kind: 'openSettings'; setting: string }
  | { kind: 'openUrl'; url: string };

export interface Fix {
  /** Imperative, short: "Add this redirect URI to your app". */
  label: string;
  /** One or two sentences: where to click, what to paste. */
  detail?: string;
  action?: FixAction;
}

/** Where a missing permission is fixed: on the app (Developer Console) or on the user's role (admin portal). */
export type PermissionFixSide = 'app' | 'userRole';

export interface Diagnosis {
  /** Stable id, e.g. 'redirect-uri-not-registered'; tests and the panel key on it. */
  id: string;
  /** RingCentral code when there is one: OAU-113, CMN-401, TokenInvalid; for transport failures e.g. ECONNREFUSED. */
  code?: string;
  /** The server's own words (message / error_description), shown verbatim (escaped) beside ours. */
  serverMessage?: string;
  /** One line, plain words. */
  summary: string;
  /** Most likely first, for this context. */
  causes: string[];
  /** Most useful first; each with an action where one exists. */
  fixes: Fix[];
  /** For rate limits: how long to wait. */
  retryAfterSeconds?: number;
  /** For permission errors: the permission that is missing. */
  permission?: string;
  /** For permission errors: which side the fix is on (also said in words in `permissionFixText`). */
  permissionFix?: PermissionFixSide;
  /** For permission errors: one sentence saying where to fix it. */
  permissionFixText?: string;
  /** Found by a check on this machine before any request: RingCentral has not answered (code is what it would say). */
  checkedLocally?: true;
}
