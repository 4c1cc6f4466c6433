// Copy as curl without running a shell: the PowerShell form (no PowerShell on this machine: its verbatim strings are
// decoded here by PowerShell's own rule), masked values never copied, variables named, errors as values.
// The bash form is run for real in test/integration/export/copyAsCurl.test.ts.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { copyStepAsCurl } from '../../../src/core/export/curl';
import { powershellQuote } from '../../../src/core/export/shellQuote';
import type { TraceStep } from '../../../src/core/trace/trace';

const PS_QUOTES = "'\u2018\u2019\u201a\u201b";

/** Reads every PowerShell verbatim string in `text` (a doubled quote character is one of it), the code between them. */
function powershellStrings(text: string): { strings: string[]; code: string } {
  const strings: string[] = [];
  let code = '';
  for (let i = 0; i < text.length; i++) {
    if (!PS_QUOTES.includes(text[i])) {
      code += text[i];
      continue;
    }
    let value = '';
    for (i++; i < text.length; i++) {
      if (PS_QUOTES.includes(text[i])) {
        if (i + 1 < text.length && PS_QUOTES.includes(text[i + 1])) {
          value += text[i];
          i++;
          continue;
        }
        break;
      }
      value += text[i];
    }
    strings.push(value);
    code += "''";
  }
  return { strings, code };
}

const refreshStep: TraceStep = {
  at: 0,
  title: 'Refresh access token',
  ok: true,
  request: {
    method: 'POST',
    url: 'https://platform.ringcentral.com/restapi/oauth/token',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      Authorization: 'Basic Y29u…NzA=',
    },
    body: 'grant_type=refresh_token&refresh_token=U0pD%E2%80%A6x9Q&client_id=abc',
  },
  response: { status: 200, headers: {}, body: '{}' },
};

describe('export: copy as curl', () => {
  it('powershellQuote: any string decodes back to itself, typographic quotes included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom(...PS_QUOTES), (text, quote) => {
        const value = `${text}${quote}${text}`;
        const { strings, code } = powershellStrings(powershellQuote(value));
        assert.deepEqual(strings, [value]);
        assert.equal(code, "''");
      }),
    );
  });

  it('PowerShell: Invoke-WebRequest with the body as UTF-8 bytes of verbatim strings; hostile text stays text', () => {
    const hostile = 'it\'s $(Remove-Item x) `n ‘quoted’ "q" \n line2 € ; exit';
    const step: TraceStep = {
      at: 0,
      title: 'hostile',
      ok: true,
      request: {
        method: 'POST',
        url: 'http://127.0.0.1:1/x',
        headers: { 'Content-Type': 'text/plain' },
        body: hostile,
      },
    };
    const copied = copyStepAsCurl(step, { shell: 'powershell' });
    assert.ok(copied.ok);
    assert.match(copied.text, /Invoke-WebRequest @request/);
    assert.match(copied.text, /UseBasicParsing = \$true/);
    const { strings, code } = powershellStrings(copied.text);
    assert.ok(strings.includes(hostile), 'the body is one verbatim string that decodes to the recorded bytes');
    assert.match(code, /Body = \[Text\.Encoding\]::UTF8\.GetBytes\(''\)/);
    assert.match(code, /ContentType = ''/);
    assert.doesNotMatch(code, /Remove-Item/, 'nothing of the value is outside a string');
  });

  it('without secrets: variables instead of masked values, in both shells; the variables are listed', () => {
    const bash = copyStepAsCurl(refreshStep, { shell: 'bash', clientId: 'abc' });
    const powershell = copyStepAsCurl(refreshStep, { shell: 'powershell', clientId: 'abc' });
    assert.ok(bash.ok && powershell.ok);
    for (const copied of [bash, powershell]) {
      assert.deepEqual(copied.environmentVariables, ['RINGCENTRAL_CLIENT_SECRET', 'RINGCENTRAL_REFRESH_TOKEN']);
      assert.doesNotMatch(copied.text, /…|%E2%80%A6|Y29u/, 'no masked value is copied');
    }
    assert.match(bash.text, /--data-urlencode 'refresh_token='"\$RINGCENTRAL_REFRESH_TOKEN"/);
    assert.match(bash.text, /-u 'abc:'"\$RINGCENTRAL_CLIENT_SECRET"/);
    assert.match(bash.text, /^: "\$\{RINGCENTRAL_CLIENT_SECRET:\?export RINGCENTRAL_CLIENT_SECRET first\}" && \\$/m);
    assert.match(powershell.text, /\[uri\]::EscapeDataString\(\$env:RINGCENTRAL_REFRESH_TOKEN\)/);
    assert.match(powershell.text, /'Authorization' = 'Basic ' \+ \[Convert\]::ToBase64String/);
    assert.match(powershell.text, /if \(-not \$env:RINGCENTRAL_REFRESH_TOKEN\) \{ throw/);
    assert.doesNotMatch(powershell.text, /'Content-Type' =/, 'Content-Type goes through -ContentType (5.1 refuses it)');
  });

  it('with secrets: the values themselves, form-encoded in the body, no variable needed', () => {
    const copied = copyStepAsCurl(refreshStep, {
      shell: 'bash',
      clientId: 'abc',
      secrets: { clientSecret: 'sec', refreshToken: 'a+b/c' },
    });
    assert.ok(copied.ok);
    assert.deepEqual(copied.environmentVariables, []);
    assert.match(copied.text, /--data-raw 'grant_type=refresh_token&refresh_token=a%2Bb%2Fc&client_id=abc'/);
    assert.match(copied.text, /-u 'abc:sec'/);
  });

  it('a step without a request, or with a NUL, is an error value with a code', () => {
    const none = copyStepAsCurl({ title: 'Callback', request: undefined }, { shell: 'bash' });
    assert.equal(!none.ok && none.code, 'no-request');
    const nul = copyStepAsCurl(
      { title: 'x', request: { method: 'POST', url: 'http://a', headers: {}, body: 'a\0b' } },
      { shell: 'bash' },
    );
    assert.equal(!nul.ok && nul.code, 'nul-in-request');
  });

  it('a header with a line break is flattened (it could add headers) and said so', () => {
    const copied = copyStepAsCurl(
      { title: 'x', request: { method: 'GET', url: 'http://a/', headers: { 'X-A': 'one\r\nX-Injected: 1' } } },
      { shell: 'bash' },
    );
    assert.ok(copied.ok);
    assert.match(copied.text, /-H 'X-A: one X-Injected: 1'/);
    assert.equal(copied.warnings[0]?.code, 'header-line-break-removed');
  });
});
