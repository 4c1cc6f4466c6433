// Property tests for the JWT credential check, an outside-input parser like the others in parsers.test.ts:
// 10,000 generated pastes per property, never a throw, never the catch-all, no single input over the time bound,
// and the paste never quoted back in an explanation.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkJwtCredential, type JwtCredentialCheck } from '../../../src/core/oauth/jwtCredential';
import { cleanPastedCredential, MAX_PASTE_LENGTH } from '../../../src/core/oauth/pastedCredential';
import { anyText, repeated } from './arbitraries';
import { preview, withinTimeBound } from './timeBound';
import { jwt, NOW, PRODUCTION, rcClaims, rcHeader } from '../oauth/jwtSamples';

const RUNS = 10_000;
const params = { numRuns: RUNS };
const SERVERS = [
  PRODUCTION,
  'https://platform.devtest.ringcentral.com',
  'http://127.0.0.1:5000',
  'https://x.example',
  '',
];

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** JWT-shaped pastes whose parts are hostile: odd JSON, huge numbers, nested arrays, wrong types. */
const jwtLike = fc
  .tuple(
    fc.oneof(fc.jsonValue(), fc.record({ alg: fc.oneof(fc.string(), fc.anything()) }), fc.constant(rcHeader())),
    fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          aud: fc.oneof(fc.string(), fc.array(fc.oneof(fc.string(), fc.webUrl())), fc.webUrl(), fc.anything()),
          iss: fc.oneof(fc.webUrl(), fc.anything()),
          exp: fc.oneof(fc.double(), fc.integer(), fc.anything()),
          iat: fc.oneof(fc.double(), fc.integer()),
          nbf: fc.oneof(fc.double(), fc.integer()),
          nonce: fc.string(),
        },
        { requiredKeys: [] },
      ),
      fc.constant(rcClaims()),
    ),
    fc.oneof(fc.string({ maxLength: 400 }), fc.constant('')),
    fc.constantFrom('', '"', "'", 'RC_JWT=', 'export JWT="', 'Bearer ', '  "jwt": "'),
  )
  .map(([header, claims, signature, prefix]) => `${prefix}${b64(header)}.${b64(claims)}.${signature}`);

/** Deep nesting inside a part: JSON.parse of "[[[[…" must neither throw out nor take long. */
const nested = fc
  .integer({ min: 1, max: 3000 })
  .map((depth) => `${b64(rcHeader())}.${b64('['.repeat(depth) + ']'.repeat(depth))}.sig`);

const paste = fc.oneof(anyText, repeated, jwtLike, nested, fc.string({ unit: 'binary', maxLength: 2000 }));

function assertShape(check: JwtCredentialCheck, input: string): void {
  const problems = check.ok ? check.warnings : [check.problem, ...check.otherProblems];
  if (!check.ok) {
    assert.equal(check.problem.severity, 'error');
    assert.notEqual(check.problem.code, 'jwt-unreadable', 'the catch-all must never be needed');
  } else {
    assert.ok(problems.every((p) => p.severity !== 'error'));
    assert.ok(check.credential.split('.').length === 3 && check.credential.startsWith('ey'));
  }
  for (const problem of problems) {
    assert.ok(problem.diagnosis.summary.length > 0 && problem.diagnosis.checkedLocally === true);
  }
  // Plain JSON (it is posted to a webview) that never quotes a secret-sized piece of the paste.
  const text = JSON.stringify(problems);
  const secretish = cleanedValue(input);
  if (secretish && secretish.length >= 24 && /^[A-Za-z0-9._-]+$/.test(secretish)) {
    assert.ok(!text.includes(secretish), 'the paste is quoted back');
  }
}

function cleanedValue(input: string): string | undefined {
  const cleaned = cleanPastedCredential(input);
  return 'tooLong' in cleaned ? undefined : cleaned.value;
}

describe(`fuzz: checkJwtCredential (${RUNS.toLocaleString()} cases each)`, function () {
  this.timeout(180_000);

  it('never throws, never needs its catch-all, stays within the time bound, and quotes nothing back', () => {
    fc.assert(
      fc.property(
        paste,
        fc.constantFrom(...SERVERS),
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        (input, server, now) => {
          const check = withinTimeBound(`checkJwtCredential(${preview(input)})`, () =>
            checkJwtCredential(input, { server: server || undefined, now }),
          );
          assertShape(check, input);
        },
      ),
      params,
    );
  });

  it('a real-shaped credential survives any wrapping people paste it in', () => {
    const credential = jwt();
    const wrapper = fc.tuple(
      fc.constantFrom('', 'RC_JWT=', 'export RC_JWT=', 'jwt: ', '"jwt": ', 'Bearer '),
      fc.constantFrom('', '"', "'", '`'),
      fc.constantFrom('', ' ', '\n', '\r\n', '  \t'),
      fc.constantFrom('', ',', ';'),
    );
    fc.assert(
      fc.property(wrapper, ([name, quote, space, trailer]) => {
        const input = `${space}${name}${quote}${credential}${quote}${trailer}${space}`;
        const check = checkJwtCredential(input, { server: PRODUCTION, now: NOW });
        assert.ok(check.ok, preview(input));
        assert.equal(check.credential, credential);
      }),
      { numRuns: 500 },
    );
  });

  it('the largest accepted paste and just over it are both fast', () => {
    for (const unit of ['e', '.', 'eyJ.', ' ', '\n', '"', 'A=', 'RC_JWT=']) {
      for (const length of [MAX_PASTE_LENGTH, MAX_PASTE_LENGTH + 1]) {
        const input = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
        assertShape(
          withinTimeBound(`${JSON.stringify(unit)} × ${length}`, () =>
            checkJwtCredential(input, { server: PRODUCTION, now: NOW }),
          ),
          input,
        );
      }
    }
  });
});
