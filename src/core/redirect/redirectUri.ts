// Which redirect URI this editor sends, and a tolerant splitter that keeps the raw text of each part.
// Plain TypeScript: no vscode import. The extension layer passes vscode.env.uriScheme and the result of
// vscode.env.asExternalUri in.
/** How the browser hands the authorization code back (the `ringcentral.redirect.mode` setting). */
export type RedirectMode = 'uriHandler' | 'loopback' | 'paste';

/** `<publisher>.<name>` of this extension: the authority of its URI-handler URIs. */
export const EXTENSION_AUTHORITY = 'rcdevtools.ringcentral-oauth';
export const CALLBACK_PATH = '/callback';
export const LOOPBACK_HOST = '127.0.0.1';
/** Default of the `ringcentral.redirect.loopbackPort` setting. */
export const DEFAULT_LOOPBACK_PORT = 53134;

/** The URI the URI handler listens on before asExternalUri: `${scheme}://rcdevtools.ringcentral-oauth/callback`. */
export function uriHandlerCallbackUri(uriScheme: string): string {
  const scheme = uriScheme.trim().replace(/:(\/\/)?$/, '');
  if (!/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme)) {
    throw new RangeError(`Not a URI scheme: ${JSON.stringify(uriScheme)}`);
  }
  return `${scheme}://${EXTENSION_AUTHORITY}${CALLBACK_PATH}`;
}

/** `http://127.0.0.1:PORT/callback`, the URI the loopback mode sends. */
export function loopbackRedirectUri(port: number): string {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new RangeError(`Not a TCP port: ${String(port)}`);
  }
  return `http://${LOOPBACK_HOST}:${port}${CALLBACK_PATH}`;
}

/**
 * The raw pieces of a URI, exactly as written (no lower-casing, no default-port removal, no decoding).
 * Joining them back gives the original text:
 * `scheme ':' ['//' [userinfo '@'] host [':' port]] path ['?' query] ['#' fragment]`.
 */
export interface UriParts {
  scheme: string;
  /** True when `//` follows the scheme. */
  hasAuthority: boolean;
  userinfo?: string;
  /** '' when there is no authority. IPv6 literals keep their brackets. */
  host: string;
  /** Text after the host's ':' ('' for a bare ':'); undefined when there is no ':'. */
  port?: string;
  path: string;
  query?: string;
  fragment?: string;
}

export type SplitUriResult = { ok: true; parts: UriParts } | { ok: false; reason: string };

/**
 * Splits a URI into its raw parts. Tolerant (accepts custom and private-use schemes, opaque URIs) but
 * refuses text that cannot be a redirect URI: no scheme, whitespace inside, `host:port` without a scheme,
 * an http(s) URI without a host, a non-numeric port.
 */
export function splitUri(text: string): SplitUriResult {
  if (text.length === 0) return { ok: false, reason: 'it is empty' };
  // Control characters are exactly what this looks for.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f\u200b-\u200d\u2060\ufeff]/.test(text)) {
    return { ok: false, reason: 'it contains a space or an invisible character' };
  }
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text);
  if (!schemeMatch) {
    return { ok: false, reason: 'it does not start with a scheme such as https:// or vscode://' };
  }
  const scheme = schemeMatch[1];
  let rest = text.slice(schemeMatch[0].length);

  let fragment: string | undefined;
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) {
    fragment = rest.slice(hashAt + 1);
    rest = rest.slice(0, hashAt);
  }
  let query: string | undefined;
  const queryAt = rest.indexOf('?');
  if (queryAt >= 0) {
    query = rest.slice(queryAt + 1);
    rest = rest.slice(0, queryAt);
  }

  const isHttp = /^https?$/i.test(scheme);
  if (!rest.startsWith('//')) {
    if (/^\d/.test(rest)) {
      return {
        ok: false,
        reason: `"${scheme}:" is followed by a port, so the scheme (http:// or https://) is missing`,
      };
    }
    if (isHttp) return { ok: false, reason: `it has no host after "${scheme}:" (expected ${scheme}://host/…)` };
    return { ok: true, parts: { scheme, hasAuthority: false, host: '', path: rest, query, fragment } };
  }

  rest = rest.slice(2);
  const slashAt = rest.indexOf('/');
  const authority = slashAt >= 0 ? rest.slice(0, slashAt) : rest;
  const path = slashAt >= 0 ? rest.slice(slashAt) : '';

  let userinfo: string | undefined;
  let hostPort = authority;
  const atAt = authority.lastIndexOf('@');
  if (atAt >= 0) {
    userinfo = authority.slice(0, atAt);
    hostPort = authority.slice(atAt + 1);
  }

  let host: string;
  let port: string | undefined;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close < 0) return { ok: false, reason: 'its IPv6 host has no closing "]"' };
    host = hostPort.slice(0, close + 1);
    const after = hostPort.slice(close + 1);
    if (after.length > 0) {
      if (!after.startsWith(':')) return { ok: false, reason: `unexpected "${after}" after the host` };
      port = after.slice(1);
    }
  } else {
    const colonAt = hostPort.lastIndexOf(':');
    if (colonAt >= 0) {
      host = hostPort.slice(0, colonAt);
      port = hostPort.slice(colonAt + 1);
    } else {
      host = hostPort;
    }
  }
  // '*' is let through so a wildcard attempt (http://127.0.0.1:*/callback) is reported as such, not as garbage.
  if (port !== undefined && !/^[\d*]*$/.test(port)) {
    return { ok: false, reason: `its port "${port}" is not a number` };
  }
  if (isHttp && host.length === 0) return { ok: false, reason: 'it has no host' };
  return { ok: true, parts: { scheme, hasAuthority: true, userinfo, host, port, path, query, fragment } };
}

