// What a click on the status-bar item opens: the profiles (switch, add, edit), then what can be done with the
// active profile's session.
import * as vscode from 'vscode';
import type { SessionManager } from '../../core/session/sessionManager';
import type { CurrentSession } from '../session/currentSession';
import { COMMANDS, type CommandId } from '../commandIds';
import { profileDescription, signedInDetail } from './profileCommands';
import type { Profile } from '../../core/profiles/profile';

type MenuItem = vscode.QuickPickItem & { command?: CommandId; profile?: Profile };

export function registerStatusBarMenu(
  sessions: SessionManager,
  currentSession: CurrentSession,
  copyFromMenu: () => Promise<unknown>,
): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.statusBarMenu, async () => {
    await sessions.retryLoadIfDue(true);
    const picked = await vscode.window.showQuickPick(menuItems(sessions, currentSession), {
      title: menuTitle(currentSession),
      placeHolder: 'Switch profile, or pick an action',
    });
    if (!picked) return;
    if (picked.profile) await currentSession.profiles.setActive(picked.profile.id);
    else if (picked.command === COMMANDS.copyAccessToken) await copyFromMenu();
    else if (picked.command) await vscode.commands.executeCommand(picked.command);
  });
}

function menuTitle(currentSession: CurrentSession): string {
  const profile = currentSession.profile();
  const session = currentSession.get();
  return `RingCentral — ${profile?.name ?? 'no profile'}${session ? ` — ${session.account.label}` : ''}`;
}

function menuItems(sessions: SessionManager, currentSession: CurrentSession): MenuItem[] {
  const profiles = currentSession.profiles;
  const activeId = profiles.activeId();
  const session = currentSession.get();
  const separator = (label: string): MenuItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const profileItems: MenuItem[] = profiles.list().map((profile) => ({
    label: `${profile.id === activeId ? '$(check)' : '$(blank)'} ${profile.name}`,
    description: profileDescription(profile),
    detail: `     ${signedInDetail(sessions, profile)}`,
    profile: profile.id === activeId ? undefined : profile,
  }));
  const sessionItems: MenuItem[] = session
    ? [
        {
          label: '$(play) Try an API Call…',
          command: COMMANDS.tryApiCall,
          description: 'any operation, its permission checked first',
        },
        {
          label: '$(refresh) Refresh Token',
          command: COMMANDS.refreshToken,
          description: 'get a new access token now',
        },
        {
          label: '$(copy) Copy Access Token',
          command: COMMANDS.copyAccessToken,
          description: 'to try the API with curl or Postman',
        },
        {
          label: '$(terminal) Put the Token in New Terminals…',
          command: COMMANDS.terminalEnvironment,
          description: 'this workspace, off by default',
        },
        { label: '$(pulse) Open Diagnostics', command: COMMANDS.openDiagnostics },
        { label: '$(shield) Check Permissions', command: COMMANDS.checkPermissions },
        {
          label: '$(sign-out) Sign Out',
          command: COMMANDS.signOut,
          description: `revoke the session of ${session.account.label}`,
        },
      ]
    : [
        {
          label: '$(sign-in) Sign In',
          command: COMMANDS.signIn,
          description: currentSession.profile()?.flow === 'jwt' ? 'with the JWT credential' : 'in the browser',
        },
        {
          label: '$(gear) Configure App',
          command: COMMANDS.configureApp,
          description: 'server, client id, redirect mode, secret',
        },
        { label: '$(link) Check Redirect URI', command: COMMANDS.checkRedirectUri },
        { label: '$(pulse) Open Diagnostics', command: COMMANDS.openDiagnostics },
      ];
  return [
    separator('Profiles'),
    ...profileItems,
    { label: '$(add) Add Profile…', command: COMMANDS.addProfile, description: 'another app, user or flow' },
    { label: '$(edit) Edit Profile…', command: COMMANDS.editProfile },
    separator(session ? `Signed in as ${session.account.label}` : 'Not signed in'),
    ...sessionItems,
    { label: '$(output) Show Log', command: COMMANDS.showLog },
  ];
}
