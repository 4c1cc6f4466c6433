// "Copy as curl" on a step that sent a request: bash (curl) or PowerShell, masked unless "with secrets" is ticked.
// The panel only says which step; the extension builds the command, asks before putting secrets in, and writes the
// clipboard itself — the real values never come here.
import type { FlowAttempt } from '../../core/trace/trace';
import type { PanelContext } from '../context';
import { button, el } from '../dom';
import type { CopyShell } from '../protocol';

const MASKED_HINT = 'Secrets become environment variables ($RINGCENTRAL_CLIENT_SECRET, …): nothing secret is copied.';
const SECRETS_HINT =
  'The editor asks first, then puts in the client secret, tokens and JWT credential it holds now (not necessarily the ones this step sent).';

export function copyAsCurlActions(ctx: PanelContext, attempt: FlowAttempt, stepIndex: number): HTMLElement {
  const key = `${attempt.id}-${stepIndex}`;
  const hint = el('p', {
    className: 'muted curl-hint',
    text: ctx.ui.copyWithSecrets ? SECRETS_HINT : MASKED_HINT,
    attrs: { id: `curl-hint-${key}` },
  });
  const copy = (shell: CopyShell) => () =>
    ctx.post({
      command: 'copyAsCurl',
      attemptId: attempt.id,
      stepIndex,
      shell,
      withSecrets: ctx.ui.copyWithSecrets,
    });
  const withSecrets = el('input', {
    attrs: {
      type: 'checkbox',
      checked: ctx.ui.copyWithSecrets,
      'data-focus-key': `curl-secrets-${key}`,
      'aria-describedby': `curl-hint-${key}`,
    },
    on: {
      change: (event) => {
        // Kept for this panel's life only: a reloaded panel starts masked again (see restoreUi).
        ctx.ui.copyWithSecrets = (event.currentTarget as HTMLInputElement).checked;
        hint.textContent = ctx.ui.copyWithSecrets ? SECRETS_HINT : MASKED_HINT;
      },
    },
  });
  return el('div', { className: 'curl-actions' }, [
    el('div', { className: 'curl-buttons', attrs: { role: 'group', 'aria-label': 'Copy this request' } }, [
      button('Copy as curl', copy('bash'), {
        secondary: true,
        className: 'copy-curl',
        focusKey: `curl-bash-${key}`,
        title: 'A curl command for bash, zsh or Git Bash',
        attrs: { 'data-shell': 'bash' },
      }),
      button('PowerShell', copy('powershell'), {
        secondary: true,
        className: 'copy-curl',
        focusKey: `curl-powershell-${key}`,
        ariaLabel: 'Copy as PowerShell',
        title: 'Invoke-WebRequest, for Windows PowerShell 5.1 and PowerShell 7',
        attrs: { 'data-shell': 'powershell' },
      }),
      el('label', { className: 'curl-secrets' }, [withSecrets, 'with secrets']),
    ]),
    hint,
  ]);
}
