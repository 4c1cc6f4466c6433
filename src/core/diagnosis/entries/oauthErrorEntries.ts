// Standard OAuth `error` values (RFC 6749 / OpenID Connect), for bodies and redirects that carry no
// RingCentral code we know. Causes are ranked by the flow phase and by words in the server's text.
import { docs } from '../developerConsole';
import {
  capitalize,
  clientIdText,
  configureAppFix,
  consoleFix,
  copyRedirectFix,
  docsFix,
  isJwt,
  isRefresh,
  maybe,
  phaseIs,
  serverText,
  setSecretFix,
  settingFix,
  signInFix,
  supportFix,
  traceFix,
  type KnowledgeEntry,
} from '../entryKit';

export const oauthInvalidClient: KnowledgeEntry = {
  id: 'oauth-invalid-client',
  errors: ['invalid_client'],
  explain: ({ context: ctx, text }) => ({
    summary: "RingCentral did not accept the app's identity (client id or client authentication).",
    causes: [
      text.includes('redirect') && [
        95,
        'The app has no OAuth redirect URI registered (Developer Console → your app → Settings → Auth → "OAuth Redirect URI").',
      ],
      ctx.hasClientSecret === false && [
        85,
        'No client secret is set, but the app is confidential and must authenticate with `Authorization: Basic base64(client_id:client_secret)`.',
      ],
      [
        65,
        `${capitalize(clientIdText(ctx))} is unknown on ${serverText(ctx)}: production, sandbox and partner (.biz) apps have separate client ids.`,
      ],
      [60, 'The client secret is wrong, belongs to another app or environment, or was copied with extra characters.'],
      [40, 'The Authorization header for the token request is missing or malformed.'],
    ],
    fixes: [
      text.includes('redirect') && [92, consoleFix(ctx, 'Add a redirect URI to the app')],
      maybe(91, text.includes('redirect') ? copyRedirectFix(ctx) : undefined),
      [
        ctx.hasClientSecret === false ? 90 : 70,
        setSecretFix("Copy it from the app's Credentials page for the server you use."),
      ],
      [80, configureAppFix('Check the client id and the server it belongs to.')],
      [60, settingFix('ringcentral.clientId', 'Open the client id setting')],
      [50, consoleFix(ctx, "Open the app's credentials")],
    ],
  }),
};

export const oauthInvalidGrant: KnowledgeEntry = {
  id: 'oauth-invalid-grant',
  errors: ['invalid_grant'],
  explain: ({ context: ctx, text }) => {
    const refresh = isRefresh(ctx);
    const jwt = isJwt(ctx);
    const code =
      phaseIs(ctx, 'token', 'callback', 'authorize') || (!refresh && !jwt && ctx.grantType === 'authorization_code');
    const unknown = !refresh && !jwt && !code;
    return {
      summary: refresh
        ? 'RingCentral refused the refresh token.'
        : jwt
          ? 'RingCentral refused the JWT credential.'
          : 'RingCentral refused the grant (authorization code, refresh token or JWT) that was sent.',
      causes: [
        text.includes('redirect') && [
          95,
          'The redirect_uri in the code exchange differs from the sign-in request, or from the URIs registered on the app; they must match exactly.',
        ],
        text.includes('verifier') && [
          95,
          'The PKCE code_verifier does not belong to the sign-in that produced this code.',
        ],
        (code || unknown) && [
          code ? 80 : 60,
          'The authorization code was already used (codes work once; a retry or a refresh of the callback page sends it again).',
        ],
        (code || unknown) && [code ? 75 : 58, 'The authorization code expired: it lives about 60 s.'],
        code && [70, "The token request's redirect_uri differs from the authorize request's."],
        code && [60, 'The code was issued to another client id than the one exchanging it.'],
        (refresh || unknown) && [refresh ? 80 : 55, 'The refresh token expired: it lives 7 days by default.'],
        (refresh || unknown) && [
          refresh ? 78 : 54,
          'The refresh token was already used: refresh tokens rotate, each works once, and the new one must replace the old. Two processes refreshing at once cause this.',
        ],
        (refresh || unknown) && [
          refresh ? 70 : 52,
          'The session was revoked (signed out elsewhere, password changed, or more than about 5 parallel sessions for the user).',
        ],
        (jwt || unknown) && [
          jwt ? 80 : 45,
          'The JWT credential is invalid, expired or revoked, was created for another environment, or is restricted to other apps.',
        ],
      ],
      fixes: [
        [
          90,
          signInFix(
            jwt
              ? 'Or create a new JWT credential in the Developer Console (Credentials → JWT).'
              : 'A new sign-in gives a fresh code and a fresh session.',
          ),
        ],
        jwt && [
          80,
          consoleFix(
            ctx,
            'Check the JWT credential',
            'Developer Console → Credentials → JWT: expiry and allowed apps.',
          ),
        ],
        text.includes('redirect') && [85, { label: 'Compare the redirect URIs', action: { kind: 'checkRedirectUri' } }],
        [50, traceFix],
        refresh && [40, docsFix(docs.refreshTokens, 'Read about refresh tokens')],
      ],
    };
  },
};

