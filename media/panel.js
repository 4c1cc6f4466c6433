// RingCentral diagnostics panel. Plain browser script, no build step, loaded with a CSP nonce.
// Every value from the extension is put on the page with textContent or setAttribute, never parsed as HTML:
// an error_description such as <img src=x onerror=…> is shown as the characters it is made of.
// Under Node (unit tests) the file exports its pure helpers instead of starting.
'use strict';

(function (factory) {
  const api = factory();
  if (typeof module === 'object' && module !== null && module.exports) {
    module.exports = api;
    return;
  }
  // eslint-disable-next-line no-undef
  api.boot(window, document, acquireVsCodeApi());
})(function () {
  // ---------------------------------------------------------------------------------------------------------------
  // Static text.

  const SECTIONS = [
    { id: 'session', title: 'Session' },
    { id: 'redirect', title: 'Redirect URI' },
    { id: 'attempts', title: 'Attempts' },
    { id: 'explain', title: 'Explain an error' },
    { id: 'permissions', title: 'Permissions' },
    { id: 'flows', title: 'Which flow do I need?' },
  ];

  /** Sections closed until the user (or a focus) opens them. */
  const CLOSED_BY_DEFAULT = { flows: true };

  const ATTEMPT_KIND_LABELS = {
    signIn: 'Sign in',
    refresh: 'Token refresh',
    revoke: 'Revoke',
    jwt: 'JWT sign-in',
    apiProbe: 'API call',
    preflight: 'Pre-flight check',
    signOut: 'Sign out',
  };

  const OUTCOMES = {
    ok: { icon: '✓', text: 'Succeeded' },
    failed: { icon: '✕', text: 'Failed' },
    cancelled: { icon: '⊘', text: 'Cancelled' },
    pending: { icon: '◌', text: 'In progress' },
  };

  const REDIRECT_MODE_LABELS = { uriHandler: 'URI handler', loopback: 'loopback', paste: 'paste' };

  const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

  const EXPLAIN_PLACEHOLDER = 'Paste a response body, an HTTP response, a callback URL, a log line or a code such as OAU-113';

  // ---------------------------------------------------------------------------------------------------------------
  // Pure helpers (exported for unit tests).

  /** The button text for a fix action, from the labels the extension sends; waitAndRetry gets its live countdown elsewhere. */
  function fixActionLabel(action, labels) {
    if (!action || !labels || !Object.prototype.hasOwnProperty.call(labels, action.kind)) return undefined;
    if (action.kind === 'switchRedirectMode') return 'Use ' + (REDIRECT_MODE_LABELS[action.mode] || String(action.mode)) + ' redirect';
    return labels[action.kind];
  }

  /** Whole seconds left until `deadline` (both in the extension's clock), never negative. */
  function secondsLeft(deadline, now) {
    return Math.max(0, Math.ceil((deadline - now) / 1000));
  }

  function retryLabel(seconds) {
    return seconds > 0 ? 'Retry in ' + seconds + ' s' : 'Retry';
  }

  function formatDuration(ms) {
    if (typeof ms !== 'number' || !isFinite(ms) || ms < 0) {
      return '';
    }
    if (ms < 1000) {
      return Math.round(ms) + ' ms';
    }
    if (ms < 10000) {
      return (ms / 1000).toFixed(1) + ' s';
    }
    const totalSeconds = Math.round(ms / 1000);
    if (totalSeconds < 60) {
      return totalSeconds + ' s';
    }
    const minutes = Math.floor(totalSeconds / 60);
    if (minutes < 60) {
      return minutes + ' min ' + (totalSeconds % 60) + ' s';
    }
    const hours = Math.floor(minutes / 60);
    if (hours < 48) {
      return hours + ' h ' + (minutes % 60) + ' min';
    }
    return Math.floor(hours / 24) + ' days';
  }

  /** "59:48" or "1:02:03" for a countdown. */
  function formatClock(ms) {
    const total = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    const two = (n) => (n < 10 ? '0' + n : String(n));
    return h > 0 ? h + ':' + two(m) + ':' + two(s) : m + ':' + two(s);
  }

  /** "expires in 59:48" / "expired 3 min ago" for a token, from the extension's now. */
  function expiryText(expiresAt, now) {
    const left = expiresAt - now;
    if (left > 0) {
      return left < 2 * 3600 * 1000 ? 'expires in ' + formatClock(left) : 'expires in ' + formatDuration(left);
    }
    return 'expired ' + formatDuration(-left) + ' ago';
  }

  /** Pretty-prints JSON bodies; a form body gets one field per line; anything else is returned as is. */
  function prettyBody(body) {
    if (typeof body !== 'string' || body.length === 0) {
      return '';
    }
    const trimmed = body.trim();
    if (/^[{[]/.test(trimmed)) {
      try {
        return JSON.stringify(JSON.parse(trimmed), null, 2);
      } catch (_) {
        return body;
      }
    }
    if (/^[\w.~%-]+=[^\s]*(&[\w.~%-]+=[^\s]*)+$/.test(trimmed)) {
      // A form body, one field per line with its value decoded (the encoding is transport, not content).
      return trimmed.split('&').map((pair, i) => (i > 0 ? '&' : '') + decodeFormPart(pair)).join('\n');
    }
    return body;
  }

  function decodeFormPart(text) {
    try {
      return decodeURIComponent(text.replace(/\+/g, ' '));
    } catch (_) {
      return text;
    }
  }

  function headerLines(headers) {
    if (!headers || typeof headers !== 'object') {
      return [];
    }
    return Object.keys(headers).map((name) => name + ': ' + headers[name]);
  }

  /** The request as an HTTP message: request line, headers, blank line, body. */
  function requestText(request) {
    const lines = [String(request.method || 'GET') + ' ' + String(request.url || '')].concat(headerLines(request.headers));
    const body = prettyBody(request.body);
    return body ? lines.join('\n') + '\n\n' + body : lines.join('\n');
  }

  function responseText(response) {
    const lines = ['HTTP ' + String(response.status)].concat(headerLines(response.headers));
    const body = prettyBody(response.body);
    return body ? lines.join('\n') + '\n\n' + body : lines.join('\n');
  }

  /** The step to show when an attempt is selected: the last failed step with a diagnosis, else the last failed, else the last. */
  function defaultStepIndex(attempt) {
    const steps = (attempt && attempt.steps) || [];
    for (let i = steps.length - 1; i >= 0; i--) {
      if (!steps[i].ok && steps[i].diagnosis) return i;
    }
    for (let i = steps.length - 1; i >= 0; i--) {
      if (!steps[i].ok) return i;
    }
    return steps.length - 1;
  }

  function attemptsNewestFirst(attempts) {
    return (attempts || []).slice().sort((a, b) => (b.startedAt || 0) - (a.startedAt || 0));
  }

  /** A one-line description of a failure that has no diagnosis. */
  function failureText(failure) {
    if (!failure) return '';
    switch (failure.kind) {
      case 'api': {
        const info = failure.info || {};
        const parts = [info.code, info.error, info.status ? 'HTTP ' + info.status : undefined].filter(Boolean).join(' · ');
        const words = info.description || info.message || '';
        return parts && words ? parts + ': ' + words : parts || words;
      }
      case 'callback':
        return failure.error + (failure.description ? ': ' + failure.description : '');
      case 'http':
        return 'HTTP ' + failure.status + (failure.contentType ? ' (' + failure.contentType + ')' : '');
      case 'transport':
        return failure.code + ': ' + failure.message + (failure.url ? ' (' + failure.url + ')' : '');
      default:
        return '';
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The live panel.

  function boot(win, doc, vscodeApi) {
    const app = doc.getElementById('app');
    let state; // the last PanelState
    let clockOffset = 0; // extension clock minus Date.now(), so countdowns follow state.now
    const saved = vscodeApi.getState() || {};
    const ui = {
      selectedAttemptId: typeof saved.selectedAttemptId === 'string' ? saved.selectedAttemptId : undefined,
      selectedStep: saved.selectedStep && typeof saved.selectedStep === 'object' ? saved.selectedStep : {},
      open: saved.open && typeof saved.open === 'object' ? saved.open : {},
      explainText: typeof saved.explainText === 'string' ? saved.explainText : '',
      explainResult: saved.explainResult && typeof saved.explainResult === 'object' ? saved.explainResult : undefined,
      redirectText: typeof saved.redirectText === 'string' ? saved.redirectText : '',
      permissionMethod: HTTP_METHODS.indexOf(saved.permissionMethod) >= 0 ? saved.permissionMethod : 'GET',
      permissionPath: typeof saved.permissionPath === 'string' ? saved.permissionPath : '',
    };

    // The page is rebuilt on every state, so results are announced through one region that is never replaced.
    const status = doc.createElement('div');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    doc.body.appendChild(status);
    const announced = {};
    const announce = (key, value, text) => {
      const fingerprint = JSON.stringify(value === undefined ? null : value);
      if (announced[key] !== undefined && announced[key] !== fingerprint && text) status.textContent = text;
      announced[key] = fingerprint;
    };

    const now = () => Date.now() + clockOffset;
    const post = (message) => vscodeApi.postMessage(message);
    const persist = () => vscodeApi.setState(ui);
    const isOpen = (id) => (id in ui.open ? ui.open[id] === true : !CLOSED_BY_DEFAULT[id]);

    // -- element helpers ------------------------------------------------------------------------------------------

    /** el('p', {className, text, attrs, on}, children): attrs go through setAttribute, text through textContent. */
    function el(tag, props, children) {
      const node = doc.createElement(tag);
      const p = props || {};
      if (p.className) node.className = p.className;
      if (p.text !== undefined && p.text !== null) node.textContent = String(p.text);
      if (p.attrs) {
        for (const name of Object.keys(p.attrs)) {
          const value = p.attrs[name];
          if (value === true) node.setAttribute(name, '');
          else if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
        }
      }
      if (p.on) {
        for (const type of Object.keys(p.on)) node.addEventListener(type, p.on[type]);
      }
      append(node, children);
      return node;
    }

    function append(node, children) {
      if (children === undefined || children === null || children === false) return node;
      const list = Array.isArray(children) ? children : [children];
      for (const child of list) {
        if (child === undefined || child === null || child === false) continue;
        node.appendChild(typeof child === 'string' || typeof child === 'number' ? doc.createTextNode(String(child)) : child);
      }
      return node;
    }

    function button(label, onClick, options) {
      const o = options || {};
      return el('button', {
        className: 'button' + (o.secondary ? ' secondary' : '') + (o.className ? ' ' + o.className : ''),
        text: label,
        attrs: Object.assign({ type: 'button', 'data-focus-key': o.focusKey, 'aria-label': o.ariaLabel, title: o.title }, o.attrs || {}),
        on: { click: onClick },
      });
    }

    function code(text, attrs) {
      return el('code', { text: text, attrs: attrs });
    }

    function chip(text, kind) {
      return el('span', { className: 'chip' + (kind ? ' ' + kind : ''), text: text });
    }

    function statusBadge(ok, okText, failText) {
      return el('span', { className: 'status ' + (ok ? 'ok' : 'failed') }, [
        el('span', { className: 'status-icon', text: ok ? '✓' : '✕', attrs: { 'aria-hidden': 'true' } }),
        ok ? okText : failText,
      ]);
    }

    function field(label, value) {
      return [el('dt', { text: label }), el('dd', {}, value)];
    }

    function pre(text, className) {
      return el('pre', { className: className || 'code-block', text: text, attrs: { tabindex: '0' } });
    }

    /** An element whose text follows the clock: `format(now)` returns {text, className?, disabled?}. */
    const liveElements = [];
    function live(node, format) {
      liveElements.push({ node: node, format: format });
      applyLive(node, format);
      return node;
    }

    function applyLive(node, format) {
      const result = format(now());
      if (node.textContent !== result.text) node.textContent = result.text;
      if (result.toggle) {
        for (const name of Object.keys(result.toggle)) node.classList.toggle(name, result.toggle[name]);
      }
    }

    function tick() {
      for (const item of liveElements) applyLive(item.node, item.format);
      for (const item of retryButtons) updateRetryButton(item);
    }

    // -- fixes and diagnoses --------------------------------------------------------------------------------------

    const retryButtons = [];

    function updateRetryButton(item) {
      const seconds = secondsLeft(item.deadline, now());
      const text = retryLabel(seconds);
      if (item.label.textContent !== text) item.label.textContent = text;
      const waiting = seconds > 0;
      if (item.node.disabled !== waiting) {
        item.node.disabled = waiting;
        item.node.setAttribute('aria-label', waiting ? 'Retry, available in ' + seconds + ' seconds' : 'Retry now');
      }
    }

    /** `base`: when the failure happened (extension clock), for the waitAndRetry countdown. */
    function fixButton(action, base, retryAfterSeconds, focusKey) {
      const label = fixActionLabel(action, state && state.fixActionLabels);
      if (!label) return undefined;
      if (action.kind === 'waitAndRetry') {
        const wait = typeof retryAfterSeconds === 'number' ? retryAfterSeconds : Number(action.seconds) || 0;
        const deadline = (typeof base === 'number' ? base : now()) + wait * 1000;
        const labelNode = el('span', { className: 'retry-countdown' });
        const node = el('button', {
          className: 'button fix-button',
          attrs: { type: 'button', 'data-action-kind': action.kind, 'data-focus-key': focusKey },
          on: {
            // The panel has already waited, so the extension is told to retry now.
            click: () => post({ command: 'runFix', action: { kind: 'waitAndRetry', seconds: secondsLeft(deadline, now()), then: action.then } }),
          },
        }, labelNode);
        const item = { node: node, label: labelNode, deadline: deadline };
        retryButtons.push(item);
        updateRetryButton(item);
        return node;
      }
      return el('button', {
        className: 'button fix-button' + (action.kind === 'copyRedirectUri' || action.kind === 'signIn' ? '' : ' secondary'),
        text: label,
        attrs: { type: 'button', 'data-action-kind': action.kind, 'data-focus-key': focusKey },
        on: { click: () => post({ command: 'runFix', action: action }) },
      });
    }

    /** The same block for a step's diagnosis, a pre-flight diagnosis and an explained error. */
    function renderDiagnosis(diagnosis, base, keyPrefix) {
      const head = el('div', { className: 'diagnosis-head' }, [
        diagnosis.code ? el('span', { className: 'diagnosis-code', text: diagnosis.code }) : undefined,
        el('p', { className: 'diagnosis-summary', text: diagnosis.summary }),
      ]);
      const block = el('div', { className: 'diagnosis', attrs: { 'data-diagnosis-id': diagnosis.id, role: 'group', 'aria-label': 'Diagnosis' } }, head);
      if (diagnosis.serverMessage) {
        append(block, el('div', { className: 'server-said' }, [
          el('span', { className: 'label', text: 'RingCentral said' }),
          el('blockquote', { className: 'server-message', text: '“' + diagnosis.serverMessage + '”' }),
        ]));
      }
      if (diagnosis.permission || diagnosis.permissionFixText) {
        // Where the permission is fixed: on the app (Developer Console) or on the user's role (admin portal).
        const label = diagnosis.permissionFix === 'userRole' ? 'Missing user permission (the user\'s role): ' : 'Missing app permission: ';
        append(block, el('p', { className: 'diagnosis-permission' }, [label, diagnosis.permission ? chip(diagnosis.permission, 'permission') : undefined]));
        if (diagnosis.permissionFixText) append(block, el('p', { className: 'diagnosis-permission-fix', text: diagnosis.permissionFixText }));
      }
      const causes = Array.isArray(diagnosis.causes) ? diagnosis.causes : [];
      if (causes.length > 0) {
        append(block, [
          el('h4', { text: causes.length > 1 ? 'Likely causes, most likely first' : 'Likely cause' }),
          el('ol', { className: 'causes' }, causes.map((cause) => el('li', { text: cause }))),
        ]);
      }
      const fixes = Array.isArray(diagnosis.fixes) ? diagnosis.fixes : [];
      if (fixes.length > 0) {
        append(block, [
          el('h4', { text: 'What to do' }),
          el('ol', { className: 'fixes' }, fixes.map((fix, index) =>
            el('li', { className: 'fix' }, [
              el('div', { className: 'fix-text' }, [
                el('div', { className: 'fix-label', text: fix.label }),
                fix.detail ? el('div', { className: 'fix-detail', text: fix.detail }) : undefined,
              ]),
              fix.action ? fixButton(fix.action, base, diagnosis.retryAfterSeconds, keyPrefix + '-fix-' + index) : undefined,
            ]),
          )),
        ]);
      }
      return block;
    }

    // -- sections -------------------------------------------------------------------------------------------------

    function section(id, title, bodyChildren, badge) {
      const open = isOpen(id);
      const toggle = el('button', {
        className: 'section-toggle',
        attrs: { type: 'button', id: id + '-heading', 'aria-expanded': String(open), 'aria-controls': id + '-body', 'data-focus-key': 'toggle-' + id },
        on: {
          click: () => {
            ui.open[id] = !isOpen(id);
            persist();
            render();
          },
        },
      }, [el('span', { className: 'twisty', text: open ? '▾' : '▸', attrs: { 'aria-hidden': 'true' } }), el('span', { className: 'section-title', text: title })]);
      return el('section', { className: 'card' + (open ? ' open' : ''), attrs: { id: id, 'aria-labelledby': id + '-heading' } }, [
        el('h2', { className: 'section-heading' }, [toggle, badge]),
        el('div', { className: 'section-body', attrs: { id: id + '-body', hidden: !open } }, bodyChildren),
      ]);
    }

    function renderSession() {
      const settings = state.settings || {};
      const s = state.session;
      const body = [];
      let badge;
      if (s) {
        badge = chip('Signed in', 'ok');
        const who = [el('span', { className: 'user-label', text: s.label })];
        const showExt = s.extensionNumber && String(s.label).indexOf(s.extensionNumber) < 0;
        const extra = [showExt ? 'ext. ' + s.extensionNumber : undefined, s.accountId ? 'account ' + s.accountId : undefined].filter(Boolean).join(' · ');
        if (extra) who.push(el('span', { className: 'muted', text: extra }));
        if (!s.profileKnown) who.push(el('span', { className: 'muted', text: '(profile not loaded)' }));
        body.push(el('div', { className: 'who' }, who));

        const access = live(el('span', { className: 'countdown access-expiry', attrs: { 'data-expires-at': s.accessExpiresAt } }), (t) => ({
          text: expiryText(s.accessExpiresAt, t),
          toggle: { expired: s.accessExpiresAt <= t, soon: s.accessExpiresAt > t && s.accessExpiresAt - t < 5 * 60 * 1000 },
        }));
        let refresh;
        if (!s.hasRefreshToken) {
          refresh = el('span', { className: 'muted', text: 'none (sign in again when the access token expires)' });
        } else if (typeof s.refreshExpiresAt === 'number') {
          refresh = live(el('span', { className: 'countdown refresh-expiry' }), (t) => ({
            text: expiryText(s.refreshExpiresAt, t) + ' (' + new Date(s.refreshExpiresAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) + ')',
            toggle: { expired: s.refreshExpiresAt <= t },
          }));
        } else {
          refresh = el('span', { text: 'present (expiry unknown)' });
        }
        const scope = Array.isArray(s.scope) && s.scope.length > 0
          ? el('span', { className: 'chips' }, s.scope.map((p) => chip(p)))
          : el('span', { className: 'muted', text: 'none listed' });
        body.push(el('dl', { className: 'fields' }, [].concat(
          field('Server', code(s.server)),
          field('Client ID', code(s.clientId)),
          field('Scope', scope),
          field('Access token', access),
          field('Refresh token', refresh),
          s.refreshError ? field('Refresh error', el('span', { className: 'error-text refresh-error', text: s.refreshError })) : [],
        )));
        body.push(el('div', { className: 'actions' }, [
          button('Refresh Token', () => post({ command: 'refreshToken' }), { focusKey: 'session-refresh', attrs: { 'data-command': 'refreshToken' } }),
          button('Sign In', () => post({ command: 'signIn' }), { secondary: true, focusKey: 'session-signin', attrs: { 'data-command': 'signIn' } }),
        ]));
      } else {
        badge = chip('Signed out', 'muted');
        body.push(el('p', { className: 'signed-out', text: 'Not signed in. Sign in with your RingCentral account to get a token for this app.' }));
        body.push(el('div', { className: 'actions' }, [
          button('Sign In', () => post({ command: 'signIn' }), { focusKey: 'session-signin', attrs: { 'data-command': 'signIn' } }),
        ]));
      }
      if (settings.serverProblem) {
        body.push(el('p', { className: 'warning', attrs: { role: 'note' } }, [el('span', { className: 'warning-icon', text: '⚠', attrs: { 'aria-hidden': 'true' } }), settings.serverProblem]));
      }
      const parts = [
        ['server', settings.server || '(not set)'],
        settings.appName ? ['app', settings.appName] : undefined,
        ['client id', settings.clientId || '(not set)'],
        ['redirect mode', REDIRECT_MODE_LABELS[settings.redirectMode] || settings.redirectMode || '(default)'],
        ['editor scheme', settings.uriScheme || 'unknown'],
        ['client secret', settings.hasClientSecret ? 'set' : 'not set'],
      ].filter(Boolean);
      body.push(el('p', { className: 'settings-line', attrs: { 'aria-label': 'Settings' } }, [el('span', { className: 'label', text: 'Settings' })].concat(
        parts.map(([name, value]) => el('span', { className: 'setting' }, [el('span', { className: 'muted', text: name + ': ' }), el('span', { className: 'setting-value', text: value })])),
      )));
      return section('session', 'Session', body, badge);
    }

    function renderRedirect() {
      const body = [];
      const redirect = state.redirect;
      let badge;
      if (redirect && redirect.check) {
        const check = redirect.check;
        badge = check.matched ? chip('Registered', 'ok') : chip('Not registered', 'failed');
        body.push(el('div', { className: 'sent-row' }, [
          el('div', { className: 'label', text: 'This editor sends (' + (REDIRECT_MODE_LABELS[check.mode] || check.mode) + ' mode)' }),
          el('div', { className: 'sent-uri' }, [
            code(check.sent, { id: 'sent-redirect-uri' }),
            button('Copy redirect URI', () => post({ command: 'runFix', action: { kind: 'copyRedirectUri', uri: check.sent } }), {
              focusKey: 'copy-sent-redirect',
              className: 'fix-button copy-redirect',
              attrs: { 'data-action-kind': 'copyRedirectUri' },
            }),
          ]),
        ]));
        body.push(el('p', { className: 'match-line' }, check.matched
          ? statusBadge(true, 'Registered: one of the app\'s redirect URIs matches it exactly.', '')
          : statusBadge(false, '', check.comparisons && check.comparisons.length > 0
            ? 'No registered redirect URI matches it exactly (RingCentral compares them character by character).'
            : 'No registered redirect URIs to compare with yet.')));

        const fix = check.fix || { kind: 'none' };
        if (fix.kind === 'register' || fix.kind === 'switchMode') {
          const action = fix.kind === 'register' ? { kind: 'copyRedirectUri', uri: fix.uri } : { kind: 'switchRedirectMode', mode: fix.mode };
          body.push(el('div', { className: 'callout fix-callout' }, [
            el('div', { className: 'callout-title', text: fix.kind === 'register' ? 'Fix: register this redirect URI' : 'Fix: switch the redirect mode' }),
            el('p', { text: fix.explanation }),
            el('div', { className: 'actions' }, fixButton(action, state.now, undefined, 'redirect-fix')),
          ]));
        }
        if (Array.isArray(check.warnings) && check.warnings.length > 0) {
          body.push(el('ul', { className: 'warnings' }, check.warnings.map((w) =>
            el('li', { className: 'warning' }, [el('span', { className: 'warning-icon', text: '⚠', attrs: { 'aria-hidden': 'true' } }), w]))));
        }
        if (Array.isArray(check.comparisons) && check.comparisons.length > 0) {
          body.push(el('h3', { text: 'Registered on the app' }));
          body.push(el('ul', { className: 'comparisons' }, check.comparisons.map((c, index) => {
            const kinds = (c.differences || []).map((d) => chip(d.label || d.kind, 'difference'));
            return el('li', { className: 'redirect-row' + (c.matches ? ' matches' : ''), attrs: { 'data-kind': c.kind } }, [
              el('div', { className: 'redirect-row-head' }, [
                el('span', { className: 'status-icon ' + (c.matches ? 'ok' : 'failed'), text: c.matches ? '✓' : '✕', attrs: { 'aria-label': c.matches ? 'matches' : 'differs' } }),
                code(c.registered, { class: 'registered-uri' }),
                index === check.closest && !c.matches ? chip('closest', 'muted') : undefined,
              ]),
              c.matches ? el('div', { className: 'muted', text: 'Exact match.' }) : el('div', { className: 'differences' }, [el('span', { className: 'muted', text: 'Differs in: ' })].concat(kinds)),
              !c.matches && c.differences && c.differences.length > 0
                ? el('ul', { className: 'explanations' }, c.differences.map((d) => el('li', { text: d.explanation })))
                : undefined,
            ]);
          })));
        }
        if (redirect.preflight) {
          const p = redirect.preflight;
          body.push(el('div', { className: 'preflight' }, [
            el('h3', { text: 'Pre-flight check' }),
            el('p', {}, statusBadge(p.ok, p.detail, p.detail)),
            p.diagnosis ? renderDiagnosis(p.diagnosis, state.now, 'preflight') : undefined,
          ]));
        }
      } else {
        body.push(el('p', { className: 'muted', text: 'Paste the redirect URIs registered on your app (Developer Console → your app → Settings → OAuth Redirect URI) and compare them with the one this editor sends.' }));
      }
      const textarea = el('textarea', {
        attrs: { id: 'redirect-input', rows: '3', spellcheck: 'false', 'data-focus-key': 'redirect-input', placeholder: 'https://example.com/callback' },
        on: { input: (e) => { ui.redirectText = e.target.value; persist(); } },
      });
      textarea.value = ui.redirectText;
      body.push(el('form', {
        className: 'stacked-form',
        on: { submit: (e) => { e.preventDefault(); post({ command: 'checkRedirect', registered: ui.redirectText }); } },
      }, [
        el('label', { text: 'Registered redirect URIs (one per line)', attrs: { for: 'redirect-input' } }),
        textarea,
        el('div', { className: 'actions' }, el('button', { className: 'button', text: 'Compare', attrs: { type: 'submit', 'data-focus-key': 'redirect-compare' } })),
      ]));
      return section('redirect', 'Redirect URI', body, badge);
    }

    // Attempts ---------------------------------------------------------------------------------------------------

    function selectedAttempt(attempts) {
      return attempts.find((a) => a.id === ui.selectedAttemptId) || attempts[0];
    }

    function stepIndexFor(attempt) {
      const chosen = ui.selectedStep[attempt.id];
      return typeof chosen === 'number' && chosen >= 0 && chosen < attempt.steps.length ? chosen : defaultStepIndex(attempt);
    }

    /** Roving tabindex: arrows, Home and End move focus between rows; Enter and Space select (like a click). */
    function listboxKeys(e) {
      const rows = Array.from(e.currentTarget.querySelectorAll('[role="option"]'));
      const index = rows.indexOf(doc.activeElement);
      let next;
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

    function outcomeBadge(outcome) {
      const o = OUTCOMES[outcome] || { icon: '?', text: String(outcome) };
      return el('span', { className: 'outcome ' + outcome }, [
        el('span', { className: 'outcome-icon', text: o.icon, attrs: { 'aria-hidden': 'true' } }),
        el('span', { className: 'outcome-text', text: o.text }),
      ]);
    }

    /** Clock time of an epoch timestamp; the date too when it is not today. */
    function timeText(ms) {
      const date = new Date(ms);
      const today = new Date(now());
      const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
      return date.toDateString() === today.toDateString() ? time : date.toLocaleDateString([], { month: 'short', day: 'numeric' }) + ' ' + time;
    }

    function attemptDuration(a) {
      if (typeof a.endedAt === 'number') return formatDuration(a.endedAt - a.startedAt);
      return a.outcome === 'pending' ? 'running' : '';
    }

    function renderAttemptRow(a, selected) {
      return el('div', {
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
            ui.selectedAttemptId = a.id;
            persist();
            render();
          },
        },
      }, [
        outcomeBadge(a.outcome),
        el('span', { className: 'attempt-kind', text: ATTEMPT_KIND_LABELS[a.kind] || a.kind }),
        el('span', { className: 'attempt-time muted', text: timeText(a.startedAt) }),
        el('span', { className: 'attempt-duration muted', text: attemptDuration(a) }),
      ]);
    }

    function renderStepRow(attempt, step, index, selected) {
      return el('div', {
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
            ui.selectedStep[attempt.id] = index;
            persist();
            render();
          },
        },
      }, [
        el('span', { className: 'step-number', text: String(index + 1), attrs: { 'aria-hidden': 'true' } }),
        el('span', { className: 'outcome ' + (step.ok ? 'ok' : 'failed') }, [
          el('span', { className: 'outcome-icon', text: step.ok ? '✓' : '✕', attrs: { 'aria-hidden': 'true' } }),
          el('span', { className: 'visually-hidden', text: step.ok ? 'ok' : 'failed' }),
        ]),
        el('span', { className: 'step-title', text: step.title }),
        el('span', { className: 'step-duration muted', text: formatDuration(step.durationMs) }),
      ]);
    }

    function renderExchange(step) {
      const parts = [];
      if (step.params && Object.keys(step.params).length > 0) {
        parts.push(el('div', { className: 'exchange-part' }, [
          el('h4', { text: 'Parameters' }),
          el('table', { className: 'params' }, [
            el('thead', {}, el('tr', {}, [el('th', { text: 'Name', attrs: { scope: 'col' } }), el('th', { text: 'Value', attrs: { scope: 'col' } })])),
            el('tbody', {}, Object.keys(step.params).map((name) =>
              el('tr', {}, [el('th', { attrs: { scope: 'row' } }, code(name)), el('td', {}, code(step.params[name]))]))),
          ]),
        ]));
      }
      if (step.request) {
        parts.push(el('div', { className: 'exchange-part' }, [el('h4', { text: 'Request' }), pre(requestText(step.request), 'code-block request')]));
      }
      if (step.response) {
        parts.push(el('div', { className: 'exchange-part' }, [
          el('h4', {}, ['Response ', el('span', { className: 'http-status ' + (step.response.status < 400 ? 'ok' : 'failed'), text: String(step.response.status) })]),
          pre(responseText(step.response), 'code-block response'),
        ]));
      }
      return parts;
    }

    function renderStepDetail(attempt, step, index) {
      const detail = el('div', { className: 'step-detail', attrs: { 'data-step-index': index, 'aria-label': 'Step ' + (index + 1) + ': ' + step.title, role: 'region' } }, [
        el('div', { className: 'step-detail-head' }, [
          el('h3', { text: step.title }),
          el('span', { className: 'muted', text: timeText(step.at) + (step.durationMs !== undefined ? ' · ' + formatDuration(step.durationMs) : '') }),
        ]),
      ]);
      if (step.note) append(detail, el('p', { className: 'step-note', text: step.note }));
      if (step.diagnosis) {
        append(detail, renderDiagnosis(step.diagnosis, step.at, 'step-' + attempt.id + '-' + index));
      } else if (step.failure) {
        append(detail, el('p', { className: 'failure error-text', text: failureText(step.failure) }));
      }
      const exchange = renderExchange(step);
      if (exchange.length > 0) {
        append(detail, el('div', { className: 'exchange' }, [el('h3', { className: 'subheading', text: 'Raw exchange (secrets masked)' })].concat(exchange)));
      }
      return detail;
    }

    function renderAttempts() {
      const attempts = attemptsNewestFirst(state.attempts);
      const failed = attempts.filter((a) => a.outcome === 'failed').length;
      const badge = attempts.length === 0 ? undefined : failed > 0 ? chip(failed + ' failed', 'failed') : chip(String(attempts.length), 'muted');
      const body = [];
      const clear = button('Clear history', () => post({ command: 'clearHistory' }), { secondary: true, focusKey: 'clear-history', attrs: { disabled: attempts.length === 0 } });
      body.push(el('div', { className: 'toolbar' }, [
        el('span', { className: 'muted', text: attempts.length === 1 ? '1 attempt, newest first' : attempts.length + ' attempts, newest first' }),
        clear,
      ]));
      if (attempts.length === 0) {
        body.push(el('p', { className: 'muted empty', text: 'No attempts yet. Sign in or refresh a token and every step of it shows up here.' }));
        return section('attempts', 'Attempts', body, badge);
      }
      const current = selectedAttempt(attempts);
      const list = el('div', {
        className: 'attempt-list',
        attrs: { role: 'listbox', 'aria-label': 'Attempts, newest first' },
        on: { keydown: listboxKeys },
      }, attempts.map((a) => renderAttemptRow(a, a === current)));

      const detail = el('div', { className: 'attempt-detail', attrs: { 'data-attempt-id': current.id } });
      const meta = [
        el('span', { className: 'attempt-kind', text: ATTEMPT_KIND_LABELS[current.kind] || current.kind }),
        outcomeBadge(current.outcome),
        el('span', { className: 'muted', text: 'started ' + timeText(current.startedAt) + (attemptDuration(current) ? ' · ' + attemptDuration(current) : '') }),
      ];
      append(detail, el('div', { className: 'attempt-detail-head' }, meta));
      if (current.server || current.clientId) {
        append(detail, el('p', { className: 'muted attempt-context' }, [
          current.server ? 'server ' : '', current.server ? code(current.server) : undefined,
          current.clientId ? ' · client id ' : '', current.clientId ? code(current.clientId) : undefined,
        ]));
      }
      if (current.steps.length === 0) {
        append(detail, el('p', { className: 'muted', text: 'No steps recorded yet.' }));
      } else {
        const selectedIndex = stepIndexFor(current);
        append(detail, el('div', {
          className: 'step-list',
          attrs: { role: 'listbox', 'aria-label': 'Steps of this attempt' },
          on: { keydown: listboxKeys },
        }, current.steps.map((step, i) => renderStepRow(current, step, i, i === selectedIndex))));
        append(detail, renderStepDetail(current, current.steps[selectedIndex], selectedIndex));
      }
      body.push(el('div', { className: 'attempts-layout' }, [list, detail]));
      return section('attempts', 'Attempts', body, badge);
    }

    function renderExplain() {
      const body = [];
      const textarea = el('textarea', {
        attrs: { id: 'explain-input', rows: '5', spellcheck: 'false', placeholder: EXPLAIN_PLACEHOLDER, 'data-focus-key': 'explain-input' },
        on: { input: (e) => { ui.explainText = e.target.value; persist(); } },
      });
      textarea.value = ui.explainText;
      body.push(el('form', {
        className: 'stacked-form',
        on: { submit: (e) => { e.preventDefault(); post({ command: 'explain', text: ui.explainText }); } },
      }, [
        el('label', { text: EXPLAIN_PLACEHOLDER, attrs: { for: 'explain-input' } }),
        textarea,
        el('div', { className: 'actions' }, el('button', { className: 'button', text: 'Explain', attrs: { type: 'submit', 'data-focus-key': 'explain-submit', disabled: false } })),
      ]));
      const result = ui.explainResult;
      if (result) {
        const out = el('div', { className: 'explain-result' }, [
          el('div', { className: 'label', text: 'You pasted' }),
          pre(result.input.length > 600 ? result.input.slice(0, 600) + '…' : result.input, 'code-block explain-input-echo'),
        ]);
        if (result.diagnosis) append(out, renderDiagnosis(result.diagnosis, result.at, 'explain'));
        else if (result.problem) append(out, el('p', { className: 'warning explain-problem', text: result.problem }));
        else append(out, el('p', { className: 'muted', text: 'Nothing recognisable in this text.' }));
        body.push(out);
      }
      return section('explain', 'Explain an error', body);
    }

    function renderPermissions() {
      const body = [
        el('p', { text: 'Permissions (scopes) are set on the app in the Developer Console (your app → Settings → Application scopes), not in the sign-in request. After you change them, sign in again: a token only carries the permissions the app had when it was issued.' }),
      ];
      const granted = state.session && Array.isArray(state.session.scope) ? state.session.scope
        : state.permission && Array.isArray(state.permission.grantedPermissions) && state.permission.grantedPermissions.length > 0 ? state.permission.grantedPermissions : undefined;
      body.push(el('div', { className: 'granted' }, [
        el('span', { className: 'label', text: 'Granted to the current token' }),
        granted
          ? granted.length > 0 ? el('span', { className: 'chips' }, granted.map((p) => chip(p))) : el('span', { className: 'muted', text: 'none' })
          : el('span', { className: 'muted', text: 'not signed in' }),
      ]));

      const select = el('select', {
        attrs: { id: 'permission-method', 'aria-label': 'HTTP method', 'data-focus-key': 'permission-method' },
        on: { change: (e) => { ui.permissionMethod = e.target.value; persist(); } },
      }, HTTP_METHODS.map((m) => el('option', { text: m, attrs: { value: m } })));
      select.value = ui.permissionMethod;
      const path = el('input', {
        attrs: { id: 'permission-path', type: 'text', spellcheck: 'false', placeholder: '/restapi/v1.0/account/~/extension/~/call-log', 'data-focus-key': 'permission-path' },
        on: { input: (e) => { ui.permissionPath = e.target.value; persist(); } },
      });
      path.value = ui.permissionPath;
      body.push(el('form', {
        className: 'inline-form',
        on: { submit: (e) => { e.preventDefault(); post({ command: 'checkPermission', method: ui.permissionMethod, path: ui.permissionPath }); } },
      }, [
        el('label', { className: 'visually-hidden', text: 'API path', attrs: { for: 'permission-path' } }),
        select,
        path,
        el('button', { className: 'button', text: 'Check', attrs: { type: 'submit', 'data-focus-key': 'permission-check' } }),
      ]));

      const p = state.permission;
      if (p) {
        const result = el('div', { className: 'permission-result' }, [
          el('div', { className: 'permission-request' }, [code(p.method + ' ' + p.path)]),
        ]);
        if (!p.operation) {
          append(result, el('p', { className: 'warning', text: 'No operation in RingCentral\'s API matches ' + p.method + ' ' + p.path + '. Check the path (it starts with /restapi/v1.0/ or /team-messaging/v1/…).' }));
        } else {
          const op = p.operation;
          let grantedNode;
          if (!op.appPermission) grantedNode = el('span', { className: 'muted', text: 'no app permission needed' });
          else if (p.granted === true) grantedNode = statusBadge(true, 'yes, the token has ' + op.appPermission, '');
          else if (p.granted === false) grantedNode = statusBadge(false, '', 'no: add ' + op.appPermission + ' to the app in the Developer Console, then sign in again');
          else grantedNode = el('span', { className: 'muted', text: 'unknown (not signed in)' });
          append(result, el('dl', { className: 'fields' }, [].concat(
            field('Operation', [el('span', { text: op.summary || op.operationId }), ' ', el('span', { className: 'muted' }, ['(', code(op.operationId), ')'])]),
            field('Path', code(op.pathTemplate)),
            field('Required app permission', op.appPermission ? chip(op.appPermission, 'permission') : el('span', { className: 'muted', text: 'none' })),
            field('Granted', grantedNode),
            field('User permission', op.userPermission ? code(op.userPermission) : el('span', { className: 'muted', text: 'none' })),
          )));
          if (op.userPermission) {
            append(result, el('p', { className: 'muted', text: 'The user permission is set per user or role in the RingCentral admin portal; without it the call fails even when the app has the permission.' }));
          }
        }
        body.push(result);
      }
      return section('permissions', 'Permissions', body);
    }

    function renderFlows() {
      const flow = (title, tag, paragraphs) => el('div', { className: 'flow' }, [
        el('h3', {}, [title, tag ? chip(tag.text, tag.kind) : undefined]),
      ].concat(paragraphs.map((text) => el('p', { text: text }))));
      const faq = (question, answer) => el('div', { className: 'faq' }, [el('h3', { text: question }), el('p', { text: answer })]);
      const body = [
        el('div', { className: 'flows' }, [
          flow('Authorization code + PKCE', { text: 'this extension', kind: 'ok' }, [
            'A user signs in with their own account in a browser and approves the app. For desktop tools, editors, web and mobile apps.',
            'The app gets a short-lived access token and a refresh token; PKCE means no client secret has to ship with the app. This extension uses this flow.',
          ]),
          flow('JWT', { text: 'no browser', kind: 'muted' }, [
            'Server-to-server: bots, scheduled jobs and scripts that act as one user without anyone signing in.',
            'Create the app with the auth type "JWT auth flow", then create a JWT credential for the user in the Developer Console (Credentials → JWT). The JWT is exchanged for an access token; keep it as secret as a password.',
          ]),
          flow('Password flow', { text: 'deprecated', kind: 'failed' }, [
            'Username and password sent by the app. Deprecated, and it reached end of life on 2024-03-31.',
            'It fails for accounts with multi-factor authentication (OAU-168). Move to JWT for scripts, or to authorization code for users.',
          ]),
        ]),
        faq('Why is the authorize call a GET when the docs list form parameters?',
          'The authorize step is a browser navigation, not an API call: the app opens /restapi/oauth/authorize with client_id, redirect_uri, state and the PKCE challenge in the query string, and the user signs in on that page. Only the token endpoint (/restapi/oauth/token) takes a form POST.'),
        faq('Where do I set permissions?',
          'On the app, in the Developer Console (Settings → Application scopes), not in the request: the scope parameter cannot add permissions the app does not have. Sign in again after changing them.'),
      ];
      return section('flows', 'Which flow do I need?', body);
    }

    function renderHeader() {
      const s = state.session;
      return el('header', { className: 'panel-header' }, [
        el('div', { className: 'panel-title' }, [
          el('h1', { text: 'RingCentral Diagnostics' }),
          el('span', { className: 'muted header-status', text: s ? 'Signed in as ' + s.label : 'Not signed in' }),
        ]),
        el('nav', { attrs: { 'aria-label': 'Sections' } }, el('ul', { className: 'nav' }, SECTIONS.map((sec) =>
          el('li', {}, el('button', {
            className: 'nav-link',
            text: sec.title,
            attrs: { type: 'button', 'data-focus-key': 'nav-' + sec.id, 'data-section': sec.id },
            on: { click: () => revealSection(sec.id, true) },
          }))))),
      ]);
    }

    // -- render, focus, messages ----------------------------------------------------------------------------------

    function render() {
      if (!state) return;
      const active = doc.activeElement;
      const focusKey = active && active.getAttribute ? active.getAttribute('data-focus-key') : undefined;
      const selection = active && typeof active.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd] : undefined;
      liveElements.length = 0;
      retryButtons.length = 0;
      const sections = [renderSession(), renderRedirect(), renderAttempts(), renderExplain(), renderPermissions(), renderFlows()];
      app.replaceChildren(renderHeader(), el('div', { className: 'sections' }, sections));
      app.removeAttribute('aria-busy');
      if (focusKey) {
        const again = app.querySelector('[data-focus-key="' + cssEscape(focusKey) + '"]');
        if (again) {
          again.focus({ preventScroll: true });
          if (selection && typeof again.setSelectionRange === 'function') {
            try {
              again.setSelectionRange(selection[0], selection[1]);
            } catch (_) {
              /* not a text field */
            }
          }
        }
      }
    }

    function cssEscape(value) {
      return win.CSS && win.CSS.escape ? win.CSS.escape(value) : String(value).replace(/["\\]/g, '\\$&');
    }

    function revealSection(id, moveFocus) {
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

    function applyFocus(focus) {
      if (!focus || typeof focus !== 'object') return undefined;
      if (focus.kind === 'attempt') {
        ui.selectedAttemptId = focus.attemptId;
        delete ui.selectedStep[focus.attemptId];
        ui.open.attempts = true;
        return () => {
          revealSection('attempts', false);
          const row = app.querySelector('.attempt-row.selected');
          if (row) row.focus({ preventScroll: true });
        };
      }
      if (focus.kind === 'explain') {
        ui.explainText = typeof focus.input === 'string' ? focus.input : ui.explainText;
        ui.explainResult = { input: String(focus.input || ''), diagnosis: focus.diagnosis, problem: focus.problem, at: state.now };
        ui.open.explain = true;
        return () => revealSection('explain', false);
      }
      if (focus.kind === 'section') {
        ui.open[focus.section] = true;
        return () => revealSection(focus.section, true);
      }
      return undefined;
    }

    function onMessage(event) {
      const message = event.data;
      if (!message || message.command !== 'state' || !message.state || typeof message.state !== 'object') return;
      state = message.state;
      if (!Array.isArray(state.attempts)) state.attempts = [];
      clockOffset = typeof state.now === 'number' ? state.now - Date.now() : 0;
      const after = applyFocus(state.focus);
      if (ui.selectedAttemptId && !state.attempts.some((a) => a.id === ui.selectedAttemptId)) {
        ui.selectedAttemptId = undefined;
      }
      // Forget step choices for attempts that are gone (keeps the saved state small).
      for (const id of Object.keys(ui.selectedStep)) {
        if (!state.attempts.some((a) => a.id === id)) delete ui.selectedStep[id];
      }
      persist();
      render();
      if (after) after();
      announceChanges();
    }

    /** Tells screen readers about results that arrived after the user asked (not on the first state). */
    function announceChanges() {
      const p = state.permission;
      announce('permission', p, p && (p.operation
        ? 'Permission check: ' + p.method + ' ' + p.path + (p.operation.appPermission ? ' needs ' + p.operation.appPermission + (p.granted === true ? ', granted.' : p.granted === false ? ', not granted.' : '.') : ' needs no app permission.')
        : 'Permission check: no RingCentral operation matches ' + p.method + ' ' + p.path + '.'));
      const check = state.redirect && state.redirect.check;
      announce('redirect', check && { sent: check.sent, comparisons: check.comparisons }, check && (check.matched
        ? 'Redirect URI check: registered, exact match.'
        : 'Redirect URI check: not registered. ' + (check.fix && check.fix.explanation ? check.fix.explanation : '')));
      const r = ui.explainResult;
      announce('explain', r && { input: r.input, at: r.at }, r && (r.diagnosis
        ? 'Explained: ' + (r.diagnosis.code ? r.diagnosis.code + '. ' : '') + r.diagnosis.summary
        : r.problem || 'Nothing recognisable in this text.'));
    }

    win.addEventListener('message', onMessage);
    // Four ticks a second keep the countdowns within a quarter second of the real second boundary.
    win.setInterval(tick, 250);
    post({ command: 'ready' });
    // A reply posted while VS Code still counts the new panel as hidden is dropped; ask again until state comes.
    let readyRetries = 0;
    const askAgain = win.setInterval(() => {
      if (state || ++readyRetries > 20) {
        win.clearInterval(askAgain);
        return;
      }
      post({ command: 'ready' });
    }, 1000);
  }

  return {
    boot: boot,
    fixActionLabel: fixActionLabel,
    secondsLeft: secondsLeft,
    retryLabel: retryLabel,
    formatDuration: formatDuration,
    formatClock: formatClock,
    expiryText: expiryText,
    prettyBody: prettyBody,
    requestText: requestText,
    responseText: responseText,
    defaultStepIndex: defaultStepIndex,
    attemptsNewestFirst: attemptsNewestFirst,
    failureText: failureText,
  };
});
