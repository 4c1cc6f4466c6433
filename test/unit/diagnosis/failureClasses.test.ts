// Issue 9's failure classes, one test per example (SYNTHETIC examples, see corpus/failureClasses.ts), through
// what "RingCentral: Explain Error" runs: parseFailureText, then diagnose. Plus: every diagnosis that names a
// permission says which side the fix is on, and the new format readers stay linear on adversarial input.
import * as assert from 'node:assert/strict';
import { diagnose } from '../../../src/core/diagnosis/diagnose';
import { codeFromMessage } from '../../../src/core/diagnosis/codeFromMessage';
import { parseFailureText } from '../../../src/core/diagnosis/parseFailureText';
import { unwrapPaste } from '../../../src/core/diagnosis/pasteFormats';
import type { Diagnosis } from '../../../src/core/diagnosis/types';
import { FAILURE_CLASS_EXAMPLES } from '../corpus/failureClasses';
import { REAL_PASTES } from '../corpus/realPastes';

function explain(text: string): Diagnosis | undefined {
  const failure = parseFailureText(text);
  return failure ? diagnose(failure) : undefined;
}

describe('issue 9 failure classes (synthetic examples)', () => {
  for (const example of FAILURE_CLASS_EXAMPLES) {
    it(`${example.klass}: ${example.name}`, () => {
      const d = explain(example.text);
      assert.ok(d, 'nothing parsed');
      assert.deepEqual(
        { code: d.code ?? null, id: d.id, ...(d.permission ? { permission: d.permission } : {}) },
        {
          code: example.expected.code,
          id: example.expected.id,
          ...(example.expected.permission ? { permission: example.expected.permission } : {}),
        },
      );
    });
  }

  it('OAU-112 explains the grant the server names ([IMPLICIT])', () => {
    const d = explain('unauthorized_client: The client is unauthorized for the required grant type: [IMPLICIT]');
    assert.match(d?.summary ?? '', /implicit/i);
    assert.match(d?.causes[0] ?? '', /\[IMPLICIT\].*response_type=code/);
  });

  it('SUB delivery failures blame the webhook server, not the editor', () => {
    for (const code of ['SUB-523', 'SUB-524', 'SUB-525']) {
      const d = explain(code);
      assert.match(d?.summary ?? '', /webhook server/i);
      assert.match(d?.summary ?? '', /not in the editor/i);
      const all = [...(d?.causes ?? []), ...(d?.fixes ?? []).map((f) => `${f.label} ${f.detail ?? ''}`)].join('\n');
      for (const must of [/certificate/i, /Validation-Token/, /3 s/]) {
        assert.match(all, must, `${code}: ${must}`);
      }
    }
    assert.doesNotMatch(explain('SUB-406')?.summary ?? '', /webhook server\)/i);
    assert.match(explain('SUB-406')?.summary ?? '', /not the webhook server/);
  });

  it('SDK refresh messages explain the 7-day lifetime, rotation, "Issue refresh tokens?" and what to store', () => {
    const expired = explain('Refresh token has expired');
    const expiredText = [
      expired?.summary,
      ...(expired?.causes ?? []),
      ...(expired?.fixes ?? []).map((f) => f.detail),
    ].join('\n');
    assert.match(expiredText, /No request was sent/);
    assert.match(expiredText, /7 days/);
    assert.match(expiredText, /rotate/);
    assert.match(expiredText, /Store the WHOLE token response/);
    const missing = explain('Refresh token is missing');
    const missingText = [
      missing?.summary,
      ...(missing?.causes ?? []),
      ...(missing?.fixes ?? []).map((f) => `${f.label} ${f.detail}`),
    ].join('\n');
    assert.match(missingText, /Issue refresh tokens\?/);
    assert.match(missingText, /refresh_token/);
  });

  it('every diagnosis that names a permission says whether the fix is on the app or on the user role', () => {
    const texts = [
      ...REAL_PASTES.map((p) => p.text),
      ...FAILURE_CLASS_EXAMPLES.map((e) => e.text),
      'SUB-528',
      'insufficient_scope',
    ];
    let named = 0;
    for (const text of texts) {
      const d = explain(text);
      if (!d?.permission && d?.id !== 'subscription-permission-missing') {
        continue;
      }
      named++;
      assert.ok(d.permissionFix === 'app' || d.permissionFix === 'userRole', `${d.id}: no permissionFix`);
      assert.match(
        d.permissionFixText ?? '',
        d.permissionFix === 'app' ? /Developer Console.*sign in again/ : /admin portal/,
        d.id,
      );
    }
    assert.ok(named >= 15, `only ${named} permission diagnoses checked`);
    assert.equal(explain('CMN-401 [ReadAccounts]')?.permissionFix, 'app');
    assert.equal(explain('CMN-408 [ReadAccounts]')?.permissionFix, 'userRole');
    assert.equal(explain('CMN-419 [ReadAccounts]')?.permissionFix, 'userRole');
  });

  it('a message that names a code never overrides a contradicting OAuth error', () => {
    // "Invalid client credentials" names OAU-146 (invalid_client only); with access_denied it is not OAU-146.
    const d = explain('{"error":"access_denied","error_description":"Invalid client credentials"}');
    assert.equal(d?.id, 'access-denied');
    assert.equal(d?.code, undefined);
  });

  describe('the new readers stay linear on 200k-character adversarial input (≤ 50 ms each)', () => {
    // The parser's own regexes are hardened (and fuzzed) elsewhere; these time what this change adds: the
    // wrapper readers, the message → code table and the call-kind check (run by diagnose on a huge paste).
    const N = 200_000;
    const inputs: Array<[string, string]> = [
      ['unquoted keys, no closing quote', " errorCode: '".repeat(N / 13)],
      ['unquoted keys, long values', ` message: "${'a'.repeat(N)}`],
      ['ruby symbol keys', ':errorCode=>"'.repeat(N / 13)],
      ['HAR-like, deeply nested', `{"log":{"entries":[{"response":${'['.repeat(N / 2)}`],
      [
        'HAR-like, many entries',
        `{"log":{"entries":[${'{"response":{"status":500},"request":{}},'.repeat(N / 42)}{}]}}`,
      ],
      ['bare code prefixes', 'SUB-'.repeat(N / 4)],
      ['brackets for grant names', '[implicit'.repeat(N / 9)],
      ['message phrases', 'user needs to have '.repeat(N / 19)],
    ];
    for (const [name, text] of inputs) {
      it(name, () => {
        let best = Infinity;
        for (let i = 0; i < 3; i++) {
          const start = process.hrtime.bigint();
          unwrapPaste(text);
          codeFromMessage([text]);
          diagnose({ kind: 'api', info: { message: text.slice(0, 500), rawBody: text } });
          best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
        }
        assert.ok(best <= 50, `${name}: ${best.toFixed(1)} ms`);
      });
    }
  });
});
