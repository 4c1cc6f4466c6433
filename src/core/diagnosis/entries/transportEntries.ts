// Failures with no HTTP answer (transport): refused, host not found, timeout, TLS, proxy, reset. Each entry declares
// the transport error codes it answers (answersTransport).
import { isLoopbackUrl } from '../developerConsole';
import {
  hostOfUrl,
  proxySettingFix,
  serverSettingFix,
  serverText,
  settingFix,
  traceFix,
  type EntryInput,
  type KnowledgeEntry,
} from '../entryKit';

/** The host the failed request went to: the failure's URL, the host named in the error text, or the server setting. */
function hostIn(input: EntryInput): string | undefined {
  const f = input.failure;
  if (f.kind === 'transport') {
    const fromUrl = hostOfUrl(f.url);
    if (fromUrl) {
      return fromUrl;
    }
    const m =
      /(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET)\s+(\[[0-9a-fA-F:.]+\](?::\d+)?|[A-Za-z0-9._-]+(?::\d+)?)/.exec(
        f.message,
      );
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
  answersTransport: [{ code: 'ECONNREFUSED', loopback: true }],
  explain: (input) => ({
    summary: `Nothing is listening at ${hostIn(input) ?? 'the loopback address'}: the local emulator (or server) is not running.`,
    causes: [
      [
        80,
        'The server URL points at this machine (127.0.0.1 / localhost), and no program accepts connections on that port: the emulator is not started, or it stopped.',
      ],
      [55, 'The emulator runs on another port than the one in ringcentral.server.'],
      [35, 'In a remote window (SSH, container, WSL), 127.0.0.1 is the remote machine, not your local one.'],
    ],
    fixes: [
      [
        90,
        {
          label: 'Start the emulator',
          detail: "Run `npm run emulator` in the extension's repository (or start your local server), then try again.",
        },
      ],
      [80, serverSettingFix(input)],
    ],
  }),
};

export const connectionRefused: KnowledgeEntry = {
  id: 'connection-refused',
  answersTransport: ['ECONNREFUSED'],
  explain: (input) => ({
    summary: `The connection to ${hostIn(input) ?? 'the server'} was refused.`,
    causes: [
      [70, 'A firewall or proxy is needed to reach the internet from here, and the request went direct.'],
      [60, 'The server URL has a wrong port or host.'],
      [40, 'The proxy configured in http.proxy refuses connections.'],
    ],
    fixes: [
      [85, serverSettingFix(input)],
      [80, proxySettingFix],
    ],
  }),
};

export const hostNotFound: KnowledgeEntry = {
  id: 'host-not-found',
  answersTransport: ['ENOTFOUND'],
  explain: (input) => {
    const host = hostIn(input);
    const typo = looksLikeTypo(host);
    return {
      summary: host
        ? `The server name ${host.replace(/:\d+$/, '')} could not be found (DNS lookup failed).`
        : 'The server name could not be found (DNS lookup failed).',
      causes: [
        [
          typo ? 90 : 50,
          `The server URL has a typo${host ? ` (${host})` : ''}: the usual server is platform.ringcentral.com.`,
        ],
        [60, 'This machine has no network or no DNS right now.'],
        [50, 'Names outside the company network only resolve through a proxy, and the request went direct.'],
      ],
      fixes: [
        [90, serverSettingFix(input)],
        [70, proxySettingFix],
      ],
    };
  },
};

export const requestTimeout: KnowledgeEntry = {
  id: 'request-timeout',
  answersTransport: ['TIMEOUT'],
  answersStatuses: [408],
  explain: (input) => ({
    summary: `The request to ${hostIn(input) ?? 'the server'} timed out.`,
    causes: [
      [70, 'The network or proxy is slow or drops the connection without answering.'],
      [55, 'A firewall silently blocks the server; the connection never completes.'],
      [40, 'The server was slow to answer (RingCentral advises retrying timeouts up to 3 times with a pause).'],
    ],
    fixes: [
      [85, { label: 'Try again in a few seconds', action: { kind: 'waitAndRetry', seconds: 10 } }],
      [70, proxySettingFix],
      [50, settingFix('ringcentral.requestTimeoutSeconds', 'Allow more time per request')],
    ],
  }),
};

export const tlsCertificate: KnowledgeEntry = {
  id: 'tls-certificate',
  answersTransport: ['TLS'],
  explain: (input) => ({
    summary: "The secure connection failed because the server's certificate is not trusted here.",
    causes: [
      [
        80,
        'A corporate proxy or antivirus re-signs HTTPS traffic with its own certificate, which Node does not trust by default.',
      ],
      [
        isLoopbackUrl(input.context.server) ? 75 : 40,
        'The server (for example a local emulator over https) uses a self-signed certificate.',
      ],
      [30, "The computer's clock is far off, so valid certificates look expired."],
    ],
    fixes: [
      [
        90,
        settingFix(
          'http.systemCertificates',
          "Use the operating system's certificates",
          "Turn on http.systemCertificates so VS Code trusts the company's root certificate installed in the OS.",
        ),
      ],
      [80, proxySettingFix],
      [
        40,
        {
          label: 'Do not turn off certificate checks',
          detail:
            'http.proxyStrictSSL = false hides the problem and exposes tokens; install the company root certificate instead.',
        },
      ],
    ],
  }),
};

export const proxyError: KnowledgeEntry = {
  id: 'proxy-error',
  answersTransport: ['PROXY'],
  answersStatuses: [407],
  explain: () => ({
    summary: 'The proxy refused or failed the request.',
    causes: [
      [70, 'The proxy in http.proxy (or the system proxy) is wrong or unreachable.'],
      [60, 'The proxy needs a login (HTTP 407) that VS Code has not got.'],
      [40, 'The proxy blocks the RingCentral domain.'],
    ],
    fixes: [
      [90, proxySettingFix],
      [
        50,
        settingFix('http.proxyAuthorization', 'Set the proxy credentials', 'Or ask IT for the proxy settings to use.'),
      ],
    ],
  }),
};

export const connectionReset: KnowledgeEntry = {
  id: 'connection-reset',
  answersTransport: ['RESET'],
  explain: () => ({
    summary: 'The connection was closed before an answer arrived.',
    causes: [
      [65, 'A proxy, VPN or firewall cut the connection (socket hang up / ECONNRESET).'],
      [55, 'A brief network problem; retrying usually works.'],
      [35, 'The server restarted or closed an idle connection.'],
    ],
    fixes: [
      [85, { label: 'Try again in a few seconds', action: { kind: 'waitAndRetry', seconds: 5 } }],
      [60, proxySettingFix],
    ],
  }),
};

export const networkError: KnowledgeEntry = {
  id: 'network-error',
  // Also every transport failure no entry answers (knowledgeBase.ts).
  answersTransport: ['UNKNOWN'],
  explain: (input) => ({
    summary: 'The request failed before an answer arrived.',
    causes: [
      [60, 'A network, proxy or firewall problem.'],
      [40, `The server URL is wrong (${serverText(input.context)}).`],
    ],
    fixes: [
      [80, traceFix],
      [70, proxySettingFix],
      [60, serverSettingFix(input)],
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
];
