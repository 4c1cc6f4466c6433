// Explain an error: paste anything RingCentral said, get its diagnosis.
import type { PanelContext } from '../context';
import { renderDiagnosis } from '../diagnosis';
import { append, el, pre } from '../dom';
import { section } from '../layout';

const EXPLAIN_PLACEHOLDER =
  'Paste a response body, an HTTP response, a callback URL, a log line or a code such as OAU-113';
/** Longest echo of the pasted text (the rest is still explained). */
const ECHO_LENGTH = 600;

export function renderExplain(ctx: PanelContext): HTMLElement {
  const body: HTMLElement[] = [];
  const textarea = el('textarea', {
    attrs: {
      id: 'explain-input',
      rows: '5',
      spellcheck: 'false',
      placeholder: EXPLAIN_PLACEHOLDER,
      'data-focus-key': 'explain-input',
    },
    on: {
      input: (e) => {
        ctx.ui.explainText = (e.target as HTMLTextAreaElement).value;
        ctx.persist();
      },
    },
  });
  textarea.value = ctx.ui.explainText;
  body.push(
    el(
      'form',
      {
        className: 'stacked-form',
        on: {
          submit: (e) => {
            e.preventDefault();
            ctx.post({ command: 'explain', text: ctx.ui.explainText });
          },
        },
      },
      [
        el('label', { text: EXPLAIN_PLACEHOLDER, attrs: { for: 'explain-input' } }),
        textarea,
        el(
          'div',
          { className: 'actions' },
          el('button', {
            className: 'button',
            text: 'Explain',
            attrs: { type: 'submit', 'data-focus-key': 'explain-submit', disabled: false },
          }),
        ),
      ],
    ),
  );
  const result = ctx.ui.explainResult;
  if (result) {
    const out = el('div', { className: 'explain-result' }, [
      el('div', { className: 'label', text: 'You pasted' }),
      pre(
        result.input.length > ECHO_LENGTH ? result.input.slice(0, ECHO_LENGTH) + '…' : result.input,
        'code-block explain-input-echo',
      ),
    ]);
    if (result.diagnosis) append(out, renderDiagnosis(ctx, result.diagnosis, result.at, 'explain'));
    else if (result.problem) append(out, el('p', { className: 'warning explain-problem', text: result.problem }));
    else append(out, el('p', { className: 'muted', text: 'Nothing recognisable in this text.' }));
    body.push(out);
  }
  return section(ctx, 'explain', 'Explain an error', body);
}
