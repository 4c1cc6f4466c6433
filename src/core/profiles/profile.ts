// A profile is a named RingCentral app as the developer uses it: a server, a client id and a sign-in flow. Several
// live side by side ("Prod – CRM sync (JWT)", "Prod – my test app (auth code)"), each with its own secrets and its
// own signed-in account. The settings (ringcentral.server, ringcentral.clientId) are always the first, default one.
import type { StoredSession } from '../session/session';
import { checkServerUrl } from '../ringcentral/serverUrl';

export type SignInFlow = 'authorizationCode' | 'jwt';

export interface Profile {
  id: string;
  name: string;
  /** Base URL, already checked (checkServerUrl). */
  server: string;
  clientId: string;
  flow: SignInFlow;
}

/** The profile made of the `ringcentral.*` settings: not stored, read from the settings each time. */
export const SETTINGS_PROFILE_ID = 'settings';

export const FLOW_LABELS: Record<SignInFlow, string> = {
  authorizationCode: 'auth code + PKCE',
  jwt: 'JWT',
};

const MAX_PROFILES = 50;
const MAX_NAME_LENGTH = 80;

export function isSignInFlow(value: unknown): value is SignInFlow {
  return value === 'authorizationCode' || value === 'jwt';
}

/** A problem with a profile's values, in words that say what to change; undefined when it can be saved. */
export function profileProblem(input: { name: string; server: string; clientId: string }): string | undefined {
  if (input.name.trim() === '') return 'Give the profile a name, for example "Prod – CRM sync (JWT)".';
  if (input.name.length > MAX_NAME_LENGTH) return `A profile name has at most ${MAX_NAME_LENGTH} characters.`;
  const server = checkServerUrl(input.server);
  if (!server.ok) return server.message;
  if (input.clientId.trim() === '') return 'Enter the Client ID from the Developer Console (app → Credentials).';
  if (/\s/.test(input.clientId.trim()))
    return 'The client id contains spaces: copy it again from the Developer Console.';
  return undefined;
}

/**
 * Saved profiles as read back from storage. Storage is ours, but a hand-edited or older value must not break the
 * extension: anything that is not a valid profile is dropped, and the list is bounded.
 */
export function parseProfiles(value: unknown): Profile[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>([SETTINGS_PROFILE_ID]);
  const profiles: Profile[] = [];
  for (const candidate of value.slice(0, MAX_PROFILES)) {
    if (typeof candidate !== 'object' || candidate === null) continue;
    const { id, name, server, clientId, flow } = candidate as Record<string, unknown>;
    if (typeof id !== 'string' || seen.has(id) || typeof name !== 'string' || typeof clientId !== 'string') continue;
    if (typeof server !== 'string' || !isSignInFlow(flow)) continue;
    if (profileProblem({ name, server, clientId })) continue;
    const checked = checkServerUrl(server);
    if (!checked.ok) continue;
    seen.add(id);
    profiles.push({ id, name, server: checked.url, clientId: clientId.trim(), flow });
  }
  return profiles;
}

/**
 * The sessions signed in under a profile: those stored with its id, and — for sessions from before profiles, which
 * carry none — those of the same server and client id.
 */
export function sessionsOfProfile(profile: Profile, sessions: readonly StoredSession[]): StoredSession[] {
  const own = sessions.filter((session) => session.profileId === profile.id);
  const legacy = sessions.filter(
    (session) =>
      session.profileId === undefined && session.server === profile.server && session.clientId === profile.clientId,
  );
  return [...own, ...legacy].sort((a, b) => b.createdAt - a.createdAt);
}

/** The session a profile shows and hands out: its newest one. */
export function sessionOfProfile(profile: Profile, sessions: readonly StoredSession[]): StoredSession | undefined {
  return sessionsOfProfile(profile, sessions)[0];
}

/**
 * A session's account id in VS Code's Accounts: unique per profile and user. The settings profile keeps the ids
 * accounts had before profiles, so VS Code's remembered choices still apply.
 */
export function accountIdOf(session: Pick<StoredSession, 'server' | 'account' | 'profileId'>): string {
  const base = `${session.server}|${session.account.id}`;
  return session.profileId && session.profileId !== SETTINGS_PROFILE_ID ? `${base}|${session.profileId}` : base;
}

/** getSession({ account }): only that account's sessions; without an account, all of them. */
export function sessionsForAccount<T extends Pick<StoredSession, 'server' | 'account' | 'profileId'>>(
  sessions: readonly T[],
  account: { id: string } | undefined,
): T[] {
  return account === undefined ? [...sessions] : sessions.filter((session) => accountIdOf(session) === account.id);
}

export function newProfileId(existing: readonly Profile[], random: () => string): string {
  for (;;) {
    const id = `p-${random()}`;
    if (!existing.some((profile) => profile.id === id)) return id;
  }
}
