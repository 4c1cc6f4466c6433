// Refreshes access tokens shortly before they expire. It checks on a timer, not at a computed moment, so a timer
// that fires late (the machine slept) still refreshes on its next tick.
import type * as vscode from 'vscode';
import type { SessionManager } from '../../core/session/sessionManager';

const REFRESH_CHECK_MS = 30_000;

export function startRefreshTimer(sessions: SessionManager): vscode.Disposable {
  const timer = setInterval(() => void sessions.refreshDue(), REFRESH_CHECK_MS);
  void sessions.refreshDue();
  return { dispose: () => clearInterval(timer) };
}
