// Client identity and client authentication: OAU-146, 123, 134, 151/116, 153, 120/121, 117.
import { docs } from '../developerConsole';
import {
  clientIdText,
  configureAppFix,
  consoleFix,
  docsFix,
  isJwt,
  onSandbox,
  phaseIs,
  serverText,
  setSecretFix,
  settingFix,
  signInFix,
  supportFix,
  traceFix,
  type KnowledgeEntry,
} from '../entryKit';
import type { DiagnosisContext } from '../types';

const BASIC_HEADER = 'Authorization: Basic base64(client_id:client_secret)';

function secretFromConsoleDetail(ctx: DiagnosisContext): string {
  return `Copy the Client Secret from the app's Credentials page in the Developer Console, for ${serverText(
    ctx,
  )}, and paste it with "RingCentral: Set Client Secret". Production and sandbox secrets differ.`;
}

export const clientSecretWrong: KnowledgeEntry = {
  id: 'client-secret-wrong',
  codes: ['OAU-146'],
  compatibleErrors: ['invalid_client'],
  messages: ['invalid client credentials'],
  explain: ({ context: ctx }) => ({
    summary: "RingCentral rejected the app's client credentials (client id and client secret).",
    causes: [
      ctx.hasClientSecret === false && [
        90,
        "No client secret is set, but this app is confidential and must authenticate with its secret. Set the client secret from the app's Credentials page.",
      ],
      [
        65,
        'The client secret is wrong: it belongs to another app, was regenerated in the Developer Console, or lost a character when copied.',
      ],
      [
        onSandbox(ctx) ? 70 : 55,
        `Production and sandbox credentials differ: the client id and secret must be the pair shown for ${serverText(ctx)}.`,
      ],
      ctx.hasClientSecret === true && [
        60,
        'The stored secret has a leading or trailing space, a line break or quotes from copying.',
      ],
      [40, `In your own code: the header must be \`${BASIC_HEADER}\` built from the same app's id and secret.`],
      isJwt(ctx) && [
        50,
        'The JWT grant authenticates the app with its client id and secret as well; use the pair of the app the JWT is used with.',
      ],
    ],
    fixes: [
      [90, setSecretFix(secretFromConsoleDetail(ctx))],
      [
        80,
        consoleFix(
          ctx,
          "Open the app's credentials",
          'Developer Console → your app → Credentials: Client ID and Client Secret.',
        ),
      ],
      [
        60,
        configureAppFix(
          `Check that ${clientIdText(ctx)} is an app on ${serverText(ctx)}.`,
          'Check the client id and server',
        ),
      ],
    ],
  }),
};

export const clientAuthenticationRequired: KnowledgeEntry = {
  id: 'client-authentication-required',
  codes: ['OAU-123'],
  compatibleErrors: ['invalid_client', 'invalid_request'],
  messages: [
    'invalid authorization header value',
    'client authentication is required',
    'authentication header is missing',
    'basic authentication header is missing or malformed',
    'authorization header is not specified',
  ],
  explain: ({ context: ctx }) => ({
    summary: 'The token request did not carry valid client authentication, which this app requires.',
    causes: [
      ctx.hasClientSecret === true && [
        90,
        'The client secret as stored is malformed: a space, line break or quote copied with it makes the Basic header invalid. Set it again.',
      ],
      ctx.hasClientSecret === false && [
        90,
        `The app is confidential (it has a client secret) and RingCentral requires client authentication. Without a secret the token request has no \`${BASIC_HEADER}\` header.`,
      ],
      ctx.hasClientSecret === undefined && [
        70,
        `The app is confidential: the token request needs the header \`${BASIC_HEADER}\`, and it was missing or invalid.`,
      ],
      ctx.hasClientSecret === true && [
        65,
        'The secret belongs to another app or environment (production and sandbox secrets differ).',
      ],
      [
        45,
        'In your own code: the value must be "Basic", one space, then base64 of client_id:client_secret, with no line breaks.',
      ],
      [
        35,
        "If the app is meant to work without a secret (PKCE only), its type in the Developer Console must allow that; an existing app's type may not be changeable.",
      ],
    ],
    fixes: [
      [90, setSecretFix(secretFromConsoleDetail(ctx))],
      [70, consoleFix(ctx, "Open the app's credentials")],
      [30, docsFix(docs.pkceFlow, 'Read about apps without a client secret (PKCE)')],
    ],
  }),
};

export const invalidAuthorizationHeader: KnowledgeEntry = {
  id: 'invalid-authorization-header',
  codes: ['OAU-134'],
  compatibleErrors: ['invalid_client', 'invalid_request'],
  messages: ['invalid authorization header', 'authentication header value is malformed'],
  explain: ({ context: ctx }) => {
    const tokenCall = phaseIs(ctx, 'token', 'refresh', 'jwt', 'revoke');
    return {
      summary: "The request's Authorization header could not be read.",
      causes: [
        [
          tokenCall ? 50 : 70,
          'For API calls the header must be `Authorization: Bearer <access_token>`: the word Bearer, one space, the whole token, no quotes or line breaks.',
        ],
        [
          tokenCall ? 75 : 55,
          `For the token endpoint it must be \`${BASIC_HEADER}\` (or absent for a PKCE app without a secret).`,
        ],
        [40, 'A proxy or library rewrote or duplicated the header.'],
      ],
      fixes: [
        [80, { ...traceFix, label: 'Open the trace and check the Authorization header' }],
        tokenCall && [60, setSecretFix('If the secret was pasted with extra characters, set it again.')],
        [50, signInFix()],
      ],
    };
  },
};

