// The `ringcentral.server` setting, checked before any request: https everywhere, plain http only on loopback.

export interface KnownServer {
  url: string;
  label: string;
  deprecated?: boolean;
}

export const KNOWN_SERVERS: readonly KnownServer[] = [
  { url: 'https://platform.ringcentral.com', label: 'Production' },
  { url: 'https://platform.ringcentral.biz', label: 'AT&T / Verizon partner platform' },
  { url: 'https://platform.devtest.ringcentral.com', label: 'Sandbox (deprecated — being retired by RingCentral)', deprecated: true },
];

export type ServerCheck =
  | { ok: true; url: string; isLoopback: boolean; warning?: string }
  | { ok: false; message: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function checkServerUrl(raw: string | undefined): ServerCheck {
  const text = (raw ?? '').trim();
  if (!text) {
    return { ok: false, message: 'The setting ringcentral.server is empty. Set it to https://platform.ringcentral.com (or your emulator URL).' };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `The setting ringcentral.server is not a URL: "${text}". Use a base URL such as https://platform.ringcentral.com.` };
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
  const base = `${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, '');
  const known = KNOWN_SERVERS.find((server) => server.url === base);
  return {
    ok: true,
    url: base,
    isLoopback,
    warning: known?.deprecated ? 'The RingCentral sandbox is being retired; new apps should use production with a developer account.' : undefined,
  };
}
