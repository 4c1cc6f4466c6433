// Attempts: every sign-in, refresh and check, newest first; the selected attempt's steps, and the selected
// step's diagnosis and raw exchange (secrets masked when recorded).
import type { AttemptKind, AttemptOutcome, FlowAttempt, TraceStep } from '../../core/trace/trace';
import { formatDuration } from '../../core/oauth/tokenSet';
import type { PanelContext } from '../context';
import { renderDiagnosis } from '../diagnosis';
import { append, button, chip, code, el, pre } from '../dom';
import { attemptsNewestFirst, defaultStepIndex, failureText, requestText, responseText, timeText } from '../format';
import { section } from '../layout';
import { copyAsCurlActions } from './copyAsCurl';

const ATTEMPT_KIND_LABELS: Record<AttemptKind, string> = {
  signIn: 'Sign in',
  refresh: 'Token refresh',
  revoke: 'Revoke',
  jwt: 'JWT sign-in',
  apiProbe: 'API call',
  preflight: 'Pre-flight check',
  signOut: 'Sign out',
};

const OUTCOMES: Record<AttemptOutcome, { icon: string; text: string }> = {
  ok: { icon: '✓', text: 'Succeeded' },
  failed: { icon: '✕', text: 'Failed' },
  cancelled: { icon: '⊘', text: 'Cancelled' },
  pending: { icon: '◌', text: 'In progress' },
};

export function renderAttempts(ctx: PanelContext): HTMLElement {
  const attempts = attemptsNewestFirst(ctx.state.attempts);
  const failed = attempts.filter((a) => a.outcome === 'failed').length;
  const badge =
    attempts.length === 0
      ? undefined
      : failed > 0
        ? chip(failed + ' failed', 'failed')
        : chip(String(attempts.length), 'muted');
  const body: HTMLElement[] = [];
  const clear = button('Clear history', () => ctx.post({ command: 'clearHistory' }), {
    secondary: true,
    focusKey: 'clear-history',
    attrs: { disabled: attempts.length === 0 },
  });
  body.push(
    el('div', { className: 'toolbar' }, [
      el('span', {
        className: 'muted',
        text: attempts.length === 1 ? '1 attempt, newest first' : attempts.length + ' attempts, newest first',
      }),
      clear,
    ]),
  );
  if (attempts.length === 0) {
    body.push(
      el('p', {
        className: 'muted empty',
        text: 'No attempts yet. Sign in or refresh a token and every step of it shows up here.',
      }),
    );
    return section(ctx, 'attempts', 'Attempts', body, badge);
  }
  const current = attempts.find((a) => a.id === ctx.ui.selectedAttemptId) || attempts[0];
  const list = el(
    'div',
    {
      className: 'attempt-list',
      attrs: { role: 'listbox', 'aria-label': 'Attempts, newest first' },
      on: { keydown: listboxKeys },
    },
    attempts.map((a) => attemptRow(ctx, a, a === current)),
  );
  body.push(el('div', { className: 'attempts-layout' }, [list, attemptDetail(ctx, current)]));
  return section(ctx, 'attempts', 'Attempts', body, badge);
}

function attemptDetail(ctx: PanelContext, current: FlowAttempt): HTMLElement {
  const now = ctx.clock.now();
  const detail = el('div', { className: 'attempt-detail', attrs: { 'data-attempt-id': current.id } });
  const duration = attemptDuration(current);
  append(
    detail,
    el('div', { className: 'attempt-detail-head' }, [
      el('span', { className: 'attempt-kind', text: ATTEMPT_KIND_LABELS[current.kind] || current.kind }),
      outcomeBadge(current.outcome),
      el('span', {
        className: 'muted',
        text: 'started ' + timeText(current.startedAt, now) + (duration ? ' · ' + duration : ''),
      }),
    ]),
  );
  if (current.server || current.clientId) {
    append(
      detail,
      el('p', { className: 'muted attempt-context' }, [
        current.server ? 'server ' : '',
        current.server ? code(current.server) : undefined,
        current.clientId ? ' · client id ' : '',
        current.clientId ? code(current.clientId) : undefined,
      ]),
    );
  }
  if (current.steps.length === 0) {
    append(detail, el('p', { className: 'muted', text: 'No steps recorded yet.' }));
    return detail;
  }
  const selectedIndex = stepIndexFor(ctx, current);
  append(
    detail,
    el(
      'div',
      {
        className: 'step-list',
        attrs: { role: 'listbox', 'aria-label': 'Steps of this attempt' },
        on: { keydown: listboxKeys },
      },
      current.steps.map((step, i) => stepRow(ctx, current, step, i, i === selectedIndex)),
    ),
  );
  append(detail, stepDetail(ctx, current, current.steps[selectedIndex], selectedIndex));
  return detail;
}

