// Reads the `ringcentral.*` settings into one value; no secret is ever a setting.
import * as vscode from 'vscode';
import type { RedirectMode } from '../core/diagnosis/types';
import { checkServerUrl, ServerCheck } from '../core/serverUrl';

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
}

const MODES: readonly RedirectMode[] = ['uriHandler', 'loopback', 'paste'];

export function readSettings(): AppSettings {
  const config = vscode.workspace.getConfiguration('ringcentral');
  const mode = config.get<string>('redirect.mode', 'uriHandler');
  return {
    server: checkServerUrl(config.get<string>('server')),
    clientId: (config.get<string>('clientId') ?? '').trim(),
    redirectMode: MODES.includes(mode as RedirectMode) ? (mode as RedirectMode) : 'uriHandler',
    loopbackPort: config.get<number>('redirect.loopbackPort', 53134),
    pasteRedirectUri: (config.get<string>('redirect.pasteRedirectUri') ?? '').trim(),
    signInTimeoutMs: config.get<number>('signInTimeoutSeconds', 300) * 1000,
    requestTimeoutMs: config.get<number>('requestTimeoutSeconds', 30) * 1000,
    preflight: config.get<boolean>('signIn.preflight', true),
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
