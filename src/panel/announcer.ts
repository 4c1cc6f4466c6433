// The page is rebuilt on every state, so results are announced through one live region that is never replaced.
// A result is announced when it changes after the first state (the user asked for it), not when the panel opens.
import type { ExplainResult } from './context';
import type { PanelState } from './protocol';

export class Announcer {
  private readonly region: HTMLElement;
  private readonly fingerprints = new Map<string, string>();

  constructor(doc: Document) {
    this.region = doc.createElement('div');
    this.region.className = 'visually-hidden';
    this.region.setAttribute('role', 'status');
    this.region.setAttribute('aria-live', 'polite');
    doc.body.appendChild(this.region);
  }

  /** Tells screen readers about the permission, redirect and explain results that are new since the last state. */
  announceChanges(state: PanelState, explained: ExplainResult | undefined): void {
    const p = state.permission;
    this.announce(
      'permission',
      p,
      p &&
        (p.operation
          ? 'Permission check: ' +
            p.method +
            ' ' +
            p.path +
            (p.operation.appPermission
              ? ' needs ' +
                p.operation.appPermission +
                (p.granted === true ? ', granted.' : p.granted === false ? ', not granted.' : '.')
              : ' needs no app permission.')
          : 'Permission check: no RingCentral operation matches ' + p.method + ' ' + p.path + '.'),
    );
    const check = state.redirect && state.redirect.check;
    this.announce(
      'redirect',
      check && { sent: check.sent, comparisons: check.comparisons },
      check &&
        (check.matched
          ? 'Redirect URI check: registered, exact match.'
          : 'Redirect URI check: not registered. ' +
            (check.fix && 'explanation' in check.fix && check.fix.explanation ? check.fix.explanation : '')),
    );
    const r = explained;
    this.announce(
      'explain',
      r && { input: r.input, at: r.at },
      r &&
        (r.diagnosis
          ? 'Explained: ' + (r.diagnosis.code ? r.diagnosis.code + '. ' : '') + r.diagnosis.summary
          : r.problem || 'Nothing recognisable in this text.'),
    );
  }

  private announce(key: string, value: unknown, text: string | undefined): void {
    const fingerprint = JSON.stringify(value === undefined ? null : value);
    const previous = this.fingerprints.get(key);
    if (previous !== undefined && previous !== fingerprint && text) this.region.textContent = text;
    this.fingerprints.set(key, fingerprint);
  }
}
