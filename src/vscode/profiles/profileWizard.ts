// Add and edit a profile with quick inputs: name, server, client id, flow. Values given as arguments (tests,
// automation) skip their step; secrets are never taken from arguments (see jwtSignIn and credentialPrompts).
import * as vscode from 'vscode';
import { FLOW_LABELS, isSignInFlow, Profile, profileProblem, SignInFlow } from '../../core/profiles/profile';
import { checkServerUrl, KNOWN_SERVERS } from '../../core/ringcentral/serverUrl';
import type { ProfileInput } from './profileStore';

export type ProfileDraft = Partial<ProfileInput>;

/** Reads a command argument into a draft, ignoring anything that is not a plain value of the right type. */
export function draftFromArgument(value: unknown): ProfileDraft {
  if (typeof value !== 'object' || value === null) return {};
  const { name, server, clientId, flow } = value as Record<string, unknown>;
  return {
    name: typeof name === 'string' ? name : undefined,
    server: typeof server === 'string' ? server : undefined,
    clientId: typeof clientId === 'string' ? clientId : undefined,
    flow: isSignInFlow(flow) ? flow : undefined,
  };
}

/** Asks for whatever the draft lacks; undefined when the user cancels. */
export async function completeProfile(draft: ProfileDraft, current?: Profile): Promise<ProfileInput | undefined> {
  const title = current ? `Edit RingCentral profile "${current.name}"` : 'New RingCentral profile';
  const flow = draft.flow ?? (await pickFlow(title, current?.flow));
  if (!flow) return undefined;
  const server = draft.server ?? (await pickServer(title, current?.server));
  if (!server) return undefined;
  const clientId =
    draft.clientId ??
    (await vscode.window.showInputBox({
      title: `${title} — Client ID`,
      prompt: 'Developer Console → your app → Credentials → Client ID',
      value: current?.clientId,
      ignoreFocusOut: true,
      validateInput: (text) =>
        text.trim() === '' ? 'Enter the Client ID' : /\s/.test(text.trim()) ? 'A client id has no spaces' : undefined,
    }));
  if (clientId === undefined) return undefined;
  const host = checkServerUrl(server);
  const suggested =
    current?.name ??
    `${host.ok && host.url === KNOWN_SERVERS[0].url ? 'Prod' : host.ok ? new URL(host.url).host : 'App'} – ${clientId.slice(0, 12)} (${FLOW_LABELS[flow]})`;
  const name =
    draft.name ??
    (await vscode.window.showInputBox({
      title: `${title} — name`,
      prompt: 'A name you will recognise in the status bar, e.g. "Prod – CRM sync (JWT)"',
      value: suggested,
      ignoreFocusOut: true,
      validateInput: (text) => profileProblem({ name: text, server, clientId: clientId || 'x' }),
    }));
  if (name === undefined) return undefined;
  const input = { name: name.trim(), server, clientId: clientId.trim(), flow };
  const problem = profileProblem(input);
  if (problem) throw new Error(problem);
  return input;
}

async function pickFlow(title: string, current?: SignInFlow): Promise<SignInFlow | undefined> {
  const items: Array<vscode.QuickPickItem & { flow: SignInFlow }> = [
    {
      label: 'Authorization code + PKCE',
      description: current === 'authorizationCode' ? '(current)' : '',
      detail: 'A user signs in in the browser. For apps with a redirect URI ("3-legged OAuth").',
      flow: 'authorizationCode',
    },
    {
      label: 'JWT',
      description: current === 'jwt' ? '(current)' : '',
      detail:
        'A server signs in as one user with a JWT credential, no browser. For apps whose auth is "JWT auth flow".',
      flow: 'jwt',
    },
  ];
  return (await vscode.window.showQuickPick(items, { title: `${title} — sign-in flow`, ignoreFocusOut: true }))?.flow;
}

async function pickServer(title: string, current?: string): Promise<string | undefined> {
  const items: Array<vscode.QuickPickItem & { url?: string }> = [
    ...KNOWN_SERVERS.map((server) => ({
      label: server.url,
      description: `${server.label}${server.url === current ? ' (current)' : ''}`,
      url: server.url,
    })),
    { label: '$(edit) Other URL…', description: 'a local emulator or a proxy' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `${title} — server`, ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked.url) return picked.url;
  const typed = await vscode.window.showInputBox({
    title: `${title} — server base URL`,
    value: current,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const check = checkServerUrl(text);
      return check.ok ? undefined : check.message;
    },
  });
  const check = checkServerUrl(typed);
  return check.ok ? check.url : undefined;
}
