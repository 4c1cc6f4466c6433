// Property tests for every parser of outside input: 10,000 generated cases each, no crash (only the
// documented result shapes or error type), and no single input over the per-input time bound.
// Generators mix ordinary values with hostile ones: long runs of spaces, repeated tokens ("407 ", "SSL ",
// "*", "%"), nested brackets, near-miss URLs and JSON.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCallback } from '../../../src/core/oauth/callback';
import { diagnose } from '../../../src/core/diagnosis/diagnose';
import { parseFailureText } from '../../../src/core/diagnosis/parseFailureText';
import { maskJsonBody, maskSecretsInText } from '../../../src/core/trace/mask';
import { checkRedirectUri } from '../../../src/core/redirect/checkRedirectUri';
import { compareRedirectUris } from '../../../src/core/redirect/compareUris';
import { parseRegisteredList } from '../../../src/core/redirect/parseRegisteredList';
import { globMatches } from '../../../src/core/redirect/uriText';
import { describeErrorInfo, parseErrorBody, parseRetryAfter } from '../../../src/core/ringcentral/ringcentralError';
import { checkServerUrl } from '../../../src/core/ringcentral/serverUrl';
import { readTokenResponse, toTokenSet } from '../../../src/core/oauth/tokenSet';
import { preview, withinTimeBound } from './timeBound';
import { anyText, errorBody, paste, serverLike, uriLike } from './arbitraries';

const RUNS = 10_000;
const params = { numRuns: RUNS };

function isPlainJson(value: unknown): boolean {
  return JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value);
}

