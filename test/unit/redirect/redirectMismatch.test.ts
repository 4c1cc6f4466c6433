import * as assert from 'assert';
import { checkRedirectUri } from '../../../src/core/redirect/checkRedirectUri';
import { compareRedirectUris } from '../../../src/core/redirect/compareUris';
import { MISMATCH_KIND_LABELS, MismatchKind, RegisteredComparison } from '../../../src/core/redirect/mismatch';
import { parseRegisteredList } from '../../../src/core/redirect/parseRegisteredList';

const V = 'vscode://rcdevtools.ringcentral-oauth/callback';
const L = 'http://127.0.0.1:53134/callback';
const CODE_SERVER =
  'http://127.0.0.1:8080/stable-0123456789abcdef/callback?vscode-reqid=1&vscode-scheme=code-oss' +
  '&vscode-authority=rcdevtools.ringcentral-oauth&vscode-path=%2Fcallback';

function kinds(comparison: RegisteredComparison): MismatchKind[] {
  return comparison.matches ? ['exact-match'] : comparison.differences.map((d) => d.kind);
}

interface Row {
  name: string;
  sent: string;
  registered: string;
  expected: MismatchKind[];
}

const TABLE: Row[] = [
  { name: 'identical', sent: V, registered: V, expected: ['exact-match'] },
  { name: 'vscode vs vscode-insiders', sent: V, registered: 'vscode-insiders://rcdevtools.ringcentral-oauth/callback', expected: ['editor-scheme'] },
  { name: 'cursor vs vscode', sent: 'cursor://rcdevtools.ringcentral-oauth/callback', registered: V, expected: ['editor-scheme'] },
  { name: 'two unknown custom schemes', sent: 'myapp://x/cb', registered: 'otherapp://x/cb', expected: ['scheme'] },
  { name: 'custom scheme vs loopback http', sent: V, registered: L, expected: ['scheme'] },
  { name: 'loopback http vs custom scheme', sent: L, registered: V, expected: ['scheme'] },
  { name: 'https vs http on the same host', sent: 'https://example.com/callback', registered: 'http://example.com/callback', expected: ['http-vs-https'] },
  { name: 'localhost vs 127.0.0.1', sent: 'http://localhost:53134/callback', registered: L, expected: ['loopback-host'] },
  { name: '127.0.0.1 vs [::1]', sent: L, registered: 'http://[::1]:53134/callback', expected: ['loopback-host'] },
  { name: 'different hosts', sent: 'https://a.example.com/callback', registered: 'https://b.example.com/callback', expected: ['host'] },
  { name: 'port 53134 vs 5000', sent: L, registered: 'http://127.0.0.1:5000/callback', expected: ['port'] },
  { name: 'registered has no port', sent: L, registered: 'http://127.0.0.1/callback', expected: ['missing-port'] },
  { name: 'sent has no port (default 443 written out)', sent: 'https://example.com/cb', registered: 'https://example.com:443/cb', expected: ['missing-port'] },
  { name: '/callback vs /oauth2callback', sent: 'http://localhost:5000/callback', registered: 'http://localhost:5000/oauth2callback', expected: ['path'] },
  { name: 'trailing slash registered', sent: L, registered: `${L}/`, expected: ['trailing-slash'] },
  { name: 'trailing slash sent, none registered', sent: 'https://example.com/', registered: 'https://example.com', expected: ['trailing-slash'] },
  { name: 'Callback vs callback', sent: V, registered: 'vscode://rcdevtools.ringcentral-oauth/Callback', expected: ['letter-case'] },
  { name: 'host case RCDEVTOOLS vs rcdevtools', sent: V, registered: 'vscode://RCDEVTOOLS.ringcentral-oauth/callback', expected: ['letter-case'] },
  { name: 'scheme case HTTP vs http', sent: 'HTTP://example.com/cb', registered: 'http://example.com/cb', expected: ['letter-case'] },
  { name: 'extra query', sent: L, registered: `${L}?x=1`, expected: ['query'] },
  { name: 'query parameters reordered', sent: `${L}?a=1&b=2`, registered: `${L}?b=2&a=1`, expected: ['query'] },
  { name: 'fragment', sent: L, registered: `${L}#top`, expected: ['fragment'] },
  { name: '%2F in the path', sent: `${V.replace('/callback', '')}/oauth/callback`, registered: 'vscode://rcdevtools.ringcentral-oauth/oauth%2Fcallback', expected: ['percent-encoding'] },
  { name: 'lowercase vs uppercase hex', sent: 'https://a.example/cb?x=%3a', registered: 'https://a.example/cb?x=%3A', expected: ['percent-encoding'] },
  { name: 'whole URI percent-encoded (copied from an authorize URL)', sent: V, registered: 'vscode%3A%2F%2Frcdevtools.ringcentral-oauth%2Fcallback', expected: ['percent-encoding'] },
  { name: 'leading space', sent: V, registered: ` ${V}`, expected: ['whitespace'] },
  { name: 'trailing newline', sent: V, registered: `${V}\n`, expected: ['whitespace'] },
  { name: 'zero-width space and a port difference', sent: L, registered: '\u200bhttp://127.0.0.1:5000/callback', expected: ['whitespace', 'port'] },
  { name: 'user name before the host', sent: L, registered: 'http://user@127.0.0.1:53134/callback', expected: ['userinfo'] },
  { name: 'code-server URI with vscode-reqid vs vscode://', sent: CODE_SERVER, registered: V, expected: ['dynamic-host'] },
  { name: 'Codespaces forwarded host', sent: 'https://fuzzy-space-53134.app.github.dev/callback', registered: L, expected: ['dynamic-host'] },
  { name: "'*' wildcard that would match", sent: V, registered: 'vscode://*/callback', expected: ['wildcard'] },
  { name: "'*' wildcard that would not match either", sent: V, registered: 'vscode://*/oauth', expected: ['wildcard', 'path'] },
  { name: "'*' as the port", sent: L, registered: 'http://127.0.0.1:*/callback', expected: ['wildcard'] },
  { name: "'*' in the host, path differs too", sent: 'https://app.example.com/cb', registered: 'https://*.example.com/callback', expected: ['wildcard', 'path'] },
  { name: 'not a url', sent: V, registered: 'not a url', expected: ['not-a-url'] },
  { name: 'host:port without a scheme', sent: L, registered: '127.0.0.1:53134/callback', expected: ['not-a-url'] },
  { name: 'localhost:port without a scheme', sent: L, registered: 'localhost:53134/callback', expected: ['not-a-url'] },
  {
    name: 'several differences at once',
    sent: 'http://localhost:5000/oauth2callback',
    registered: 'https://LOCALHOST:5000/OAuth2Callback/',
    expected: ['http-vs-https', 'trailing-slash', 'letter-case'],
  },
  { name: 'different host and path', sent: 'https://a.example.com/cb', registered: 'https://b.example.com/callback', expected: ['host', 'path'] },
];

