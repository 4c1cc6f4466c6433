// Redirect URI problems: OAU-113 (none registered) and OAU-109 (does not match).
import { docs } from '../developerConsole';
import {
  capitalize,
  clientIdText,
  configureAppFix,
  consoleFix,
  copyRedirectFix,
  docsFix,
  maybe,
  nonDefaultScheme,
  onSandbox,
  phaseIs,
  serverText,
  signInFix,
  type KnowledgeEntry,
} from '../entryKit';
import { serverEnvironment } from '../developerConsole';
import type { DiagnosisContext, Fix } from '../types';

const EXACT_MATCH_RULES =
  'RingCentral compares redirect URIs exactly: scheme (http / https / vscode…), host (127.0.0.1 is not localhost), port, path, trailing slash, letter case and query must all be identical. No wildcards.';

function dynamicHostFixes(ctx: DiagnosisContext, weight: number): Array<readonly [number, Fix]> {
  if (!ctx.redirectUriIsDynamic) {
    return [];
  }
  return [
    [
      weight,
      {
        label: 'Use the loopback redirect instead',
        detail:
          'A loopback URI (http://127.0.0.1:<port>/callback) does not change between sessions: register it once on the app and it keeps working.',
        action: { kind: 'switchRedirectMode', mode: 'loopback' },
      },
    ],
    [
      weight - 2,
      {
        label: 'Or paste the redirect URL by hand',
        detail:
          'Paste mode works with any URI registered on the app, even one nothing listens on: you copy the URL the browser lands on back into the editor.',
        action: { kind: 'switchRedirectMode', mode: 'paste' },
      },
    ],
  ];
}

