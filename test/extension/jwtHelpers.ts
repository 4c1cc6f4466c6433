// Helpers for JWT-profile tests: an app set up for JWT on the emulator, a JWT profile, and a sign-in that answers
// the credential and client-secret boxes the way a user pasting them would.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandResult, createApp, EMULATOR, interceptInputs, interceptMessages } from './helpers';
import { COMMANDS } from '../../src/vscode/commandIds';

export const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface JwtApp {
  clientId: string;
  clientSecret: string;
}

export async function jwtApp(grantTypes = [JWT_GRANT, 'refresh_token']): Promise<JwtApp> {
  const clientSecret = `secret-${Math.random().toString(36).slice(2)}`;
  const app = await createApp({ grantTypes, clientSecret, redirectUris: [] });
  return { clientId: app.clientId, clientSecret };
}

export async function addJwtProfile(name: string, app: JwtApp): Promise<string> {
  const added = (await vscode.commands.executeCommand(COMMANDS.addProfile, {
    name,
    server: EMULATOR,
    clientId: app.clientId,
    flow: 'jwt',
  })) as { ok: boolean; profileId: string };
  assert.equal(added.ok, true, JSON.stringify(added));
  return added.profileId;
}

/** Signs in the active JWT profile, answering the credential and client-secret boxes like a user pasting them. */
export async function signInWithJwt(
  credential: string,
  app: JwtApp,
): Promise<{ result: CommandResult; boxes: vscode.InputBoxOptions[]; shown: string[] }> {
  const inputs = interceptInputs((options) =>
    /JWT credential/.test(options.title ?? '')
      ? credential
      : /Client secret/i.test(options.title ?? '')
        ? app.clientSecret
        : undefined,
  );
  const messages = interceptMessages();
  try {
    const result = (await vscode.commands.executeCommand(COMMANDS.signIn)) as CommandResult;
    return { result, boxes: inputs.inputBoxes, shown: messages.shown.map((shown) => shown.message) };
  } finally {
    inputs.restore();
    messages.restore();
  }
}
