// The "RingCentral" output channel. Everything written here is already masked (traces are masked when recorded).
import * as vscode from 'vscode';
import type { FlowAttempt, TraceStep } from '../core/trace/trace';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('RingCentral', { log: true });
}

/** The first line of the log: which version runs in which host, the facts a bug report needs. */
export function logActivation(log: vscode.LogOutputChannel, version: string): void {
  log.info(
    `RingCentral OAuth Toolkit ${version} active (${vscode.env.appName}, uriScheme ${vscode.env.uriScheme}, ui ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}).`,
  );
}

export function logStep(log: vscode.LogOutputChannel, attempt: FlowAttempt, step: TraceStep): void {
  const head = `[${attempt.kind}] ${step.title}${step.durationMs !== undefined ? ` (${step.durationMs} ms)` : ''}`;
  const details: string[] = [];
  if (step.params) details.push(`params ${JSON.stringify(step.params)}`);
  if (step.request)
    details.push(`${step.request.method} ${step.request.url}${step.request.body ? ` body ${step.request.body}` : ''}`);
  if (step.response) details.push(`→ HTTP ${step.response.status} ${step.response.body.slice(0, 500)}`);
  if (step.failure?.kind === 'transport') details.push(`→ ${step.failure.code}: ${step.failure.message}`);
  if (step.note) details.push(step.note);
  const line = [head, ...details].join(' | ');
  if (step.ok) log.info(line);
  else log.warn(line);
}
