// Grant types: OAU-112/125/251, 250, 165, 168. Refresh and access tokens are in ./refreshAndAccessTokenEntries; the
// JWT flow's own codes (OAU-140, 347) and its words for OAU-251 are in ./jwtFlowEntries.
import { docs } from '../developerConsole';
import {
  configureAppFix,
  consoleFix,
  docsFix,
  isJwt,
  isPassword,
  isRefresh,
  phaseIs,
  serverText,
  settingFix,
  signInFix,
  traceFix,
  type EntryInput,
  type KnowledgeEntry,
} from '../entryKit';
import type { Fix } from '../types';
import {
  refreshTokenExpired,
  refreshTokenRevoked,
  refreshTokenNotFound,
  accessTokenExpired,
  accessTokenInvalid,
} from './refreshAndAccessTokenEntries';
import { jwtGrantRefused } from './jwtFlowEntries';

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const PASSWORD_EOL =
  'The password grant is deprecated: RingCentral announced its end of life for 2024-03-31. Use JWT for server-side sign-in, or the authorization code flow with PKCE for users.';

type GrantKind = 'refresh' | 'jwt' | 'code' | 'password' | 'implicit' | 'unknown';

/** OAU-112 names the refused grant in brackets ("…grant type: [IMPLICIT]"): the server's word wins. */
const NAMED_GRANTS: ReadonlyArray<readonly [string, GrantKind]> = [
  ['[implicit]', 'implicit'],
  ['[authorization_code]', 'code'],
  ['[refresh_token]', 'refresh'],
  ['[password]', 'password'],
  ['[jwt', 'jwt'],
  ['[urn:ietf:params:oauth:grant-type:jwt-bearer]', 'jwt'],
];

function grantKind(input: EntryInput): GrantKind {
  const named = NAMED_GRANTS.find(([text]) => input.text.includes(text));
  if (named) {
    return named[1];
  }
  const ctx = input.context;
  if (isRefresh(ctx)) {
    return 'refresh';
  }
  if (isJwt(ctx)) {
    return 'jwt';
  }
  if (isPassword(ctx)) {
    return 'password';
  }
  if ((ctx.grantType ?? '').toLowerCase() === 'authorization_code' || phaseIs(ctx, 'token', 'authorize', 'callback')) {
    return 'code';
  }
  const text = input.text;
  if (text.includes('refresh_token')) {
    return 'refresh';
  }
  if (text.includes('jwt')) {
    return 'jwt';
  }
  if (text.includes('authorization_code')) {
    return 'code';
  }
  if (text.includes('[password]')) {
    return 'password';
  }
  return 'unknown';
}

const jwtDocs: Fix = docsFix(
  docs.jwtFlow,
  'Switch to JWT',
  `Create a JWT credential for the user in the Developer Console (Credentials → JWT), enable JWT auth on the app, and exchange it with grant_type=${JWT_GRANT}.`,
);

export const grantTypeNotEnabled: KnowledgeEntry = {
  id: 'grant-type-not-enabled',
  codes: ['OAU-112', 'OAU-125', 'OAU-251'],
  errors: ['unauthorized_client'],
  compatibleErrors: ['unauthorized_client', 'invalid_request', 'invalid_grant'],
  messages: [
    'the client is unauthorized for the required grant type',
    'grant type is not allowed for application',
    'unauthorized for this grant type',
  ],
  explain: (input) => {
    const ctx = input.context;
    const kind = grantKind(input);
    const w = (k: GrantKind, base: number): number => (kind === k ? 90 : base);
    if (kind === 'jwt') {
      return { summary: 'The app is not allowed to use the JWT grant.', ...jwtGrantRefused(ctx) };
    }
    return {
      summary:
        kind === 'refresh'
          ? 'The app is not allowed to refresh tokens: it does not issue refresh tokens.'
          : kind === 'password'
            ? 'The app is not allowed to use the password grant.'
            : kind === 'implicit'
              ? 'The app is not allowed to use the implicit grant ([IMPLICIT], response_type=token) that the sign-in asked for.'
              : kind === 'code'
                ? 'The app is not allowed to use the authorization code flow.'
                : 'The app is not allowed to use the requested grant type.',
      causes: [
        [
          w('refresh', 60),
          'The app does not issue refresh tokens: the "Issue refresh tokens?" setting on the app (Settings → Auth) is off by default, so the refresh_token grant is refused. Turn it on, then sign in again to get a refresh token.',
        ],
        [
          55,
          'The app is not set up for JWT: "JWT auth flow" must be its chosen auth type (Settings → Auth). An app created for 3-legged OAuth refuses the jwt-bearer grant; if the console does not let you change it, create a REST API app with "JWT auth flow".',
        ],
        [
          w('code', 50),
          'The app is not set up for the authorization code flow (3-legged OAuth): for example it was created as a JWT or server-only app. Create an app that uses 3-legged OAuth with a redirect URI.',
        ],
        (kind === 'password' || kind === 'unknown') && [w('password', 40), PASSWORD_EOL],
        kind === 'implicit' && [
          95,
          'RingCentral names the refused grant: [IMPLICIT]. The sign-in used response_type=token (the implicit grant), which the app does not have enabled. Use the authorization code flow with PKCE (response_type=code) instead; older SDK versions chose the implicit grant when no client secret was set.',
        ],
      ],
      fixes: [
        [
          90,
          consoleFix(
            ctx,
            'Enable the grant on the app',
            kind === 'refresh'
              ? 'Developer Console → your app → Settings → Auth → "Issue refresh tokens?" → Yes. Save, then sign in again.'
              : 'Developer Console → your app → Settings → Auth: check which auth flows the app allows.',
          ),
        ],
        kind === 'refresh' && [70, signInFix('Refresh tokens only come with a new sign-in after the setting is on.')],
        kind === 'password' && [60, jwtDocs],
        kind === 'refresh' && [40, docsFix(docs.refreshTokens, 'Read about refresh tokens')],
      ],
    };
  },
};

