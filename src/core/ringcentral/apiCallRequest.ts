// What Try an API Call sends: a method and a path on the session's own server, its {parameters} filled in, and a
// JSON body. Input comes from a quick pick, an input box or another extension's command argument: every check
// here is about not sending a token somewhere else, or something the user did not mean.
import type { HttpMethod } from './http';

export const API_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The OpenAPI template of "who am I" (GET /restapi/v1.0/account/~/extension/~): first in the pick. */
export const WHO_AM_I_TEMPLATE = '/restapi/v1.0/account/{accountId}/extension/{extensionId}';

/** `~` is RingCentral's "the signed-in user's account / extension". */
const PARAMETER_DEFAULTS: Readonly<Record<string, string>> = { accountId: '~', extensionId: '~' };

const MAX_PATH_LENGTH = 2000;
const MAX_BODY_LENGTH = 1_000_000;

export type ApiCallInputError = { ok: false; code: 'method' | 'path' | 'body'; message: string };

export function isApiMethod(method: string): method is HttpMethod {
  return (API_METHODS as readonly string[]).includes(method);
}

/** `{accountId}`, `{extensionId}`, `{contactId}` … in the order they appear. */
export function pathParameterNames(template: string): string[] {
  return [...template.matchAll(/\{([^{}/]+)\}/g)].map((match) => match[1]);
}

/** The value a parameter gets without asking (`~` for the account and the extension), or undefined: ask. */
export function defaultPathParameter(name: string): string | undefined {
  return PARAMETER_DEFAULTS[name];
}

/** A value typed for a {parameter}: one path segment, so it cannot walk to another path. */
export function checkPathParameterValue(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return 'Enter a value.';
  if (/[/\\?#\s]/.test(trimmed)) return 'One path segment: no slashes, spaces, "?" or "#".';
  if (trimmed === '.' || trimmed === '..') return 'Not "." or "..".';
  return undefined;
}

/** Replaces each {name} with its value, percent-encoded (`~` stays as it is). */
export function fillPathTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^{}/]+)\}/g, (whole, name: string) => {
    const value = values[name] ?? defaultPathParameter(name);
    if (value === undefined) return whole;
    return value === '~' ? '~' : encodeURIComponent(value.trim());
  });
}

/**
 * A method and a path from a command argument or a pick. The path is appended to the session's server, so it
 * must be a path (not a URL, not `//host`), without `..`, and not an OAuth endpoint (those spend the Auth budget).
 */
export function checkApiCall(
  method: string,
  path: string,
): { ok: true; method: HttpMethod; path: string } | ApiCallInputError {
  const upper = method.trim().toUpperCase();
  if (!isApiMethod(upper)) {
    return { ok: false, code: 'method', message: `Method must be one of ${API_METHODS.join(', ')}.` };
  }
  const trimmed = path.trim();
  if (trimmed.length > MAX_PATH_LENGTH) {
    return { ok: false, code: 'path', message: `The path is longer than ${MAX_PATH_LENGTH} characters.` };
  }
  if (!trimmed.startsWith('/') || trimmed.startsWith('//') || /[\s\\]/.test(trimmed)) {
    return {
      ok: false,
      code: 'path',
      message: 'Give a path on the signed-in server, such as /restapi/v1.0/account/~/extension/~ (no host, no spaces).',
    };
  }
  const pathOnly = trimmed.replace(/[?#].*$/s, '');
  if (pathOnly.split('/').some((segment) => segment === '..' || segment === '.')) {
    return { ok: false, code: 'path', message: 'The path must not contain "." or ".." segments.' };
  }
  if (/\{[^{}/]*\}/.test(pathOnly)) {
    return { ok: false, code: 'path', message: 'Fill in every {parameter} of the path first.' };
  }
  if (!isTryablePath(pathOnly)) {
    return {
      ok: false,
      code: 'path',
      message:
        'OAuth endpoints are not API calls: use Sign In, Refresh Token or Sign Out (they count against the Auth rate limit).',
    };
  }
  return { ok: true, method: upper, path: trimmed };
}

/** Operations a bearer token can call: not the OAuth endpoints, not OpenID discovery. */
export function isTryablePath(pathOrTemplate: string): boolean {
  const lower = pathOrTemplate.toLowerCase();
  return !lower.startsWith('/restapi/oauth/') && !lower.startsWith('/.well-known/');
}

/** POST, PUT and PATCH carry a JSON body; GET and DELETE none. */
export function takesBody(method: HttpMethod): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH';
}

/** The body typed in the input box: JSON, bounded. */
export function parseJsonBody(text: string): { ok: true; value: unknown } | ApiCallInputError {
  if (text.length > MAX_BODY_LENGTH) {
    return {
      ok: false,
      code: 'body',
      message: `The body is longer than ${MAX_BODY_LENGTH.toLocaleString()} characters.`,
    };
  }
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch (error) {
    return { ok: false, code: 'body', message: `Not valid JSON: ${(error as Error).message}` };
  }
}
