import * as assert from 'assert';
import { compareRedirectUris } from '../../../src/core/redirect/compareUris';
import { MISMATCH_KIND_LABELS, MismatchKind } from '../../../src/core/redirect/mismatch';
import { CODE_SERVER, kinds, L, V } from './redirectSamples';

interface Row {
  name: string;
  sent: string;
  registered: string;
  expected: MismatchKind[];
}

const TABLE: Row[] = [
  { name: 'identical', sent: V, registered: V, expected: ['exact-match'] },
  {
    name: 'vscode vs vscode-insiders',
    sent: V,
    registered: 'vscode-insiders://rcdevtools.ringcentral-oauth/callback',
    expected: ['editor-scheme'],
  },
  {
    name: 'cursor vs vscode',
    sent: 'cursor://rcdevtools.ringcentral-oauth/callback',
    registered: V,
    expected: ['editor-scheme'],
  },
  { name: 'two unknown custom schemes', sent: 'myapp://x/cb', registered: 'otherapp://x/cb', expected: ['scheme'] },
  { name: 'custom scheme vs loopback http', sent: V, registered: L, expected: ['scheme'] },
  { name: 'loopback http vs custom scheme', sent: L, registered: V, expected: ['scheme'] },
  {
    name: 'https vs http on the same host',
    sent: 'https://example.com/callback',
    registered: 'http://example.com/callback',
    expected: ['http-vs-https'],
  },
  {
    name: 'localhost vs 127.0.0.1',
    sent: 'http://localhost:53134/callback',
    registered: L,
    expected: ['loopback-host'],
  },
  { name: '127.0.0.1 vs [::1]', sent: L, registered: 'http://[::1]:53134/callback', expected: ['loopback-host'] },
  {
    name: 'different hosts',
    sent: 'https://a.example.com/callback',
    registered: 'https://b.example.com/callback',
    expected: ['host'],
  },
  { name: 'port 53134 vs 5000', sent: L, registered: 'http://127.0.0.1:5000/callback', expected: ['port'] },
  { name: 'registered has no port', sent: L, registered: 'http://127.0.0.1/callback', expected: ['missing-port'] },
  {
    name: 'sent has no port (default 443 written out)',
    sent: 'https://example.com/cb',
    registered: 'https://example.com:443/cb',
    expected: ['missing-port'],
  },
  {
    name: '/callback vs /oauth2callback',
    sent: 'http://localhost:5000/callback',
    registered: 'http://localhost:5000/oauth2callback',
    expected: ['path'],
  },
  { name: 'trailing slash registered', sent: L, registered: `${L}/`, expected: ['trailing-slash'] },
  {
    name: 'trailing slash sent, none registered',
    sent: 'https://example.com/',
    registered: 'https://example.com',
    expected: ['trailing-slash'],
  },
  {
    name: 'Callback vs callback',
    sent: V,
    registered: 'vscode://rcdevtools.ringcentral-oauth/Callback',
    expected: ['letter-case'],
  },
  {
    name: 'host case RCDEVTOOLS vs rcdevtools',
    sent: V,
    registered: 'vscode://RCDEVTOOLS.ringcentral-oauth/callback',
    expected: ['letter-case'],
  },
  {
    name: 'scheme case HTTP vs http',
    sent: 'HTTP://example.com/cb',
    registered: 'http://example.com/cb',
    expected: ['letter-case'],
  },
  { name: 'extra query', sent: L, registered: `${L}?x=1`, expected: ['query'] },
  { name: 'query parameters reordered', sent: `${L}?a=1&b=2`, registered: `${L}?b=2&a=1`, expected: ['query'] },
  { name: 'fragment', sent: L, registered: `${L}#top`, expected: ['fragment'] },
  {
    name: '%2F in the path',
    sent: `${V.replace('/callback', '')}/oauth/callback`,
    registered: 'vscode://rcdevtools.ringcentral-oauth/oauth%2Fcallback',
    expected: ['percent-encoding'],
  },
  {
    name: 'lowercase vs uppercase hex',
    sent: 'https://a.example/cb?x=%3a',
    registered: 'https://a.example/cb?x=%3A',
    expected: ['percent-encoding'],
  },
  {
    name: 'whole URI percent-encoded (copied from an authorize URL)',
    sent: V,
    registered: 'vscode%3A%2F%2Frcdevtools.ringcentral-oauth%2Fcallback',
    expected: ['percent-encoding'],
  },
  { name: 'leading space', sent: V, registered: ` ${V}`, expected: ['whitespace'] },
  { name: 'trailing newline', sent: V, registered: `${V}\n`, expected: ['whitespace'] },
  {
    name: 'zero-width space and a port difference',
    sent: L,
    registered: '\u200bhttp://127.0.0.1:5000/callback',
    expected: ['whitespace', 'port'],
  },
  {
    name: 'user name before the host',
    sent: L,
    registered: 'http://user@127.0.0.1:53134/callback',
    expected: ['userinfo'],
  },
  {
    name: 'code-server URI with vscode-reqid vs vscode://',
    sent: CODE_SERVER,
    registered: V,
    expected: ['dynamic-host'],
  },
  {
    name: 'Codespaces forwarded host',
    sent: 'https://fuzzy-space-53134.app.github.dev/callback',
    registered: L,
    expected: ['dynamic-host'],
  },
  { name: "'*' wildcard that would match", sent: V, registered: 'vscode://*/callback', expected: ['wildcard'] },
  {
    name: "'*' wildcard that would not match either",
    sent: V,
    registered: 'vscode://*/oauth',
    expected: ['wildcard', 'path'],
  },
  { name: "'*' as the port", sent: L, registered: 'http://127.0.0.1:*/callback', expected: ['wildcard'] },
  {
    name: "'*' in the host, path differs too",
    sent: 'https://app.example.com/cb',
    registered: 'https://*.example.com/callback',
    expected: ['wildcard', 'path'],
  },
  { name: 'not a url', sent: V, registered: 'not a url', expected: ['not-a-url'] },
  { name: 'host:port without a scheme', sent: L, registered: '127.0.0.1:53134/callback', expected: ['not-a-url'] },
  { name: 'localhost:port without a scheme', sent: L, registered: 'localhost:53134/callback', expected: ['not-a-url'] },
  {
    name: 'several differences at once',
    sent: 'http://localhost:5000/oauth2callback',
    registered: 'https://LOCALHOST:5000/OAuth2Callback/',
    expected: ['http-vs-https', 'trailing-slash', 'letter-case'],
  },
  {
    name: 'different host and path',
    sent: 'https://a.example.com/cb',
    registered: 'https://b.example.com/callback',
    expected: ['host', 'path'],
  },
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
      const comparison = compareRedirectUris(
        'http://localhost:5000/oauth2callback',
        ' https://LOCALHOST:5001/oauth2callback/?a',
      );
      assert.deepStrictEqual(kinds(comparison), [
        'whitespace',
        'http-vs-https',
        'port',
        'trailing-slash',
        'letter-case',
        'query',
      ]);
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
      assert.deepStrictEqual(kinds(compareRedirectUris('https://example.com/cb', V, { dynamic: true })), [
        'dynamic-host',
      ]);
      assert.deepStrictEqual(kinds(compareRedirectUris(CODE_SERVER, V, { dynamic: false })), ['scheme']);
    });

    it('reports a whitespace-only registered entry as not a URL', () => {
      assert.deepStrictEqual(kinds(compareRedirectUris(V, '  \n')), ['not-a-url']);
      assert.deepStrictEqual(kinds(compareRedirectUris(V, '')), ['not-a-url']);
    });
  });
});
