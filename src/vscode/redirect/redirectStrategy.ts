// The three ways the browser hands the code back, behind one interface: the redirect URI to send, and how to wait.
import * as vscode from 'vscode';
import { notifyWarning } from '../notify';
import type { RedirectMode } from '../../core/redirect/redirectUri';
import { parseCallback } from '../../core/oauth/callback';
import type { CallbackOutcome, PendingAuthorizations } from '../../core/oauth/pendingAuthorizations';
import { isDynamicRedirectUri, loopbackRedirectUri, uriHandlerCallbackUri } from '../../core/redirect/redirectUri';
import { startLoopbackReceiver } from './loopbackServer';

export interface RedirectTarget {
  mode: RedirectMode;
  /** The exact redirect_uri string sent in both the authorize and the token request. */
  redirectUri: string;
  /** True when the host made the URI per session (web / remote): it cannot be registered once and for all. */
  dynamic: boolean;
}

export interface RedirectSettings {
  redirectMode: RedirectMode;
  loopbackPort: number;
  pasteRedirectUri: string;
}

/**
 * Web hosts hand out a new callback URI (vscode-reqid=N) per asExternalUri call and accept each one once.
 * We keep one until a callback has used it, so failed attempts and the mismatch checker all show the same URI.
 */
let cachedExternalUri: { scheme: string; uri: string } | undefined;

export async function resolveRedirectTarget(settings: RedirectSettings): Promise<RedirectTarget> {
  switch (settings.redirectMode) {
    case 'loopback':
      return { mode: 'loopback', redirectUri: loopbackRedirectUri(settings.loopbackPort), dynamic: false };
    case 'paste':
      return {
        mode: 'paste',
        redirectUri: settings.pasteRedirectUri || loopbackRedirectUri(settings.loopbackPort),
        dynamic: false,
      };
    case 'uriHandler': {
      const scheme = vscode.env.uriScheme;
      if (!cachedExternalUri || cachedExternalUri.scheme !== scheme) {
        const external = await vscode.env.asExternalUri(vscode.Uri.parse(uriHandlerCallbackUri(scheme)));
        // toString(true): the default encoder turns the web host's own query separators into %3D / %26,
        // and the workbench would no longer recognise its callback.
        cachedExternalUri = { scheme, uri: external.toString(true) };
      }
      return {
        mode: 'uriHandler',
        redirectUri: cachedExternalUri.uri,
        dynamic: isDynamicRedirectUri(cachedExternalUri.uri),
      };
    }
  }
}

/** After a callback came through a web host's one-time URI, the next sign-in needs a fresh one. */
export function forgetUsedRedirectUri(target: RedirectTarget): void {
  if (target.mode === 'uriHandler' && target.dynamic) {
    cachedExternalUri = undefined;
  }
}

export interface CallbackWaiter {
  wait(state: string, signal: AbortSignal): Promise<CallbackOutcome>;
  dispose(): void;
}

/** Starts whatever must listen before the browser opens (the loopback server), then waits for the callback. */
export async function prepareCallbackWaiter(
  target: RedirectTarget,
  settings: RedirectSettings,
  pending: PendingAuthorizations,
): Promise<CallbackWaiter> {
  if (target.mode === 'loopback') {
    const receiver = await startLoopbackReceiver(settings.loopbackPort, pending);
    return { wait: (state, signal) => pending.wait(state, signal), dispose: () => receiver.close() };
  }
  if (target.mode === 'paste') {
    return {
      wait: (state, signal) => {
        const result = pending.wait(state, signal);
        void askForPastedUrl(target.redirectUri, pending, signal);
        return result;
      },
      dispose: () => undefined,
    };
  }
  return { wait: (state, signal) => pending.wait(state, signal), dispose: () => undefined };
}

async function askForPastedUrl(
  redirectUri: string,
  pending: PendingAuthorizations,
  signal: AbortSignal,
): Promise<void> {
  const cancel = new vscode.CancellationTokenSource();
  signal.addEventListener('abort', () => cancel.cancel(), { once: true });
  while (!signal.aborted) {
    const pasted = await vscode.window.showInputBox(
      {
        title: 'RingCentral: paste the address the browser landed on',
        prompt: `After you approve, the browser goes to ${redirectUri}?code=…&state=… (the page may fail to load — that is fine). Copy the whole address and paste it here.`,
        placeHolder: `${redirectUri}?code=…&state=…`,
        ignoreFocusOut: true,
        validateInput: (value) => {
          const parsed = parseCallback(value);
          return parsed.kind === 'invalid' && value.trim() ? parsed.reason : undefined;
        },
      },
      cancel.token,
    );
    if (pasted === undefined) {
      if (!signal.aborted) {
        // Escape in the input box cancels the sign-in.
        pending.deliver(
          { kind: 'error', error: 'cancelled', description: 'You closed the paste box.' },
          { toOnlyPending: true },
        );
      }
      return;
    }
    const outcome = pending.deliver(parseCallback(pasted), { toOnlyPending: true });
    if (outcome === 'accepted') return;
    void notifyWarning(
      outcome === 'unknown-state'
        ? 'That address belongs to another sign-in attempt (its state does not match). Paste the address from the browser tab this sign-in opened.'
        : 'That is not a RingCentral sign-in address. Paste the whole address that starts with the redirect URI.',
    );
  }
}
