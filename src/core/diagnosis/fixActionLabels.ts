// Button text for each fix action, shared by notifications and the diagnostics panel (sent in its state).
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

export const REDIRECT_MODE_NAMES: Readonly<Record<RedirectMode, string>> = { uriHandler: 'URI handler', loopback: 'loopback', paste: 'paste' };

export function fixActionLabel(action: FixAction): string {
  switch (action.kind) {
    case 'switchRedirectMode':
      return `Use ${REDIRECT_MODE_NAMES[action.mode]} redirect`;
    case 'waitAndRetry':
      return `Retry in ${action.seconds} s`;
    default:
      return FIX_ACTION_LABELS[action.kind];
  }
}