function stepIndexFor(ctx: PanelContext, attempt: FlowAttempt): number {
  const chosen = ctx.ui.selectedStep[attempt.id];
  return typeof chosen === 'number' && chosen >= 0 && chosen < attempt.steps.length
    ? chosen
    : defaultStepIndex(attempt);
}

/** Roving tabindex: arrows, Home and End move focus between rows; Enter and Space select (like a click). */
function listboxKeys(e: KeyboardEvent): void {
  const rows = Array.from((e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role="option"]'));
  const index = rows.indexOf(document.activeElement as HTMLElement);
  let next: number;
  switch (e.key) {
    case 'ArrowDown':
    case 'ArrowRight':
      next = Math.min(rows.length - 1, index + 1);
      break;
    case 'ArrowUp':
    case 'ArrowLeft':
      next = Math.max(0, index - 1);
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = rows.length - 1;
      break;
    case 'Enter':
    case ' ':
      if (index >= 0) {
        e.preventDefault();
        rows[index].click();
      }
      return;
    default:
      return;
  }
  e.preventDefault();
  if (rows[next]) {
    rows.forEach((row, i) => row.setAttribute('tabindex', i === next ? '0' : '-1'));
    rows[next].focus();
  }
}

function outcomeBadge(outcome: AttemptOutcome): HTMLElement {
  const o = OUTCOMES[outcome] || { icon: '?', text: String(outcome) };
  return el('span', { className: 'outcome ' + outcome }, [
    el('span', { className: 'outcome-icon', text: o.icon, attrs: { 'aria-hidden': 'true' } }),
    el('span', { className: 'outcome-text', text: o.text }),
  ]);
}

function attemptDuration(a: FlowAttempt): string {
  if (typeof a.endedAt === 'number') return formatDuration(a.endedAt - a.startedAt);
  return a.outcome === 'pending' ? 'running' : '';
}

function attemptRow(ctx: PanelContext, a: FlowAttempt, selected: boolean): HTMLElement {
  return el(
    'div',
    {
      className: 'attempt-row' + (selected ? ' selected' : ''),
      attrs: {
        role: 'option',
        tabindex: selected ? '0' : '-1',
        'aria-selected': String(selected),
        'data-outcome': a.outcome,
        'data-attempt-id': a.id,
        'data-focus-key': 'attempt-' + a.id,
      },
      on: {
        click: () => {
          ctx.ui.selectedAttemptId = a.id;
          ctx.persist();
          ctx.render();
        },
      },
    },
    [
      outcomeBadge(a.outcome),
      el('span', { className: 'attempt-kind', text: ATTEMPT_KIND_LABELS[a.kind] || a.kind }),
      el('span', { className: 'attempt-time muted', text: timeText(a.startedAt, ctx.clock.now()) }),
      el('span', { className: 'attempt-duration muted', text: attemptDuration(a) }),
    ],
  );
}

function stepRow(
  ctx: PanelContext,
  attempt: FlowAttempt,
  step: TraceStep,
  index: number,
  selected: boolean,
): HTMLElement {
  return el(
    'div',
    {
      className: 'step-row' + (selected ? ' selected' : ''),
      attrs: {
        role: 'option',
        tabindex: selected ? '0' : '-1',
        'aria-selected': String(selected),
        'data-ok': String(step.ok),
        'data-step-index': index,
        'data-focus-key': 'step-' + attempt.id + '-' + index,
      },
      on: {
        click: () => {
          ctx.ui.selectedStep[attempt.id] = index;
          ctx.persist();
          ctx.render();
        },
      },
    },
    [
      el('span', { className: 'step-number', text: String(index + 1), attrs: { 'aria-hidden': 'true' } }),
      el('span', { className: 'outcome ' + (step.ok ? 'ok' : 'failed') }, [
        el('span', { className: 'outcome-icon', text: step.ok ? '✓' : '✕', attrs: { 'aria-hidden': 'true' } }),
        el('span', { className: 'visually-hidden', text: step.ok ? 'ok' : 'failed' }),
      ]),
      el('span', { className: 'step-title', text: step.title }),
      el('span', { className: 'step-duration muted', text: formatDuration(step.durationMs ?? Number.NaN) }),
    ],
  );
}

function exchange(step: TraceStep, requestActions: HTMLElement | undefined): HTMLElement[] {
  const parts: HTMLElement[] = [];
  const params = step.params;
  if (params && Object.keys(params).length > 0) {
    parts.push(
      el('div', { className: 'exchange-part' }, [
        el('h4', { text: 'Parameters' }),
        el('table', { className: 'params' }, [
          el(
            'thead',
            {},
            el('tr', {}, [
              el('th', { text: 'Name', attrs: { scope: 'col' } }),
              el('th', { text: 'Value', attrs: { scope: 'col' } }),
            ]),
          ),
          el(
            'tbody',
            {},
            Object.keys(params).map((name) =>
              el('tr', {}, [el('th', { attrs: { scope: 'row' } }, code(name)), el('td', {}, code(params[name]))]),
            ),
          ),
        ]),
      ]),
    );
  }
  if (step.request) {
    parts.push(
      el('div', { className: 'exchange-part' }, [
        el('h4', { text: 'Request' }),
        requestActions,
        pre(requestText(step.request), 'code-block request'),
      ]),
    );
  }
  if (step.response) {
    parts.push(
      el('div', { className: 'exchange-part' }, [
        el('h4', {}, [
          'Response ',
          el('span', {
            className: 'http-status ' + (step.response.status < 400 ? 'ok' : 'failed'),
            text: String(step.response.status),
          }),
        ]),
        pre(responseText(step.response), 'code-block response'),
      ]),
    );
  }
  return parts;
}

function stepDetail(ctx: PanelContext, attempt: FlowAttempt, step: TraceStep, index: number): HTMLElement {
  const detail = el(
    'div',
    {
      className: 'step-detail',
      attrs: { 'data-step-index': index, 'aria-label': 'Step ' + (index + 1) + ': ' + step.title, role: 'region' },
    },
    [
      el('div', { className: 'step-detail-head' }, [
        el('h3', { text: step.title }),
        el('span', {
          className: 'muted',
          text:
            timeText(step.at, ctx.clock.now()) +
            (step.durationMs !== undefined ? ' · ' + formatDuration(step.durationMs) : ''),
        }),
      ]),
    ],
  );
  if (step.note) append(detail, el('p', { className: 'step-note', text: step.note }));
  if (step.diagnosis) {
    append(detail, renderDiagnosis(ctx, step.diagnosis, step.at, 'step-' + attempt.id + '-' + index));
  } else if (step.failure) {
    append(detail, el('p', { className: 'failure error-text', text: failureText(step.failure) }));
  }
  const parts = exchange(step, step.request ? copyAsCurlActions(ctx, attempt, index) : undefined);
  if (parts.length > 0) {
    append(
      detail,
      el('div', { className: 'exchange' }, [
        el('h3', { className: 'subheading', text: 'Raw exchange (secrets masked)' }),
        ...parts,
      ]),
    );
  }
  return detail;
}
