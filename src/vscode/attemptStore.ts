// The last 20 flow attempts (masked traces), kept in globalState so they survive a reload, logged as they grow.
import * as vscode from 'vscode';
import { AttemptContext, AttemptKind, AttemptRecorder, FlowAttempt } from '../core/trace/trace';
import { logStep } from './log';
import { captureForTests } from './testCapture';

const STATE_KEY = 'ringcentral.attempts.v1';
const KEEP = 20;

export class AttemptStore implements vscode.Disposable {
  private attempts: FlowAttempt[];
  private readonly logged = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<FlowAttempt>();
  readonly onDidChange = this.changed.event;
  private saveTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    private readonly clock: () => number = Date.now,
  ) {
    const stored = state.get<FlowAttempt[]>(STATE_KEY, []);
    this.attempts = Array.isArray(stored) ? stored : [];
  }

  list(): readonly FlowAttempt[] {
    return this.attempts;
  }

  latestFailed(): FlowAttempt | undefined {
    return this.attempts.find((attempt) => attempt.outcome === 'failed');
  }

  start(kind: AttemptKind, context: AttemptContext): AttemptRecorder {
    const recorder = new AttemptRecorder(kind, this.clock, context, (attempt) => this.update(attempt));
    this.attempts = [recorder.attempt, ...this.attempts].slice(0, KEEP);
    this.log.info(
      `[${kind}] started${context.server ? ` on ${context.server}` : ''}${context.clientId ? ` for client ${context.clientId}` : ''}`,
    );
    this.update(recorder.attempt);
    return recorder;
  }

  clear(): void {
    this.attempts = [];
    this.logged.clear();
    void this.state.update(STATE_KEY, []);
  }

  private update(attempt: FlowAttempt): void {
    const alreadyLogged = this.logged.get(attempt.id) ?? 0;
    for (const step of attempt.steps.slice(alreadyLogged)) {
      logStep(this.log, attempt, step);
    }
    this.logged.set(attempt.id, attempt.steps.length);
    if (attempt.outcome !== 'pending' && attempt.endedAt !== undefined) {
      const line = `[${attempt.kind}] ${attempt.outcome} after ${attempt.endedAt - attempt.startedAt} ms`;
      if (attempt.outcome === 'failed') this.log.warn(line);
      else this.log.info(line);
    }
    captureForTests('trace', attempt);
    this.changed.fire(attempt);
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.state.update(STATE_KEY, this.attempts), 250);
  }

  dispose(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      void this.state.update(STATE_KEY, this.attempts);
    }
    this.changed.dispose();
  }
}