describe(`fuzz: parsers of outside input (${RUNS.toLocaleString()} cases each)`, function () {
  // 10,000 cases per property on a shared machine: the per-input bound is what matters, not mocha's.
  this.timeout(120_000);

  it('callback URL: parseCallback returns code, error or invalid, never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          uriLike,
          fc.tuple(uriLike, anyText, anyText).map(([u, c, s]) => `${u}?code=${c}&state=${s}`),
        ),
        (input) => {
          const result = withinTimeBound(`parseCallback(${preview(input)})`, () => parseCallback(input));
          switch (result.kind) {
            case 'code':
              assert.ok(result.code.length > 0 && result.state.length > 0);
              assert.ok(result.expiresIn === undefined || (Number.isFinite(result.expiresIn) && result.expiresIn > 0));
              break;
            case 'error':
              assert.ok(typeof result.error === 'string' && result.error.length > 0);
              break;
            case 'invalid':
              assert.ok(result.reason.length > 0);
              break;
            default:
              assert.fail(`unexpected result ${JSON.stringify(result)}`);
          }
        },
      ),
      params,
    );
  });

  it('callback URL: a code and state put in by encodeURIComponent come back exactly', () => {
    const value = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      .filter((s) => s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(
        value,
        value,
        fc.constantFrom('http://127.0.0.1:53134/callback?', 'vscode://pub.ext/callback?', '?', ''),
        (code, state, prefix) => {
          const result = withinTimeBound('parseCallback', () =>
            parseCallback(`${prefix}code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`),
          );
          assert.deepEqual(result, { kind: 'code', code, state, expiresIn: undefined });
        },
      ),
      params,
    );
  });

  it('token response: readTokenResponse returns a usable token set or throws its plain Error', () => {
    const tokenish = fc.record(
      {
        access_token: fc.oneof(fc.string({ maxLength: 40 }), fc.anything()),
        token_type: fc.oneof(fc.constant('bearer'), fc.anything()),
        expires_in: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 6 }), fc.anything()),
        refresh_token: fc.oneof(fc.string({ maxLength: 40 }), fc.anything()),
        refresh_token_expires_in: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 6 }), fc.anything()),
        scope: fc.anything(),
        owner_id: fc.oneof(fc.integer(), fc.string({ maxLength: 12 }), fc.anything()),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      tokenish,
      fc.anything(),
      anyText.map((t) => {
        try {
          return JSON.parse(t) as unknown;
        } catch {
          return t;
        }
      }),
    );
    fc.assert(
      fc.property(body, (input) => {
        let response: ReturnType<typeof readTokenResponse>;
        try {
          response = withinTimeBound(`readTokenResponse(${preview(input)})`, () => readTokenResponse(input));
        } catch (error) {
          assert.ok(
            error instanceof Error && /^The token endpoint answered 200 without/.test(error.message),
            `unexpected error ${String(error)}`,
          );
          return;
        }
        assert.ok(typeof response.access_token === 'string' && response.access_token.length > 0);
        assert.ok(Number.isFinite(response.expires_in) && response.expires_in > 0);
        const set = toTokenSet(response, 1_700_000_000_000);
        assert.ok(
          Number.isFinite(set.accessExpiresAt) && set.accessExpiresAt > set.issuedAt,
          `access expiry ${set.accessExpiresAt}`,
        );
        assert.ok(
          set.refreshExpiresAt === undefined || Number.isFinite(set.refreshExpiresAt),
          `refresh expiry ${set.refreshExpiresAt}`,
        );
      }),
      params,
    );
  });

  it('error body: parseErrorBody returns undefined or string fields; Retry-After is a whole number of seconds', () => {
    fc.assert(
      fc.property(
        fc.oneof(errorBody, fc.anything()),
        fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
        fc.oneof(
          anyText,
          fc.integer().map(String),
          fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toUTCString())),
        ),
        (body, status, retryAfter) => {
          const info = withinTimeBound(`parseErrorBody(${preview(body)})`, () => parseErrorBody(body, status));
          if (info !== undefined) {
            for (const key of ['code', 'topLevelCode', 'error', 'message', 'description', 'permissionName'] as const) {
              assert.ok(
                info[key] === undefined || (typeof info[key] === 'string' && info[key].length > 0),
                `${key}: ${String(info[key])}`,
              );
            }
            assert.ok(
              info.code !== undefined ||
                info.error !== undefined ||
                info.message !== undefined ||
                info.description !== undefined,
            );
            assert.equal(typeof describeErrorInfo(info), 'string');
          }
          const seconds = withinTimeBound(`parseRetryAfter(${preview(retryAfter)})`, () =>
            parseRetryAfter(retryAfter, 1_700_000_000_000),
          );
          assert.ok(
            seconds === undefined || (Number.isInteger(seconds) && seconds >= 0),
            `Retry-After ${retryAfter} → ${seconds}`,
          );
        },
      ),
      params,
    );
  });

  it('pasted text: parseFailureText + diagnose give a known Failure and a plain-JSON Diagnosis, never throw', () => {
    const kinds = new Set(['api', 'callback', 'http', 'transport']);
    fc.assert(
      fc.property(paste, (text) => {
        const failure = withinTimeBound(`parseFailureText(${preview(text)})`, () => parseFailureText(text));
        if (failure === undefined) return;
        assert.ok(kinds.has(failure.kind), JSON.stringify(failure));
        const diagnosis = withinTimeBound(`diagnose(${preview(failure)})`, () =>
          diagnose(failure, { server: 'https://platform.ringcentral.com', phase: 'token' }),
        );
        assert.ok(typeof diagnosis.id === 'string' && diagnosis.id.length > 0);
        assert.ok(typeof diagnosis.summary === 'string' && diagnosis.summary.length > 0);
        assert.ok(Array.isArray(diagnosis.causes) && Array.isArray(diagnosis.fixes));
        assert.ok(isPlainJson(diagnosis));
      }),
      params,
    );
  });

  it('redirect comparison: compareRedirectUris matches exactly the identical text, and names a difference otherwise', () => {
    fc.assert(
      fc.property(
        uriLike,
        fc.oneof(uriLike, fc.constant('vscode://*********X')),
        fc.boolean(),
        (sent, registered, same) => {
          const other = same ? sent : registered;
          const comparison = withinTimeBound(`compareRedirectUris(${preview(sent)}, ${preview(other)})`, () =>
            compareRedirectUris(sent, other),
          );
          assert.equal(comparison.matches, sent === other);
          if (!comparison.matches) {
            assert.ok(comparison.differences.length > 0);
            assert.equal(comparison.kind, comparison.differences[0].kind);
          }
        },
      ),
      params,
    );
  });

  it('redirect comparison: checkRedirectUri and parseRegisteredList never throw', () => {
    fc.assert(
      fc.property(
        uriLike,
        fc.array(uriLike, { maxLength: 6 }),
        fc.constantFrom('uriHandler', 'loopback', 'paste') as fc.Arbitrary<'uriHandler' | 'loopback' | 'paste'>,
        anyText,
        (sent, registered, mode, pasted) => {
          const result = withinTimeBound(`checkRedirectUri(${preview(sent)}, ${preview(registered)})`, () =>
            checkRedirectUri({ sent, mode, registered, uriScheme: 'vscode' }),
          );
          assert.equal(result.matched, registered.includes(sent));
          assert.equal(result.comparisons.length, registered.length);
          const list = withinTimeBound(`parseRegisteredList(${preview(pasted)})`, () =>
            parseRegisteredList(`${pasted}\n${registered.join(', ')}`),
          );
          assert.ok(list.every((item) => typeof item === 'string'));
        },
      ),
      params,
    );
  });

  it('redirect comparison: globMatches agrees with a reference regex on small patterns', () => {
    const small = fc.string({ unit: fc.constantFrom('a', 'b', '*'), maxLength: 10 });
    const reference = (text: string, pattern: string): boolean =>
      new RegExp(
        `^${pattern
          .split('*')
          .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
        's',
      ).test(text);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 12 }), small, (text, pattern) => {
        assert.equal(
          globMatches(text, pattern),
          reference(text, pattern),
          `${JSON.stringify(text)} ~ ${JSON.stringify(pattern)}`,
        );
      }),
      params,
    );
  });

  it('server URL: checkServerUrl accepts only https (or http on loopback) base URLs, idempotently, never throws', () => {
    fc.assert(
      fc.property(serverLike, (raw) => {
        const check = withinTimeBound(`checkServerUrl(${preview(raw)})`, () => checkServerUrl(raw));
        if (!check.ok) {
          assert.ok(check.message.length > 0);
          return;
        }
        const url = new URL(check.url);
        assert.ok(url.protocol === 'https:' || (url.protocol === 'http:' && check.isLoopback), check.url);
        assert.equal(url.search, '');
        assert.equal(url.hash, '');
        assert.ok(!check.url.endsWith('/'), check.url);
        const again = checkServerUrl(check.url);
        assert.ok(again.ok && again.url === check.url, `${check.url} → ${JSON.stringify(again)}`);
      }),
      params,
    );
  });

  it('masking: never throws, and a secret placed in a form, JSON, curl header or error parameter is not visible', () => {
    const secret = fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')),
      minLength: 16,
      maxLength: 64,
    });
    const safeText = fc.string({ unit: fc.constantFrom(...'abc XYZ 123 .,:;!-\n'.split('')), maxLength: 40 });
    const contexts: Array<(s: string) => string> = [
      (s) => `grant_type=refresh_token&refresh_token=${s}&client_id=x`,
      (s) => JSON.stringify({ refreshToken: s }),
      (s) => JSON.stringify({ outer: { body: `code=${s}&code_verifier=${s}` } }),
      (s) =>
        JSON.stringify({
          errors: [{ errorCode: 'OAU-213', parameters: [{ parameterName: 'access_token', parameterValue: s }] }],
        }),
      (s) => `-H 'Authorization: Bearer ${s}'`,
      (s) => `"client_secret": "${s}"`,
    ];
    fc.assert(
      fc.property(
        secret,
        fc.nat({ max: contexts.length - 1 }),
        safeText,
        safeText,
        anyText,
        (s, which, before, after, noise) => {
          const text = `${before} ${contexts[which](s)} ${after}`;
          const masked = withinTimeBound(`maskSecretsInText(${preview(text)})`, () => maskSecretsInText(text));
          assert.ok(!masked.includes(s), `${s} visible in ${masked}`);
          withinTimeBound(`maskSecretsInText(${preview(noise)})`, () => maskSecretsInText(noise));
          withinTimeBound(`maskJsonBody(${preview(noise)})`, () => maskJsonBody(noise));
        },
      ),
      params,
    );
  });
});
