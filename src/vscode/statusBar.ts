// The token indicator: who is signed in and how long the access token lives; a warning look when it is short.
import * as vscode from 'vscode';
import type { SessionManager } from '../core/sessionManager';
import type { StoredSession } from '../core/session';
import { formatDuration, secondsLeft } from '../core/tokenSet';
import { readSettings } from './settings';

const WARN_BELOW_SECONDS = 5 * 60;
const TICK_MS = 30_000;

export class TokenStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ringcentral.token', vscode.StatusBarAlignment.Right, 100);
  private readonly timer: NodeJS.Timeout;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly sessions: SessionManager,
    private readonly clock: () => number = Date.now,
  ) {
    this.item.name = 'RingCentral token';
    this.item.command = 'ringcentral.statusBarMenu';
    this.subscription = sessions.onDidChange(() => this.render());
    this.timer = setInterval(() => this.render(), TICK_MS);
    this.render();
    this.item.show();
  }

  current(): StoredSession | undefined {
    const settings = readSettings();
    return this.sessions.current(settings.server.ok ? settings.server.url : undefined, settings.clientId || undefined);
  }

  render(): void {
    const session = this.current();
    if (!session) {
      this.item.text = '$(sign-in) RingCentral: Sign in';
      this.item.tooltip = 'Not signed in to RingCentral. Click to sign in or configure your app.';
      this.item.backgroundColor = undefined;
      this.item.accessibilityInformation = { label: 'RingCentral: not signed in. Click to sign in.' };
      return;
    }
    const now = this.clock();
    const left = secondsLeft(session.tokens.accessExpiresAt, now);
    const warn = left < WARN_BELOW_SECONDS || Boolean(session.refreshError);
    this.item.text = `${warn ? '$(warning)' : '$(account)'} ${session.account.label} · ${formatDuration(left)}`;
    this.item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.tooltip = tooltipFor(session, now);
    this.item.accessibilityInformation = { label: `RingCentral: signed in as ${session.account.label}, access token ${formatDuration(left)} left` };
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscription.dispose();
    this.item.dispose();
  }
}

function tooltipFor(session: StoredSession, now: number): vscode.MarkdownString {
  const tokens = session.tokens;
  const markdown = new vscode.MarkdownString(undefined, true);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  const line = (label: string, value: string) => markdown.appendMarkdown(`**${label}:** `).appendText(value).appendMarkdown('  \n');
  markdown.appendMarkdown('**RingCentral** — ').appendText(session.account.label).appendMarkdown('  \n');
  line('Server', session.server);
  line('Client ID', session.clientId);
  line('Extension', `${session.account.id}${session.account.extensionNumber ? ` (ext. ${session.account.extensionNumber})` : ''}${session.account.profileKnown ? '' : ' — profile not readable (app lacks ReadAccounts)'}`);
  line('Permissions (scope)', tokens.scope || '(none reported)');
  line('Access token', `${formatDuration(secondsLeft(tokens.accessExpiresAt, now))} left (until ${new Date(tokens.accessExpiresAt).toLocaleTimeString()})`);
  line('Refresh token', tokens.refreshToken ? (tokens.refreshExpiresAt ? `${formatDuration(secondsLeft(tokens.refreshExpiresAt, now))} left` : 'no expiry reported') : 'none (the app does not issue refresh tokens)');
  if (session.refreshError) line('Last refresh failed', session.refreshError);
  markdown.appendMarkdown('\nClick for RingCentral commands.');
  return markdown;
}
