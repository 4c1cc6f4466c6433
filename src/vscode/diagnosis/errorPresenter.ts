// Every failure the user sees: what happened (RingCentral's code and words), and buttons for the fixes.
import * as vscode from 'vscode';
import { notifyError } from '../notify';
import { diagnose } from '../knowledge';
import { failureFromError } from '../../core/diagnosis/fromError';
import { explainLocalError } from '../../core/diagnosis/local/authBudgetDiagnosis';
import type { Diagnosis, DiagnosisContext } from '../../core/diagnosis/types';
import type { AttemptRecorder } from '../../core/trace/trace';
import { fixActionLabel } from '../../core/diagnosis/fixActionLabels';
import { notificationText } from '../../core/diagnosis/notificationText';
import { runFixAction } from './fixActions';
import { COMMANDS } from '../commandIds';
import { FlowFailure } from '../errors';

/** Diagnoses an error, attaches the diagnosis to the attempt's failed step, and wraps both for the UI. */
export function toFlowFailure(error: unknown, context: DiagnosisContext, recorder?: AttemptRecorder): FlowFailure {
  if (error instanceof FlowFailure) return error;
  const failure = failureFromError(error);
  // Refused on this machine (the Auth-request budget): explained without asking the knowledge base.
  const local = explainLocalError(error, Date.now(), context);
  const diagnosis: Diagnosis = local
    ? local
    : failure
      ? diagnose(failure, context)
      : {
          id: 'extension-error',
          summary: error instanceof Error ? error.message : String(error),
          causes: [],
          fixes: [],
        };
  recorder?.diagnoseLastFailure(diagnosis);
  return new FlowFailure(diagnosis, recorder?.attempt.id, error);
}

/** Puts the diagnosis of a failure on its attempt's trace, for the panel, without a notification (background work). */
export function recordDiagnosis(error: unknown, context: DiagnosisContext, recorder: AttemptRecorder): void {
  toFlowFailure(error, context, recorder);
}

export async function showFlowFailure(failure: FlowFailure, log: vscode.LogOutputChannel): Promise<void> {
  const { diagnosis } = failure;
  log.error(
    `${diagnosis.code ? `${diagnosis.code}: ` : ''}${diagnosis.summary}${diagnosis.serverMessage ? ` — RingCentral said: ${diagnosis.serverMessage}` : ''}`,
  );
  const actions = diagnosis.fixes.flatMap((fix) => (fix.action ? [fix.action] : [])).slice(0, 2);
  const buttons = [...actions.map(fixActionLabel), 'Explain'];
  const text = notificationText(diagnosis);
  const choice = await notifyError(text, ...buttons);
  if (choice === 'Explain') {
    await vscode.commands.executeCommand(COMMANDS.openDiagnostics, { attemptId: failure.attemptId, diagnosis });
    return;
  }
  const action = actions.find((candidate) => fixActionLabel(candidate) === choice);
  if (action) await runFixAction(action);
}
