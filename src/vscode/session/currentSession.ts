// Which saved session is the current one: the newest session of the active profile. The status bar, the commands
// and the diagnostics panel ask here instead of deciding it themselves.
import * as vscode from 'vscode';
import type { SessionManager } from '../../core/session/sessionManager';
import type { StoredSession } from '../../core/session/session';
import { Profile, sessionOfProfile } from '../../core/profiles/profile';
import type { ProfileStore } from '../profiles/profileStore';

export class CurrentSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the answer may have changed: a session was saved or removed, a profile or the settings changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: Array<{ dispose(): unknown }>;

  constructor(
    private readonly sessions: SessionManager,
    readonly profiles: ProfileStore,
  ) {
    this.subscriptions = [
      this.changed,
      sessions.onDidChange(() => this.changed.fire()),
      profiles.onDidChange(() => this.changed.fire()),
    ];
  }

  /** The active profile's session. */
  get(): StoredSession | undefined {
    const profile = this.profiles.active();
    return profile && sessionOfProfile(profile, this.sessions.list());
  }

  profile(): Profile | undefined {
    return this.profiles.active();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
