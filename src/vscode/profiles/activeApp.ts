// The server and client id everything acts on: the active profile's. Commands, the diagnosis context, the redirect
// check and the panel read it here. The profile store registers itself at activation; before that (and in tests
// of one piece) the settings are the answer, which is what the settings profile says anyway.
import type { Profile } from '../../core/profiles/profile';
import { checkServerUrl, type ServerCheck } from '../../core/ringcentral/serverUrl';
import { readSettings } from '../settings';

export interface ActiveApp {
  server: ServerCheck;
  clientId: string;
  profile?: Profile;
}

let activeProfile: (() => Profile | undefined) | undefined;

export function setActiveProfileSource(source: () => Profile | undefined): void {
  activeProfile = source;
}

export function activeApp(): ActiveApp {
  const profile = activeProfile?.();
  if (profile) return { server: checkServerUrl(profile.server), clientId: profile.clientId, profile };
  const settings = readSettings();
  return { server: settings.server, clientId: settings.clientId };
}
