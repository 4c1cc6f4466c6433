// Profiles: add, switch, edit (rename, change, replace the JWT credential, delete) and Sign In with JWT.
import * as vscode from 'vscode';
import { notifyInfo, notifyWarning } from '../notify';
import { FLOW_LABELS, Profile, SETTINGS_PROFILE_ID, sessionsOfProfile } from '../../core/profiles/profile';
import type { SessionManager } from '../../core/session/sessionManager';
import type { ProfileStore } from '../profiles/profileStore';
import { completeProfile, draftFromArgument } from '../profiles/profileWizard';
import { askForJwtCredential } from '../profiles/credentialPrompts';
import type { JwtCredentialStore } from '../secretStore';
import { COMMANDS } from '../commandIds';
import { updateSetting } from '../settings';

export interface ProfileCommandDeps {
  profiles: ProfileStore;
  sessions: SessionManager;
  jwtCredentials: JwtCredentialStore;
}

type ProfileResult =
  { ok: true; profileId: string; name: string } | { ok: false; cancelled?: boolean; message: string };

export function registerProfileCommands(deps: ProfileCommandDeps): vscode.Disposable[] {
  const { profiles } = deps;

  const addProfile = async (argument?: unknown): Promise<ProfileResult> => {
    try {
      const input = await completeProfile(draftFromArgument(argument));
      if (!input) return { ok: false, cancelled: true, message: 'cancelled' };
      const profile = await profiles.add(input);
      await profiles.setActive(profile.id);
      void notifyInfo(`RingCentral profile "${profile.name}" added and active. Sign in to use it.`, 'Sign In').then(
        (choice) => choice && vscode.commands.executeCommand(COMMANDS.signIn),
      );
      return { ok: true, profileId: profile.id, name: profile.name };
    } catch (error) {
      return failed(error);
    }
  };

  /** With an id (tests, automation): switches to it. Without: the quick pick of profiles. */
  const switchProfile = async (id?: unknown): Promise<ProfileResult> => {
    const target = typeof id === 'string' ? profiles.get(id) : await pickProfile(deps, 'Switch RingCentral profile');
    if (!target) return { ok: false, cancelled: typeof id !== 'string', message: 'No such profile.' };
    await profiles.setActive(target.id);
    return { ok: true, profileId: target.id, name: target.name };
  };

  const editProfile = async (id?: unknown): Promise<ProfileResult> => {
    const profile = typeof id === 'string' ? profiles.get(id) : await pickProfile(deps, 'Edit RingCentral profile');
    if (!profile) return { ok: false, cancelled: true, message: 'cancelled' };
    const actions = [
      { label: '$(edit) Change name, server, client id or flow', run: () => changeProfile(deps, profile) },
      ...(profile.flow === 'jwt'
        ? [{ label: '$(key) Replace the JWT credential', run: () => replaceJwtCredential(deps, profile) }]
        : []),
      { label: '$(lock) Set the client secret', run: () => vscode.commands.executeCommand(COMMANDS.setClientSecret) },
      ...(profile.id === SETTINGS_PROFILE_ID
        ? []
        : [
            { label: '$(trash) Delete this profile (signs out its sessions)', run: () => deleteProfile(deps, profile) },
          ]),
    ];
    const picked = await vscode.window.showQuickPick(actions, { title: `RingCentral profile "${profile.name}"` });
    if (!picked) return { ok: false, cancelled: true, message: 'cancelled' };
    if (profiles.activeId() !== profile.id && picked.label.includes('client secret'))
      await profiles.setActive(profile.id);
    try {
      await picked.run();
      return { ok: true, profileId: profile.id, name: profile.name };
    } catch (error) {
      return failed(error);
    }
  };

  /** Signs in with the active JWT profile; from another profile, offers the JWT ones or makes one for the same app. */
  const signInWithJwt = async (): Promise<unknown> => {
    const active = profiles.active();
    if (active?.flow !== 'jwt') {
      const jwtProfiles = profiles.list().filter((profile) => profile.flow === 'jwt');
      const items: Array<vscode.QuickPickItem & { profile?: Profile }> = [
        ...jwtProfiles.map((profile) => ({ label: profile.name, description: profile.server, profile })),
        {
          label: '$(add) New JWT profile…',
          description: active ? `for ${active.clientId} on ${new URL(active.server).host}` : undefined,
        },
      ];
      const picked =
        jwtProfiles.length === 0 ? items[0] : await vscode.window.showQuickPick(items, { title: 'Sign In with JWT' });
      if (!picked) return { ok: false, cancelled: true, message: 'cancelled' };
      if (picked.profile) await profiles.setActive(picked.profile.id);
      else {
        const added = await addProfileQuietly(deps, { server: active?.server, clientId: active?.clientId });
        if (!added.ok) return added;
      }
    }
    return vscode.commands.executeCommand(COMMANDS.signIn);
  };

  /** Non-secret facts about every profile, for tasks, other extensions and tests. */
  const listProfiles = () =>
    profiles.list().map((profile) => ({
      ...profile,
      active: profile.id === profiles.activeId(),
      accounts: sessionsOfProfile(profile, deps.sessions.list()).map((session) => session.account.label),
    }));

  return [
    vscode.commands.registerCommand(COMMANDS.listProfiles, listProfiles),
    vscode.commands.registerCommand(COMMANDS.addProfile, addProfile),
    vscode.commands.registerCommand(COMMANDS.switchProfile, switchProfile),
    vscode.commands.registerCommand(COMMANDS.editProfile, editProfile),
    vscode.commands.registerCommand(COMMANDS.signInWithJwt, signInWithJwt),
  ];
}

