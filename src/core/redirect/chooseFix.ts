// Picks the single most useful fix for a redirect URI that matches nothing registered: switch the redirect mode
// when the app already has a URI another mode sends (no change on the app), otherwise register the exact URI.
import { MAX_REGISTERED_REDIRECT_URIS, MISMATCH_KIND_LABELS, RedirectFix, RegisteredComparison } from './mismatch';
import {
  RedirectMode,
  isDynamicRedirectUri,
  loopbackRedirectUri,
  splitUri,
  uriHandlerCallbackUri,
} from './redirectUri';
import { isHttpScheme, show, trimInvisible } from './uriText';

function safeHandlerUri(uriScheme: string): string | undefined {
  try {
    return uriHandlerCallbackUri(uriScheme);
  } catch {
    return undefined;
  }
}

/** The registered URI is exactly what loopback mode sends for some port: http://127.0.0.1:PORT/callback. */
function loopbackPortOf(uri: string): number | undefined {
  const match = /^http:\/\/127\.0\.0\.1:(\d{1,5})\/callback$/.exec(uri);
  if (!match) return undefined;
  const port = Number(match[1]);
  return port >= 1 && port <= 65535 && String(port) === match[1] ? port : undefined;
}

/** A registered URI the paste mode could use: a clean, non-dynamic http(s) URI. */
function isPasteCandidate(uri: string): boolean {
  if (uri !== trimInvisible(uri) || uri.includes('*') || isDynamicRedirectUri(uri)) return false;
  const split = splitUri(uri);
  return split.ok && isHttpScheme(split.parts.scheme) && split.parts.fragment === undefined;
}

export interface ChooseFixInput {
  sent: string;
  mode: RedirectMode;
  registered: string[];
  loopbackPort: number;
  uriScheme?: string;
  dynamic: boolean;
  matched: boolean;
  comparisons: RegisteredComparison[];
  closest?: number;
}

export function chooseFix(input: ChooseFixInput): RedirectFix {
  const { sent, mode, registered, loopbackPort, dynamic, matched, comparisons, closest } = input;
  if (matched) return { kind: 'none' };

  const loopbackRegistered = registered.find((uri) => loopbackPortOf(uri) !== undefined);
  const ownLoopback = loopbackRedirectUri(loopbackPort);

  if (dynamic) {
    if (registered.includes(ownLoopback) || (loopbackRegistered && mode !== 'loopback')) {
      const uri = registered.includes(ownLoopback) ? ownLoopback : (loopbackRegistered ?? ownLoopback);
      return {
        kind: 'switchMode',
        mode: 'loopback',
        uri,
        explanation:
          `This editor sends a per-session address (${show(sent)}) that cannot be registered. ${show(uri)} is already registered: ` +
          `switch the redirect mode to loopback${uri === ownLoopback ? '' : ` with port ${loopbackPortOf(uri) ?? ''}`}. ` +
          'If the browser cannot reach this machine, use the paste mode.',
      };
    }
    const pasteTarget = registered.find(isPasteCandidate);
    if (pasteTarget) {
      return {
        kind: 'switchMode',
        mode: 'paste',
        uri: pasteTarget,
        explanation:
          `This editor sends a per-session address (${show(sent)}) that cannot be registered. Switch the redirect mode to paste ` +
          `with the registered ${show(pasteTarget)}, then paste the address the browser lands on.`,
      };
    }
    return {
      kind: 'switchMode',
      mode: 'loopback',
      uri: ownLoopback,
      explanation:
        `This editor sends a per-session address (${show(sent)}) that cannot be registered. Register ${show(ownLoopback)} on the app ` +
        'and switch the redirect mode to loopback (or to paste, if the browser cannot reach this machine).',
    };
  }

  // Not dynamic: a mode switch needs no change on the app, so it wins when the app already has the right URI.
  if (mode !== 'loopback' && loopbackRegistered) {
    const port = loopbackPortOf(loopbackRegistered);
    return {
      kind: 'switchMode',
      mode: 'loopback',
      uri: loopbackRegistered,
      explanation:
        `The app already has ${show(loopbackRegistered)} registered. Switch the redirect mode to loopback` +
        `${port !== loopbackPort ? ` and set the loopback port to ${port ?? ''}` : ''}, or register ${show(sent)}.`,
    };
  }
  if (mode !== 'uriHandler' && input.uriScheme) {
    const handlerUri = safeHandlerUri(input.uriScheme);
    if (handlerUri !== undefined && registered.includes(handlerUri)) {
      return {
        kind: 'switchMode',
        mode: 'uriHandler',
        uri: handlerUri,
        explanation: `The app already has ${show(handlerUri)} registered: switch the redirect mode to the URI handler, or register ${show(sent)}.`,
      };
    }
  }

  const near = closest !== undefined ? comparisons[closest] : undefined;
  let explanation = `Add exactly ${show(sent)} as a redirect URI on the app (Developer Console → app → Settings → OAuth Redirect URI).`;
  if (near && !near.matches && near.differences.length > 0) {
    const summary = near.differences.map((d) => MISMATCH_KIND_LABELS[d.kind]).join(', ');
    explanation += ` The closest registered URI, ${show(near.registered)}, differs in: ${summary}; you can edit it instead if nothing else uses it.`;
  }
  if (mode === 'loopback') {
    const otherPort = registered.map(loopbackPortOf).find((port) => port !== undefined && port !== loopbackPort);
    if (otherPort !== undefined)
      explanation += ` Or set the loopback port to ${otherPort} to use the registered ${show(loopbackRedirectUri(otherPort))}.`;
  }
  if (mode === 'paste') {
    const pasteTarget = registered.find(isPasteCandidate);
    if (pasteTarget)
      explanation += ` Or, in paste mode, set the paste redirect URI to the registered ${show(pasteTarget)}.`;
  }
  if (registered.length >= MAX_REGISTERED_REDIRECT_URIS) {
    explanation += ` The app already lists ${registered.length} (RingCentral allows ${MAX_REGISTERED_REDIRECT_URIS}): replace one.`;
  }
  return { kind: 'register', uri: sent, explanation };
}
