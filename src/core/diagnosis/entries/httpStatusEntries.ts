// Answers that are not RingCentral JSON (http) and HTTP statuses without a code we know, each entry declaring the
// statuses it answers (answersStatuses); and the last-resort 'unknown-error'.
import { docs } from '../developerConsole';
import {
  configureAppFix,
  hostOfUrl,
  phaseIs,
  proxySettingFix,
  serverSettingFix,
  serverText,
  setSecretFix,
  settingFix,
  signInFix,
  supportFix,
  traceFix,
  type KnowledgeEntry,
} from '../entryKit';

export const proxyErrorPage: KnowledgeEntry = {
  id: 'proxy-error-page',
  // An HTML page for an error status is a proxy's or gateway's; 502 and 504 are gateways' even without a page.
  answersStatuses: [
    { from: 400, except: [404, 407, 415, 429], body: ['html'] },
    { status: 502, body: ['html', 'other'] },
    { status: 504, body: ['html', 'other'] },
  ],
  explain: (input) => {
    const status = input.failure.kind === 'http' ? input.failure.status : undefined;
    return {
      summary: `An HTML error page (HTTP ${status ?? '?'}) came back instead of RingCentral's answer; a proxy or gateway answered.`,
      causes: [
        [
          70,
          'A corporate proxy, VPN or gateway answered with its own page: it could not reach RingCentral, timed out, or blocks the address.',
        ],
        [55, "RingCentral's edge had a temporary problem (502 / 504 are usually short)."],
        [40, 'The server URL points at a web site, not at the RingCentral API.'],
      ],
      fixes: [
        [85, { label: 'Try again in a few seconds', action: { kind: 'waitAndRetry', seconds: 10 } }],
        [70, proxySettingFix],
        [60, serverSettingFix(input)],
        [50, traceFix],
      ],
    };
  },
};

export const malformedJson: KnowledgeEntry = {
  id: 'malformed-json',
  answersStatuses: [{ from: 200, below: 300 }],
  explain: (input) => ({
    summary: 'The server answered, but not with valid JSON.',
    causes: [
      [70, 'Something between you and RingCentral (a proxy, captive portal or filter) replaced or cut the answer.'],
      [
        55,
        'The server URL points at something that is not the RingCentral API, for example a web page or a different service.',
      ],
      [35, 'The answer was truncated by a dropped connection.'],
    ],
    fixes: [
      [85, serverSettingFix(input)],
      [70, traceFix],
      [60, proxySettingFix],
    ],
  }),
};

export const serverRedirected: KnowledgeEntry = {
  id: 'server-redirected',
  answersStatuses: [{ from: 300, below: 400 }],
  explain: (input) => {
    const f = input.failure;
    const status = f.kind === 'http' ? f.status : input.info?.status;
    const target = f.kind === 'http' ? hostOfUrl(f.location) : undefined;
    return {
      summary:
        `The server answered with a redirect (HTTP ${status ?? '3xx'})${target ? ` to ${target}` : ''} instead of RingCentral's answer; ` +
        'the extension did not follow it, because the request carries tokens or secrets.',
      causes: [
        [
          80,
          `ringcentral.server is not the RingCentral API's address (now ${serverText(input.context)}): RingCentral's token and API endpoints never redirect.`,
        ],
        [55, 'The server URL uses http:// or an old host name that a web server redirects to another address.'],
        [35, 'A proxy or captive portal (hotel, airport Wi-Fi) redirects requests to its own login page.'],
      ],
      fixes: [
        [
          95,
          settingFix(
            'ringcentral.server',
            'Check ringcentral.server',
            `ringcentral.server is ${input.context.server ?? 'not known here'}; production is https://platform.ringcentral.com.`,
          ),
        ],
        [60, traceFix],
        [40, proxySettingFix],
      ],
    };
  },
};

export const serverUrlNotFound: KnowledgeEntry = {
  id: 'server-url-not-found',
  answersStatuses: [404],
  explain: (input) => ({
    summary: 'The server answered 404 Not Found: the URL does not lead to the RingCentral API.',
    causes: [
      [
        75,
        `The server URL is wrong: it must be the API base (https://platform.ringcentral.com), without a path such as /restapi. Now: ${serverText(input.context)}.`,
      ],
      [
        50,
        'The request went to a site that is not the RingCentral API (the developer portal, a web page, or a proxy).',
      ],
      [35, 'In your own code: the endpoint path has a typo (for example /restapi/oauth/token).'],
    ],
    fixes: [
      [90, serverSettingFix(input)],
      [50, traceFix],
    ],
  }),
};

