// Hostile or accidental inputs at the size limits: each parser call must finish within 50 ms.
// Each was quadratic or exponential before (the slowest took 155 s); the bound is per input, per the issue
// (see fuzz/timeBound.ts for how a shared machine's noise is kept out of the measurement).
import * as assert from 'node:assert/strict';
import { diagnose } from '../../src/core/diagnosis/diagnose';
import { developerConsoleUrl } from '../../src/core/diagnosis/developerConsole';
import { parseFailureText } from '../../src/core/diagnosis/parseFailureText';
import { maskJsonBody, maskSecretsInText } from '../../src/core/trace/mask';
import { checkRedirectUri } from '../../src/core/redirect/checkRedirectUri';
import { compareRedirectUris } from '../../src/core/redirect/compareUris';
import { MAX_REDIRECT_URI_LENGTH } from '../../src/core/redirect/mismatch';
import { parseRegisteredList } from '../../src/core/redirect/parseRegisteredList';
import { checkServerUrl } from '../../src/core/ringcentral/serverUrl';
import { withinTimeBound } from './fuzz/timeBound';

/** The Explain Error limit (diagnosticCommands.ts). */
const EXPLAIN_LIMIT = 200_000;
function repeatTo(unit: string, length = EXPLAIN_LIMIT): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function assertFast(name: string, run: () => unknown): void {
  withinTimeBound(name, run);
}

const PASTES: Record<string, string> = {
  '"status" followed by spaces': `status${repeatTo(' ', EXPLAIN_LIMIT - 7)}x`,
  '"407 " repeated': repeatTo('407 '),
  '"SSL " repeated': repeatTo('SSL '),
  '"TLS " repeated': repeatTo('TLS '),
  '"proxy " repeated': repeatTo('proxy '),
  '"error" followed by spaces': `error${repeatTo(' ', EXPLAIN_LIMIT - 6)}x`,
  '"retry-after" followed by spaces': `retry-after${repeatTo(' ', EXPLAIN_LIMIT - 12)}x`,
  'a status line followed by spaces': `HTTP/1.1${repeatTo(' ', EXPLAIN_LIMIT - 8)}`,
  'unclosed braces': repeatTo('{'),
  'unclosed JSON strings': repeatTo('"errorCode": "'),
  'escaped quotes': repeatTo('\\"'),
  'print_r keys': repeatTo('[errorCode] => '),
  '"error=" repeated': repeatTo('error='),
  'HTTP redirects followed': repeatTo('HTTP/1.1 302 Found\n'),
  'curl -v lines': repeatTo('< HTTP/1.1 100\n'),
  'blank header lines': repeatTo('\r\n \r\n'),
  '"failed " repeated': repeatTo('failed '),
  'an HTML page of unclosed tags': `<html>${repeatTo('<', EXPLAIN_LIMIT - 6)}`,
  'an HTML page of unclosed titles': `<html>${repeatTo('<title>', EXPLAIN_LIMIT - 6)}`,
  'an HTML page of unclosed scripts': `<html>${repeatTo('<script>', EXPLAIN_LIMIT - 6)}`,
  'an HTML page of unclosed h1': `<html>${repeatTo('<h1>', EXPLAIN_LIMIT - 6)}`,
  '"Bearer " repeated': repeatTo('Bearer '),
  'JWT-like runs': repeatTo('eyJhbGciOi.'),
  '"access_token=" repeated': repeatTo('access_token='),
  '"\\"accessToken\\":\\"" repeated': repeatTo('"accessToken":"'),
  'nested brackets': `${repeatTo('[{', EXPLAIN_LIMIT / 2)}${repeatTo('}]', EXPLAIN_LIMIT / 2)}`,
  '"%" repeated': repeatTo('%'),
  '"*" repeated': repeatTo('*'),
};

