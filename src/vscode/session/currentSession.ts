// Which saved session is the current one: the session for the configured server and client id. The status bar,
// the commands and the diagnostics panel ask here instead of deciding it themselves; profiles will extend it.
import * as vscode from 'vscode';
import type { SessionManager } from '../../core/session/sessionManager';
import type { StoredSession } from '../../core/session/session';
import { readSettings } from '../settings';

export class CurrentSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the answer may have changed: a session was saved or removed, or the settings changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: Array<{ dispose(): unknown }>;

  constructor(private readonly sessions: SessionManager) {
    this.subscriptions = [
      this.changed,
      sessions.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('ringcentral')) this.changed.fire();
      }),
    ];
  }

  get(): StoredSession | undefined {
    const settings = readSettings();
    return this.sessions.current(settings.server.ok ? settings.server.url : undefined, settings.clientId || undefined);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