function schemeCause(ctx: DiagnosisContext, weight: number): readonly [number, string] | undefined {
  const scheme = nonDefaultScheme(ctx);
  if (!scheme) {
    return undefined;
  }
  return [
    weight,
    `This editor's redirect URI uses its own scheme, ${scheme}:// (not vscode://). A URI registered for VS Code does not cover it: register ${
      ctx.redirectUri ?? `the ${scheme}:// URI`
    } too (an app can have up to 10 redirect URIs).`,
  ];
}

function otherAppCause(ctx: DiagnosisContext, weight: number): readonly [number, string] {
  const env = serverEnvironment(ctx.server);
  const bump = env === 'sandbox' || env === 'partner' || env === 'custom' ? 15 : 0;
  return [
    weight + bump,
    `${capitalize(clientIdText(ctx))} may belong to another app, or to the same app in another environment: production, sandbox and the partner platform (.biz) each have their own credentials and settings. You are signing in against ${serverText(
      ctx,
    )}.`,
  ];
}

export const redirectUriNotRegistered: KnowledgeEntry = {
  id: 'redirect-uri-not-registered',
  codes: ['OAU-113'],
  compatibleErrors: ['invalid_client', 'invalid_request', 'unauthorized_client'],
  messages: ['no redirect uri is registered'],
  explain: ({ context: ctx }) => ({
    summary:
      'The app has no OAuth redirect URI registered, so RingCentral has nowhere to send the browser after sign-in.',
    causes: [
      [
        70,
        'No redirect URI is registered on the app. Redirect URIs live in the app\'s OAuth settings in the Developer Console: your app → Settings → Auth → "OAuth Redirect URI" ("Add additional redirect URI" for more, up to 10). The URI sent at sign-in must match one of them exactly.',
      ],
      [
        60,
        'The app was created without a redirect: JWT, "no UI" and server-only apps have no OAuth Redirect URI, and an app\'s auth flow cannot be changed afterwards. Create a new app that uses 3-legged OAuth (authorization code), or sign in with JWT instead.',
      ],
      otherAppCause(ctx, 50),
      ctx.redirectUriIsDynamic && [
        45,
        'This editor runs on a remote or web host, so its redirect URI is assigned by the host and can change between sessions; once registered, it may still stop matching later. The loopback or paste redirect modes use a fixed URI.',
      ],
      schemeCause(ctx, 40),
    ],
    fixes: [
      maybe(90, copyRedirectFix(ctx, 'Copy the redirect URI to add')),
      [
        85,
        consoleFix(
          ctx,
          'Open the app in the Developer Console',
          `Open your app → Settings → Auth. In "OAuth Redirect URI" (or "Add additional redirect URI") paste ${
            ctx.redirectUri ?? 'the redirect URI your code sends'
          } exactly, then save and sign in again.`,
        ),
      ],
      ...dynamicHostFixes(ctx, 70),
      [
        60,
        configureAppFix(
          `Make sure ${clientIdText(ctx)} is the one on the Credentials page of the app you edited, for ${serverText(ctx)}.`,
          'Check the client id and server',
        ),
      ],
      [
        40,
        docsFix(
          docs.jwtFlow,
          'Server-only app? Use JWT instead',
          'Apps without a user interface sign in with a JWT credential and need no redirect URI.',
        ),
      ],
      [30, signInFix('After adding the URI, start a new sign-in.')],
    ],
  }),
};

export const redirectUriMismatch: KnowledgeEntry = {
  id: 'redirect-uri-mismatch',
  codes: ['OAU-109'],
  // RingCentral sent the non-standard error=invalid_redirect_uri with OAU-109 (ringcentral-embeddable #914).
  errors: ['invalid_redirect_uri'],
  compatibleErrors: ['invalid_grant', 'invalid_request', 'invalid_client', 'invalid_redirect_uri'],
  messages: [
    'redirect uris do not match',
    'redirect uri does not match',
    'redirect_uri does not match',
    'redirect uri mismatch',
  ],
  explain: ({ context: ctx }) => {
    const atToken = phaseIs(ctx, 'token');
    const sent = ctx.redirectUri ? ` (${ctx.redirectUri})` : '';
    return {
      summary: atToken
        ? 'The redirect_uri in the code exchange is not the same as in the sign-in request.'
        : 'The redirect URI sent at sign-in is not one of the URIs registered on the app.',
      causes: [
        [
          atToken ? 50 : 70,
          `The redirect_uri sent${sent} is not among the redirect URIs registered on the app (Developer Console → your app → Settings → Auth). ${EXACT_MATCH_RULES}`,
        ],
        [
          atToken ? 80 : 55,
          'The token request (code exchange) sent a different redirect_uri than the authorize request. Your own code must send the very same string to /restapi/oauth/token as to /restapi/oauth/authorize (not re-encoded, same trailing slash); this extension does.',
        ],
        ctx.redirectUriIsDynamic && [
          68,
          'This editor runs on a remote or web host: its redirect URI is assigned by the host and can change between sessions, so the URI registered earlier no longer matches.',
        ],
        schemeCause(ctx, 65),
        ctx.redirectMode === 'loopback' && [
          60,
          'In loopback mode the port is part of the URI: the registered URI must use the same port as the setting ringcentral.redirect.loopbackPort, and 127.0.0.1 and localhost are different hosts.',
        ],
        ctx.redirectMode === 'paste' && [
          60,
          'In paste mode the extension sends the URI from ringcentral.redirect.pasteRedirectUri (or the loopback default); it must be registered on the app exactly as written there.',
        ],
        otherAppCause(ctx, 35),
      ],
      fixes: [
        atToken && [
          92,
          {
            label: 'Send the same redirect_uri in the code exchange',
            detail:
              'If this is your own code: keep the redirect_uri you used to build the authorize URL and pass that same string to the token request.',
          },
        ],
        maybe(90, copyRedirectFix(ctx)),
        [
          85,
          {
            label: 'Compare with the registered redirect URIs',
            detail: EXACT_MATCH_RULES,
            action: { kind: 'checkRedirectUri' },
          },
        ],
        [
          80,
          consoleFix(
            ctx,
            "Open the app's redirect URIs",
            'Developer Console → your app → Settings → Auth → "OAuth Redirect URI" / "Add additional redirect URI". Add the URI exactly as sent, save, then sign in again.',
          ),
        ],
        ...dynamicHostFixes(ctx, 70),
        ctx.redirectMode === 'uriHandler' &&
          !ctx.redirectUriIsDynamic && [
            40,
            {
              label: 'If the console refuses this URI, use the loopback redirect',
              detail: 'Register http://127.0.0.1:<port>/callback instead and switch the redirect mode to loopback.',
              action: { kind: 'switchRedirectMode', mode: 'loopback' },
            },
          ],
        onSandbox(ctx) && [
          35,
          configureAppFix(
            'Sandbox and production apps have separate redirect URI lists; edit the one whose client id you use.',
          ),
        ],
        [
          30,
          signInFix('After registering the URI, start a new sign-in (the old authorization code cannot be reused).'),
        ],
      ],
    };
  },
};

export const redirectEntries: KnowledgeEntry[] = [redirectUriNotRegistered, redirectUriMismatch];
