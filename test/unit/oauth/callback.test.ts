import * as assert from 'node:assert/strict';
import { parseCallback } from '../../../src/core/oauth/callback';

const WEB_REDIRECT =
  'http://127.0.0.1:8080/stable-abc/callback?vscode-reqid=1&vscode-scheme=code-oss&vscode-authority=rcdevtools.ringcentral-oauth&vscode-path=%2Fcallback';

describe('parseCallback', () => {
  it('reads code, state and expires_in from a full URL', () => {
    assert.deepEqual(
      parseCallback('vscode://rcdevtools.ringcentral-oauth/callback?code=U0pDMDFQ&state=st-1&expires_in=60'),
      {
        kind: 'code',
        code: 'U0pDMDFQ',
        state: 'st-1',
        expiresIn: 60,
      },
    );
  });

  it('reads a redirect URI that has its own query, with surrounding whitespace', () => {
    const result = parseCallback(`  ${WEB_REDIRECT}&code=abc123&state=xyz&expires_in=60\n`);
    assert.deepEqual(result, { kind: 'code', code: 'abc123', state: 'xyz', expiresIn: 60 });
  });

  it('reads a bare query string, with or without the leading ?', () => {
    assert.deepEqual(parseCallback('code=c1&state=s1'), {
      kind: 'code',
      code: 'c1',
      state: 's1',
      expiresIn: undefined,
    });
    assert.deepEqual(parseCallback('?code=c2&state=s2'), {
      kind: 'code',
      code: 'c2',
      state: 's2',
      expiresIn: undefined,
    });
  });

  it('reads parameters from a fragment', () => {
    assert.deepEqual(parseCallback('http://127.0.0.1:53134/callback#code=frag-code&state=frag-state'), {
      kind: 'code',
      code: 'frag-code',
      state: 'frag-state',
      expiresIn: undefined,
    });
    assert.deepEqual(parseCallback('#code=c3&state=s3'), {
      kind: 'code',
      code: 'c3',
      state: 's3',
      expiresIn: undefined,
    });
  });

  it('prefers the query over the fragment when both carry a code', () => {
    const result = parseCallback('https://localhost/cb?code=from-query&state=s#code=from-fragment');
    assert.equal(result.kind, 'code');
    assert.equal(result.kind === 'code' && result.code, 'from-query');
  });

  it('keeps a literal + in a code, and decodes %2B to +', () => {
    const raw = parseCallback('https://localhost/cb?code=ab+cd/ef=&state=s+1');
    assert.deepEqual(raw, { kind: 'code', code: 'ab+cd/ef=', state: 's+1', expiresIn: undefined });
    const encoded = parseCallback('https://localhost/cb?code=ab%2Bcd%2Fef%3D&state=s%2B1');
    assert.deepEqual(encoded, { kind: 'code', code: 'ab+cd/ef=', state: 's+1', expiresIn: undefined });
    const bare = parseCallback('code=x+y&state=z');
    assert.equal(bare.kind === 'code' && bare.code, 'x+y');
  });

  it('returns error and description (form-decoded) with the state', () => {
    assert.deepEqual(
      parseCallback('vscode://x/callback?error=access_denied&error_description=The+user+has%20denied+access&state=st'),
      {
        kind: 'error',
        error: 'access_denied',
        description: 'The user has denied access',
        state: 'st',
      },
    );
  });

  it('returns an error without description or state', () => {
    assert.deepEqual(parseCallback('?error=server_error'), {
      kind: 'error',
      error: 'server_error',
      description: undefined,
      state: undefined,
    });
  });

  it('an error wins over a code in the same callback', () => {
    assert.equal(parseCallback('?code=c&state=s&error=access_denied').kind, 'error');
  });

  it('refuses a code without state, saying why', () => {
    const result = parseCallback('http://127.0.0.1:53134/callback?code=abc');
    assert.equal(result.kind, 'invalid');
    assert.match(result.kind === 'invalid' ? result.reason : '', /no "state"/);
  });

  it('refuses an address without code', () => {
    const result = parseCallback('http://127.0.0.1:53134/callback?state=abc');
    assert.equal(result.kind, 'invalid');
    assert.match(result.kind === 'invalid' ? result.reason : '', /no "code"/);
  });

  it('refuses garbage and empty input', () => {
    for (const input of ['hello world', 'https://example.com/', 'not a url at all ?!', '%%%']) {
      assert.equal(parseCallback(input).kind, 'invalid', input);
    }
    const empty = parseCallback('   ');
    assert.equal(empty.kind, 'invalid');
    assert.match(empty.kind === 'invalid' ? empty.reason : '', /Nothing was pasted/);
  });

  it('ignores a non-positive or non-numeric expires_in', () => {
    for (const value of ['0', '-5', 'soon', '']) {
      const result = parseCallback(`?code=c&state=s&expires_in=${value}`);
      assert.equal(result.kind === 'code' && result.expiresIn, undefined, value);
    }
  });
});

describe('parseCallback: RFC 9207 iss', () => {
  it('keeps iss on a code and on an error, and leaves it out when absent', () => {
    assert.deepEqual(
      parseCallback('http://127.0.0.1:53134/callback?code=c&state=s&iss=https%3A%2F%2Fplatform.ringcentral.com'),
      {
        kind: 'code',
        code: 'c',
        state: 's',
        expiresIn: undefined,
        issuer: 'https://platform.ringcentral.com',
      },
    );
    assert.deepEqual(parseCallback('?error=access_denied&state=s&iss=http://127.0.0.1:5000'), {
      kind: 'error',
      error: 'access_denied',
      description: undefined,
      state: 's',
      issuer: 'http://127.0.0.1:5000',
    });
    assert.equal('issuer' in parseCallback('?code=c&state=s'), false);
  });
});
