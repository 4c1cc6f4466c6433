// What the export commands hand the generators in src/core/export/: the active profile as an ExportProfile (never a
// secret), plus what only the editor knows about the redirect URI. Secret values are read here only for an
// "include secrets" export the user confirmed, never from a command argument.
import * as vscode from 'vscode';
import type { ExportProfile, ExportSecrets, ExportWarning } from '../../core/export/profile';
import { activeApp } from '../profiles/activeApp';
import { registeredFromSettings } from '../redirect/redirectCheck';
import { resolveRedirectTarget } from '../redirect/redirectStrategy';
import type { ClientSecrets, JwtCredentialStore } from '../secretStore';
import { readSettings } from '../settings';

export interface ExportSourceDeps {
  secrets: ClientSecrets;
  jwtCredentials: JwtCredentialStore;
}

/** A note the editor adds to the generator's warnings (what core cannot know: settings, the host). */
export interface ExportNote {
  code: ExportWarning['code'] | 'registered-uris-unknown' | 'per-session-redirect-uri';
  message: string;
}

export interface ExportSource {
  profile: ExportProfile;
  /** The editor's own notes, shown together with the generator's warnings. */
  notes: ExportNote[];
  /** Which secrets are stored for this profile (their names, not their values). */
  storedSecrets: Array<keyof ExportSecrets>;
  /** Reads the stored secret values; only after the user chose "include secrets". */
  readSecrets(): Promise<ExportSecrets>;
}

export type ExportSourceResult = { ok: true; source: ExportSource } | { ok: false; message: string };

const SECRET_NAMES: Record<keyof ExportSecrets, string> = {
  clientSecret: 'the client secret',
  jwt: 'the JWT credential',
};

/** "the client secret and the JWT credential" */
export function describeSecrets(names: Array<keyof ExportSecrets>): string {
  const words = names.map((name) => SECRET_NAMES[name]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export async function currentExportSource(deps: ExportSourceDeps): Promise<ExportSourceResult> {
  const app = activeApp();
  if (!app.server.ok) return { ok: false, message: `RingCentral: ${app.server.message}` };
  if (!app.clientId) {
    return {
      ok: false,
      message:
        'RingCentral: no client id is set, so there is nothing to export. Run "RingCentral: Configure App" (or add a profile) first.',
    };
  }
  const settings = readSettings();
  const server = app.server.url;
  const clientId = app.clientId;
  const flow = app.profile?.flow ?? settings.flow;
  const name = app.profile?.name ?? settings.profileName;
  const notes: ExportNote[] = [];

  let redirectUri: string | undefined;
  let registeredRedirectUris: string[] | undefined;
  if (flow === 'authorizationCode') {
    const target = await resolveRedirectTarget(settings);
    redirectUri = target.redirectUri;
    const registered = registeredFromSettings().filter((uri) => typeof uri === 'string' && uri.trim() !== '');
    // An empty setting means "not told", not "none registered": the generator would otherwise claim OAU-113.
    registeredRedirectUris = registered.length > 0 ? registered.map((uri) => uri.trim()) : undefined;
    if (target.dynamic && !registeredRedirectUris) {
      notes.push({
        code: 'per-session-redirect-uri',
        message: `This editor's redirect URI (${redirectUri}) is made per session by the browser-hosted VS Code and cannot be registered once and for all. Register a fixed one such as http://localhost:5000/callback on the app and list it in the setting ringcentral.redirect.registeredUris, then export again.`,
      });
    } else if (!registeredRedirectUris) {
      notes.push({
        code: 'registered-uris-unknown',
        message: `The export uses the redirect URI this editor sends (${redirectUri}); the URIs registered on the app are not known here, so it is not checked. List them in the setting ringcentral.redirect.registeredUris, or run "RingCentral: Check Redirect URI".`,
      });
    }
  }

  const hasClientSecret = (await deps.secrets.get(server, clientId)) !== undefined;
  const jwtProfile = flow === 'jwt' && app.profile ? app.profile : undefined;
  const hasJwt = jwtProfile ? (await deps.jwtCredentials.get(jwtProfile)) !== undefined : false;
  const storedSecrets: Array<keyof ExportSecrets> = [
    ...(hasClientSecret ? (['clientSecret'] as const) : []),
    ...(hasJwt ? (['jwt'] as const) : []),
  ];

  const profile: ExportProfile = { name, server, clientId, flow, redirectUri, registeredRedirectUris, hasClientSecret };
  return {
    ok: true,
    source: {
      profile,
      notes,
      storedSecrets,
      readSecrets: async () => ({
        clientSecret: hasClientSecret ? await deps.secrets.get(server, clientId) : undefined,
        jwt: jwtProfile ? await deps.jwtCredentials.get(jwtProfile) : undefined,
      }),
    },
  };
}

/** The workspace folder exports go to by default (the first one), if a folder is open. */
export function workspaceFolderUri(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}
