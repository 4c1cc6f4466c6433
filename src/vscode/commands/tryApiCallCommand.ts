// RingCentral: Try an API Call. Pick an operation (or pass { method, path, body? }), and it is checked BEFORE
// sending: the operation's app permission against the token's scope — missing, nothing is sent and the permission is
// named. A GET goes at once; anything else is confirmed in a modal naming method, path and account. The call is an
// attempt ('apiProbe') in the diagnostics panel; its answer opens read-only, pretty-printed, masked.
import * as vscode from 'vscode';
import { notifyError, notifyWarning } from '../notify';
import { checkPermissionForScope, explainPermissionNotGranted } from '../knowledge';
import { callWithAccessToken } from '../../core/session/apiCall';
import type { SessionManager } from '../../core/session/sessionManager';
import type { StoredSession } from '../../core/session/session';
import type { HttpMethod } from '../../core/ringcentral/http';
import { checkApiCall, parseJsonBody, takesBody } from '../../core/ringcentral/apiCallRequest';
import { apiResponseDocument } from '../../core/ringcentral/apiResponseDocument';
import { describeServer } from '../../core/ringcentral/serverTrust';
import type { Diagnosis, DiagnosisContext } from '../../core/diagnosis/types';
import type { AttemptStore } from '../attemptStore';
import type { ClientFactory } from '../ringcentral/clientFactory';
import type { ClientSecrets } from '../secretStore';
import type { CurrentSession } from '../session/currentSession';
import { currentDiagnosisContext } from '../diagnosis/diagnosisContext';
import { showFlowFailure, toFlowFailure } from '../diagnosis/errorPresenter';
import { runFixAction } from '../diagnosis/fixActions';
import { askJsonBody, pickApiCall } from '../tryCall/pickApiCall';
import { ResponseDocuments } from '../tryCall/responseDocuments';
import type { WalkthroughProgress } from '../walkthrough/walkthroughProgress';
import { COMMANDS } from '../commandIds';

export interface TryApiCallDeps {
  sessions: SessionManager;
  currentSession: CurrentSession;
  clients: ClientFactory;
  attempts: AttemptStore;
  secrets: ClientSecrets;
  log: vscode.LogOutputChannel;
  walkthrough?: WalkthroughProgress;
}

/** What the command returns to callers (tests, other extensions): never a token, never the answer's body. */
export type TryApiCallResult =
  | { ok: true; status: number; attemptId: string; document: string }
  | {
      ok: false;
      message: string;
      cancelled?: true;
      /** Stopped on this machine before anything was sent. */
      notSent?: true;
      permission?: string;
      code?: string;
      diagnosisId?: string;
      attemptId?: string;
    };

interface ApiCall {
  method: HttpMethod;
  path: string;
  /** Present when the caller gave one; otherwise asked for (POST, PUT, PATCH). */
  body?: { value: unknown };
}

const CHECK_PERMISSIONS = 'Check Permissions';
const OPEN_CONSOLE = 'Open Developer Console';

