// The diagnostics panel app, bundled by esbuild into dist/panel/panel.js and loaded by the webview with a CSP
// nonce. It renders the PanelState the extension posts (src/panel/protocol.ts, shared with the extension side)
// and posts the user's requests back; everything it shows goes through textContent (see dom.ts).
import { Announcer } from './announcer';
import { restoreUi, type PanelContext, type PanelUi } from './context';
import { el } from './dom';
import { CLOSED_BY_DEFAULT, renderHeader } from './layout';
import { LiveClock } from './liveClock';
import type { ExtensionToPanel, PanelFocus, PanelSectionId, PanelState, PanelToExtension } from './protocol';
import { renderAttempts } from './sections/attempts';
import { renderExplain } from './sections/explain';
import { renderFlows } from './sections/flows';
import { renderPermissions } from './sections/permissions';
import { renderRedirect } from './sections/redirect';
import { renderSession } from './sections/session';

/** The webview API VS Code gives the page once (acquireVsCodeApi may be called only one time). */
interface VsCodeApi {
  postMessage(message: PanelToExtension): void;
  getState(): unknown;
  setState(state: PanelUi): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** Four ticks a second keep the countdowns within a quarter second of the real second boundary. */
const TICK_MS = 250;
/** 'ready' is repeated this often, this many times, until state arrives (see below). */
const READY_RETRY_MS = 1000;
const READY_RETRIES = 20;

function boot(win: Window, doc: Document, vscodeApi: VsCodeApi): void {
  const app = doc.getElementById('app') as HTMLElement;
  const clock = new LiveClock();
  const announcer = new Announcer(doc);
  const ui = restoreUi(vscodeApi.getState());
  let state: PanelState | undefined;

  const post = (message: PanelToExtension) => vscodeApi.postMessage(message);
  const persist = () => vscodeApi.setState(ui);
  const isOpen = (id: PanelSectionId) => (id in ui.open ? ui.open[id] === true : !CLOSED_BY_DEFAULT.has(id));

  function render(): void {
    if (!state) return;
    const ctx: PanelContext = { state, ui, clock, post, persist, render, isOpen };
    const active = doc.activeElement as (HTMLElement & Partial<HTMLInputElement>) | null;
    const focusKey = active && active.getAttribute ? active.getAttribute('data-focus-key') : undefined;
    const selection =
      active && typeof active.selectionStart === 'number'
        ? ([active.selectionStart, active.selectionEnd] as [number, number | null])
        : undefined;
    clock.reset();
    const sections = [
      renderSession(ctx),
      renderRedirect(ctx),
      renderAttempts(ctx),
      renderExplain(ctx),
      renderPermissions(ctx),
      renderFlows(ctx),
    ];
    app.replaceChildren(renderHeader(ctx, revealSection), el('div', { className: 'sections' }, sections));
    app.removeAttribute('aria-busy');
    if (focusKey) {
      const again = app.querySelector<HTMLElement & Partial<HTMLInputElement>>(
        '[data-focus-key="' + cssEscape(focusKey) + '"]',
      );
      if (again) {
        again.focus({ preventScroll: true });
        if (selection && typeof again.setSelectionRange === 'function') {
          try {
            again.setSelectionRange(selection[0], selection[1]);
          } catch {
            /* not a text field */
          }
        }
      }
    }
  }

  function cssEscape(value: string): string {
    return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&');
  }

  function revealSection(id: PanelSectionId, moveFocus: boolean): void {
    if (!isOpen(id)) {
      ui.open[id] = true;
      persist();
      render();
    }
    const node = doc.getElementById(id);
    if (!node) return;
    const reduceMotion = win.matchMedia && win.matchMedia('(prefers-reduced-motion: reduce)').matches;
    node.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
    if (moveFocus) {
      const toggle = doc.getElementById(id + '-heading');
      if (toggle) toggle.focus({ preventScroll: true });
    }
  }

  /** Applies a focus to the UI state before rendering; returns what to do after (scroll, move focus). */
  function applyFocus(focus: PanelFocus | undefined, now: number): (() => void) | undefined {
    if (!focus || typeof focus !== 'object') return undefined;
    if (focus.kind === 'attempt') {
      ui.selectedAttemptId = focus.attemptId;
      delete ui.selectedStep[focus.attemptId];
      ui.open.attempts = true;
      return () => {
        revealSection('attempts', false);
        const row = app.querySelector<HTMLElement>('.attempt-row.selected');
        if (row) row.focus({ preventScroll: true });
      };
    }
    if (focus.kind === 'explain') {
      ui.explainText = typeof focus.input === 'string' ? focus.input : ui.explainText;
      ui.explainResult = {
        input: String(focus.input || ''),
        diagnosis: focus.diagnosis,
        problem: focus.problem,
        at: now,
      };
      ui.open.explain = true;
      return () => revealSection('explain', false);
    }
    if (focus.kind === 'section') {
      ui.open[focus.section] = true;
      return () => revealSection(focus.section, true);
    }
    return undefined;
  }

  function onMessage(event: MessageEvent<unknown>): void {
    const message = event.data as Partial<ExtensionToPanel> | undefined;
    if (!message || message.command !== 'state' || !message.state || typeof message.state !== 'object') return;
    const next = message.state;
    if (!Array.isArray(next.attempts)) next.attempts = [];
    state = next;
    clock.sync(next.now);
    const after = applyFocus(next.focus, next.now);
    if (ui.selectedAttemptId && !next.attempts.some((a) => a.id === ui.selectedAttemptId)) {
      ui.selectedAttemptId = undefined;
    }
    // Forget step choices for attempts that are gone (keeps the saved state small).
    for (const id of Object.keys(ui.selectedStep)) {
      if (!next.attempts.some((a) => a.id === id)) delete ui.selectedStep[id];
    }
    persist();
    render();
    if (after) after();
    announcer.announceChanges(next, ui.explainResult);
  }

  win.addEventListener('message', onMessage);
  win.setInterval(() => clock.tick(), TICK_MS);
  post({ command: 'ready' });
  // A reply posted while VS Code still counts the new panel as hidden is dropped; ask again until state comes.
  let readyRetries = 0;
  const askAgain = win.setInterval(() => {
    if (state || ++readyRetries > READY_RETRIES) {
      win.clearInterval(askAgain);
      return;
    }
    post({ command: 'ready' });
  }, READY_RETRY_MS);
}

boot(window, document, acquireVsCodeApi());
