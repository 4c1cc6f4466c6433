// No HTTP answer (transport), an answer that is not RingCentral JSON (http), HTTP statuses without a
// code we know, and the last-resort 'unknown-error'.
import { docs, isLoopbackUrl } from '../developerConsole';
import {
  configureAppFix,
  phaseIs,
  serverText,
  setSecretFix,
  settingFix,
  signInFix,
  supportFix,
  traceFix,
  type EntryInput,
  type KnowledgeEntry,
} from '../entryKit';

function hostOfUrl(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/** The host the failed request went to: the failure's URL, the host named in the error text, or the server setting. */
function hostIn(input: EntryInput): string | undefined {
  const f = input.failure;
  if (f.kind === 'transport') {
    const fromUrl = hostOfUrl(f.url);
    if (fromUrl) {
      return fromUrl;
    }
    const m = /(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET)\s+(\[[0-9a-fA-F:.]+\](?::\d+)?|[A-Za-z0-9._-]+(?::\d+)?)/.exec(f.message);
    if (m) {
      return m[1];
    }
  }
  return hostOfUrl(input.context.server);
}

/** A transport failure towards 127.0.0.1 / localhost / ::1: the server URL or the failure mentions a loopback host. */
export function isLoopbackFailure(input: EntryInput): boolean {
  const f = input.failure;
  if (f.kind === 'transport') {
    if (f.url) {
      return isLoopbackUrl(f.url);
    }
    if (/\b(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|::1)\b/i.test(f.message)) {
      return true;
    }
  }
  return isLoopbackUrl(input.context.server);
}

const serverSetting = (input: EntryInput) =>
  settingFix('ringcentral.server', 'Check the server setting', `ringcentral.server is ${input.context.server ?? 'not known here'}; production is https://platform.ringcentral.com.`);

const proxySetting = settingFix('http.proxy', 'Check the proxy setting', 'VS Code uses http.proxy (or the system proxy) for the extension\'s requests.');

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** platform.ringcental.com, platfrom.ringcentral.com, platform.ringcentral.con… */
export function looksLikeTypo(host: string | undefined): boolean {
  if (!host) {
    return false;
  }
  const labels = host.toLowerCase().replace(/:\d+$/, '').split('.');
  const near = (label: string, word: string): boolean => {
    const d = editDistance(label, word);
    return d > 0 && d <= 2;
  };
  if (labels.some((label) => near(label, 'ringcentral') || near(label, 'platform') || near(label, 'devtest'))) {
    return true;
  }
  const i = labels.indexOf('ringcentral');
  return i >= 0 && i === labels.length - 2 && !['com', 'biz'].includes(labels[i + 1]);
}

export const emulatorNotRunning: KnowledgeEntry = {
  id: 'emulator-not-running',
  explain: (input) => ({
    summary: `Nothing is listening at ${hostIn(input) ?? 'the loopback address'}: the local emulator (or server) is not running.`,
    causes: [
      [80, 'The server URL points at this machine (127.0.0.1 / localhost), and no program accepts connections on that port: the emulator is not started, or it stopped.'],
      [55, 'The emulator runs on another port than the one in ringcentral.server.'],
      [35, 'In a remote window (SSH, container, WSL), 127.0.0.1 is the remote machine, not your local one.'],
    ],
    fixes: [
      [90, { label: 'Start the emulator', detail: 'Run `npm run emulator` in the extension\'s repository (or start your local server), then try again.' }],
      [80, serverSetting(input)],
    ],
  }),
};

export const connectionRefused: KnowledgeEntry = {
  id: 'connection-refused',
  explain: (input) => ({
    summary: `The connection to ${hostIn(input) ?? 'the server'} was refused.`,
    causes: [
      [70, 'A firewall or proxy is needed to reach the internet from here, and the request went direct.'],
      [60, 'The server URL has a wrong port or host.'],
      [40, 'The proxy configured in http.proxy refuses connections.'],
    ],
    fixes: [
      [85, serverSetting(input)],
      [80, proxySetting],
    ],
  }),
};

export const hostNotFound: KnowledgeEntry = {
  id: 'host-not-found',
  explain: (input) => {
    const host = hostIn(input);
    const typo = looksLikeTypo(host);
    return {
      summary: host
        ? `The server name ${host.replace(/:\d+$/, '')} could not be found (DNS lookup failed).`
        : 'The server name could not be found (DNS lookup failed).',
      causes: [
        [typo ? 90 : 50, `The server URL has a typo${host ? ` (${host})` : ''}: the usual server is platform.ringcentral.com.`],
        [60, 'This machine has no network or no DNS right now.'],
        [50, 'Names outside the company network only resolve through a proxy, and the request went direct.'],
      ],
      fixes: [
        [90, serverSetting(input)],
        [70, proxySetting],
      ],
    };
  },
};

export const requestTimeout: KnowledgeEntry = {
  id: 'request-timeout',
  explain: (input) => ({
    summary: `The request to ${hostIn(input) ?? 'the server'} timed out.`,
    causes: [
      [70, 'The network or proxy is slow or drops the connection without answering.'],
      [55, 'A firewall silently blocks the server; the connection never completes.'],
      [40, 'The server was slow to answer (RingCentral advises retrying timeouts up to 3 times with a pause).'],
    ],
    fixes: [
      [85, { label: 'Try again in a few seconds', action: { kind: 'waitAndRetry', seconds: 10 } }],
      [70, proxySetting],
      [50, settingFix('ringcentral.requestTimeoutSeconds', 'Allow more time per request')],
    ],
  }),
};

export const tlsCertificate: KnowledgeEntry = {
  id: 'tls-certificate',
  explain: (input) => ({
    summary: 'The secure connection failed because the server\'s certificate is not trusted here.',
    causes: [
      [80, 'A corporate proxy or antivirus re-signs HTTPS traffic with its own certificate, which Node does not trust by default.'],
      [isLoopbackUrl(input.context.server) ? 75 : 40, 'The server (for example a local emulator over https) uses a self-signed certificate.'],
      [30, 'The computer\'s clock is far off, so valid certificates look expired.'],
    ],
    fixes: [
      [
        90,
        settingFix(
          'http.systemCertificates',
          'Use the operating system\'s certificates',
          'Turn on http.systemCertificates so VS Code trusts the company\'s root certificate installed in the OS.',
        ),
      ],
      [80, proxySetting],
      [40, { label: 'Do not turn off certificate checks', detail: 'http.proxyStrictSSL = false hides the problem and exposes tokens; install the company root certificate instead.' }],
    ],
  }),
};

export const proxyError: KnowledgeEntry = {
  id: 'proxy-error',
  explain: () => ({
    summary: 'The proxy refused or failed the request.',
    causes: [
      [70, 'The proxy in http.proxy (or the system proxy) is wrong or unreachable.'],
      [60, 'The proxy needs a login (HTTP 407) that VS Code has not got.'],
      [40, 'The proxy blocks the RingCentral domain.'],
    ],
    fixes: [
      [90, proxySetting],
      [50, settingFix('http.proxyAuthorization', 'Set the proxy credentials', 'Or ask IT for the proxy settings to use.')],
    ],
  }),
};

export const connectionReset: KnowledgeEntry = {
  id: 'connection-reset',
  explain: () => ({
    summary: 'The connection was closed before an answer arrived.',
    causes: [
      [65, 'A proxy, VPN or firewall cut the connection (socket hang up / ECONNRESET).'],
      [55, 'A brief network problem; retrying usually works.'],
      [35, 'The server restarted or closed an idle connection.'],
    ],
    fixes: [
      [85, { label: 'Try again in a few seconds', action: { kind: 'waitAndRetry', seconds: 5 } }],
      [60, proxySetting],
    ],
  }),
};

export const networkError: KnowledgeEntry = {
  id: 'network-error',
  explain: (input) => ({
    summary: 'The request failed before an answer arrived.',
    causes: [
      [60, 'A network, proxy or firewall problem.'],
      [40, `The server URL is wrong (${serverText(input.context)}).`],
    ],
    fixes: [
      [80, traceFix],
      [70, proxySetting],
      [60, serverSetting(input)],
    ],
  }),
};

export const proxyErrorPage: KnowledgeEntry = {
  id: 'proxy-error-page',
  explain: (input) => {
    const status = input.failure.kind === 'http' ? input.failure.status : undefined;
    return {
      summary: `An HTML error page (HTTP ${status ?? '?'}) came back instead of RingCentral's answer; a proxy or gateway answered.`,
      causes: [
        [70, 'A corporate proxy, VPN or gateway answered with its own page: it could not reach RingCentral, timed out, or blocks the address.'],
        [55, 'RingCentral\'s edge had a temporary problem (502 / 504 are usually short).'],
        [40, 'The server URL points at a web site, not at the RingCentral API.'],
      ],
      fixes: [
        [85, { label: 'Try again in a few seconds', action: { kind: 'waitAndRetry', seconds: 10 } }],
        [70, proxySetting],
        [60, serverSetting(input)],
        [50, traceFix],
      ],
    };
  },
};

export const malformedJson: KnowledgeEntry = {
  id: 'malformed-json',
  explain: (input) => ({
    summary: 'The server answered, but not with valid JSON.',
    causes: [
      [70, 'Something between you and RingCentral (a proxy, captive portal or filter) replaced or cut the answer.'],
      [55, 'The server URL points at something that is not the RingCentral API, for example a web page or a different service.'],
      [35, 'The answer was truncated by a dropped connection.'],
    ],
    fixes: [
      [85, serverSetting(input)],
      [70, traceFix],
      [60, proxySetting],
    ],
  }),
};

export const serverRedirected: KnowledgeEntry = {
  id: 'server-redirected',
  explain: (input) => {
    const f = input.failure;
    const status = f.kind === 'http' ? f.status : input.info?.status;
    const target = f.kind === 'http' ? hostOfUrl(f.location) : undefined;
    return {
      summary:
        `The server answered with a redirect (HTTP ${status ?? '3xx'})${target ? ` to ${target}` : ''} instead of RingCentral's answer; ` +
        'the extension did not follow it, because the request carries tokens or secrets.',
      causes: [
        [80, `ringcentral.server is not the RingCentral API's address (now ${serverText(input.context)}): RingCentral's token and API endpoints never redirect.`],
        [55, 'The server URL uses http:// or an old host name that a web server redirects to another address.'],
        [35, 'A proxy or captive portal (hotel, airport Wi-Fi) redirects requests to its own login page.'],
      ],
      fixes: [
        [95, settingFix('ringcentral.server', 'Check ringcentral.server', `ringcentral.server is ${input.context.server ?? 'not known here'}; production is https://platform.ringcentral.com.`)],
        [60, traceFix],
        [40, proxySetting],
      ],
    };
  },
};

export const serverUrlNotFound: KnowledgeEntry = {
  id: 'server-url-not-found',
  explain: (input) => ({
    summary: 'The server answered 404 Not Found: the URL does not lead to the RingCentral API.',
    causes: [
      [75, `The server URL is wrong: it must be the API base (https://platform.ringcentral.com), without a path such as /restapi. Now: ${serverText(input.context)}.`],
      [50, 'The request went to a site that is not the RingCentral API (the developer portal, a web page, or a proxy).'],
      [35, 'In your own code: the endpoint path has a typo (for example /restapi/oauth/token).'],
    ],
    fixes: [
      [90, serverSetting(input)],
      [50, traceFix],
    ],
  }),
};

export const unsupportedMediaType: KnowledgeEntry = {
  id: 'unsupported-media-type',
  explain: () => ({
    summary: 'The server refused the request body\'s format (415 Unsupported Media Type).',
    causes: [
      [75, 'The token endpoint takes only application/x-www-form-urlencoded; a JSON body or a missing Content-Type is refused.'],
      [40, 'A proxy or library changed the Content-Type header.'],
    ],
    fixes: [[85, { ...traceFix, label: 'Open the trace and check the Content-Type' }]],
  }),
};

export const httpUnauthorized: KnowledgeEntry = {
  id: 'http-unauthorized',
  explain: ({ context: ctx }) => {
    const tokenCall = phaseIs(ctx, 'token', 'refresh', 'jwt', 'revoke');
    return {
      summary: 'The server answered 401 Unauthorized without saying why.',
      causes: [
        [tokenCall ? 75 : 50, 'The token request\'s client authentication was refused: missing or wrong client secret, or the wrong client id for this server.'],
        [tokenCall ? 50 : 75, 'The access token is missing, expired or revoked.'],
      ],
      fixes: [
        [80, signInFix()],
        tokenCall && [75, setSecretFix()],
        [50, traceFix],
      ],
    };
  },
};

export const httpForbidden: KnowledgeEntry = {
  id: 'http-forbidden',
  explain: ({ context: ctx }) => ({
    summary: 'The server answered 403 Forbidden without a RingCentral error code.',
    causes: [
      [60, 'The app or user lacks a permission for this call.'],
      [50, 'A proxy or firewall blocks the address.'],
      [40, 'The app is not allowed for this account or environment.'],
    ],
    fixes: [
      [80, { label: 'Check the app\'s permissions', action: { kind: 'checkPermissions' } }],
      [60, configureAppFix()],
      [50, traceFix],
      [30, settingFix('ringcentral.server', 'Check the server setting', `Now ${serverText(ctx)}.`)],
    ],
  }),
};

export const httpBadRequest: KnowledgeEntry = {
  id: 'http-bad-request',
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
        [60, serverSetting(input)],
        [40, proxySetting],
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
      [50, { label: 'Look the code up in RingCentral\'s error list', action: { kind: 'openUrl', url: docs.errors } }],
      [40, supportFix(code)],
    ],
  }),
};

export const transportEntries: KnowledgeEntry[] = [
  emulatorNotRunning,
  connectionRefused,
  hostNotFound,
  requestTimeout,
  tlsCertificate,
  proxyError,
  connectionReset,
  networkError,
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
