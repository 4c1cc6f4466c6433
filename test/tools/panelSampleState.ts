// The sample PanelState the panel preview shows: a failed sign-in with the full diagnosis, a rate-limited refresh,
// a successful and a cancelled sign-in, a redirect check and a permission check, all relative to `now`.
import { checkRedirectUri } from '../../src/core/redirect/checkRedirectUri';
import type { PanelState } from '../../src/panel/protocol';

/** What the sample's error_description carries: markup that must show as text and never run. */
export const MALICIOUS_DESCRIPTION =
  'Redirect rejected for <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>';

export const SAMPLE_IDS = {
  failedSignIn: 'signIn-sample-failed',
  rateLimited: 'refresh-sample-429',
  okSignIn: 'signIn-sample-ok',
  cancelled: 'signIn-sample-cancelled',
};
export const SAMPLE_SENT_REDIRECT = 'http://127.0.0.1:53134/callback';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function samplePanelState(now: number = Date.now()): PanelState {
  const server = 'https://platform.ringcentral.com';
  const clientId = 'bXlDbGllbnRJZDEyMzQ1';
  const redirectCheck = checkRedirectUri({
    sent: SAMPLE_SENT_REDIRECT,
    mode: 'loopback',
    registered: ['http://localhost:53134/callback/', 'https://127.0.0.1:53134/callback'],
    uriScheme: 'vscode',
  });
  const signInAt = now - 2 * MINUTE;
  const refreshAt = now - 5 * SECOND;
  const tokenBody = JSON.stringify({
    error: 'invalid_client',
    error_description: MALICIOUS_DESCRIPTION,
    errors: [{ errorCode: 'OAU-113', message: 'No redirect uri is registered for the client' }],
  });
  return {
    now,
    settings: {
      server,
      clientId,
      redirectMode: 'loopback',
      uriScheme: 'vscode',
      hasClientSecret: false,
      appName: 'Call Log Exporter',
    },
    session: {
      label: 'Ada Lovelace (ext. 101)',
      accountId: '400131234008',
      extensionNumber: '101',
      profileKnown: true,
      server,
      clientId,
      scope: ['ReadAccounts', 'ReadCallLog', 'CallControl', 'ReadPresence'],
      accessExpiresAt: now + 45 * MINUTE + 12 * SECOND,
      refreshExpiresAt: now + 7 * DAY,
      hasRefreshToken: true,
      refreshError: 'The last automatic refresh was rate limited (CMN-301); it will be retried.',
    },
    redirect: {
      check: redirectCheck,
      preflight: { ok: true, detail: 'HTTP 302 to the login page: client id and redirect URI accepted' },
    },
    attempts: [
      {
        id: SAMPLE_IDS.rateLimited,
        kind: 'refresh',
        startedAt: refreshAt - 180,
        endedAt: refreshAt,
        outcome: 'failed',
        server,
        clientId,
        steps: [
          {
            at: refreshAt,
            title: 'Refresh the access token',
            ok: false,
            durationMs: 180,
            request: {
              method: 'POST',
              url: `${server}/restapi/oauth/token`,
              headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
              body: `grant_type=refresh_token&refresh_token=${encodeURIComponent('U0pDMD…x9Q')}&client_id=${clientId}`,
            },
            response: {
              status: 429,
              headers: {
                'content-type': 'application/json',
                'retry-after': '60',
                'x-rate-limit-group': 'auth',
                'x-rate-limit-limit': '5',
                'x-rate-limit-remaining': '0',
                'x-rate-limit-window': '60',
              },
              body: JSON.stringify({
                errorCode: 'CMN-301',
                message: 'Request rate exceeded',
                errors: [{ errorCode: 'CMN-301', message: 'Request rate exceeded' }],
              }),
            },
            diagnosis: {
              id: 'rate-limited',
              code: 'CMN-301',
              serverMessage: 'Request rate exceeded',
              summary: "RingCentral's rate limit for this app was reached: wait a minute before the next request.",
              causes: [
                'Too many token requests in a short time: the auth group allows 5 requests a minute per app.',
                'Another process (a script, a second editor window) uses the same app and shares its limit.',
              ],
              fixes: [
                {
                  label: 'Wait, then retry',
                  detail: 'RingCentral said how long to wait (Retry-After: 60).',
                  action: { kind: 'waitAndRetry', seconds: 60 },
                },
                {
                  label: 'Read about rate limits',
                  action: { kind: 'openUrl', url: 'https://developers.ringcentral.com/guide/basics/rate-limits' },
                },
              ],
              retryAfterSeconds: 60,
            },
          },
        ],
      },
      {
        id: SAMPLE_IDS.failedSignIn,
        kind: 'signIn',
        startedAt: signInAt,
        endedAt: signInAt + 14_350,
        outcome: 'failed',
        server,
        clientId,
        steps: [
          {
            at: signInAt,
            title: 'Open the authorize page in the browser',
            ok: true,
            durationMs: 40,
            params: {
              response_type: 'code',
              client_id: clientId,
              redirect_uri: SAMPLE_SENT_REDIRECT,
              state: 'Zk3…Q1w',
              code_challenge: 'E9Me…cM',
              code_challenge_method: 'S256',
            },
          },
          {
            at: signInAt + 14_000,
            title: 'Callback received on 127.0.0.1:53134',
            ok: true,
            durationMs: 2,
            params: { code: 'U0pD…x9Q', state: 'Zk3…Q1w' },
          },
          {
            at: signInAt + 14_000,
            title: 'Exchange the code for a token',
            ok: false,
            durationMs: 348,
            request: {
              method: 'POST',
              url: `${server}/restapi/oauth/token`,
              headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
              body: `grant_type=authorization_code&code=U0pD%E2%80%A6x9Q&redirect_uri=${encodeURIComponent(SAMPLE_SENT_REDIRECT)}&client_id=${clientId}&code_verifier=dBjf%E2%80%A6XoM`,
            },
            response: {
              status: 400,
              headers: {
                'content-type': 'application/json;charset=utf-8',
                rcrequestid: '5d1e4c1a-8e0f-11ef-9f6c-005056bb2dc3',
              },
              body: tokenBody,
            },
            failure: {
              kind: 'api',
              info: {
                status: 400,
                code: 'OAU-113',
                error: 'invalid_client',
                message: 'No redirect uri is registered for the client',
                description: MALICIOUS_DESCRIPTION,
                rawBody: tokenBody,
              },
            },
            diagnosis: {
              id: 'redirect-uri-not-registered',
              code: 'OAU-113',
              serverMessage: MALICIOUS_DESCRIPTION,
              summary:
                'The app has no OAuth redirect URI registered, so RingCentral has nowhere to send the browser after sign-in.',
              causes: [
                'No redirect URI is registered on the app. Redirect URIs live in the app\'s OAuth settings in the Developer Console: your app → Settings → Auth → "OAuth Redirect URI". The URI sent at sign-in must match one of them exactly.',
                'The app was created without a redirect: JWT, "no UI" and server-only apps have no OAuth Redirect URI, and an app\'s auth flow cannot be changed afterwards.',
                `Client id ${clientId} may belong to another app, or to the same app in another environment (production, sandbox and .biz each have their own credentials).`,
              ],
              fixes: [
                {
                  label: 'Copy the redirect URI to add',
                  detail: `Copies ${SAMPLE_SENT_REDIRECT}.`,
                  action: { kind: 'copyRedirectUri', uri: SAMPLE_SENT_REDIRECT },
                },
                {
                  label: 'Open the app in the Developer Console',
                  detail: `Open your app → Settings → Auth. In "OAuth Redirect URI" paste ${SAMPLE_SENT_REDIRECT} exactly, then save and sign in again.`,
                  action: { kind: 'openDeveloperConsole', url: 'https://developers.ringcentral.com/console/my-apps' },
                },
                { label: 'Check the client id and server', action: { kind: 'configureApp' } },
                {
                  label: 'Use the URI handler redirect instead',
                  detail: 'If vscode://rcdevtools.ringcentral-oauth/callback is registered.',
                  action: { kind: 'switchRedirectMode', mode: 'uriHandler' },
                },
                { label: 'After adding the URI, start a new sign-in.', action: { kind: 'signIn' } },
              ],
            },
          },
        ],
      },
      {
        id: SAMPLE_IDS.okSignIn,
        kind: 'signIn',
        startedAt: now - 3 * HOUR,
        endedAt: now - 3 * HOUR + 9_800,
        outcome: 'ok',
        server,
        clientId,
        steps: [
          { at: now - 3 * HOUR, title: 'Open the authorize page in the browser', ok: true, durationMs: 35 },
          { at: now - 3 * HOUR + 9_400, title: 'Callback received on 127.0.0.1:53134', ok: true, durationMs: 1 },
          {
            at: now - 3 * HOUR + 9_400,
            title: 'Exchange the code for a token',
            ok: true,
            durationMs: 402,
            response: {
              status: 200,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                access_token: 'U0pDMD…AbC',
                token_type: 'bearer',
                expires_in: 3600,
                refresh_token: 'U0pDMD…x9Q',
                refresh_token_expires_in: 604800,
                scope: 'ReadAccounts ReadCallLog CallControl ReadPresence',
                owner_id: '101',
              }),
            },
          },
        ],
      },
      {
        id: SAMPLE_IDS.cancelled,
        kind: 'signIn',
        startedAt: now - 26 * HOUR,
        endedAt: now - 26 * HOUR + 65_000,
        outcome: 'cancelled',
        server,
        clientId,
        steps: [
          { at: now - 26 * HOUR, title: 'Open the authorize page in the browser', ok: true, durationMs: 30 },
          {
            at: now - 26 * HOUR + 65_000,
            title: 'Cancelled before the browser came back',
            ok: false,
            note: 'You cancelled the sign-in notification.',
          },
        ],
      },
    ],
    focus: { kind: 'attempt', attemptId: SAMPLE_IDS.failedSignIn },
    permission: {
      method: 'POST',
      path: '/restapi/v1.0/account/~/extension/~/sms',
      operation: {
        pathTemplate: '/restapi/v1.0/account/{accountId}/extension/{extensionId}/sms',
        operationId: 'createSMSMessage',
        summary: 'Send SMS',
        appPermission: 'SMS',
        userPermission: 'OutboundSMS',
      },
      granted: false,
      grantedPermissions: ['ReadAccounts', 'ReadCallLog', 'CallControl', 'ReadPresence'],
    },
  };
}