describe('redirectMismatch', () => {
  describe('compareRedirectUris table', () => {
    for (const row of TABLE) {
      it(`${row.name}: ${JSON.stringify(row.sent)} vs ${JSON.stringify(row.registered)} → ${row.expected.join(', ')}`, () => {
        const comparison = compareRedirectUris(row.sent, row.registered);
        assert.deepStrictEqual(new Set(kinds(comparison)), new Set(row.expected));
        assert.strictEqual(comparison.matches, row.sent === row.registered);
        assert.strictEqual(comparison.registered, row.registered);
        assert.strictEqual(comparison.kind, kinds(comparison)[0]);
        for (const difference of comparison.differences) {
          assert.ok(difference.explanation.length > 20, `explanation for ${difference.kind}`);
        }
      });
    }

    it('covers every kind', () => {
      const covered = new Set(TABLE.flatMap((row) => row.expected));
      for (const kind of Object.keys(MISMATCH_KIND_LABELS) as MismatchKind[]) {
        assert.ok(covered.has(kind), `no table row for ${kind}`);
      }
    });
  });

  describe('compareRedirectUris details', () => {
    it('an exact match has no differences', () => {
      const comparison = compareRedirectUris(L, L);
      assert.deepStrictEqual(comparison, { registered: L, matches: true, differences: [], kind: 'exact-match' });
    });

    it('does not normalise like WHATWG URL (host case, default port, encoding)', () => {
      assert.strictEqual(compareRedirectUris('https://Example.com/cb', 'https://example.com/cb').matches, false);
      assert.strictEqual(compareRedirectUris('https://example.com:443/cb', 'https://example.com/cb').matches, false);
      assert.strictEqual(compareRedirectUris('https://example.com/a%2fb', 'https://example.com/a%2Fb').matches, false);
    });

    it('explanations name both values', () => {
      const port = compareRedirectUris(L, 'http://127.0.0.1:5000/callback').differences[0];
      assert.match(port.explanation, /53134/);
      assert.match(port.explanation, /5000/);
      const editor = compareRedirectUris(V, 'vscode-insiders://rcdevtools.ringcentral-oauth/callback').differences[0];
      assert.match(editor.explanation, /Visual Studio Code - Insiders/);
      assert.match(editor.explanation, /"vscode"/);
      const host = compareRedirectUris('http://localhost:5000/cb', 'http://127.0.0.1:5000/cb').differences[0];
      assert.match(host.explanation, /localhost/);
      assert.match(host.explanation, /127\.0\.0\.1/);
    });

    it('shows invisible characters escaped', () => {
      const difference = compareRedirectUris(V, `${V}\r\n`).differences[0];
      assert.strictEqual(difference.kind, 'whitespace');
      assert.ok(difference.explanation.includes('\\r\\n'), difference.explanation);
      assert.match(difference.explanation, /line break/);
    });

    it('orders differences most important first', () => {
      const comparison = compareRedirectUris('http://localhost:5000/oauth2callback', ' https://LOCALHOST:5001/oauth2callback/?a');
      assert.deepStrictEqual(kinds(comparison), ['whitespace', 'http-vs-https', 'port', 'trailing-slash', 'letter-case', 'query']);
    });

    it('merges one kind found in several parts into one entry', () => {
      const comparison = compareRedirectUris('http://localhost:5000/cb', 'http://LOCALHOST:5000/CB');
      assert.deepStrictEqual(kinds(comparison), ['letter-case']);
      assert.match(comparison.differences[0].explanation, /host/);
      assert.match(comparison.differences[0].explanation, /path/);
    });

    it('suggests loopback mode when a custom-scheme URI meets a registered loopback callback', () => {
      const [difference] = compareRedirectUris(V, L).differences;
      assert.match(difference.explanation, /loopback/);
      assert.match(difference.explanation, /53134/);
    });

    it('honours an explicit dynamic flag', () => {
      assert.deepStrictEqual(kinds(compareRedirectUris('https://example.com/cb', V, { dynamic: true })), ['dynamic-host']);
      assert.deepStrictEqual(kinds(compareRedirectUris(CODE_SERVER, V, { dynamic: false })), ['scheme']);
    });

    it('reports a whitespace-only registered entry as not a URL', () => {
      assert.deepStrictEqual(kinds(compareRedirectUris(V, '  \n')), ['not-a-url']);
      assert.deepStrictEqual(kinds(compareRedirectUris(V, '')), ['not-a-url']);
    });
  });

  describe('checkRedirectUri', () => {
    it('matched: fix none, closest is the match', () => {
      const result = checkRedirectUri({ sent: V, mode: 'uriHandler', registered: [L, V] });
      assert.strictEqual(result.matched, true);
      assert.strictEqual(result.closest, 1);
      assert.deepStrictEqual(result.fix, { kind: 'none' });
      assert.deepStrictEqual(result.warnings, []);
      assert.strictEqual(result.comparisons.length, 2);
      assert.strictEqual(result.comparisons[0].registered, L);
      assert.strictEqual(result.comparisons[1].matches, true);
      assert.strictEqual(result.sent, V);
      assert.strictEqual(result.mode, 'uriHandler');
    });

    it('a match ignoring whitespace is not a match', () => {
      const result = checkRedirectUri({ sent: V, mode: 'uriHandler', registered: [`${V} `] });
      assert.strictEqual(result.matched, false);
      assert.ok(result.fix.kind === 'register' && result.fix.uri === V);
      assert.deepStrictEqual(kinds(result.comparisons[0]), ['whitespace']);
    });

    it('picks the closest registered URI', () => {
      const registered = [
        'https://example.com/oauth',
        'http://localhost:5000/oauth2callback',
        'vscode-insiders://rcdevtools.ringcentral-oauth/callback',
        'vscode://rcdevtools.ringcentral-oauth/Callback/',
      ];
      const result = checkRedirectUri({ sent: V, mode: 'uriHandler', registered });
      assert.strictEqual(result.matched, false);
      assert.strictEqual(result.closest, 2);
      assert.strictEqual(result.fix.kind, 'register');
      if (result.fix.kind === 'register') {
        assert.strictEqual(result.fix.uri, V);
        assert.ok(result.fix.explanation.includes('vscode-insiders://'), result.fix.explanation);
      }
    });

    it('closest prefers a trailing-slash difference over a port difference', () => {
      const result = checkRedirectUri({ sent: L, mode: 'loopback', registered: ['http://127.0.0.1:5000/callback', `${L}/`] });
      assert.strictEqual(result.closest, 1);
    });

    it('no match: register the sent URI exactly', () => {
      const result = checkRedirectUri({ sent: V, mode: 'uriHandler', registered: ['https://example.com/cb'] });
      assert.strictEqual(result.fix.kind, 'register');
      if (result.fix.kind === 'register') {
        assert.strictEqual(result.fix.uri, V);
        assert.ok(result.fix.explanation.includes(V));
      }
    });

    it('uriHandler mode with a registered loopback callback: switch to loopback', () => {
      const result = checkRedirectUri({ sent: V, mode: 'uriHandler', registered: ['http://127.0.0.1:5000/callback'] });
      assert.deepStrictEqual(
        { kind: result.fix.kind, mode: result.fix.kind === 'switchMode' ? result.fix.mode : undefined, uri: result.fix.kind === 'switchMode' ? result.fix.uri : undefined },
        { kind: 'switchMode', mode: 'loopback', uri: 'http://127.0.0.1:5000/callback' },
      );
      if (result.fix.kind === 'switchMode') assert.match(result.fix.explanation, /port to 5000/);
    });

    it('a registered localhost callback is not usable by loopback mode (it sends 127.0.0.1): register', () => {
      const result = checkRedirectUri({ sent: V, mode: 'uriHandler', registered: ['http://localhost:53134/callback'] });
      assert.strictEqual(result.fix.kind, 'register');
    });

    it('loopback mode with the URI-handler URI registered: switch to uriHandler when the scheme is known', () => {
      const result = checkRedirectUri({ sent: L, mode: 'loopback', registered: [V], uriScheme: 'vscode' });
      assert.strictEqual(result.fix.kind, 'switchMode');
      if (result.fix.kind === 'switchMode') {
        assert.strictEqual(result.fix.mode, 'uriHandler');
        assert.strictEqual(result.fix.uri, V);
      }
      const unknownScheme = checkRedirectUri({ sent: L, mode: 'loopback', registered: [V] });
      assert.strictEqual(unknownScheme.fix.kind, 'register');
    });

    it('loopback mode with another port registered: register, mentioning the port setting', () => {
      const result = checkRedirectUri({ sent: L, mode: 'loopback', registered: ['http://127.0.0.1:5000/callback'] });
      assert.strictEqual(result.fix.kind, 'register');
      if (result.fix.kind === 'register') assert.match(result.fix.explanation, /loopback port to 5000/);
    });

    it('dynamic: switch to loopback with the configured port, never register the per-session URI', () => {
      const result = checkRedirectUri({ sent: CODE_SERVER, mode: 'uriHandler', registered: [V], loopbackPort: 6000 });
      assert.strictEqual(result.matched, false);
      assert.deepStrictEqual(kinds(result.comparisons[0]), ['dynamic-host']);
      assert.strictEqual(result.fix.kind, 'switchMode');
      if (result.fix.kind === 'switchMode') {
        assert.strictEqual(result.fix.mode, 'loopback');
        assert.strictEqual(result.fix.uri, 'http://127.0.0.1:6000/callback');
      }
      assert.ok(result.warnings.some((w) => /per-session/.test(w)));
    });

    it('dynamic: default loopback port 53134', () => {
      const result = checkRedirectUri({ sent: CODE_SERVER, mode: 'uriHandler', registered: [] });
      assert.ok(result.fix.kind === 'switchMode' && result.fix.uri === L);
      assert.strictEqual(result.closest, undefined);
    });

    it('dynamic: prefers paste with a registered https URI when no loopback callback is registered', () => {
      const result = checkRedirectUri({ sent: CODE_SERVER, mode: 'uriHandler', registered: [V, 'https://localhost/callback'] });
      assert.ok(result.fix.kind === 'switchMode' && result.fix.mode === 'paste' && result.fix.uri === 'https://localhost/callback');
    });

    it('dynamic: uses the registered loopback callback', () => {
      const result = checkRedirectUri({ sent: CODE_SERVER, mode: 'uriHandler', registered: [V, L] });
      assert.ok(result.fix.kind === 'switchMode' && result.fix.mode === 'loopback' && result.fix.uri === L);
    });

    it('dynamic flag from the caller overrides detection', () => {
      const result = checkRedirectUri({ sent: 'https://example.com/cb', mode: 'uriHandler', registered: [V], dynamic: true });
      assert.strictEqual(result.fix.kind, 'switchMode');
      assert.ok(result.warnings.some((w) => /per-session/.test(w)));
    });

    it('dynamic but matching right now: fix none, still warned', () => {
      const result = checkRedirectUri({ sent: CODE_SERVER, mode: 'uriHandler', registered: [CODE_SERVER] });
      assert.strictEqual(result.matched, true);
      assert.deepStrictEqual(result.fix, { kind: 'none' });
      assert.ok(result.warnings.some((w) => /will stop matching/.test(w)));
    });

    it('warns when none is registered', () => {
      const result = checkRedirectUri({ sent: V, mode: 'uriHandler', registered: [] });
      assert.strictEqual(result.matched, false);
      assert.strictEqual(result.closest, undefined);
      assert.deepStrictEqual(result.comparisons, []);
      assert.strictEqual(result.warnings.length, 1);
      assert.match(result.warnings[0], /No redirect URI is registered/);
      assert.ok(result.fix.kind === 'register' && result.fix.uri === V);
    });

    it('warns about more than 10 registered', () => {
      const registered = Array.from({ length: 11 }, (_, i) => `https://example.com/cb${i}`);
      const result = checkRedirectUri({ sent: V, mode: 'uriHandler', registered });
      assert.ok(result.warnings.some((w) => /11 redirect URIs/.test(w) && /at most 10/.test(w)), result.warnings.join('\n'));
      const ten = checkRedirectUri({ sent: V, mode: 'uriHandler', registered: registered.slice(0, 10) });
      assert.deepStrictEqual(ten.warnings, []);
    });

    it('warns about duplicates (also ones that differ only in whitespace)', () => {
      const result = checkRedirectUri({ sent: V, mode: 'uriHandler', registered: [L, V, `${L} `] });
      assert.strictEqual(result.matched, true);
      assert.strictEqual(result.warnings.length, 1);
      assert.match(result.warnings[0], /listed 2 times/);
      assert.ok(result.warnings[0].includes(L));
    });
  });

  describe('parseRegisteredList', () => {
    it('splits newlines, commas, spaces and semicolons', () => {
      assert.deepStrictEqual(parseRegisteredList(`${V}\n${L}`), [V, L]);
      assert.deepStrictEqual(parseRegisteredList(`${V},${L}`), [V, L]);
      assert.deepStrictEqual(parseRegisteredList(`${V}, ${L}`), [V, L]);
      assert.deepStrictEqual(parseRegisteredList(`${V} ${L}`), [V, L]);
      assert.deepStrictEqual(parseRegisteredList(`${V};${L}\r\n`), [V, L]);
    });

    it('keeps commas inside a query', () => {
      assert.deepStrictEqual(parseRegisteredList('https://a.example/cb?x=1,2, https://b.example/cb'), [
        'https://a.example/cb?x=1,2',
        'https://b.example/cb',
      ]);
    });

    it('reads a JSON array, keeping whitespace inside the strings', () => {
      const parsed = parseRegisteredList(`["${V} ", "${L}"]`);
      assert.deepStrictEqual(parsed, [`${V} `, L]);
      assert.deepStrictEqual(kinds(compareRedirectUris(V, parsed[0])), ['whitespace']);
    });

    it('reads redirect fields of a JSON object', () => {
      assert.deepStrictEqual(parseRegisteredList(JSON.stringify({ name: 'My app', redirectUris: [V, L] })), [V, L]);
    });

    it('reads a console copy with a heading, bullets, numbers, quotes and brackets', () => {
      const text = [
        'OAuth Redirect URI:',
        ' • vscode://rcdevtools.ringcentral-oauth/callback',
        '- http://127.0.0.1:53134/callback',
        '1. "http://[::1]:5000/callback"',
        '2) <https://b.example/cb>,',
        "* 'cursor://rcdevtools.ringcentral-oauth/callback';",
        '',
      ].join('\n');
      assert.deepStrictEqual(parseRegisteredList(text), [
        V,
        L,
        'http://[::1]:5000/callback',
        'https://b.example/cb',
        'cursor://rcdevtools.ringcentral-oauth/callback',
      ]);
    });

    it('reads a non-JSON array with single quotes', () => {
      assert.deepStrictEqual(parseRegisteredList(`['${V}', '${L}']`), [V, L]);
    });

    it('keeps a bracketed IPv6 host without a path', () => {
      assert.deepStrictEqual(parseRegisteredList('http://[::1]:5000'), ['http://[::1]:5000']);
    });

    it('keeps wrong entries so the comparison can report them', () => {
      assert.deepStrictEqual(parseRegisteredList('localhost:5000/callback\nvscode://*/callback'), ['localhost:5000/callback', 'vscode://*/callback']);
    });

    it('keeps duplicates (checkRedirectUri warns about them)', () => {
      assert.deepStrictEqual(parseRegisteredList(`${V}\n${V}`), [V, V]);
    });

    it('returns nothing for empty text', () => {
      assert.deepStrictEqual(parseRegisteredList(''), []);
      assert.deepStrictEqual(parseRegisteredList(' \n\t '), []);
    });
  });
});
