// The redirect back from RingCentral: `code` + `state` (+ expires_in), or `error` + `error_description`.

export type CallbackResult =
  | { kind: 'code'; code: string; state: string; expiresIn?: number; issuer?: string }
  | { kind: 'error'; error: string; description?: string; state?: string; issuer?: string }
  | { kind: 'invalid'; reason: string };

/**
 * Accepts a whole URL (what the user pastes, what the loopback server sees) or a bare query string.
 * Parameters in a fragment are read too: some browsers or proxies move them there.
 */
export function parseCallback(input: string): CallbackResult {
  const text = input.trim();
  if (!text) {
    return {
      kind: 'invalid',
      reason: 'Nothing was pasted. Paste the whole address from the browser after you approved access.',
    };
  }
  const params = extractParams(text);
  const error = params.get('error');
  // RFC 9207: the authorization server's own name, checked against the server the sign-in talks to.
  const issuer = params.get('iss') ?? undefined;
  if (error) {
    return {
      kind: 'error',
      error,
      description: params.get('error_description') ?? undefined,
      state: params.get('state') ?? undefined,
      ...(issuer !== undefined ? { issuer } : {}),
    };
  }
  const code = params.get('code');
  const state = params.get('state');
  if (!code) {
    return {
      kind: 'invalid',
      reason:
        'The address has no "code" parameter. Copy it from the browser after RingCentral sent you back (it contains ?code=…&state=…).',
    };
  }
  if (!state) {
    return {
      kind: 'invalid',
      reason:
        'The address has a code but no "state" parameter, so it cannot be matched to this sign-in. Start Sign In again.',
    };
  }
  const expiresIn = Number(params.get('expires_in'));
  return {
    kind: 'code',
    code,
    state,
    expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : undefined,
    ...(issuer !== undefined ? { issuer } : {}),
  };
}

function extractParams(text: string): URLSearchParams {
  const merged = new URLSearchParams();
  const queryStart = text.indexOf('?');
  const hashStart = text.indexOf('#');
  const looksLikeUrl = /^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('/');
  const query =
    looksLikeUrl || queryStart >= 0
      ? queryStart >= 0
        ? text.slice(queryStart + 1, hashStart > queryStart ? hashStart : undefined)
        : ''
      : text;
  const fragment = hashStart >= 0 ? text.slice(hashStart + 1) : '';
  for (const part of [query, fragment]) {
    new URLSearchParams(part).forEach((value, key) => {
      if (!merged.has(key)) merged.set(key, LITERAL_PLUS.has(key) ? (literalPlusValue(part, key) ?? value) : value);
    });
  }
  return merged;
}

/** Codes and states never contain spaces: a raw '+' in them is a '+' (form decoding would make it a space). */
const LITERAL_PLUS = new Set(['code', 'state']);

function literalPlusValue(part: string, name: string): string | undefined {
  for (const pair of part.split('&')) {
    const equals = pair.indexOf('=');
    const key = equals < 0 ? pair : pair.slice(0, equals);
    if (key !== name) continue;
    try {
      return decodeURIComponent(equals < 0 ? '' : pair.slice(equals + 1));
    } catch {
      return undefined; // malformed %-escape: keep the form-decoded value
    }
  }
  return undefined;
}
