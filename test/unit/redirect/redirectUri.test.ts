import * as assert from 'assert';
import {
  CALLBACK_PATH,
  DEFAULT_LOOPBACK_PORT,
  EXTENSION_AUTHORITY,
  LOOPBACK_HOST,
  editorNameForScheme,
  isDynamicRedirectUri,
  isKnownEditorScheme,
  loopbackRedirectUri,
  safeDecode,
  splitUri,
  uriHandlerCallbackUri,
} from '../../../src/core/redirect/redirectUri';

describe('redirectUri', () => {
  it('constants', () => {
    assert.strictEqual(EXTENSION_AUTHORITY, 'rcdevtools.ringcentral-oauth');
    assert.strictEqual(CALLBACK_PATH, '/callback');
    assert.strictEqual(LOOPBACK_HOST, '127.0.0.1');
    assert.strictEqual(DEFAULT_LOOPBACK_PORT, 53134);
  });

  describe('uriHandlerCallbackUri', () => {
    it('builds the URI-handler callback for each editor scheme', () => {
      assert.strictEqual(uriHandlerCallbackUri('vscode'), 'vscode://rcdevtools.ringcentral-oauth/callback');
      assert.strictEqual(
        uriHandlerCallbackUri('vscode-insiders'),
        'vscode-insiders://rcdevtools.ringcentral-oauth/callback',
      );
      assert.strictEqual(uriHandlerCallbackUri('code-oss'), 'code-oss://rcdevtools.ringcentral-oauth/callback');
      assert.strictEqual(uriHandlerCallbackUri('cursor'), 'cursor://rcdevtools.ringcentral-oauth/callback');
    });

    it('accepts a scheme written with ":" or "://"', () => {
      assert.strictEqual(uriHandlerCallbackUri('vscode:'), 'vscode://rcdevtools.ringcentral-oauth/callback');
      assert.strictEqual(uriHandlerCallbackUri('vscode://'), 'vscode://rcdevtools.ringcentral-oauth/callback');
    });

    it('keeps the scheme as given (case included)', () => {
      assert.strictEqual(uriHandlerCallbackUri('VSCode'), 'VSCode://rcdevtools.ringcentral-oauth/callback');
    });

    it('refuses text that is not a scheme', () => {
      assert.throws(() => uriHandlerCallbackUri(''), RangeError);
      assert.throws(() => uriHandlerCallbackUri('1abc'), RangeError);
      assert.throws(() => uriHandlerCallbackUri('a b'), RangeError);
    });
  });

  describe('loopbackRedirectUri', () => {
    it('builds http://127.0.0.1:PORT/callback', () => {
      assert.strictEqual(loopbackRedirectUri(53134), 'http://127.0.0.1:53134/callback');
      assert.strictEqual(loopbackRedirectUri(5000), 'http://127.0.0.1:5000/callback');
    });

    it('refuses invalid ports', () => {
      for (const port of [0, -1, 65536, 1.5, Number.NaN]) {
        assert.throws(() => loopbackRedirectUri(port), RangeError, String(port));
      }
    });
  });

  describe('isDynamicRedirectUri', () => {
    const dynamic = [
      // code-server (measured): asExternalUri of code-oss://rcdevtools.ringcentral-oauth/callback
      'http://127.0.0.1:8080/stable-0123456789abcdef0123456789abcdef01234567/callback?vscode-reqid=1&vscode-scheme=code-oss&vscode-authority=rcdevtools.ringcentral-oauth&vscode-path=%2Fcallback',
      'https://vscode.dev/callback?vscode-reqid=3&vscode-scheme=vscode&vscode-authority=rcdevtools.ringcentral-oauth',
      'https://example.com/whatever?VSCODE-SCHEME=code-oss',
      'https://example.com/whatever?vscode%2Dreqid=2',
      // the query mangled into the path by openExternal in the web workbench
      'http://127.0.0.1:8080/stable-abc1234/callback%3Fvscode-reqid=1',
      'https://code.example.com/proxy/53134/callback',
      'https://code.example.com/absproxy/53134/callback',
      'https://code.example.com/stable-0123456789abcdef/callback',
      'https://fuzzy-space-53134.app.github.dev/callback',
      'https://name-53134.githubpreview.dev/callback',
      'https://53134-user-repo-abc123.ws-eu110.gitpod.io/callback',
      'https://abcd1234-53134.euw.devtunnels.ms/callback',
      'https://insiders.vscode.dev/callback',
    ];
    for (const uri of dynamic) {
      it(`dynamic: ${uri}`, () => assert.strictEqual(isDynamicRedirectUri(uri), true));
    }

    const stable = [
      'vscode://rcdevtools.ringcentral-oauth/callback',
      'code-oss://rcdevtools.ringcentral-oauth/callback',
      // a custom scheme is never per-session, even with such a query
      'vscode://rcdevtools.ringcentral-oauth/callback?vscode-reqid=1',
      'http://127.0.0.1:53134/callback',
      'http://localhost:5000/oauth2callback',
      'https://example.com/oauth/callback?state=1',
      'https://notgithub.dev/callback',
      'https://example.com/proxy/callback',
      'not a url',
      '',
    ];
    for (const uri of stable) {
      it(`stable: ${JSON.stringify(uri)}`, () => assert.strictEqual(isDynamicRedirectUri(uri), false));
    }
  });

  describe('editorNameForScheme', () => {
    const names: Array<[string, string]> = [
      ['vscode', 'Visual Studio Code'],
      ['vscode-insiders', 'Visual Studio Code - Insiders'],
      ['code-oss', 'Code - OSS / code-server'],
      ['vscodium', 'VSCodium'],
      ['cursor', 'Cursor'],
      ['windsurf', 'Windsurf'],
      ['trae', 'Trae'],
      ['positron', 'Positron'],
      ['kiro', 'Kiro'],
    ];
    for (const [scheme, name] of names) {
      it(`${scheme} → ${name}`, () => {
        assert.strictEqual(editorNameForScheme(scheme), name);
        assert.strictEqual(isKnownEditorScheme(scheme), true);
      });
    }

    it('is case-insensitive and accepts a trailing ":"', () => {
      assert.strictEqual(editorNameForScheme('VSCode'), 'Visual Studio Code');
      assert.strictEqual(editorNameForScheme('cursor:'), 'Cursor');
    });

    it('returns an unknown scheme itself', () => {
      assert.strictEqual(editorNameForScheme('my-editor'), 'my-editor');
      assert.strictEqual(isKnownEditorScheme('my-editor'), false);
      assert.strictEqual(isKnownEditorScheme('https'), false);
      assert.strictEqual(editorNameForScheme('toString'), 'toString');
    });
  });

  describe('splitUri', () => {
    function parts(text: string) {
      const result = splitUri(text);
      if (!result.ok) throw new Error(`not split: ${result.reason}`);
      return result.parts;
    }

    it('keeps the raw text of each part', () => {
      assert.deepStrictEqual(parts('HTTP://User:pw@LocalHost:0080/A%2fB/?q=%3a#Frag'), {
        scheme: 'HTTP',
        hasAuthority: true,
        userinfo: 'User:pw',
        host: 'LocalHost',
        port: '0080',
        path: '/A%2fB/',
        query: 'q=%3a',
        fragment: 'Frag',
      });
    });

    it('handles IPv6 hosts, bare ports, empty paths and empty queries', () => {
      assert.deepStrictEqual(parts('http://[::1]:5000'), {
        scheme: 'http',
        hasAuthority: true,
        userinfo: undefined,
        host: '[::1]',
        port: '5000',
        path: '',
        query: undefined,
        fragment: undefined,
      });
      assert.strictEqual(parts('http://[::1]/cb').port, undefined);
      assert.strictEqual(parts('http://h:/cb').port, '');
      assert.strictEqual(parts('http://h/cb?').query, '');
    });

    it('accepts custom and private-use schemes', () => {
      assert.strictEqual(parts('vscode://rcdevtools.ringcentral-oauth/callback').host, 'rcdevtools.ringcentral-oauth');
      const opaque = parts('com.example.app:/oauth2redirect');
      assert.strictEqual(opaque.hasAuthority, false);
      assert.strictEqual(opaque.path, '/oauth2redirect');
    });

    it('rejects what cannot be a redirect URI', () => {
      for (const text of [
        '',
        'not a url',
        'localhost:5000/callback',
        '127.0.0.1:5000/callback',
        'http:/callback',
        'http://',
        'http://h:5x/cb',
        'http://[::1/cb',
        'http://h/a b',
      ]) {
        assert.strictEqual(splitUri(text).ok, false, text);
      }
    });

    it('rebuilds the original text from the parts', () => {
      for (const text of [
        'HTTP://User@LocalHost:0080/A%2fB/?q=%3a#Frag',
        'vscode://x/cb',
        'http://[::1]:5000',
        'myapp:cb?x#y',
      ]) {
        const p = parts(text);
        const rebuilt =
          `${p.scheme}:` +
          (p.hasAuthority
            ? `//${p.userinfo !== undefined ? `${p.userinfo}@` : ''}${p.host}${p.port !== undefined ? `:${p.port}` : ''}`
            : '') +
          p.path +
          (p.query !== undefined ? `?${p.query}` : '') +
          (p.fragment !== undefined ? `#${p.fragment}` : '');
        assert.strictEqual(rebuilt, text);
      }
    });
  });

  it('safeDecode leaves malformed escapes alone', () => {
    assert.strictEqual(safeDecode('a%2Fb'), 'a/b');
    assert.strictEqual(safeDecode('100%'), '100%');
    assert.strictEqual(safeDecode('%E0%A4%A and %2F'), '%E0%A4%A and /');
  });
});
