// The Auth-request budget as the status bar shows it: "2 of 5 in the last 60 s". Counting reads the shared log
// (a file), so the answer is computed in the background and the status bar re-renders when it changes.
import * as vscode from 'vscode';
import { authBudgetKey, type AuthBudget } from '../../core/session/authBudget';
import type { Profile } from '../../core/profiles/profile';

/** The budget key of a profile: its app, and the profile (each profile's user counts on its own at RingCentral). */
export function profileBudgetKey(app: { server: string; clientId: string; profileId?: string }): string {
  return app.profileId
    ? `${authBudgetKey(app.server, app.clientId)}|${app.profileId}`
    : authBudgetKey(app.server, app.clientId);
}

export class AuthBudgetView implements vscode.Disposable {
  private readonly lines = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly budget: AuthBudget,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The last known line for the profile; asks for a fresh count in the background. */
  line(profile: Profile | undefined): string | undefined {
    if (!profile) return undefined;
    const key = profileBudgetKey({ server: profile.server, clientId: profile.clientId, profileId: profile.id });
    void this.update(key);
    return this.lines.get(key);
  }

  /** The count now, for Session Info (tests and other extensions). */
  async status(profile: Profile): Promise<{ used: number; limit: number; nextSafeAt: number }> {
    const status = await this.budget.status(
      profileBudgetKey({ server: profile.server, clientId: profile.clientId, profileId: profile.id }),
      this.clock(),
    );
    return { used: status.used, limit: status.limit, nextSafeAt: status.nextSafeAt };
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async update(key: string): Promise<void> {
    const now = this.clock();
    const status = await this.budget.status(key, now).catch(() => undefined);
    if (!status) return;
    const penalty =
      status.penaltyUntil !== undefined && status.penaltyUntil > now
        ? ` — RingCentral's penalty until ${new Date(status.penaltyUntil).toLocaleTimeString()}: nothing is sent before then`
        : '';
    const line = `${status.used} of ${status.limit} in the last ${Math.round(status.windowMs / 1000)} s (RingCentral's Auth rate-limit group)${penalty}`;
    if (this.lines.get(key) === line) return;
    this.lines.set(key, line);
    this.changed.fire();
  }
}