export const oauthInvalidRequest: KnowledgeEntry = {
  id: 'oauth-invalid-request',
  errors: ['invalid_request'],
  explain: ({ context: ctx, text }) => {
    const authorize = phaseIs(ctx, 'authorize', 'preflight', 'callback');
    return {
      summary: 'RingCentral found the request malformed: a parameter is missing, repeated or has a wrong value.',
      causes: [
        text.includes('redirect') && [
          95,
          'The redirect_uri is missing, not registered on the app, or does not match a registered URI exactly.',
        ],
        (text.includes('verifier') || text.includes('challenge')) && [
          95,
          'A PKCE parameter is wrong: code_challenge_method must be S256 (or plain), and the token request must carry the code_verifier of the same sign-in.',
        ],
        [
          authorize ? 50 : 70,
          'A required token parameter is missing or wrong: grant_type, code, redirect_uri, code_verifier (PKCE), or client_id when there is no secret.',
        ],
        [
          authorize ? 75 : 45,
          'The authorize URL is incomplete: response_type=code, client_id and redirect_uri (required when the app has more than one registered) must be present.',
        ],
        [55, 'The token request body is not application/x-www-form-urlencoded (a JSON body is not understood).'],
      ],
      fixes: [
        [85, { ...traceFix, label: 'Open the trace and check the parameters' }],
        authorize && [80, { label: 'Check the redirect URI', action: { kind: 'checkRedirectUri' } }],
        [40, docsFix(docs.authCodeFlow, 'Compare with the documented requests')],
      ],
    };
  },
};

export const unsupportedResponseType: KnowledgeEntry = {
  id: 'unsupported-response-type',
  errors: ['unsupported_response_type'],
  explain: () => ({
    summary: 'The authorize request asked for a response type RingCentral does not support.',
    causes: [
      [70, 'response_type must be exactly "code"; RingCentral has no implicit (token) flow for this.'],
      [40, 'The app is not set up for 3-legged OAuth, so it cannot use the authorize endpoint at all.'],
    ],
    fixes: [
      [80, { ...traceFix, label: 'Open the trace and check response_type' }],
      [40, docsFix(docs.authCodeFlow, 'Read about the authorization code flow')],
    ],
  }),
};

export const accessDenied: KnowledgeEntry = {
  id: 'access-denied',
  errors: ['access_denied'],
  explain: () => ({
    summary: 'The sign-in was declined: the user chose Deny, or an admin policy blocks this app.',
    causes: [
      [70, "The user chose Deny (or cancelled) on RingCentral's consent page."],
      [55, "An account administrator does not allow this app, or the user's role may not authorize apps."],
      [40, 'The app is still in development and the account signing in may not be allowed to use it yet.'],
    ],
    fixes: [
      [90, signInFix('Sign in again and choose Allow on the consent page.')],
      [
        50,
        {
          label: 'Ask the account administrator',
          detail: 'They can allow the app for the account, or give the user a role that may authorize apps.',
        },
      ],
      [30, docsFix(docs.production, 'Read about moving an app to production')],
    ],
  }),
};