export const unsupportedMediaType: KnowledgeEntry = {
  id: 'unsupported-media-type',
  answersStatuses: [415],
  explain: () => ({
    summary: "The server refused the request body's format (415 Unsupported Media Type).",
    causes: [
      [
        75,
        'The token endpoint takes only application/x-www-form-urlencoded; a JSON body or a missing Content-Type is refused.',
      ],
      [40, 'A proxy or library changed the Content-Type header.'],
    ],
    fixes: [[85, { ...traceFix, label: 'Open the trace and check the Content-Type' }]],
  }),
};

export const httpUnauthorized: KnowledgeEntry = {
  id: 'http-unauthorized',
  answersStatuses: [401],
  explain: ({ context: ctx }) => {
    const tokenCall = phaseIs(ctx, 'token', 'refresh', 'jwt', 'revoke');
    return {
      summary: 'The server answered 401 Unauthorized without saying why.',
      causes: [
        [
          tokenCall ? 75 : 50,
          "The token request's client authentication was refused: missing or wrong client secret, or the wrong client id for this server.",
        ],
        [tokenCall ? 50 : 75, 'The access token is missing, expired or revoked.'],
      ],
      fixes: [[80, signInFix()], tokenCall && [75, setSecretFix()], [50, traceFix]],
    };
  },
};

export const httpForbidden: KnowledgeEntry = {
  id: 'http-forbidden',
  answersStatuses: [403],
  explain: ({ context: ctx }) => ({
    summary: 'The server answered 403 Forbidden without a RingCentral error code.',
    causes: [
      [60, 'The app or user lacks a permission for this call.'],
      [50, 'A proxy or firewall blocks the address.'],
      [40, 'The app is not allowed for this account or environment.'],
    ],
    fixes: [
      [80, { label: "Check the app's permissions", action: { kind: 'checkPermissions' } }],
      [60, configureAppFix()],
      [50, traceFix],
      [30, settingFix('ringcentral.server', 'Check the server setting', `Now ${serverText(ctx)}.`)],
    ],
  }),
};

export const httpBadRequest: KnowledgeEntry = {
  id: 'http-bad-request',
  answersStatuses: [400],
  explain: () => ({
    summary: 'The server answered 400 Bad Request without a RingCentral error code.',
    causes: [
      [60, 'A parameter is missing, repeated or malformed.'],
      [40, 'The request body is not in the expected format.'],
    ],
    fixes: [[85, traceFix]],
  }),
};

export const unexpectedResponse: KnowledgeEntry = {
  id: 'unexpected-response',
  // Also every status no entry answers (knowledgeBase.ts).
  explain: (input) => {
    const status = input.failure.kind === 'http' ? input.failure.status : input.info?.status;
    return {
      summary: `The server answered HTTP ${status ?? '?'}, which is not a RingCentral error this toolkit recognises.`,
      causes: [
        [60, 'The server URL points at something other than the RingCentral API, or a proxy answered.'],
        [40, 'RingCentral answered in an unusual way; the trace shows the full response.'],
      ],
      fixes: [
        [85, traceFix],
        [60, serverSettingFix(input)],
        [40, proxySettingFix],
      ],
    };
  },
};

export const unknownError: KnowledgeEntry = {
  id: 'unknown-error',
  explain: ({ code, serverMessage }) => ({
    summary: code
      ? `RingCentral returned ${code}, which this toolkit has no explanation for yet.`
      : 'This failure is not one this toolkit recognises.',
    causes: [
      [60, serverMessage ? `The server said: "${serverMessage}".` : 'The server gave no message.'],
      [40, 'The trace shows the full request and response, which usually makes the cause clear.'],
    ],
    fixes: [
      [90, traceFix],
      [50, { label: "Look the code up in RingCentral's error list", action: { kind: 'openUrl', url: docs.errors } }],
      [40, supportFix(code)],
    ],
  }),
};

export const httpStatusEntries: KnowledgeEntry[] = [
  proxyErrorPage,
  malformedJson,
  serverRedirected,
  serverUrlNotFound,
  unsupportedMediaType,
  httpUnauthorized,
  httpForbidden,
  httpBadRequest,
  unexpectedResponse,
  unknownError,
];
