// The masked input boxes for a profile's secrets. They say where the value comes from in the Developer Console
// and where it will be sent, and never put it anywhere but the returned string.
import * as vscode from 'vscode';
import type { Profile } from '../../core/profiles/profile';
import { describeServer } from '../../core/ringcentral/serverTrust';

export async function askForJwtCredential(profile: Profile): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: `JWT credential for "${profile.name}"`,
    prompt:
      `Paste the user's JWT credential (Developer Console → your profile → Credentials → JWT credentials; it starts with "eyJ"). ` +
      `Kept in VS Code secret storage, sent only to ${new URL(profile.server).host} when you sign in.`,
    password: true,
    ignoreFocusOut: true,
    placeHolder: 'eyJhbGciOiJSUzI1NiJ9…',
  });
  return value === undefined ? undefined : value.trim();
}

export async function askForClientSecret(profile: Profile, why: string): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: `Client secret for ${profile.clientId} on ${describeServer(profile.server)}`,
    prompt: `${why} From the Developer Console (app → Credentials). Kept in VS Code secret storage, sent only to ${new URL(profile.server).host}.`,
    password: true,
    ignoreFocusOut: true,
  });
  return value === undefined ? undefined : value.trim();
}