describe('adversarial inputs: every parser of outside input stays fast at the size limits', () => {
  describe('Explain Error: parseFailureText + diagnose at 200,000 characters', () => {
    for (const [name, text] of Object.entries(PASTES)) {
      it(name, () => {
        assertFast(`parseFailureText(${name})`, () => {
          const failure = parseFailureText(text);
          if (failure) diagnose(failure, {});
        });
        assertFast(`diagnose(http body: ${name})`, () =>
          diagnose({ kind: 'http', status: 502, contentType: 'text/html', body: text }, {}),
        );
        assertFast(`diagnose(transport message: ${name})`, () =>
          diagnose({ kind: 'transport', code: 'UNKNOWN', message: text }, {}),
        );
      });
    }
  });

  describe('masking at 200,000 characters', () => {
    for (const [name, text] of Object.entries(PASTES)) {
      it(name, () => {
        assertFast(`maskSecretsInText(${name})`, () => maskSecretsInText(text));
        assertFast(`maskJsonBody(${name})`, () => maskJsonBody(text));
      });
    }
  });

  describe('redirect comparison', () => {
    const sent = 'vscode://rcdevtools.ringcentral-oauth/callback';

    it('a registered URI of vscode:// + nine "*" + "X" (14.8 s with the regex matcher)', () => {
      assertFast('nine stars', () => compareRedirectUris(sent, `vscode://${'*'.repeat(9)}X`));
    });

    it('thirty stars, and stars between every character', () => {
      assertFast('thirty stars', () => compareRedirectUris(sent, `vscode://${'*'.repeat(30)}X`));
      assertFast('interleaved stars', () =>
        compareRedirectUris(`vscode://${'a'.repeat(1000)}`, `vscode://${'*a'.repeat(1000)}X`),
      );
    });

    it('a pattern longer than the cap gets a clear message instead of "Regular expression too large"', () => {
      const long = `vscode://${'*a'.repeat(60_000)}`;
      let comparison: ReturnType<typeof compareRedirectUris> | undefined;
      assertFast('long pattern', () => (comparison = compareRedirectUris(sent, long)));
      assert.equal(comparison?.matches, false);
      assert.match(
        comparison?.differences[0].explanation ?? '',
        new RegExp(`longer than ${MAX_REDIRECT_URI_LENGTH} characters`),
      );
    });

    it('a sent URI with 40,000 inner spaces (3.8 s before)', () => {
      assertFast('inner spaces', () => compareRedirectUris(`vscode://x${' '.repeat(40_000)}y/callback`, sent));
      assertFast('inner spaces within the cap', () =>
        compareRedirectUris(`vscode://x${' '.repeat(2000)}y/callback`, sent),
      );
    });

    it('a settings list of 10,000 wildcard entries is compared in bounded time, with a warning', () => {
      const registered = Array.from({ length: 10_000 }, () => `vscode://${'*'.repeat(12)}X`);
      let result: ReturnType<typeof checkRedirectUri> | undefined;
      assertFast('many entries', () => (result = checkRedirectUri({ sent, mode: 'uriHandler', registered })));
      assert.ok(
        result?.warnings.some((w) => /only the first \d+ are compared/.test(w)),
        JSON.stringify(result?.warnings),
      );
    });

    for (const [name, text] of Object.entries(PASTES)) {
      it(`a pasted list: ${name}`, () => {
        assertFast(`parseRegisteredList(${name})`, () => parseRegisteredList(text));
      });
    }
  });

  describe('server URL', () => {
    it('a path of 100,000 slashes', () => {
      let check: ReturnType<typeof checkServerUrl> | undefined;
      assertFast('slashes', () => (check = checkServerUrl(`https://platform.ringcentral.com/${'/'.repeat(100_000)}a`)));
      assert.equal(check?.ok, false);
    });

    it('a path of slashes within the length cap', () => {
      assertFast('slashes', () => checkServerUrl(`https://platform.ringcentral.com/a${'/'.repeat(2000)}`));
    });
  });
});

describe('adversarial inputs: settings that reach diagnosis text', () => {
  it('a loopback server URL with 100,000 inner slashes (the Developer Console link)', () => {
    withinTimeBound('developerConsoleUrl', () => developerConsoleUrl(`http://127.0.0.1:18080/${'/'.repeat(100_000)}a`));
  });
});
