// The `ringcentral.server` setting, checked before any request: https everywhere, plain http only on loopback.

export interface KnownServer {
  url: string;
  label: string;
  deprecated?: boolean;
}

export const KNOWN_SERVERS: readonly KnownServer[] = [
  { url: 'https://platform.ringcentral.com', label: 'Production' },
  { url: 'https://platform.ringcentral.biz', label: 'AT&T / Verizon partner platform' },
  {
    url: 'https://platform.devtest.ringcentral.com',
    label: 'Sandbox (deprecated — being retired by RingCentral)',
    deprecated: true,
  },
];

export type ServerCheck =
  { ok: true; url: string; isLoopback: boolean; warning?: string } | { ok: false; message: string };

/** 127.0.0.0/8, localhost (and *.localhost, RFC 6761), ::1 in any zero form, ::ffff:127.x — brackets optional. */
export function isLoopbackHost(hostname: string | undefined): boolean {
  if (!hostname) return false;
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    /^(0*:)*:?0*1$/.test(host) ||
    /^(0*:)*:?ffff:127(\.\d{1,3}){3}$/.test(host)
  );
}

/** No base URL is this long; a longer setting is refused before it is parsed or shown. */
export const MAX_SERVER_URL_LENGTH = 2048;

// A loop, not /\/+$/: that regex is quadratic on a path of many inner slashes.
function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}

export function checkServerUrl(raw: string | undefined): ServerCheck {
  const text = (typeof raw === 'string' ? raw : '').trim();
  if (!text) {
    return {
      ok: false,
      message:
        'The setting ringcentral.server is empty. Set it to https://platform.ringcentral.com (or your emulator URL).',
    };
  }
  if (text.length > MAX_SERVER_URL_LENGTH) {
    return {
      ok: false,
      message: `The setting ringcentral.server is ${text.length} characters long (at most ${MAX_SERVER_URL_LENGTH}): "${text.slice(0, 60)}…". Use a base URL such as https://platform.ringcentral.com.`,
    };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      message: `The setting ringcentral.server is not a URL: "${text}". Use a base URL such as https://platform.ringcentral.com.`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `ringcentral.server must be an https URL, not ${url.protocol}// ("${text}").` };
  }
  const isLoopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:' && !isLoopback) {
    return {
      ok: false,
      message: `Refusing plain http for ${url.host}: tokens would cross the network unencrypted. Use https://${url.host}, or http only for a local emulator on 127.0.0.1, localhost or [::1].`,
    };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'ringcentral.server must not contain a user name or password.' };
  }
  if (url.search || url.hash) {
    return { ok: false, message: `ringcentral.server is a base URL and takes no query or fragment ("${text}").` };
  }
  if (/^\/restapi(\/|$)/i.test(url.pathname)) {
    return {
      ok: false,
      message: `ringcentral.server is the base URL only: use ${url.protocol}//${url.host} (without ${url.pathname}); the extension adds /restapi/oauth/… itself.`,
    };
  }
  const base = withoutTrailingSlashes(`${url.protocol}//${url.host}${url.pathname}`);
  if (base.length > MAX_SERVER_URL_LENGTH) {
    // Percent-encoding can lengthen the path; the cap holds for the URL that is used.
    return {
      ok: false,
      message: `The setting ringcentral.server is longer than ${MAX_SERVER_URL_LENGTH} characters once encoded. Use a base URL such as https://platform.ringcentral.com.`,
    };
  }
  const known = KNOWN_SERVERS.find((server) => server.url === base);
  return {
    ok: true,
    url: base,
    isLoopback,
    warning: known?.deprecated
      ? 'The RingCentral sandbox is being retired; new apps should use production with a developer account.'
      : undefined,
  };
}
