// Where the user fixes an app's settings, and which RingCentral environment a server URL is.
// Plain functions: the knowledge base builds openDeveloperConsole actions with them.
import { isLoopbackHost } from '../ringcentral/serverUrl';

const DEVELOPER_CONSOLE = 'https://developers.ringcentral.com/console/my-apps';

/** RingCentral's developer guide (mkdocs site built from ringcentral/ringcentral-api-docs). */
const GUIDE = 'https://developers.ringcentral.com/guide';

export const docs = {
  authCodeFlow: `${GUIDE}/authentication/auth-code-flow`,
  pkceFlow: `${GUIDE}/authentication/auth-code-pkce-flow`,
  jwtFlow: `${GUIDE}/authentication/jwt-flow`,
  refreshTokens: `${GUIDE}/authentication/refresh-tokens`,
  rateLimits: `${GUIDE}/basics/rate-limits`,
  permissions: `${GUIDE}/basics/permissions`,
  errors: `${GUIDE}/basics/errors`,
  production: `${GUIDE}/basics/production`,
  support: 'https://developers.ringcentral.com/support/create-case',
} as const;

export type ServerEnvironment = 'production' | 'partner' | 'sandbox' | 'emulator' | 'custom' | 'unknown';

function hostOf(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  try {
    return new URL(url.trim()).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** 127.0.0.0/8, localhost (and *.localhost), ::1. */

export function isLoopbackUrl(url: string | undefined): boolean {
  return isLoopbackHost(hostOf(url));
}

export function serverEnvironment(server: string | undefined): ServerEnvironment {
  const host = hostOf(server);
  if (!host) {
    return 'unknown';
  }
  if (isLoopbackHost(host)) {
    return 'emulator';
  }
  if (host === 'platform.devtest.ringcentral.com' || host.endsWith('.devtest.ringcentral.com')) {
    return 'sandbox';
  }
  if (host === 'platform.ringcentral.biz' || host.endsWith('.ringcentral.biz')) {
    return 'partner';
  }
  if (host === 'platform.ringcentral.com' || host.endsWith('.ringcentral.com')) {
    return 'production';
  }
  return 'custom';
}

/** "production (https://platform.ringcentral.com)" and so on, for sentences. */
export function describeServer(server: string | undefined): string {
  switch (serverEnvironment(server)) {
    case 'production':
      return `production (${server})`;
    case 'partner':
      return `the AT&T / Verizon partner platform (${server})`;
    case 'sandbox':
      return `the sandbox (${server}), which RingCentral is retiring`;
    case 'emulator':
      return `the local emulator (${server})`;
    case 'custom':
      return `a custom server (${server})`;
    default:
      return 'the configured server';
  }
}

/**
 * The page where the user edits the app. RingCentral's console has no deep link by client id, so the
 * client id is accepted for callers' convenience but only the emulator could use it.
 */
export function developerConsoleUrl(server?: string, clientId?: string): string {
  void clientId;
  if (server && isLoopbackUrl(server)) {
    // A loop, not /\/+$/: that regex is quadratic on many inner slashes (the setting may come from a workspace).
    let base = server.trim();
    while (base.endsWith('/')) base = base.slice(0, -1);
    return `${base}/__console`;
  }
  return DEVELOPER_CONSOLE;
}
