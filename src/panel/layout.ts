// The page's frame: the header with its section navigation, and the collapsible card each section sits in.
import type { PanelContext } from './context';
import { el, type Children } from './dom';
import type { PanelSectionId } from './protocol';

export const SECTIONS: ReadonlyArray<{ id: PanelSectionId; title: string }> = [
  { id: 'session', title: 'Session' },
  { id: 'redirect', title: 'Redirect URI' },
  { id: 'attempts', title: 'Attempts' },
  { id: 'explain', title: 'Explain an error' },
  { id: 'permissions', title: 'Permissions' },
  { id: 'flows', title: 'Which flow do I need?' },
];

/** Sections closed until the user (or a focus) opens them. */
export const CLOSED_BY_DEFAULT: ReadonlySet<PanelSectionId> = new Set(['flows']);

/** A section card: a heading that opens and closes it (with an optional badge), and its body. */
export function section(
  ctx: PanelContext,
  id: PanelSectionId,
  title: string,
  body: Children,
  badge?: HTMLElement,
): HTMLElement {
  const open = ctx.isOpen(id);
  const toggle = el(
    'button',
    {
      className: 'section-toggle',
      attrs: {
        type: 'button',
        id: id + '-heading',
        'aria-expanded': String(open),
        'aria-controls': id + '-body',
        'data-focus-key': 'toggle-' + id,
      },
      on: {
        click: () => {
          ctx.ui.open[id] = !ctx.isOpen(id);
          ctx.persist();
          ctx.render();
        },
      },
    },
    [
      el('span', { className: 'twisty', text: open ? '▾' : '▸', attrs: { 'aria-hidden': 'true' } }),
      el('span', { className: 'section-title', text: title }),
    ],
  );
  return el(
    'section',
    { className: 'card' + (open ? ' open' : ''), attrs: { id, 'aria-labelledby': id + '-heading' } },
    [
      el('h2', { className: 'section-heading' }, [toggle, badge]),
      el('div', { className: 'section-body', attrs: { id: id + '-body', hidden: !open } }, body),
    ],
  );
}

export function renderHeader(
  ctx: PanelContext,
  revealSection: (id: PanelSectionId, moveFocus: boolean) => void,
): HTMLElement {
  const s = ctx.state.session;
  return el('header', { className: 'panel-header' }, [
    el('div', { className: 'panel-title' }, [
      el('h1', { text: 'RingCentral Diagnostics' }),
      el('span', { className: 'muted header-status', text: s ? 'Signed in as ' + s.label : 'Not signed in' }),
    ]),
    el(
      'nav',
      { attrs: { 'aria-label': 'Sections' } },
      el(
        'ul',
        { className: 'nav' },
        SECTIONS.map((sec) =>
          el(
            'li',
            {},
            el('button', {
              className: 'nav-link',
              text: sec.title,
              attrs: { type: 'button', 'data-focus-key': 'nav-' + sec.id, 'data-section': sec.id },
              on: { click: () => revealSection(sec.id, true) },
            }),
          ),
        ),
      ),
    ),
  ]);
}
