// Generators for the parser fuzz tests (parsers.test.ts): ordinary values mixed with hostile ones (long runs of
// spaces, repeated tokens, nested brackets, near-miss URLs and JSON).
import fc from 'fast-check';

export const HOSTILE_UNITS = [
  '407 ',
  'SSL ',
  'TLS ',
  '*',
  '%',
  '%2',
  '{',
  '}',
  '[',
  ']',
  '[{',
  '"',
  '\\"',
  ' ',
  '\t',
  '\r\n',
  '\n',
  '<',
  '<title>',
  'error=',
  'status ',
  'HTTP/1.1 ',
  'eyJ',
  'Bearer ',
  '&',
  '=',
  '?',
  '#',
  '://',
  ':',
  '\u200b',
  '\u00a0',
  'OAU-',
  'errorCode',
  'access_token=',
];

/** One unit repeated a few hundred times: enough to show a quadratic parser, small enough for 10,000 runs. */
export const repeated = fc
  .tuple(fc.constantFrom(...HOSTILE_UNITS), fc.integer({ min: 1, max: 400 }))
  .map(([unit, n]) => unit.repeat(n));

/** Text built from hostile pieces, random text and repeats. */
export const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE_UNITS),
      fc.string({ maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 10 }),
      repeated,
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

export const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  hostileText,
  repeated,
);

export const rcCode = fc.oneof(
  fc.constantFrom('OAU-113', 'OAU-213', 'OAU-109', 'CMN-401', 'CMN-102', 'TokenInvalid', 'InsufficientPermissions'),
  fc.string({ maxLength: 12 }),
);
export const oauthError = fc.oneof(
  fc.constantFrom('invalid_grant', 'invalid_client', 'access_denied', 'unauthorized_client', 'server_error'),
  fc.string({ maxLength: 12 }),
);

/** RingCentral-like error bodies with fields of the right and of wrong types. */
export const errorBody = fc.record(
  {
    error: fc.oneof(oauthError, fc.anything()),
    error_description: fc.oneof(anyText, fc.anything()),
    errorCode: fc.oneof(rcCode, fc.anything()),
    message: fc.oneof(anyText, fc.anything()),
    permissionName: fc.oneof(fc.string({ maxLength: 20 }), fc.anything()),
    errors: fc.oneof(
      fc.array(
        fc.record(
          {
            errorCode: fc.oneof(rcCode, fc.anything()),
            message: fc.oneof(anyText, fc.anything()),
            permissionName: fc.anything(),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);

/** Pastes: bodies, whole HTTP responses, callback URLs, log lines, curl -v, HTML pages, hostile text. */
export const paste = fc.oneof(
  anyText,
  errorBody.map((body) => JSON.stringify(body) ?? ''),
  fc
    .tuple(
      fc.integer({ min: 100, max: 599 }),
      fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,12}$/), fc.string({ maxLength: 30 })), { maxLength: 4 }),
      errorBody,
      anyText,
    )
    .map(
      ([status, headers, body, tail]) =>
        `HTTP/1.1 ${status} X\r\n${headers.map(([n, v]) => `${n}: ${v}`).join('\r\n')}\r\n\r\n${JSON.stringify(body)}${tail}`,
    ),
  fc.tuple(anyText, errorBody, anyText).map(([head, body, tail]) => `${head} ${JSON.stringify(body)} ${tail}`),
  fc
    .tuple(oauthError, anyText)
    .map(
      ([error, description]) =>
        `https://x.test/callback?error=${encodeURIComponent(error)}&error_description=${description}`,
    ),
  fc.tuple(anyText, repeated).map(([a, b]) => `< HTTP/1.1 407 Proxy\n< Retry-After: ${a}\n<\n${b}`),
  fc.tuple(anyText, repeated).map(([a, b]) => `<html><head><title>${a}</title></head><body>${b}</body></html>`),
);

export const SCHEMES = ['vscode', 'vscode-insiders', 'cursor', 'http', 'https', 'HTTP', 'x-app'];
export const HOSTS = ['rcdevtools.ringcentral-oauth', '127.0.0.1', 'localhost', '[::1]', 'example.com', '*', 'a*b', ''];
export const uriLike = fc.oneof(
  fc
    .record({
      scheme: fc.constantFrom(...SCHEMES),
      user: fc.option(fc.constantFrom('u', 'u:p', '*'), { nil: undefined }),
      host: fc.oneof(fc.constantFrom(...HOSTS), fc.string({ maxLength: 10 })),
      port: fc.option(fc.oneof(fc.constantFrom('53134', '80', '', '*', '0'), fc.nat({ max: 70000 }).map(String)), {
        nil: undefined,
      }),
      path: fc.oneof(
        fc.constantFrom('/callback', '/callback/', '/Callback', '/%63allback', '', '/*'),
        fc.string({ maxLength: 20 }),
      ),
      query: fc.option(fc.oneof(fc.constantFrom('a=1&b=2', 'b=2&a=1', '', '*'), fc.string({ maxLength: 12 })), {
        nil: undefined,
      }),
      fragment: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
      pad: fc.constantFrom('', ' ', '\n', '\u200b', '\t'),
    })
    .map(
      ({ scheme, user, host, port, path, query, fragment, pad }) =>
        `${pad}${scheme}://${user !== undefined ? `${user}@` : ''}${host}${port !== undefined ? `:${port}` : ''}${path}${query !== undefined ? `?${query}` : ''}${fragment !== undefined ? `#${fragment}` : ''}${pad}`,
    ),
  anyText,
  fc.tuple(fc.constantFrom('vscode://', 'http://127.0.0.1:53134/'), repeated).map(([a, b]) => `${a}${b}`),
);

export const serverLike = fc.oneof(
  fc
    .record({
      scheme: fc.constantFrom('https', 'http', 'HTTPS', 'ftp', 'javascript', ''),
      host: fc.oneof(
        fc.constantFrom(
          'platform.ringcentral.com',
          'platform.devtest.ringcentral.com',
          '127.0.0.1',
          'localhost',
          '[::1]',
          '[::ffff:127.0.0.1]',
          'evil.test',
          'a.localhost',
        ),
        fc.string({ maxLength: 15 }),
      ),
      port: fc.option(fc.nat({ max: 70000 }).map(String), { nil: undefined }),
      path: fc.oneof(
        fc.constantFrom('', '/', '//', '/restapi', '/restapi/oauth/token', '/base/'),
        fc.string({ maxLength: 12 }),
        repeated,
      ),
      tail: fc.constantFrom('', '?a=1', '#x', ' ', '@x'),
    })
    .map(
      ({ scheme, host, port, path, tail }) =>
        `${scheme}://${host}${port !== undefined ? `:${port}` : ''}${path}${tail}`,
    ),
  anyText,
);