/** Hosts whose addresses are per-session port forwards or web workbenches (suffix match on the host name). */
const DYNAMIC_HOST_SUFFIXES = [
  'github.dev', // Codespaces: *.app.github.dev, *.github.dev
  'githubpreview.dev', // older Codespaces port forwarding
  'gitpod.io',
  'gitpod.dev',
  'vscode.dev', // vscode.dev, insiders.vscode.dev
  'devtunnels.ms', // VS Code tunnels / dev tunnels port forwarding
  'csb.app', // CodeSandbox
  'codesandbox.io',
  'stackblitz.io',
  'webcontainer.io',
  'cloudworkstations.dev', // Google Cloud Workstations / IDX
  'idx.dev',
];

/** Query parameters asExternalUri adds on web hosts so the workbench can route the redirect back. */
const VSCODE_QUERY_PARAMS = new Set([
  'vscode-reqid',
  'vscode-scheme',
  'vscode-authority',
  'vscode-path',
  'vscode-query',
  'vscode-fragment',
]);

/**
 * True when a redirect URI produced by asExternalUri is per-session (web/remote hosts): http(s) with
 * vscode-reqid / vscode-scheme query, a /proxy/ or port-forwarding host (*.github.dev, *.app.github.dev,
 * gitpod.io, code-server), etc. Such a URI cannot usefully be registered on the app.
 */
export function isDynamicRedirectUri(uri: string): boolean {
  const split = splitUri(uri.trim());
  if (!split.ok) return false;
  const { scheme, host, path, query } = split.parts;
  if (!/^https?$/i.test(scheme)) return false;

  if (query !== undefined) {
    for (const pair of query.split('&')) {
      const name = safeDecode(pair.split('=')[0]).toLowerCase();
      if (VSCODE_QUERY_PARAMS.has(name)) return true;
    }
  }
  // The query of a mangled URI may have been percent-encoded into the path (…/callback%3Fvscode-reqid=1).
  if (/vscode-(reqid|scheme|authority)/i.test(safeDecode(path))) return true;
  // code-server / openvscode-server: port proxy and the commit-stamped workbench path.
  if (/(^|\/)(abs)?proxy\/\d+(\/|$)/i.test(path)) return true;
  if (/^\/(stable|insider|insiders)-[0-9a-f]{7,}(\/|$)/i.test(path)) return true;

  const hostName = host.toLowerCase().replace(/\.$/, '');
  return DYNAMIC_HOST_SUFFIXES.some((suffix) => hostName === suffix || hostName.endsWith(`.${suffix}`));
}

const EDITOR_NAMES: Readonly<Record<string, string>> = {
  vscode: 'Visual Studio Code',
  'vscode-insiders': 'Visual Studio Code - Insiders',
  'vscode-exploration': 'Visual Studio Code - Exploration',
  'code-oss': 'Code - OSS / code-server',
  vscodium: 'VSCodium',
  'vscodium-insiders': 'VSCodium - Insiders',
  cursor: 'Cursor',
  windsurf: 'Windsurf',
  'windsurf-next': 'Windsurf Next',
  codeium: 'Windsurf (Codeium)',
  trae: 'Trae',
  'trae-cn': 'Trae CN',
  positron: 'Positron',
  kiro: 'Kiro',
  void: 'Void',
  pearai: 'PearAI',
  theia: 'Eclipse Theia',
  'gitpod-code': 'Gitpod (VS Code)',
  'openvscode-server': 'OpenVSCode Server',
};

/** True when the scheme is one a known VS Code-family editor registers (vscode, cursor, code-oss…). */
export function isKnownEditorScheme(scheme: string): boolean {
  return Object.prototype.hasOwnProperty.call(EDITOR_NAMES, normaliseScheme(scheme));
}

/**
 * Known editor schemes → product names: vscode "Visual Studio Code", vscode-insiders, code-oss
 * "Code - OSS / code-server", vscodium, cursor, windsurf, trae, positron, kiro… unknown → the scheme itself.
 */
export function editorNameForScheme(scheme: string): string {
  const key = normaliseScheme(scheme);
  return Object.prototype.hasOwnProperty.call(EDITOR_NAMES, key) ? EDITOR_NAMES[key] : scheme;
}

function normaliseScheme(scheme: string): string {
  return scheme
    .trim()
    .replace(/:(\/\/)?$/, '')
    .toLowerCase();
}

/** decodeURIComponent that leaves malformed escapes alone instead of throwing. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%[0-9A-Fa-f]{2}/g, (escape) => {
      const code = parseInt(escape.slice(1), 16);
      return code < 0x80 ? String.fromCharCode(code) : escape;
    });
  }
}
