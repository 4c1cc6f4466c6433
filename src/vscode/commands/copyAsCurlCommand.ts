// "Copy as curl" on a step of a trace in the diagnostics panel. The webview only says which step, which shell and
// whether to put secrets in; the text is built here and goes straight to the clipboard, so no secret ever reaches
// the webview. Masked by default: each secret becomes an environment variable. "With secrets" asks once, in a modal
// dialog, then puts in the values this editor holds now (client secret, the session's tokens, the JWT credential).
// The command behind it takes the same request (tests, other extensions) and returns a summary, never the text.
import * as vscode from 'vscode';
import { copyStepAsCurl, type CopyShell } from '../../core/export/curl';
import {
  describeSecrets,
  planStepSecrets,
  secretKindsOf,
  type HeldSecrets,
  type SecretKind,
} from '../../core/export/stepSecrets';
import { SETTINGS_PROFILE_ID, type Profile } from '../../core/profiles/profile';
import { describeServer } from '../../core/ringcentral/serverTrust';
import type { StoredSession } from '../../core/session/session';
import type { FlowAttempt } from '../../core/trace/trace';
import type { CopyAsCurlRequest } from '../../panel/protocol';
import type { AttemptStore } from '../attemptStore';
import { COMMANDS } from '../commandIds';
import { parseCopyAsCurlRequest } from '../diagnosticsPanel';
import { notifyInfo, notifyWarning } from '../notify';
import type { ClientSecrets, JwtCredentialStore } from '../secretStore';

export interface CopyAsCurlDeps {
  attempts: Pick<AttemptStore, 'list'>;
  sessions: { list(): readonly StoredSession[] };
  secrets: Pick<ClientSecrets, 'get'>;
  jwtCredentials: Pick<JwtCredentialStore, 'get'>;
  profiles: { get(id: string): Profile | undefined; list(): Profile[] };
}

/** What the command returns: a summary of what was copied, never the text (it may hold secrets). */
export interface CopyAsCurlOutcome {
  copied: boolean;
  cancelled?: boolean;
  problem?: string;
  /** The secrets put in; empty for a masked copy. */
  inlined: SecretKind[];
  /** The environment variables the copied command reads. */
  environmentVariables: string[];
  notes: string[];
}

const SHELL_NAMES: Record<CopyShell, string> = { bash: 'a curl command (bash)', powershell: 'a PowerShell command' };
const CONFIRM = 'Copy with Secrets';

export function registerCopyAsCurl(deps: CopyAsCurlDeps): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.copyStepAsCurl, async (raw: unknown) => {
    const request = parseCopyAsCurlRequest(raw);
    if (!request) {
      return nothingCopied('Pass { attemptId, stepIndex, shell: "bash" | "powershell", withSecrets: boolean }.');
    }
    return copyAsCurl(deps, request);
  });
}

function nothingCopied(problem: string): CopyAsCurlOutcome {
  return { copied: false, problem, inlined: [], environmentVariables: [], notes: [] };
}

export async function copyAsCurl(deps: CopyAsCurlDeps, request: CopyAsCurlRequest): Promise<CopyAsCurlOutcome> {
  const attempt = deps.attempts.list().find((candidate) => candidate.id === request.attemptId);
  const step = attempt?.steps[request.stepIndex];
  if (!attempt || !step) {
    const problem = 'That attempt is no longer in the history (it keeps the last 20 attempts).';
    void notifyWarning(`RingCentral: ${problem}`);
    return nothingCopied(problem);
  }
  const options = { shell: request.shell, clientId: attempt.clientId };
  const masked = copyStepAsCurl(step, options);
  if (!masked.ok) {
    void notifyWarning(`RingCentral: ${masked.message}`);
    return nothingCopied(masked.message);
  }
  const needed = secretKindsOf(masked.environmentVariables);
  const held: HeldSecrets =
    request.withSecrets && needed.length > 0
      ? await heldSecrets(deps, attempt, needed)
      : { clientId: attempt.clientId };
  const plan = planStepSecrets(step, needed, held);
  const inlined = needed.filter((kind) => plan.supplied[kind] !== undefined);
  let copied = masked;
  if (inlined.length > 0) {
    if (!(await confirmSecrets(attempt, inlined, plan.missing, plan.notes))) {
      return { copied: false, cancelled: true, inlined: [], environmentVariables: [], notes: plan.notes };
    }
    const withSecrets = copyStepAsCurl(step, { ...options, secrets: plan.supplied });
    if (withSecrets.ok) copied = withSecrets;
  }
  await vscode.env.clipboard.writeText(copied.text);
  const summary = [
    `RingCentral: copied "${step.title}" as ${SHELL_NAMES[request.shell]}` +
      (inlined.length > 0 ? ` with ${describeSecrets(inlined)} in it: treat it like a password.` : '.'),
    copied.environmentVariables.length > 0
      ? `It reads ${copied.environmentVariables.join(', ')} from the environment: set ${copied.environmentVariables.length === 1 ? 'it' : 'them'} before running it.`
      : '',
    ...(inlined.length > 0 ? [] : plan.notes),
  ];
  void notifyInfo(summary.filter(Boolean).join(' '));
  return { copied: true, inlined, environmentVariables: copied.environmentVariables, notes: plan.notes };
}

