// Helpers for tests inside the extension host: the emulator's developer console over HTTP, settings, sessions.
import * as vscode from 'vscode';
import { freePort } from '../harness/freePort';

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
  addRedirectUri: (clientId: string, uri: string) => consoleCall('POST', `/apps/${encodeURIComponent(clientId)}/redirect-uris`, { uri }),
  autoApprove: (on: boolean) => consoleCall('POST', '/auto-approve', { on }),
  fault: (fault: unknown) => consoleCall('POST', '/fault', fault),
  advanceClock: (seconds: number) => consoleCall('POST', '/clock', { advanceSeconds: seconds }),
  requests: async () => (await consoleCall('GET', '/requests')) as Array<{ method: string; path: string; form?: Record<string, string>; query?: Record<string, string> }>,
};

export async function whoAmIStatus(accessToken: string): Promise<number> {
  const response = await fetch(`${EMULATOR}/restapi/v1.0/account/~/extension/~`, { headers: { Authorization: `Bearer ${accessToken}` } });
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
  await configure({ server: undefined, clientId: undefined, 'redirect.mode': undefined, 'redirect.loopbackPort': undefined, 'redirect.registeredUris': undefined, signInTimeoutSeconds: undefined });
}


export interface SessionInfo {
  signedIn: boolean;
  account?: { id: string; label: string; profileKnown: boolean };
  scope?: string;
  accessExpiresAt?: number;
}

export async function sessionInfo(): Promise<SessionInfo> {
  return (await vscode.commands.executeCommand('ringcentral.sessionInfo')) as SessionInfo;
}

/** The access token, the way a user gets it: Copy Access Token, then the clipboard. */
export async function copiedAccessToken(): Promise<string> {
  await vscode.env.clipboard.writeText('');
  await vscode.commands.executeCommand('ringcentral.copyAccessToken');
  return vscode.env.clipboard.readText();
}

export async function signOutAll(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    if (!(await sessionInfo()).signedIn) return;
    await vscode.commands.executeCommand('ringcentral.signOut');
  }
}

export type CommandResult = { ok: boolean; cancelled?: boolean; code?: string; diagnosisId?: string; message?: string; notification?: string; account?: { id: string; label: string } };
