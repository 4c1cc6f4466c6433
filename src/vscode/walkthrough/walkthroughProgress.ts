// The "Set up RingCentral OAuth" walkthrough ticks a step when its context key turns true (package.json,
// `completionEvents: onContext:…`). The keys are set here when the real thing happened — a redirect check that
// matched, a permission check, a session, a call that succeeded, an export written — never on a mere command run.
import * as vscode from 'vscode';
import type { SessionManager } from '../../core/session/sessionManager';
import { WALKTHROUGH_CONTEXT_KEYS, type WalkthroughStep } from './walkthroughKeys';

export class WalkthroughProgress implements vscode.Disposable {
  private readonly done = new Set<WalkthroughStep>();
  private readonly subscription: { dispose(): void };

  constructor(private readonly sessions: SessionManager) {
    this.showSignedIn();
    this.subscription = sessions.onDidChange((change) => {
      this.showSignedIn();
      // The browser came back to this editor with a code: the registered redirect URI is the one sent.
      if (change.type === 'added' && change.session.grant === 'authorization_code') this.mark('redirectChecked');
    });
  }

  mark(step: WalkthroughStep): void {
    this.set(step, true);
  }

  /** What each key was last set to (for tests and Session Info–style callers). */
  state(): Record<WalkthroughStep, boolean> {
    const keys = Object.keys(WALKTHROUGH_CONTEXT_KEYS) as WalkthroughStep[];
    return Object.fromEntries(keys.map((step) => [step, this.done.has(step)])) as Record<WalkthroughStep, boolean>;
  }

  /** Sets every key back to false (VS Code keeps the steps it ticked already); signed-in follows the sessions again. */
  reset(): void {
    for (const step of Object.keys(WALKTHROUGH_CONTEXT_KEYS) as WalkthroughStep[]) this.set(step, false);
    this.showSignedIn();
  }

  private showSignedIn(): void {
    this.set('signedIn', this.sessions.list().length > 0);
  }

  private set(step: WalkthroughStep, value: boolean): void {
    if (this.done.has(step) === value) return;
    if (value) this.done.add(step);
    else this.done.delete(step);
    void vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT_KEYS[step], value);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
