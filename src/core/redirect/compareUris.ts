// Compares the redirect URI this editor sends with one registered on the RingCentral app.
// RingCentral matches redirect URIs exactly (scheme, host, port, path, trailing slash, case, query), so this
// never normalises with WHATWG URL: it splits each URI into raw parts and classifies every part that differs.
import { compareParts } from './compareParts';
import { Differences } from './differences';
import { MAX_REDIRECT_URI_LENGTH, RegisteredComparison } from './mismatch';
import { isDynamicRedirectUri, safeDecode, splitUri } from './redirectUri';
import { globMatches, show, trimInvisible, whitespaceNote } from './uriText';

function clipped(text: string): string {
  return text.length > 80 ? `${show(text.slice(0, 60))}… (${text.length} characters)` : show(text);
}

/** An over-long URI is a pasting accident (or a hostile setting): say so instead of comparing it. */
function tooLongNote(sent: string, registered: string): string | undefined {
  if (sent.length > MAX_REDIRECT_URI_LENGTH) {
    return `The URI the editor sends, ${clipped(sent)}, is longer than ${MAX_REDIRECT_URI_LENGTH} characters, which no redirect URI needs. Check the redirect settings.`;
  }
  if (registered.length > MAX_REDIRECT_URI_LENGTH) {
    return `The registered entry ${clipped(registered)} is longer than ${MAX_REDIRECT_URI_LENGTH} characters, so it is not compared: replace it with ${clipped(sent)}.`;
  }
  return undefined;
}

/**
 * Compares the URI this editor sends with one registered URI, byte for byte, and names every part that
 * differs. `options.dynamic` overrides the per-session detection of the sent URI.
 */
export function compareRedirectUris(
  sent: string,
  registered: string,
  options: { dynamic?: boolean } = {},
): RegisteredComparison {
  if (sent === registered) return { registered, matches: true, differences: [], kind: 'exact-match' };
  const diffs = new Differences();
  const result = (): RegisteredComparison => {
    const differences = diffs.list();
    return { registered, matches: false, differences, kind: differences[0]?.kind ?? 'not-a-url' };
  };

  const tooLong = tooLongNote(sent, registered);
  if (tooLong) {
    diffs.add('not-a-url', tooLong);
    return result();
  }

  const s = trimInvisible(sent);
  let r = trimInvisible(registered);
  const registeredNote = whitespaceNote(registered);
  const sentNote = whitespaceNote(sent);
  if (registeredNote && r.length > 0) {
    diffs.add(
      'whitespace',
      `The registered URI ${show(registered)} ${registeredNote}; the editor sends ${show(sent)}. Edit it so it is exactly ${show(s)}.`,
    );
  }
  if (sentNote && s.length > 0) {
    diffs.add(
      'whitespace',
      `The URI the editor sends ${show(sent)} ${sentNote}; check the redirect settings so it is exactly ${show(s)}.`,
    );
  }
  if (s === r && s.length > 0) return result();

  if (options.dynamic ?? isDynamicRedirectUri(s)) {
    diffs.add(
      'dynamic-host',
      `You send ${show(s)}, a per-session address from this web or remote editor (it changes from session to session), ` +
        `and the app has ${show(r)} registered. Registering it would not last: switch the redirect mode to loopback or paste.`,
    );
    return result();
  }

  const sentSplit = splitUri(s);
  if (!sentSplit.ok) {
    diffs.add(
      'not-a-url',
      `The URI the editor sends, ${show(sent)}, is not a complete URL: ${sentSplit.reason}. Check the redirect settings.`,
    );
    return result();
  }
  let registeredSplit = splitUri(r);
  if (!registeredSplit.ok) {
    // Copied from inside an authorize URL: vscode%3A%2F%2F… is the percent-encoded form of a real URI.
    const decoded = safeDecode(r);
    const decodedSplit = decoded !== r ? splitUri(decoded) : undefined;
    if (decodedSplit?.ok) {
      diffs.add(
        'percent-encoding',
        `The registered URI ${show(r)} is percent-encoded (as it appears inside an authorize URL); the editor sends ${show(s)}. ` +
          `Register it decoded: ${show(s)}.`,
      );
      if (decoded === s) return result();
      r = decoded;
      registeredSplit = decodedSplit;
    } else {
      diffs.add(
        'not-a-url',
        `The registered entry ${show(registered)} is not a complete URL: ${registeredSplit.reason}. Replace it with ${show(s)}.`,
      );
      return result();
    }
  }

  if (r.includes('*')) {
    diffs.add(
      'wildcard',
      `The registered URI ${show(r)} contains "*", but RingCentral has no wildcards: the "*" is compared as a literal character ` +
        `and cannot match ${show(s)}. Register ${show(s)} exactly.`,
    );
    if (globMatches(s, r)) return result();
  }

  compareParts(diffs, s, sentSplit.parts, r, registeredSplit.parts);
  if (diffs.size === 0) {
    // Cannot happen for non-identical texts (the parts rebuild the text), but never claim a match.
    diffs.add('path', `You send ${show(s)}, the app has ${show(registered)} registered. Register ${show(s)}.`);
  }
  return result();
}