export const authorizationMethodNotSupported: KnowledgeEntry = {
  id: 'authorization-method-not-supported',
  codes: ['OAU-151', 'OAU-116'],
  compatibleErrors: ['invalid_client', 'invalid_request', 'unauthorized_client'],
  messages: ['authorization method not supported', 'invalid authorization method'],
  explain: ({ context: ctx, code }) => ({
    summary: 'RingCentral does not accept the way this request authenticates.',
    causes: [
      [
        70,
        'The Authorization header uses a scheme RingCentral does not take here: the token endpoint expects `Basic` client credentials (or none, with client_id in the body, for a PKCE app without a secret); API calls expect `Bearer`.',
      ],
      [
        ctx.hasClientSecret === false ? 65 : 50,
        "The app's type does not allow this method: for example a request without a secret for an app that requires one, or a secret sent for an app set up as public.",
      ],
      code === 'OAU-116' && [45, 'RingCentral lists OAU-116 as "Invalid authorization method" without more detail.'],
    ],
    fixes: [
      [80, { ...traceFix, label: 'Open the trace and check the Authorization header' }],
      [60, setSecretFix('If the app has a client secret, set it so the extension sends Basic client authentication.')],
      [40, consoleFix(ctx, "Check the app's type and auth settings")],
    ],
  }),
};

export const clientIdUnknown: KnowledgeEntry = {
  id: 'client-id-unknown',
  codes: ['OAU-153'],
  compatibleErrors: ['invalid_client', 'invalid_request'],
  messages: ['invalid client:', 'invalid client id', 'invalid client_id', 'unknown client'],
  explain: ({ context: ctx }) => ({
    summary: `RingCentral does not know ${clientIdText(ctx)} on ${serverText(ctx)}.`,
    causes: [
      ctx.clientId === '' && [95, 'No client id is configured.'],
      [
        onSandbox(ctx) ? 80 : 65,
        `The client id is not an app on this server: production, sandbox and the partner platform (.biz) have separate client ids${
          onSandbox(ctx)
            ? ', and a production client id does not exist on the sandbox (which RingCentral is retiring)'
            : ''
        }.`,
      ],
      [55, "The client id has a typo or was cut off; copy it from the app's Credentials page."],
      [35, 'The app was deleted from the Developer Console.'],
    ],
    fixes: [
      [90, configureAppFix("Enter the client id shown on the app's Credentials page for the server you use.")],
      [85, settingFix('ringcentral.clientId', 'Open the client id setting')],
      [70, settingFix('ringcentral.server', 'Check the server setting', `Currently ${serverText(ctx)}.`)],
      [60, consoleFix(ctx, 'Open your apps in the Developer Console')],
    ],
  }),
};

export const wrongApplication: KnowledgeEntry = {
  id: 'wrong-application',
  codes: ['OAU-120', 'OAU-121'],
  messages: ['wrong application'],
  explain: () => ({
    summary: 'The token or request belongs to a different app than the one making this call.',
    causes: [
      [
        70,
        'The access or refresh token was issued to another app (another client id); tokens cannot be shared between apps.',
      ],
      [
        55,
        'The client id was changed in the settings after signing in, so the stored session belongs to the previous app.',
      ],
      [40, 'In your own code: the client id in the body differs from the one in the Basic header.'],
    ],
    fixes: [
      [90, signInFix('Sign in again with the app that is configured now.')],
      [70, configureAppFix()],
    ],
  }),
};

export const appScopeNarrower: KnowledgeEntry = {
  id: 'app-scope-narrower',
  codes: ['OAU-117'],
  messages: ['cannot be narrower than the target application'],
  explain: ({ context: ctx, code }) => ({
    summary: 'One app asked for a token for another app whose permissions it does not fully have.',
    causes: [
      [
        60,
        'RingCentral\'s error table describes OAU-117 as "The scope of requesting application cannot be narrower than the target application": when an app obtains a token on behalf of another app, it must have at least all the target app\'s permissions.',
      ],
      [
        40,
        'This is rare for ordinary sign-ins; it points to an app-to-app token exchange set up by RingCentral or a partner.',
      ],
    ],
    fixes: [
      [80, consoleFix(ctx, 'Compare the permissions of both apps')],
      [50, supportFix(code)],
    ],
  }),
};

export const clientEntries: KnowledgeEntry[] = [
  clientSecretWrong,
  clientAuthenticationRequired,
  invalidAuthorizationHeader,
  authorizationMethodNotSupported,
  clientIdUnknown,
  wrongApplication,
  appScopeNarrower,
];
