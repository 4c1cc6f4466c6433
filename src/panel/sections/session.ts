// Session: who is signed in, the tokens' countdowns, and the settings sign-in uses.
import { REDIRECT_MODE_NAMES } from '../../core/diagnosis/fixActionLabels';
import type { PanelContext } from '../context';
import { button, chip, code, el, field, warningIcon } from '../dom';
import { expiryText } from '../format';
import { section } from '../layout';
import type { SessionSummary } from '../protocol';

const FIVE_MINUTES = 5 * 60 * 1000;

export function renderSession(ctx: PanelContext): HTMLElement {
  const { settings, session } = ctx.state;
  const body: HTMLElement[] = [];
  let badge: HTMLElement;
  if (session) {
    badge = chip('Signed in', 'ok');
    body.push(...signedIn(ctx, session));
  } else {
    badge = chip('Signed out', 'muted');
    body.push(
      el('p', {
        className: 'signed-out',
        text: 'Not signed in. Sign in with your RingCentral account to get a token for this app.',
      }),
    );
    body.push(
      el('div', { className: 'actions' }, [
        button('Sign In', () => ctx.post({ command: 'signIn' }), {
          focusKey: 'session-signin',
          attrs: { 'data-command': 'signIn' },
        }),
      ]),
    );
  }
  if (settings.serverProblem) {
    body.push(el('p', { className: 'warning', attrs: { role: 'note' } }, [warningIcon(), settings.serverProblem]));
  }
  const parts: Array<[string, string] | undefined> = [
    ['server', settings.server || '(not set)'],
    settings.appName ? ['app', settings.appName] : undefined,
    ['client id', settings.clientId || '(not set)'],
    ['redirect mode', REDIRECT_MODE_NAMES[settings.redirectMode] || settings.redirectMode || '(default)'],
    ['editor scheme', settings.uriScheme || 'unknown'],
    ['client secret', settings.hasClientSecret ? 'set' : 'not set'],
  ];
  body.push(
    el('p', { className: 'settings-line', attrs: { 'aria-label': 'Settings' } }, [
      el('span', { className: 'label', text: 'Settings' }),
      ...parts
        .filter((part) => part !== undefined)
        .map(([name, value]) =>
          el('span', { className: 'setting' }, [
            el('span', { className: 'muted', text: name + ': ' }),
            el('span', { className: 'setting-value', text: value }),
          ]),
        ),
    ]),
  );
  return section(ctx, 'session', 'Session', body, badge);
}

function signedIn(ctx: PanelContext, s: SessionSummary): HTMLElement[] {
  const who = [el('span', { className: 'user-label', text: s.label })];
  const showExt = s.extensionNumber && String(s.label).indexOf(s.extensionNumber) < 0;
  const extra = [showExt ? 'ext. ' + s.extensionNumber : undefined, s.accountId ? 'account ' + s.accountId : undefined]
    .filter(Boolean)
    .join(' · ');
  if (extra) who.push(el('span', { className: 'muted', text: extra }));
  if (!s.profileKnown) who.push(el('span', { className: 'muted', text: '(profile not loaded)' }));

  const access = ctx.clock.text(
    el('span', { className: 'countdown access-expiry', attrs: { 'data-expires-at': s.accessExpiresAt } }),
    (t) => ({
      text: expiryText(s.accessExpiresAt, t),
      toggle: { expired: s.accessExpiresAt <= t, soon: s.accessExpiresAt > t && s.accessExpiresAt - t < FIVE_MINUTES },
    }),
  );
  let refresh: HTMLElement;
  const refreshExpiresAt = s.refreshExpiresAt;
  if (!s.hasRefreshToken) {
    refresh = el('span', { className: 'muted', text: 'none (sign in again when the access token expires)' });
  } else if (typeof refreshExpiresAt === 'number') {
    refresh = ctx.clock.text(el('span', { className: 'countdown refresh-expiry' }), (t) => ({
      text:
        expiryText(refreshExpiresAt, t) +
        ' (' +
        new Date(refreshExpiresAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) +
        ')',
      toggle: { expired: refreshExpiresAt <= t },
    }));
  } else {
    refresh = el('span', { text: 'present (expiry unknown)' });
  }
  const scope =
    Array.isArray(s.scope) && s.scope.length > 0
      ? el(
          'span',
          { className: 'chips' },
          s.scope.map((p) => chip(p)),
        )
      : el('span', { className: 'muted', text: 'none listed' });
  return [
    el('div', { className: 'who' }, who),
    el('dl', { className: 'fields' }, [
      ...field('Server', code(s.server)),
      ...field('Client ID', code(s.clientId)),
      ...field('Scope', scope),
      ...field('Access token', access),
      ...field('Refresh token', refresh),
      ...(s.refreshError
        ? field('Refresh error', el('span', { className: 'error-text refresh-error', text: s.refreshError }))
        : []),
    ]),
    el('div', { className: 'actions' }, [
      button('Refresh Token', () => ctx.post({ command: 'refreshToken' }), {
        focusKey: 'session-refresh',
        attrs: { 'data-command': 'refreshToken' },
      }),
      button('Sign In', () => ctx.post({ command: 'signIn' }), {
        secondary: true,
        focusKey: 'session-signin',
        attrs: { 'data-command': 'signIn' },
      }),
    ]),
  ];
}