export const serverError: KnowledgeEntry = {
  id: 'server-error',
  answersStatuses: [{ from: 500 }],
  errors: ['server_error'],
  codes: ['CMN-201', 'CMN-203'],
  messages: ['internal server error', 'service temporary unavailable'],
  explain: ({ code }) => ({
    summary: 'RingCentral had an internal error handling the request.',
    causes: [
      [70, "A temporary problem on RingCentral's side. These usually pass within seconds or minutes."],
      [
        40,
        'An unusual request that the server failed to handle; if it repeats with the same request, it is worth reporting.',
      ],
    ],
    fixes: [
      [
        90,
        {
          label: 'Try again in a few seconds',
          detail: 'RingCentral recommends up to 3 retries about 10 s apart, then waiting longer.',
          action: { kind: 'waitAndRetry', seconds: 10 },
        },
      ],
      [50, traceFix],
      [40, supportFix(code)],
    ],
  }),
};

export const temporarilyUnavailable: KnowledgeEntry = {
  id: 'temporarily-unavailable',
  answersStatuses: [503],
  errors: ['temporarily_unavailable', 'service_unavailable'],
  explain: ({ info }) => {
    const seconds = info?.retryAfterSeconds ?? 30;
    return {
      summary: `RingCentral is temporarily unavailable; try again in ${seconds} s.`,
      causes: [
        [70, 'The service is overloaded or under maintenance.'],
        [40, 'Too many requests from this app or user, answered with 503 instead of 429.'],
      ],
      fixes: [
        [
          90,
          {
            label: `Wait ${seconds} s and try again`,
            detail: 'Honour Retry-After when the server sends it.',
            action: { kind: 'waitAndRetry', seconds },
          },
        ],
      ],
      retryAfterSeconds: seconds,
    };
  },
};

export const invalidScope: KnowledgeEntry = {
  id: 'invalid-scope',
  errors: ['invalid_scope'],
  explain: ({ context: ctx }) => ({
    summary: 'The sign-in asked for a scope (permission) the app does not have.',
    causes: [
      [
        70,
        "The scope parameter lists a permission that is not enabled on the app. RingCentral takes permissions from the app's settings in the Developer Console, so leaving scope out is safest.",
      ],
      [45, 'The scope list is badly formatted: permissions are separated by spaces, not commas.'],
    ],
    fixes: [
      [85, { label: "Check the app's permissions", action: { kind: 'checkPermissions' } }],
      [70, consoleFix(ctx, 'Add the permission to the app')],
      [50, signInFix('After changing permissions, sign in again.')],
    ],
  }),
};

export const interactiveLoginRequired: KnowledgeEntry = {
  id: 'interactive-login-required',
  errors: ['login_required', 'interaction_required', 'consent_required'],
  explain: () => ({
    summary: 'RingCentral needs the user to sign in or consent in the browser.',
    causes: [
      [
        70,
        'The sign-in used prompt=none (silent sign-in) but the user has no RingCentral session in the browser, or has not yet consented to this app.',
      ],
      [40, "The app's permissions changed, so the user must consent again."],
    ],
    fixes: [[90, signInFix('Sign in interactively in the browser.')]],
  }),
};

export const oauthErrorEntries: KnowledgeEntry[] = [
  oauthInvalidClient,
  oauthInvalidGrant,
  oauthInvalidRequest,
  unsupportedResponseType,
  accessDenied,
  serverError,
  temporarilyUnavailable,
  invalidScope,
  interactiveLoginRequired,
];
