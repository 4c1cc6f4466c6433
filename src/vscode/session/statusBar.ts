// The token indicator: who is signed in and how long the access token lives; a warning look when it is short.
// It shows the current session (currentSession.ts decides which that is).
import * as vscode from 'vscode';
import type { SessionManager } from '../../core/session/sessionManager';
import type { StoredSession } from '../../core/session/session';
import { formatTimeLeft, secondsLeft } from '../../core/oauth/tokenSet';
import type { CurrentSession } from './currentSession';
import { COMMANDS } from '../commandIds';
import type { SessionStatus } from '../../core/session/sessionPorts';
import { FLOW_LABELS, type Profile } from '../../core/profiles/profile';
import type { AuthBudgetView } from './authBudgetView';

const WARN_BELOW_SECONDS = 5 * 60;
const TICK_MS = 30_000;

export class TokenStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ringcentral.token', vscode.StatusBarAlignment.Right, 100);
  private readonly timer: NodeJS.Timeout;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly sessions: SessionManager,
    private readonly currentSession: CurrentSession,
    private readonly clock: () => number = Date.now,
    /** "2 of 5 in the last 60 s" for the profile (RingCentral's Auth rate-limit group). */
    private readonly budget?: AuthBudgetView,
  ) {
    this.item.name = 'RingCentral token';
    this.item.command = COMMANDS.statusBarMenu;
    const changes = currentSession.onDidChange(() => this.render());
    const notices = sessions.onNotice(() => this.render());
    const counts = budget?.onDidChange(() => this.render());
    this.subscription = { dispose: () => (changes.dispose(), notices.dispose(), counts?.dispose()) };
    this.timer = setInterval(() => this.render(), TICK_MS);
    this.render();
    this.item.show();
  }

  private render(): void {
    const session = this.currentSession.get();
    const readProblem = this.sessions.storageReadProblem();
    if (!session && readProblem) {
      this.item.text = '$(warning) RingCentral: keychain unavailable';
      this.item.tooltip = `Saved RingCentral sessions could not be read from the OS keychain (${readProblem.error.message}). Unlock your keyring; the next try is at ${new Date(readProblem.nextRetryAt).toLocaleTimeString()}. Nothing stored was changed.`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.item.accessibilityInformation = {
        label: 'RingCentral: saved sessions could not be read from the OS keychain.',
      };
      return;
    }
    const ended = this.sessions.recentlyEnded();
    if (!session && ended) {
      this.item.text = `$(warning) ${ended.account.label} · expired — sign in again`;
      this.item.tooltip = `The RingCentral session of ${ended.account.label} ended (RingCentral no longer accepts its refresh token). Click to sign in again.`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.item.accessibilityInformation = {
        label: `RingCentral: session of ${ended.account.label} expired. Sign in again.`,
      };
      return;
    }
    const profile = this.currentSession.profile();
    // With one profile its name is noise; with several, the item says which one is active.
    const prefix = profile && this.currentSession.profiles.list().length > 1 ? `${profile.name}: ` : '';
    if (!session) {
      this.item.text = `$(sign-in) RingCentral${prefix ? ` (${prefix.slice(0, -2)})` : ''}: Sign in`;
      this.item.tooltip = `Not signed in to RingCentral${profile ? ` with the profile "${profile.name}" (${FLOW_LABELS[profile.flow]})` : ''}. Click to sign in, switch profile or configure your app.`;
      this.item.backgroundColor = undefined;
      this.item.accessibilityInformation = { label: 'RingCentral: not signed in. Click to sign in.' };
      return;
    }
    const now = this.clock();
    const status = this.sessions.status(session);
    const left = secondsLeft(status.accessExpiresAt, now);
    const warn = left < WARN_BELOW_SECONDS || Boolean(session.refreshError) || status.state !== 'active';
    const nextTry = status.notBefore !== undefined ? new Date(status.notBefore).toLocaleTimeString() : undefined;
    const detail =
      status.state === 'expired'
        ? 'expired — sign in again'
        : status.state === 'rateLimited'
          ? `${formatTimeLeft(left)} · rate-limited, next try ${nextTry}`
          : formatTimeLeft(left);
    this.item.text = `${warn ? '$(warning)' : '$(account)'} ${prefix}${session.account.label} · ${detail}`;
    this.item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.tooltip = tooltipFor(session, status, now, profile, this.budget?.line(profile));
    this.item.accessibilityInformation = {
      label: `RingCentral: signed in as ${session.account.label}, ${status.state === 'expired' ? 'session expired, sign in again' : `access token ${formatTimeLeft(left)} left`}`,
    };
  }

  /** What the item shows now (for Session Info: tests and other extensions read it there). */
  shown(): { text: string; tooltip: string } {
    this.render();
    const tooltip = this.item.tooltip;
    return { text: this.item.text, tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '') };
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscription.dispose();
    this.item.dispose();
  }
}

function tooltipFor(
  session: StoredSession,
  status: SessionStatus,
  now: number,
  profile: Profile | undefined,
  budget: string | undefined,
): vscode.MarkdownString {
  const tokens = session.tokens;
  const markdown = new vscode.MarkdownString(undefined, true);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  const line = (label: string, value: string) =>
    markdown.appendMarkdown(`**${label}:** `).appendText(value).appendMarkdown('  \n');
  markdown.appendMarkdown('**RingCentral** — ').appendText(session.account.label).appendMarkdown('  \n');
  if (profile) line('Profile', `${profile.name} · ${FLOW_LABELS[profile.flow]}`);
  line('Server', session.server);
  line('Client ID', session.clientId);
  line(
    'Extension',
    `${session.account.id}${session.account.extensionNumber ? ` (ext. ${session.account.extensionNumber})` : ''}${session.account.profileKnown ? '' : ' — profile not readable (app lacks ReadAccounts)'}`,
  );
  line('Permissions (scope)', tokens.scope || '(none reported)');
  line(
    'Access token',
    `${formatTimeLeft(secondsLeft(status.accessExpiresAt, now))} left (until ${new Date(status.accessExpiresAt).toLocaleTimeString()})`,
  );
  line(
    'Refresh token',
    tokens.refreshToken
      ? tokens.refreshExpiresAt
        ? `${formatTimeLeft(secondsLeft(tokens.refreshExpiresAt, now))} left`
        : 'no expiry reported'
      : 'none (the app does not issue refresh tokens)',
  );
  if (session.refreshError) line('Last refresh failed', session.refreshError);
  if (status.state === 'expired') line('Session', 'expired — both tokens are past their lifetime. Sign in again.');
  if (status.state === 'rateLimited' && status.notBefore !== undefined) {
    line(
      'Next refresh',
      session.refreshBackoff?.byBudget
        ? `${new Date(status.notBefore).toLocaleTimeString()} (this profile made RingCentral's limit of Auth requests in the last minute; one more would start its penalty, so nothing is sent before then)`
        : `${new Date(status.notBefore).toLocaleTimeString()} (RingCentral rate limit, CMN-301; a request before then would restart its penalty)`,
    );
  } else if (status.notBefore !== undefined) {
    line('Next refresh try', new Date(status.notBefore).toLocaleTimeString());
  }
  if (budget) line('Auth requests', budget);
  markdown.appendMarkdown('\nClick to switch profile or for RingCentral commands.');
  return markdown;
}
