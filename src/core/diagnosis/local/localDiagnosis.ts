// Problems found on this machine before any request (a pasted JWT credential, the server and client id, the
// Auth-request budget) become Diagnoses in the knowledge base's shape, so the panel, notifications and Explain
// Error show them the same way as RingCentral's own answers.
import { ranked, type Ranked } from '../entryKit';
import type { Diagnosis, Fix } from '../types';

/** `error` stops the request; `warning` and `info` are shown and the request may go. */
export type LocalSeverity = 'error' | 'warning' | 'info';

/** One finding of a local check: a stable code to key on, how serious it is, and its explanation. */
export interface LocalProblem<Code extends string = string> {
  code: Code;
  severity: LocalSeverity;
  diagnosis: Diagnosis;
}

export interface LocalExplanation {
  id: string;
  /** The RingCentral code the request would get (e.g. OAU-153), when the check predicts one. */
  code?: string;
  summary: string;
  causes: Ranked<string>[];
  fixes: Ranked<Fix>[];
  retryAfterSeconds?: number;
}

export function localDiagnosis(explanation: LocalExplanation): Diagnosis {
  const diagnosis: Diagnosis = {
    id: explanation.id,
    ...(explanation.code ? { code: explanation.code } : {}),
    summary: explanation.summary,
    causes: ranked(explanation.causes),
    fixes: ranked(explanation.fixes),
    ...(explanation.retryAfterSeconds !== undefined ? { retryAfterSeconds: explanation.retryAfterSeconds } : {}),
    checkedLocally: true,
  };
  // Plain JSON, like diagnose(): posted to a webview and returned to other extensions.
  return JSON.parse(JSON.stringify(diagnosis)) as Diagnosis;
}

/** Errors first, then warnings, then info; equal severities keep their order. */
export function bySeverity<T extends { severity: LocalSeverity }>(problems: readonly T[]): T[] {
  const order: Record<LocalSeverity, number> = { error: 0, warning: 1, info: 2 };
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => order[a.problem.severity] - order[b.problem.severity] || a.index - b.index)
    .map(({ problem }) => problem);
}

/** "2025-01-15 12:00 UTC": unambiguous in any time zone. */
export function utcText(epochMs: number): string {
  if (!Number.isFinite(epochMs) || Math.abs(epochMs) > 8.64e15) return 'a date out of range';
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "3 days", "5 hours", "12 minutes", "40 seconds". */
export function durationText(ms: number): string {
  const seconds = Math.max(0, Math.round(Math.abs(ms) / 1000));
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (seconds >= 2 * 86_400) return unit(Math.floor(seconds / 86_400), 'day');
  if (seconds >= 2 * 3_600) return unit(Math.floor(seconds / 3_600), 'hour');
  if (seconds >= 120) return unit(Math.floor(seconds / 60), 'minute');
  return unit(seconds, 'second');
}
