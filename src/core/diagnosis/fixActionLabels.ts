// Button text for each fix action, and the redirect modes' names: one copy, used by notifications, the
// settings reader, the diagnostics panel's extension side and the panel app itself (bundled from here).
import type { RedirectMode } from '../redirect/redirectUri';
import type { FixAction } from './types';

export const FIX_ACTION_LABELS: Readonly<Record<FixAction['kind'], string>> = {
  openDeveloperConsole: 'Open Developer Console',
  copyRedirectUri: 'Copy redirect URI',
  switchRedirectMode: 'Use another redirect mode',
  setClientSecret: 'Set Client Secret',
  configureApp: 'Configure App',
  signIn: 'Sign In again',
  waitAndRetry: 'Retry',
  checkPermissions: 'Check Permissions',
  checkRedirectUri: 'Check Redirect URI',
  openSettings: 'Open Setting',
  openUrl: 'Open Link',
};

/** How each `ringcentral.redirect.mode` value is named in text. Its keys, in this order, are the modes. */
export const REDIRECT_MODE_NAMES: Readonly<Record<RedirectMode, string>> = {
  uriHandler: 'URI handler',
  loopback: 'loopback',
  paste: 'paste',
};

/** Every redirect mode, in the order of package.json's `ringcentral.redirect.mode` enum (a unit test checks it). */
export const REDIRECT_MODES = Object.keys(REDIRECT_MODE_NAMES) as readonly RedirectMode[];

export function isRedirectMode(value: unknown): value is RedirectMode {
  return typeof value === 'string' && (REDIRECT_MODES as readonly string[]).includes(value);
}

/** "Retry in 12 s" while waiting, "Retry" once it may be retried. */
export function retryLabel(seconds: number): string {
  return seconds > 0 ? `Retry in ${seconds} s` : FIX_ACTION_LABELS.waitAndRetry;
}

export function fixActionLabel(action: FixAction): string {
  switch (action.kind) {
    case 'switchRedirectMode':
      return `Use ${REDIRECT_MODE_NAMES[action.mode]} redirect`;
    case 'waitAndRetry':
      return retryLabel(action.seconds);
    default:
      return FIX_ACTION_LABELS[action.kind];
  }
}
