import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { maskSecret } from '../../src/core/trace/mask';
import { describeScan, MIN_SECRET_LENGTH, scanForSecrets } from '../secretScan/scanner';

const token = (): string => randomBytes(48).toString('base64url');

describe('secret scanner', () => {
  it('catches a token leaked into a log line, and reports it without printing it', () => {
    const access = token();
    const report = scanForSecrets(
      [
        {
          name: 'log RingCentral.log',
          text: `2025-01-01 [info] [refresh] Exchange code for tokens | → HTTP 200 {"access_token":"${access}"}`,
        },
        { name: 'trace refresh #1', text: '{"title":"Refresh"}' },
      ],
      [{ kind: 'access token', value: access }],
    );
    assert.deepEqual(report.findings, [
      {
        artefact: 'log RingCentral.log',
        kind: 'access token',
        masked: `${access.slice(0, 4)}… (64 characters)`,
        form: 'as is',
      },
    ]);
    const text = describeScan('unit', report);
    assert.match(text, /secret scan \(unit\): 2 artefacts, 1 secrets, 1 found/);
    assert.ok(!text.includes(access.slice(4, 20)), 'the report shows no more than the first 4 characters');
  });

  it('catches part of a secret (a truncated body), and encoded forms of it', () => {
    const verifier = token();
    const secret = 'client/secret+with=odd&chars';
    const quoted = 'say "hi" \\ bye';
    const secrets = [
      { kind: 'code verifier', value: verifier },
      { kind: 'client secret', value: secret },
      { kind: 'password', value: quoted },
    ];
    const cases: Array<[string, string]> = [
      [`code_verifier=${verifier.slice(0, 20)}… (truncated)`, 'as is'],
      [`body client_secret=${encodeURIComponent(secret)}`, 'URL-encoded'],
      [`body ${new URLSearchParams({ password: quoted })}`, 'form-encoded'],
      [JSON.stringify({ note: `typed ${quoted}` }), 'JSON-escaped'],
    ];
    for (const [text, form] of cases) {
      const found = scanForSecrets([{ name: 'line', text }], secrets).findings;
      assert.ok(
        found.some((finding) => finding.form === form),
        `${form} in ${text}: ${JSON.stringify(found)}`,
      );
    }
  });

  it('catches a client secret inside a Basic header, whatever the client id length', () => {
    const secret = 's3cret-value';
    for (const clientId of ['a', 'ab', 'abc', 'test-app-1']) {
      const header = `Authorization: Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
      const found = scanForSecrets(
        [{ name: 'header', text: header }],
        [{ kind: 'client secret', value: secret }],
      ).findings;
      assert.equal(found.length, 1, `client id ${clientId}`);
      assert.equal(found[0].form, 'inside base64');
    }
  });

  it('finds nothing in masked values, other tokens or ordinary text; short secrets are counted, not scanned', () => {
    const secrets = [token(), token(), 'conf-secret-value', 'wrong'].map((value) => ({ kind: 'secret', value }));
    const artefacts = [
      { name: 'masked', text: secrets.map((secret) => maskSecret(secret.value)).join(' ') },
      { name: 'other tokens', text: `${token()} ${token()} Bearer ${token()}` },
      { name: 'prose', text: 'The client secret is wrong: set it again with RingCentral: Set Client Secret.' },
    ];
    const report = scanForSecrets(artefacts, secrets);
    assert.deepEqual(report.findings, []);
    assert.equal(report.secrets, 4);
    assert.equal(report.tooShort, 1, `"wrong" is under ${MIN_SECRET_LENGTH} characters`);
  });
});
