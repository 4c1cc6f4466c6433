// Reads the `ringcentral.*` settings into one value; no secret is ever a setting.
import * as vscode from 'vscode';
import { isRedirectMode } from '../core/diagnosis/fixActionLabels';
import type { RedirectMode } from '../core/redirect/redirectUri';
import { checkServerUrl, ServerCheck } from '../core/ringcentral/serverUrl';
import { isSignInFlow, SignInFlow } from '../core/profiles/profile';

export interface AppSettings {
  server: ServerCheck;
  clientId: string;
  redirectMode: RedirectMode;
  loopbackPort: number;
  pasteRedirectUri: string;
  signInTimeoutMs: number;
  requestTimeoutMs: number;
  /** Ask the authorize endpoint before opening the browser (costs one request of the Auth rate-limit group). */
  preflight: boolean;
  /** The flow of the profile these settings make (the default profile). */
  flow: SignInFlow;
  profileName: string;
  /** RingCentral's Auth rate-limit group: requests per user per minute (5); higher only for an emulator or proxy. */
  authRequestsPerMinute: number;
}

/** settings.json is not checked against the schema's limits: keep numbers in range so nothing times out at once. */
function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** A problem in the settings that stops Sign In before anything is sent; says which setting to change. */
export function settingsProblem(
  settings: AppSettings,
): { message: string; setting: 'server' | 'clientId' | 'redirect.loopbackPort' } | undefined {
  if (!settings.server.ok) return { message: settings.server.message, setting: 'server' };
  if (!settings.clientId) {
    return {
      message:
        'No client id is set. Run "RingCentral: Configure App" and enter the Client ID from the RingCentral Developer Console.',
      setting: 'clientId',
    };
  }
  if (/\s/.test(settings.clientId)) {
    return {
      message: `The client id "${settings.clientId}" contains spaces: copy it again from the Developer Console (app → Credentials).`,
      setting: 'clientId',
    };
  }
  if (
    settings.redirectMode !== 'uriHandler' &&
    !(Number.isInteger(settings.loopbackPort) && settings.loopbackPort >= 1024 && settings.loopbackPort <= 65535)
  ) {
    return {
      message: `ringcentral.redirect.loopbackPort must be a whole number from 1024 to 65535 (it is ${settings.loopbackPort}).`,
      setting: 'redirect.loopbackPort',
    };
  }
  return undefined;
}

export function readSettings(): AppSettings {
  const config = vscode.workspace.getConfiguration('ringcentral');
  const mode = config.get<string>('redirect.mode', 'uriHandler');
  const flow = config.get<string>('signIn.flow');
  return {
    server: checkServerUrl(config.get<string>('server')),
    clientId: (config.get<string>('clientId') ?? '').trim(),
    redirectMode: isRedirectMode(mode) ? mode : 'uriHandler',
    loopbackPort: Number(config.get<number>('redirect.loopbackPort', 53134)),
    pasteRedirectUri: (config.get<string>('redirect.pasteRedirectUri') ?? '').trim(),
    signInTimeoutMs: clamp(config.get<number>('signInTimeoutSeconds'), 30, 3600, 300) * 1000,
    requestTimeoutMs: clamp(config.get<number>('requestTimeoutSeconds'), 2, 300, 30) * 1000,
    preflight: config.get<boolean>('signIn.preflight', true),
    flow: isSignInFlow(flow) ? flow : 'authorizationCode',
    profileName: (config.get<string>('profileName') ?? '').trim().slice(0, 80) || 'Default',
    authRequestsPerMinute: Math.floor(clamp(config.get<number>('authRequestsPerMinute'), 1, 1000, 5)),
  };
}

export async function updateSetting(key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('ringcentral');
  // Write where the user already set it (workspace wins), else to user settings.
  const inspected = config.inspect(key);
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
}
