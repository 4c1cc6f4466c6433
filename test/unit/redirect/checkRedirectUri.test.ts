import * as assert from 'assert';
import { checkRedirectUri } from '../../../src/core/redirect/checkRedirectUri';
import { CODE_SERVER, kinds, L, V } from './redirectSamples';

describe('redirectMismatch', () => {
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
      const result = checkRedirectUri({
        sent: L,
        mode: 'loopback',
        registered: ['http://127.0.0.1:5000/callback', `${L}/`],
      });
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
        {
          kind: result.fix.kind,
          mode: result.fix.kind === 'switchMode' ? result.fix.mode : undefined,
          uri: result.fix.kind === 'switchMode' ? result.fix.uri : undefined,
        },
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
      const result = checkRedirectUri({
        sent: CODE_SERVER,
        mode: 'uriHandler',
        registered: [V, 'https://localhost/callback'],
      });
      assert.ok(
        result.fix.kind === 'switchMode' &&
          result.fix.mode === 'paste' &&
          result.fix.uri === 'https://localhost/callback',
      );
    });

    it('dynamic: uses the registered loopback callback', () => {
      const result = checkRedirectUri({ sent: CODE_SERVER, mode: 'uriHandler', registered: [V, L] });
      assert.ok(result.fix.kind === 'switchMode' && result.fix.mode === 'loopback' && result.fix.uri === L);
    });

    it('dynamic flag from the caller overrides detection', () => {
      const result = checkRedirectUri({
        sent: 'https://example.com/cb',
        mode: 'uriHandler',
        registered: [V],
        dynamic: true,
      });
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
      assert.ok(
        result.warnings.some((w) => /11 redirect URIs/.test(w) && /at most 10/.test(w)),
        result.warnings.join('\n'),
      );
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
});