/** One modal question, naming what goes to the clipboard and whose it is. */
async function confirmSecrets(
  attempt: FlowAttempt,
  inlined: SecretKind[],
  missing: SecretKind[],
  notes: string[],
): Promise<boolean> {
  const whose = `${attempt.clientId ?? 'this app'}${attempt.server ? ` on ${describeServer(attempt.server)}` : ''}`;
  const detail = [
    'Anyone who can read the clipboard, or whatever you paste it into, can use them as this app and user.',
    missing.length > 0 ? `${capitalize(describeSecrets(missing))}: not held by this editor, left as variables.` : '',
    ...notes,
  ];
  const answer = await notifyWarning(
    `Copy a command that contains ${describeSecrets(inlined)} of ${whose} to the clipboard?`,
    { modal: true, detail: detail.filter(Boolean).join('\n\n') },
    CONFIRM,
  );
  return answer === CONFIRM;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The values this editor holds now for the secrets a step needs; only those are read. */
async function heldSecrets(deps: CopyAsCurlDeps, attempt: FlowAttempt, needed: SecretKind[]): Promise<HeldSecrets> {
  const held: HeldSecrets = { clientId: attempt.clientId };
  const { server, clientId } = attempt;
  if (!server || !clientId) return held;
  if (needed.includes('clientSecret')) held.clientSecret = await deps.secrets.get(server, clientId);
  if (needed.includes('accessToken') || needed.includes('refreshToken')) {
    const session = sessionForAttempt(attempt, deps.sessions.list());
    held.accessToken = session?.tokens.accessToken;
    held.refreshToken = session?.tokens.refreshToken;
  }
  if (needed.includes('jwt')) {
    const profile = jwtProfileForAttempt(attempt, deps.profiles);
    if (profile) held.jwt = await deps.jwtCredentials.get({ server, clientId, id: profile.id });
  }
  return held;
}

/** The newest session of the attempt's app, its own profile's first (sessions from before profiles carry none). */
export function sessionForAttempt(
  attempt: Pick<FlowAttempt, 'server' | 'clientId' | 'profileId'>,
  sessions: readonly StoredSession[],
): StoredSession | undefined {
  const profileOf = (session: StoredSession) => session.profileId ?? SETTINGS_PROFILE_ID;
  const sameApp = sessions.filter(
    (session) => session.server === attempt.server && session.clientId === attempt.clientId,
  );
  const rank = (session: StoredSession) =>
    attempt.profileId !== undefined && profileOf(session) === attempt.profileId ? 1 : 0;
  return [...sameApp].sort((a, b) => rank(b) - rank(a) || b.createdAt - a.createdAt)[0];
}

/** The JWT profile the attempt ran under; for attempts recorded before profiles were kept, the only one of its app. */
function jwtProfileForAttempt(
  attempt: FlowAttempt,
  profiles: CopyAsCurlDeps['profiles'],
): Pick<Profile, 'id'> | undefined {
  if (attempt.profileId !== undefined) return { id: attempt.profileId };
  const candidates = profiles
    .list()
    .filter(
      (profile) => profile.flow === 'jwt' && profile.server === attempt.server && profile.clientId === attempt.clientId,
    );
  return candidates.length === 1 ? candidates[0] : undefined;
}
