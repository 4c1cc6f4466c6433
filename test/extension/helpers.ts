// Helpers for tests inside the extension host: the emulator's developer console over HTTP, settings, sessions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { freePort } from '../../tools/vscode-host/freePort';
import { COMMANDS } from '../../src/vscode/commandIds';

export { freePort };

export const EMULATOR = process.env.RC_EMULATOR_URL ?? '';
export const IN_CODE_SERVER = process.env.RC_TEST_HOST === 'code-server';

export interface TestApp {
  clientId: string;
  clientSecret?: string;
  redirectUris: string[];
  permissions: string[];
  issueRefreshTokens: boolean;
  grantTypes: string[];
  accessTokenLifetimeSeconds?: number;
}

async function consoleCall(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${EMULATOR}/__console${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 400) throw new Error(`emulator console ${method} ${path}: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

let appCounter = 0;
export async function createApp(overrides: Partial<TestApp> = {}): Promise<TestApp> {
  const app: TestApp = {
    clientId: `test-app-${Date.now().toString(36)}-${appCounter++}`,
    redirectUris: [],
    permissions: ['ReadAccounts', 'ReadContacts'],
    issueRefreshTokens: true,
    grantTypes: ['authorization_code', 'refresh_token'],
    ...overrides,
  };
  await consoleCall('POST', '/apps', app);
  return app;
}

export const emulatorConsole = {
  addRedirectUri: (clientId: string, uri: string) =>
    consoleCall('POST', `/apps/${encodeURIComponent(clientId)}/redirect-uris`, { uri }),
  autoApprove: (on: boolean) => consoleCall('POST', '/auto-approve', { on }),
  fault: (fault: unknown) => consoleCall('POST', '/fault', fault),
  advanceClock: (seconds: number) => consoleCall('POST', '/clock', { advanceSeconds: seconds }),
  renameUser: (name: string) => consoleCall('PATCH', '/user', { name }),
  /** A JWT credential as the Developer Console makes it, for a user and (optionally) a broken variant. */
  createJwt: async (options: { clientId?: string; user?: string; variant?: string }) =>
    ((await consoleCall('POST', '/jwt', options)) as { credential: string }).credential,
  requests: async () =>
    (await consoleCall('GET', '/requests')) as Array<{
      method: string;
      path: string;
      form?: Record<string, string>;
      query?: Record<string, string>;
    }>,
};

export async function whoAmIStatus(accessToken: string): Promise<number> {
  const response = await fetch(`${EMULATOR}/restapi/v1.0/account/~/extension/~`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  await response.text();
  return response.status;
}

export async function configure(settings: Record<string, unknown>): Promise<void> {
  const config = vscode.workspace.getConfiguration('ringcentral');
  for (const [key, value] of Object.entries(settings)) {
    await config.update(key, value, vscode.ConfigurationTarget.Global);
  }
}

export async function resetSettings(): Promise<void> {
  await configure({
    server: undefined,
    clientId: undefined,
    'redirect.mode': undefined,
    'redirect.loopbackPort': undefined,
    'redirect.registeredUris': undefined,
    signInTimeoutSeconds: undefined,
  });
}

export interface SessionInfo {
  signedIn: boolean;
  profile?: { id: string; name: string; flow: string };
  statusBar?: { text: string; tooltip: string };
  authRequests?: { used: number; limit: number; nextSafeAt: number };
  account?: { id: string; label: string; profileKnown: boolean };
  scope?: string;
  accessExpiresAt?: number;
}

export async function sessionInfo(): Promise<SessionInfo> {
  return (await vscode.commands.executeCommand(COMMANDS.sessionInfo)) as SessionInfo;
}

/** The access token, the way a user gets it: Copy Access Token, confirm the dialog, then the clipboard. */
export async function copiedAccessToken(): Promise<string> {
  await vscode.env.clipboard.writeText('');
  const dialogs = interceptMessages((shown) =>
    shown.options?.modal && shown.items.includes('Copy Token') ? 'Copy Token' : undefined,
  );
  try {
    await vscode.commands.executeCommand(COMMANDS.copyAccessToken);
  } finally {
    dialogs.restore();
  }
  return vscode.env.clipboard.readText();
}

export interface ShownMessage {
  kind: 'error' | 'warning' | 'info';
  message: string;
  options?: vscode.MessageOptions;
  items: string[];
}

type MessageFunction = (message: string, ...rest: unknown[]) => Thenable<unknown>;

/**
 * Answers the extension's notifications and dialogs in place of the user. The tests run in the extension's own
 * extension host and get the same `vscode` API object as the extension, so replacing its functions here is what
 * the extension calls (a modal dialog in code-server would otherwise wait for a click forever).
 */
export function interceptMessages(answer: (shown: ShownMessage) => string | undefined = () => undefined): {
  shown: ShownMessage[];
  restore(): void;
} {
  const shown: ShownMessage[] = [];
  const window = vscode.window as unknown as Record<string, MessageFunction>;
  const names = { error: 'showErrorMessage', warning: 'showWarningMessage', info: 'showInformationMessage' } as const;
  const originals = Object.fromEntries(Object.values(names).map((name) => [name, window[name]]));
  for (const [kind, name] of Object.entries(names) as Array<[ShownMessage['kind'], string]>) {
    window[name] = async (message: string, ...rest: unknown[]) => {
      const options =
        typeof rest[0] === 'object' && rest[0] !== null ? (rest.shift() as vscode.MessageOptions) : undefined;
      const entry = { kind, message, options, items: rest.map(String) };
      shown.push(entry);
      // The secret scan reads every notification the tests caused, answered here or by a person.
      if (process.env.RC_TEST_CAPTURE_DIR)
        fs.appendFileSync(
          path.join(process.env.RC_TEST_CAPTURE_DIR, 'notification.jsonl'),
          `${JSON.stringify({ shown: name, args: [message, ...(options ? [options] : []), ...rest] })}\n`,
        );
      return answer(entry);
    };
  }
  return { shown, restore: () => Object.assign(window, originals) };
}

/** Records input boxes and progress titles; input boxes are answered by `answer` (undefined: the user pressed Escape). */
export function interceptInputs(answer: (options: vscode.InputBoxOptions) => string | undefined = () => undefined): {
  inputBoxes: vscode.InputBoxOptions[];
  progressTitles: string[];
  restore(): void;
} {
  const inputBoxes: vscode.InputBoxOptions[] = [];
  const progressTitles: string[] = [];
  const window = vscode.window as unknown as Record<string, (...args: unknown[]) => unknown>;
  const showInputBox = window.showInputBox;
  const withProgress = window.withProgress;
  window.showInputBox = async (options: unknown) => {
    inputBoxes.push(options as vscode.InputBoxOptions);
    return answer(options as vscode.InputBoxOptions);
  };
  window.withProgress = (options: unknown, task: unknown) => {
    progressTitles.push(String((options as vscode.ProgressOptions).title));
    return withProgress.call(vscode.window, options, task);
  };
  return { inputBoxes, progressTitles, restore: () => Object.assign(window, { showInputBox, withProgress }) };
}

/** Deletes the saved profiles (signing out their sessions) and makes the settings profile active again. */
export async function resetProfiles(): Promise<void> {
  await vscode.commands.executeCommand(COMMANDS.switchProfile, 'settings');
  const dialogs = interceptMessages((shown) => (shown.items.includes('Delete Profile') ? 'Delete Profile' : undefined));
  const quickPick = vscode.window as unknown as { showQuickPick: (...args: unknown[]) => Thenable<unknown> };
  const original = quickPick.showQuickPick;
  quickPick.showQuickPick = async (items: unknown) =>
    ((await items) as vscode.QuickPickItem[]).find((item) => item.label.includes('Delete'));
  try {
    for (let i = 0; i < 20; i++) {
      const saved = ((await vscode.commands.executeCommand(COMMANDS.listProfiles)) as Array<{ id: string }>).filter(
        (profile) => profile.id !== 'settings',
      );
      if (saved.length === 0) return;
      await vscode.commands.executeCommand(COMMANDS.editProfile, saved[0].id);
    }
  } finally {
    quickPick.showQuickPick = original;
    dialogs.restore();
  }
}

export async function signOutAll(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    if (!(await sessionInfo()).signedIn) return;
    await vscode.commands.executeCommand(COMMANDS.signOut);
  }
}

export type CommandResult = {
  ok: boolean;
  cancelled?: boolean;
  code?: string;
  diagnosisId?: string;
  message?: string;
  notification?: string;
  account?: { id: string; label: string };
};
