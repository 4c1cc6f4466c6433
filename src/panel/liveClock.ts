// Text that follows the clock (token countdowns, "Retry in 12 s" buttons), in the extension's time: the panel
// keeps the offset between state.now and its own Date.now(), so countdowns agree with the extension.
import { retryLabel } from '../core/diagnosis/fixActionLabels';
import { retrySecondsLeft } from './format';

export interface LiveText {
  text: string;
  /** Classes switched on or off with the text (expired, soon). */
  toggle?: Record<string, boolean>;
}

interface RetryButton {
  node: HTMLButtonElement;
  label: HTMLElement;
  deadline: number;
}

export class LiveClock {
  /** Extension clock minus Date.now(). */
  private offset = 0;
  private texts: Array<{ node: HTMLElement; format: (now: number) => LiveText }> = [];
  private retries: RetryButton[] = [];

  now(): number {
    return Date.now() + this.offset;
  }

  /** Follows the extension's clock from a state's `now`. */
  sync(extensionNow: unknown): void {
    this.offset = typeof extensionNow === 'number' ? extensionNow - Date.now() : 0;
  }

  /** Forgets the elements of the previous render. */
  reset(): void {
    this.texts = [];
    this.retries = [];
  }

  /** An element whose text follows the clock: `format(now)` gives its text and classes. */
  text<T extends HTMLElement>(node: T, format: (now: number) => LiveText): T {
    this.texts.push({ node, format });
    applyText(node, format(this.now()));
    return node;
  }

  /** A retry button, disabled with a countdown until `deadline` (extension clock). */
  retryButton(node: HTMLButtonElement, label: HTMLElement, deadline: number): void {
    const item = { node, label, deadline };
    this.retries.push(item);
    this.updateRetry(item);
  }

  tick(): void {
    const now = this.now();
    for (const item of this.texts) applyText(item.node, item.format(now));
    for (const item of this.retries) this.updateRetry(item);
  }

  private updateRetry(item: RetryButton): void {
    const seconds = retrySecondsLeft(item.deadline, this.now());
    const text = retryLabel(seconds);
    if (item.label.textContent !== text) item.label.textContent = text;
    const waiting = seconds > 0;
    if (item.node.disabled !== waiting) {
      item.node.disabled = waiting;
      item.node.setAttribute('aria-label', waiting ? 'Retry, available in ' + seconds + ' seconds' : 'Retry now');
    }
  }
}

function applyText(node: HTMLElement, result: LiveText): void {
  if (node.textContent !== result.text) node.textContent = result.text;
  if (result.toggle) {
    for (const [name, on] of Object.entries(result.toggle)) node.classList.toggle(name, on);
  }
}