export function registerTryApiCallCommand(deps: TryApiCallDeps): vscode.Disposable[] {
  const responses = new ResponseDocuments();

  const diagnosisContext = async (session: StoredSession): Promise<DiagnosisContext> => ({
    ...(await currentDiagnosisContext(deps.secrets, 'api')),
    server: session.server,
    clientId: session.clientId,
  });

  const stopForPermission = async (
    session: StoredSession,
    call: ApiCall,
    permission: string,
    granted: string[],
  ): Promise<TryApiCallResult> => {
    const recorder = deps.attempts.start('apiProbe', { server: session.server, clientId: session.clientId });
    recorder.add({
      title: `Not sent: ${call.method} ${call.path}`,
      ok: false,
      note: `The call needs the app permission ${permission}; the token has ${granted.join(', ') || 'no permissions'}.`,
    });
    const diagnosis = explainPermissionNotGranted(
      { method: call.method, path: call.path, permission, granted },
      await diagnosisContext(session),
    );
    recorder.diagnoseLastFailure(diagnosis);
    recorder.finish('failed');
    void offerPermissionFixes(diagnosis, call);
    return {
      ok: false,
      notSent: true,
      permission,
      code: diagnosis.code,
      diagnosisId: diagnosis.id,
      attemptId: recorder.attempt.id,
      message: diagnosis.summary,
    };
  };

  const send = async (session: StoredSession, call: ApiCall): Promise<TryApiCallResult> => {
    const recorder = deps.attempts.start('apiProbe', { server: session.server, clientId: session.clientId });
    try {
      const client = await deps.clients.create({
        server: session.server,
        clientId: session.clientId,
        profileId: session.profileId,
      });
      // A 401 (token died early) refreshes once and repeats the call once; the refresh is its own attempt.
      const response = await callWithAccessToken(deps.sessions, session.id, (token) =>
        client.requestJson(call.method, call.path, token, call.body?.value, recorder),
      );
      recorder.finish('ok');
      deps.walkthrough?.mark('apiCallSucceeded');
      const document = await responses.open(apiResponseDocument(call.method, call.path, response));
      return { ok: true, status: response.status, attemptId: recorder.attempt.id, document: document.uri.toString() };
    } catch (error) {
      const failure = toFlowFailure(error, await diagnosisContext(session), recorder);
      recorder.finish('failed');
      void showFlowFailure(failure, deps.log);
      return {
        ok: false,
        code: failure.diagnosis.code,
        diagnosisId: failure.diagnosis.id,
        attemptId: recorder.attempt.id,
        message: failure.diagnosis.summary,
      };
    }
  };

  const tryApiCall = async (arg?: unknown): Promise<TryApiCallResult> => {
    const session = deps.currentSession.get();
    if (!session) {
      const message = 'Sign in to RingCentral first: Try an API Call uses your session.';
      void notifyWarning(message, 'Sign In').then((choice) => {
        if (choice) void vscode.commands.executeCommand(COMMANDS.signIn);
      });
      return { ok: false, message };
    }
    const requested = arg === undefined ? await pickApiCall(session.tokens.scope) : readArgument(arg);
    if (!requested) return { ok: false, cancelled: true, message: 'Cancelled.' };
    if ('problem' in requested) {
      void notifyError(`RingCentral: Try an API Call — ${requested.problem}`);
      return { ok: false, message: requested.problem };
    }
    const checked = checkApiCall(requested.method, requested.path);
    if (!checked.ok) {
      void notifyError(`RingCentral: Try an API Call — ${checked.message}`);
      return { ok: false, message: checked.message };
    }
    const call: ApiCall = {
      method: checked.method,
      path: checked.path,
      body: 'body' in requested ? requested.body : undefined,
    };

    // The permission first: a call the token cannot make is not sent at all.
    const check = checkPermissionForScope(call.method, call.path, session.tokens.scope);
    const permission = check.operation?.appPermission;
    if (permission && check.granted === false) {
      return stopForPermission(session, call, permission, check.grantedPermissions);
    }

    if (call.method !== 'GET') {
      if (!call.body && takesBody(call.method)) {
        const answer = await askJsonBody(call.method, call.path);
        if (!answer) return { ok: false, cancelled: true, message: 'Cancelled: no body given.' };
        call.body = { value: answer.body };
      }
      // Always asked, whoever runs the command: any extension can execute it.
      if (!(await confirmSend(session, call))) {
        return { ok: false, cancelled: true, message: `Not sent: ${call.method} needs your confirmation.` };
      }
    }
    return send(session, call);
  };

  return [responses, vscode.commands.registerCommand(COMMANDS.tryApiCall, tryApiCall)];
}

/**
 * `{ method, path, body?, confirm?: false }` from code. `confirm: false` is read but cannot skip the modal of a
 * POST, PUT, PATCH or DELETE: any extension can run this command with the user's token.
 */
function readArgument(arg: unknown): { method: string; path: string; body?: { value: unknown } } | { problem: string } {
  if (typeof arg !== 'object' || arg === null) return { problem: 'Pass { method, path, body? }.' };
  const record = arg as Record<string, unknown>;
  if (typeof record.path !== 'string') return { problem: 'Pass { method, path, body? }: path is missing.' };
  const method = typeof record.method === 'string' ? record.method : 'GET';
  if (record.body === undefined) return { method, path: record.path };
  if (typeof record.body === 'string') {
    const parsed = parseJsonBody(record.body);
    return parsed.ok ? { method, path: record.path, body: { value: parsed.value } } : { problem: parsed.message };
  }
  return { method, path: record.path, body: { value: record.body } };
}

async function confirmSend(session: StoredSession, call: ApiCall): Promise<boolean> {
  const sendLabel = `Send ${call.method}`;
  const bodyText = call.body === undefined ? '' : JSON.stringify(call.body.value);
  const choice = await notifyWarning(
    `Send ${call.method} ${call.path} as ${session.account.label}?`,
    {
      modal: true,
      detail:
        `Account: ${session.account.label} on ${describeServer(session.server)}. ` +
        `A ${call.method} may change data in this RingCentral account.` +
        (bodyText ? ` Body: ${bodyText.length > 300 ? `${bodyText.slice(0, 299)}…` : bodyText}` : ''),
    },
    sendLabel,
  );
  return choice === sendLabel;
}

async function offerPermissionFixes(diagnosis: Diagnosis, call: ApiCall): Promise<void> {
  const text = `RingCentral: ${diagnosis.summary}${diagnosis.permissionFixText ? ` ${diagnosis.permissionFixText}` : ''}`;
  const choice = await notifyError(text, CHECK_PERMISSIONS, OPEN_CONSOLE);
  if (choice === CHECK_PERMISSIONS) {
    await vscode.commands.executeCommand(COMMANDS.checkPermissions, {
      method: call.method,
      path: call.path,
      show: true,
    });
  } else if (choice === OPEN_CONSOLE) {
    const consoleFix = diagnosis.fixes.find((fix) => fix.action?.kind === 'openDeveloperConsole')?.action;
    if (consoleFix) await runFixAction(consoleFix);
  }
}