async function addProfileQuietly(
  deps: ProfileCommandDeps,
  draft: { server?: string; clientId?: string },
): Promise<ProfileResult> {
  try {
    const input = await completeProfile({ ...draft, flow: 'jwt' });
    if (!input) return { ok: false, cancelled: true, message: 'cancelled' };
    const profile = await deps.profiles.add(input);
    await deps.profiles.setActive(profile.id);
    return { ok: true, profileId: profile.id, name: profile.name };
  } catch (error) {
    return failed(error);
  }
}

/** The quick pick of profiles, the active one marked, each with who is signed in. */
export async function pickProfile(deps: Pick<ProfileCommandDeps, 'profiles' | 'sessions'>, title: string) {
  const activeId = deps.profiles.activeId();
  const items = deps.profiles.list().map((profile) => ({
    label: `${profile.id === activeId ? '$(check) ' : ''}${profile.name}`,
    description: profileDescription(profile),
    detail: signedInDetail(deps.sessions, profile),
    profile,
  }));
  return (await vscode.window.showQuickPick(items, { title }))?.profile;
}

export function profileDescription(profile: Profile): string {
  return `(${FLOW_LABELS[profile.flow]}) · ${profile.clientId || 'no client id'} · ${new URL(profile.server).host}${profile.id === SETTINGS_PROFILE_ID ? ' · from settings' : ''}`;
}

export function signedInDetail(sessions: SessionManager, profile: Profile): string {
  const signedIn = sessionsOfProfile(profile, sessions.list());
  return signedIn.length > 0
    ? `signed in as ${signedIn.map((session) => session.account.label).join(', ')}`
    : 'not signed in';
}

async function changeProfile(deps: ProfileCommandDeps, profile: Profile): Promise<void> {
  const input = await completeProfile({}, profile);
  if (!input) return;
  if (profile.id === SETTINGS_PROFILE_ID) {
    // The settings profile is the settings: change them (user or workspace, wherever they are set now).
    await updateSetting('server', input.server);
    await updateSetting('clientId', input.clientId);
    await updateSetting('signIn.flow', input.flow);
    await updateSetting('profileName', input.name);
  } else {
    await deps.profiles.update(profile.id, input);
  }
  void notifyInfo(`RingCentral profile "${input.name}" saved.`);
}

async function replaceJwtCredential(deps: ProfileCommandDeps, profile: Profile): Promise<void> {
  const credential = await askForJwtCredential(profile);
  if (credential === undefined) return;
  // Checked at the next sign-in, before it is sent anywhere.
  await deps.jwtCredentials.set(profile, credential);
  void notifyInfo(`JWT credential for "${profile.name}" replaced. Sign in again to use it.`);
}

async function deleteProfile(deps: ProfileCommandDeps, profile: Profile): Promise<void> {
  const confirm = 'Delete Profile';
  const choice = await notifyWarning(
    `Delete the RingCentral profile "${profile.name}"? Its sessions are signed out (revoked) and its JWT credential is removed from secret storage.`,
    { modal: true },
    confirm,
  );
  if (choice !== confirm) return;
  for (const session of sessionsOfProfile(profile, deps.sessions.list())) await deps.sessions.signOut(session.id);
  await deps.jwtCredentials.delete(profile);
  await deps.profiles.remove(profile.id);
  void notifyInfo(`RingCentral profile "${profile.name}" deleted.`);
}

function failed(error: unknown): ProfileResult {
  const message = error instanceof Error ? error.message : String(error);
  void notifyWarning(`RingCentral: ${message}`);
  return { ok: false, message };
}