export const unsupportedGrantType: KnowledgeEntry = {
  id: 'unsupported-grant-type',
  codes: ['OAU-250'],
  errors: ['unsupported_grant_type'],
  compatibleErrors: ['invalid_request', 'unsupported_grant_type'],
  messages: ['unsupported grant type'],
  explain: ({ context: ctx }) => ({
    summary: 'RingCentral does not support the grant_type that was sent.',
    causes: [
      isPassword(ctx) && [85, PASSWORD_EOL],
      [
        70,
        `grant_type is misspelled or not one RingCentral supports: authorization_code, refresh_token or ${JWT_GRANT} (password is deprecated).`,
      ],
      [55, 'The body is not sent as application/x-www-form-urlencoded, so the server does not see grant_type at all.'],
    ],
    fixes: [
      [80, { ...traceFix, label: 'Open the trace and check grant_type and the Content-Type' }],
      [50, jwtDocs],
    ],
  }),
};

export const sandboxRetired: KnowledgeEntry = {
  id: 'sandbox-retired',
  codes: ['OAU-165'],
  messages: ['sandbox client is not allowed'],
  explain: ({ context: ctx }) => ({
    summary: "A sandbox app's client id was used where sandbox apps are not allowed.",
    causes: [
      [
        70,
        `The client id belongs to a sandbox app, and ${serverText(ctx)} refuses sandbox clients. Production apps have their own client id and secret.`,
      ],
      [
        55,
        'RingCentral is retiring the sandbox (devtest) environment; develop against production with an app that is still in development.',
      ],
    ],
    fixes: [
      [
        90,
        configureAppFix(
          'Use the production client id and secret of the app (Developer Console → your app → Credentials).',
          'Use the production credentials',
        ),
      ],
      [
        80,
        settingFix(
          'ringcentral.server',
          'Switch the server to production',
          'Set ringcentral.server to https://platform.ringcentral.com.',
        ),
      ],
      [60, consoleFix(ctx, 'Open the app in the Developer Console')],
      [40, docsFix(docs.production, 'Read about moving to production')],
    ],
  }),
};

export const passwordGrantMfa: KnowledgeEntry = {
  id: 'password-grant-mfa',
  codes: ['OAU-168'],
  messages: ['password grant is not allowed because mfa is required', 'mfa is required'],
  explain: ({ context: ctx }) => ({
    summary: 'Password sign-in was refused because the user must use multi-factor authentication; move to JWT.',
    causes: [
      [
        70,
        'The password (resource owner) grant cannot do multi-factor authentication, which the account requires for this user.',
      ],
      [60, PASSWORD_EOL],
    ],
    fixes: [
      [90, jwtDocs],
      [
        70,
        consoleFix(
          ctx,
          'Create a JWT credential',
          'Developer Console → Credentials → JWT: create a credential for this user, and enable JWT auth on the app.',
        ),
      ],
      [
        50,
        signInFix(
          'Or sign in interactively (authorization code with PKCE) with this extension.',
          'Sign in in the browser instead',
        ),
      ],
    ],
  }),
};

export const tokenEntries: KnowledgeEntry[] = [
  grantTypeNotEnabled,
  unsupportedGrantType,
  sandboxRetired,
  passwordGrantMfa,
  refreshTokenExpired,
  refreshTokenRevoked,
  refreshTokenNotFound,
  accessTokenExpired,
  accessTokenInvalid,
];
