// The diagnosis block (a step's, the pre-flight's and an explained error's) and its fix buttons.
import { FIX_ACTION_LABELS, fixActionLabel } from '../core/diagnosis/fixActionLabels';
import type { Diagnosis, FixAction } from '../core/diagnosis/types';
import type { PanelContext } from './context';
import { append, chip, el } from './dom';
import { retrySecondsLeft } from './format';

/**
 * The button for a fix action; none for a kind this panel does not know. `base`: when the failure happened
 * (extension clock), where a waitAndRetry countdown starts.
 */
export function fixButton(
  ctx: PanelContext,
  action: FixAction,
  base: number | undefined,
  retryAfterSeconds: number | undefined,
  focusKey: string,
): HTMLButtonElement | undefined {
  if (!Object.prototype.hasOwnProperty.call(FIX_ACTION_LABELS, action.kind)) return undefined;
  const attrs = { type: 'button', 'data-action-kind': action.kind, 'data-focus-key': focusKey };
  if (action.kind === 'waitAndRetry') {
    const wait = typeof retryAfterSeconds === 'number' ? retryAfterSeconds : Number(action.seconds) || 0;
    const deadline = (typeof base === 'number' ? base : ctx.clock.now()) + wait * 1000;
    const label = el('span', { className: 'retry-countdown' });
    const node = el(
      'button',
      {
        className: 'button fix-button',
        attrs,
        on: {
          // The panel has already waited, so the extension is told to retry now.
          click: () =>
            ctx.post({
              command: 'runFix',
              action: { kind: 'waitAndRetry', seconds: retrySecondsLeft(deadline, ctx.clock.now()), then: action.then },
            }),
        },
      },
      label,
    );
    ctx.clock.retryButton(node, label, deadline);
    return node;
  }
  return el('button', {
    className:
      'button fix-button' + (action.kind === 'copyRedirectUri' || action.kind === 'signIn' ? '' : ' secondary'),
    text: fixActionLabel(action),
    attrs,
    on: { click: () => ctx.post({ command: 'runFix', action }) },
  });
}

/** The same block for a step's diagnosis, a pre-flight diagnosis and an explained error. */
export function renderDiagnosis(
  ctx: PanelContext,
  diagnosis: Diagnosis,
  base: number | undefined,
  keyPrefix: string,
): HTMLElement {
  const head = el('div', { className: 'diagnosis-head' }, [
    diagnosis.code ? el('span', { className: 'diagnosis-code', text: diagnosis.code }) : undefined,
    el('p', { className: 'diagnosis-summary', text: diagnosis.summary }),
  ]);
  const block = el(
    'div',
    { className: 'diagnosis', attrs: { 'data-diagnosis-id': diagnosis.id, role: 'group', 'aria-label': 'Diagnosis' } },
    head,
  );
  if (diagnosis.serverMessage) {
    append(
      block,
      el('div', { className: 'server-said' }, [
        el('span', { className: 'label', text: 'RingCentral said' }),
        el('blockquote', { className: 'server-message', text: '“' + diagnosis.serverMessage + '”' }),
      ]),
    );
  }
  if (diagnosis.permission || diagnosis.permissionFixText) {
    // Where the permission is fixed: on the app (Developer Console) or on the user's role (admin portal).
    const label =
      diagnosis.permissionFix === 'userRole'
        ? "Missing user permission (the user's role): "
        : 'Missing app permission: ';
    append(
      block,
      el('p', { className: 'diagnosis-permission' }, [
        label,
        diagnosis.permission ? chip(diagnosis.permission, 'permission') : undefined,
      ]),
    );
    if (diagnosis.permissionFixText)
      append(block, el('p', { className: 'diagnosis-permission-fix', text: diagnosis.permissionFixText }));
  }
  const causes = Array.isArray(diagnosis.causes) ? diagnosis.causes : [];
  if (causes.length > 0) {
    append(block, [
      el('h4', { text: causes.length > 1 ? 'Likely causes, most likely first' : 'Likely cause' }),
      el(
        'ol',
        { className: 'causes' },
        causes.map((cause) => el('li', { text: cause })),
      ),
    ]);
  }
  const fixes = Array.isArray(diagnosis.fixes) ? diagnosis.fixes : [];
  if (fixes.length > 0) {
    append(block, [
      el('h4', { text: 'What to do' }),
      el(
        'ol',
        { className: 'fixes' },
        fixes.map((fix, index) =>
          el('li', { className: 'fix' }, [
            el('div', { className: 'fix-text' }, [
              el('div', { className: 'fix-label', text: fix.label }),
              fix.detail ? el('div', { className: 'fix-detail', text: fix.detail }) : undefined,
            ]),
            fix.action
              ? fixButton(ctx, fix.action, base, diagnosis.retryAfterSeconds, keyPrefix + '-fix-' + index)
              : undefined,
          ]),
        ),
      ),
    ]);
  }
  return block;
}
