// Redirect URI: the URI this editor sends, compared with the ones registered on the app, the one fix, and the
// pre-flight check's answer.
import { REDIRECT_MODE_NAMES } from '../../core/diagnosis/fixActionLabels';
import type { FixAction } from '../../core/diagnosis/types';
import type { RedirectCheckResult, RegisteredComparison } from '../../core/redirect/mismatch';
import type { PanelContext } from '../context';
import { fixButton, renderDiagnosis } from '../diagnosis';
import { button, chip, code, el, statusBadge, warningIcon } from '../dom';
import { section } from '../layout';

export function renderRedirect(ctx: PanelContext): HTMLElement {
  const body: HTMLElement[] = [];
  const redirect = ctx.state.redirect;
  let badge: HTMLElement | undefined;
  if (redirect && redirect.check) {
    const check = redirect.check;
    badge = check.matched ? chip('Registered', 'ok') : chip('Not registered', 'failed');
    body.push(...checkResult(ctx, check));
    if (redirect.preflight) {
      const p = redirect.preflight;
      body.push(
        el('div', { className: 'preflight' }, [
          el('h3', { text: 'Pre-flight check' }),
          el('p', {}, statusBadge(p.ok, p.detail, p.detail)),
          p.diagnosis ? renderDiagnosis(ctx, p.diagnosis, ctx.state.now, 'preflight') : undefined,
        ]),
      );
    }
  } else {
    body.push(
      el('p', {
        className: 'muted',
        text: 'Paste the redirect URIs registered on your app (Developer Console → your app → Settings → OAuth Redirect URI) and compare them with the one this editor sends.',
      }),
    );
  }
  body.push(registeredForm(ctx));
  return section(ctx, 'redirect', 'Redirect URI', body, badge);
}

function checkResult(ctx: PanelContext, check: RedirectCheckResult): HTMLElement[] {
  const body: HTMLElement[] = [];
  body.push(
    el('div', { className: 'sent-row' }, [
      el('div', {
        className: 'label',
        text: 'This editor sends (' + (REDIRECT_MODE_NAMES[check.mode] || check.mode) + ' mode)',
      }),
      el('div', { className: 'sent-uri' }, [
        code(check.sent, { id: 'sent-redirect-uri' }),
        button(
          'Copy redirect URI',
          () => ctx.post({ command: 'runFix', action: { kind: 'copyRedirectUri', uri: check.sent } }),
          {
            focusKey: 'copy-sent-redirect',
            className: 'fix-button copy-redirect',
            attrs: { 'data-action-kind': 'copyRedirectUri' },
          },
        ),
      ]),
    ]),
  );
  body.push(
    el(
      'p',
      { className: 'match-line' },
      check.matched
        ? statusBadge(true, "Registered: one of the app's redirect URIs matches it exactly.", '')
        : statusBadge(
            false,
            '',
            check.comparisons && check.comparisons.length > 0
              ? 'No registered redirect URI matches it exactly (RingCentral compares them character by character).'
              : 'No registered redirect URIs to compare with yet.',
          ),
    ),
  );

  const fix = check.fix || { kind: 'none' };
  if (fix.kind === 'register' || fix.kind === 'switchMode') {
    const action: FixAction =
      fix.kind === 'register'
        ? { kind: 'copyRedirectUri', uri: fix.uri }
        : { kind: 'switchRedirectMode', mode: fix.mode };
    body.push(
      el('div', { className: 'callout fix-callout' }, [
        el('div', {
          className: 'callout-title',
          text: fix.kind === 'register' ? 'Fix: register this redirect URI' : 'Fix: switch the redirect mode',
        }),
        el('p', { text: fix.explanation }),
        el('div', { className: 'actions' }, fixButton(ctx, action, ctx.state.now, undefined, 'redirect-fix')),
      ]),
    );
  }
  if (Array.isArray(check.warnings) && check.warnings.length > 0) {
    body.push(
      el(
        'ul',
        { className: 'warnings' },
        check.warnings.map((w) => el('li', { className: 'warning' }, [warningIcon(), w])),
      ),
    );
  }
  if (Array.isArray(check.comparisons) && check.comparisons.length > 0) {
    body.push(el('h3', { text: 'Registered on the app' }));
    body.push(
      el(
        'ul',
        { className: 'comparisons' },
        check.comparisons.map((c, index) => comparisonRow(c, index === check.closest)),
      ),
    );
  }
  return body;
}

function comparisonRow(c: RegisteredComparison, closest: boolean): HTMLElement {
  const kinds = (c.differences || []).map((d) => chip(d.label || d.kind, 'difference'));
  return el('li', { className: 'redirect-row' + (c.matches ? ' matches' : ''), attrs: { 'data-kind': c.kind } }, [
    el('div', { className: 'redirect-row-head' }, [
      el('span', {
        className: 'status-icon ' + (c.matches ? 'ok' : 'failed'),
        text: c.matches ? '✓' : '✕',
        attrs: { 'aria-label': c.matches ? 'matches' : 'differs' },
      }),
      code(c.registered, { class: 'registered-uri' }),
      closest && !c.matches ? chip('closest', 'muted') : undefined,
    ]),
    c.matches
      ? el('div', { className: 'muted', text: 'Exact match.' })
      : el('div', { className: 'differences' }, [el('span', { className: 'muted', text: 'Differs in: ' }), ...kinds]),
    !c.matches && c.differences && c.differences.length > 0
      ? el(
          'ul',
          { className: 'explanations' },
          c.differences.map((d) => el('li', { text: d.explanation })),
        )
      : undefined,
  ]);
}

function registeredForm(ctx: PanelContext): HTMLElement {
  const textarea = el('textarea', {
    attrs: {
      id: 'redirect-input',
      rows: '3',
      spellcheck: 'false',
      'data-focus-key': 'redirect-input',
      placeholder: 'https://example.com/callback',
    },
    on: {
      input: (e) => {
        ctx.ui.redirectText = (e.target as HTMLTextAreaElement).value;
        ctx.persist();
      },
    },
  });
  textarea.value = ctx.ui.redirectText;
  return el(
    'form',
    {
      className: 'stacked-form',
      on: {
        submit: (e) => {
          e.preventDefault();
          ctx.post({ command: 'checkRedirect', registered: ctx.ui.redirectText });
        },
      },
    },
    [
      el('label', { text: 'Registered redirect URIs (one per line)', attrs: { for: 'redirect-input' } }),
      textarea,
      el(
        'div',
        { className: 'actions' },
        el('button', {
          className: 'button',
          text: 'Compare',
          attrs: { type: 'submit', 'data-focus-key': 'redirect-compare' },
        }),
      ),
    ],
  );
}
