// Element creation for the panel. Text goes through textContent and attributes through setAttribute, never
// through HTML parsing: everything the server sent (an error_description such as <img src=x onerror=…>) is
// shown as the characters it is made of. The webview's CSP forbids inline script and style as a second wall.

export type Child = Node | string | number | undefined | null | false;
export type Children = Child | readonly Child[];
export type AttributeValue = string | number | boolean | undefined | null;

export interface ElementProps {
  className?: string;
  text?: string | number;
  /** `true` sets an empty attribute; false, null and undefined leave it out. */
  attrs?: Record<string, AttributeValue>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

/** el('p', {className, text, attrs, on}, children). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children?: Children,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
  if (props.attrs) {
    for (const [name, value] of Object.entries(props.attrs)) {
      if (value === true) node.setAttribute(name, '');
      else if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
    }
  }
  if (props.on) {
    for (const [type, listener] of Object.entries(props.on)) node.addEventListener(type, listener as EventListener);
  }
  append(node, children);
  return node;
}

export function append<T extends Node>(node: T, children?: Children): T {
  if (children === undefined || children === null || children === false) return node;
  const list: readonly Child[] = Array.isArray(children) ? children : [children as Child];
  for (const child of list) {
    if (child === undefined || child === null || child === false) continue;
    node.appendChild(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
  return node;
}

export interface ButtonOptions {
  secondary?: boolean;
  className?: string;
  focusKey?: string;
  ariaLabel?: string;
  title?: string;
  attrs?: Record<string, AttributeValue>;
}

export function button(label: string, onClick: () => void, options: ButtonOptions = {}): HTMLButtonElement {
  return el('button', {
    className: 'button' + (options.secondary ? ' secondary' : '') + (options.className ? ' ' + options.className : ''),
    text: label,
    attrs: {
      type: 'button',
      'data-focus-key': options.focusKey,
      'aria-label': options.ariaLabel,
      title: options.title,
      ...options.attrs,
    },
    on: { click: onClick },
  });
}

export function code(text: string, attrs?: Record<string, AttributeValue>): HTMLElement {
  return el('code', { text, attrs });
}

export function chip(text: string, kind?: string): HTMLElement {
  return el('span', { className: 'chip' + (kind ? ' ' + kind : ''), text });
}

export function statusBadge(ok: boolean, okText: string, failText: string): HTMLElement {
  return el('span', { className: 'status ' + (ok ? 'ok' : 'failed') }, [
    el('span', { className: 'status-icon', text: ok ? '✓' : '✕', attrs: { 'aria-hidden': 'true' } }),
    ok ? okText : failText,
  ]);
}

/** A term and its value, for a <dl class="fields">. */
export function field(label: string, value: Children): HTMLElement[] {
  return [el('dt', { text: label }), el('dd', {}, value)];
}

export function pre(text: string, className = 'code-block'): HTMLElement {
  return el('pre', { className, text, attrs: { tabindex: '0' } });
}

export function warningIcon(): HTMLElement {
  return el('span', { className: 'warning-icon', text: '⚠', attrs: { 'aria-hidden': 'true' } });
}
