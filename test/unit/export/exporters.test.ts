// The exporters' choices without running anything: the redirect URI an export uses and its warnings, where secrets
// go (variables, never values unless included on purpose), and what each generated program names.
import * as assert from 'node:assert/strict';
import { CODE_TARGETS, generateSignInCode } from '../../../src/core/export/code';
import { buildHttpFile } from '../../../src/core/export/httpFile';
import { buildPostmanExport } from '../../../src/core/export/postman';
import { chooseRedirectUri, ExportProfile, fileStem } from '../../../src/core/export/profile';

const CODE_APP: ExportProfile = {
  name: 'My CRM (prod)',
  server: 'https://platform.ringcentral.com/',
  clientId: 'client-123',
  flow: 'authorizationCode',
  redirectUri: 'http://localhost:5000/oauth2callback',
  registeredRedirectUris: ['http://localhost:5000/oauth2callback'],
  hasClientSecret: true,
};
const JWT_APP: ExportProfile = { ...CODE_APP, flow: 'jwt', registeredRedirectUris: [] };

describe('export: profile, Postman, .http and sign-in code', () => {
  it('chooseRedirectUri: the profile URI when registered; else a registered http(s) one; warnings otherwise', () => {
    assert.deepEqual(chooseRedirectUri(CODE_APP), {
      redirectUri: 'http://localhost:5000/oauth2callback',
      warnings: [],
    });
    const other = chooseRedirectUri({
      ...CODE_APP,
      redirectUri: 'vscode://rcdevtools.ringcentral-oauth/callback',
      registeredRedirectUris: ['myapp://cb', 'https://example.com/cb'],
    });
    assert.equal(other.redirectUri, 'https://example.com/cb');
    assert.deepEqual(
      other.warnings.map((warning) => warning.code),
      ['redirect-uri-not-registered'],
    );
    const none = chooseRedirectUri({ ...CODE_APP, redirectUri: undefined, registeredRedirectUris: [] });
    assert.deepEqual(
      none.warnings.map((warning) => warning.code),
      ['no-registered-redirect-uri'],
    );
    assert.match(none.warnings[0].message, /OAU-113/);
    const custom = chooseRedirectUri({ ...CODE_APP, redirectUri: 'vscode://x/cb', registeredRedirectUris: undefined });
    assert.deepEqual(
      custom.warnings.map((warning) => warning.code),
      ['custom-scheme-redirect'],
    );
    assert.equal(fileStem({ name: ' Mÿ ../CRM: "prod" ' }), 'my-crm-prod');
    assert.equal(fileStem({ name: '***' }), 'ringcentral');
  });

  it('Postman: secret variables are empty and typed secret unless included; no secret value in the collection', () => {
    const plain = buildPostmanExport(CODE_APP);
    const secretKeys = plain.environment.values.filter((value) => value.type === 'secret').map((value) => value.key);
    assert.deepEqual(secretKeys, [
      'RINGCENTRAL_CLIENT_SECRET',
      'RINGCENTRAL_AUTH_CODE',
      'RINGCENTRAL_CODE_VERIFIER',
      'RINGCENTRAL_ACCESS_TOKEN',
      'RINGCENTRAL_REFRESH_TOKEN',
    ]);
    assert.ok(plain.environment.values.filter((value) => value.type === 'secret').every((value) => value.value === ''));
    assert.equal(plain.environment.values[0].value, 'https://platform.ringcentral.com', 'no trailing slash');
    const included = buildPostmanExport(JWT_APP, { includeSecrets: { clientSecret: 'S3CRET', jwt: 'eyJ.x.y' } });
    const values = Object.fromEntries(included.environment.values.map((value) => [value.key, value]));
    assert.deepEqual(values.RINGCENTRAL_CLIENT_SECRET, {
      key: 'RINGCENTRAL_CLIENT_SECRET',
      value: 'S3CRET',
      type: 'secret',
      enabled: true,
    });
    assert.equal(values.RINGCENTRAL_JWT.value, 'eyJ.x.y');
    assert.doesNotMatch(included.files[0].text, /S3CRET|eyJ\.x\.y/, 'secrets stay in the environment file');
    assert.equal(included.collection.auth.type, 'bearer', 'no PKCE helper for a JWT profile');
    assert.equal(included.collection.item[0].name, 'Sign in with a JWT credential');
    assert.deepEqual(
      included.files.map((file) => file.fileName),
      ['my-crm-prod.postman_collection.json', 'my-crm-prod.postman_environment.json'],
    );
    assert.equal(
      buildPostmanExport(CODE_APP).collection.info._postman_id,
      plain.collection.info._postman_id,
      'stable id',
    );
  });

  it('Postman: no registered redirect URI is a warning; a public JWT app is warned that RingCentral wants the secret', () => {
    const exported = buildPostmanExport({ ...CODE_APP, redirectUri: undefined, registeredRedirectUris: [] });
    assert.deepEqual(
      exported.warnings.map((warning) => warning.code),
      ['no-registered-redirect-uri'],
    );
    const publicJwt = buildPostmanExport({ ...JWT_APP, hasClientSecret: false });
    assert.deepEqual(
      publicJwt.warnings.map((warning) => warning.code),
      ['jwt-without-secret'],
    );
  });

  it('.http: secrets as {{$dotenv}} or {{$processEnv}}; hostile profile text stays on its own line', () => {
    const dotenv = buildHttpFile(CODE_APP);
    assert.match(dotenv.text, /^@clientSecret = \{\{\$dotenv RINGCENTRAL_CLIENT_SECRET\}\}$/m);
    assert.match(dotenv.text, /^@accessToken = \{\{signIn\.response\.body\.\$\.access_token\}\}$/m);
    const processEnv = buildHttpFile(JWT_APP, { secretSource: 'processEnv' });
    assert.match(processEnv.text, /^@jwt = \{\{\$processEnv RINGCENTRAL_JWT\}\}$/m);
    const hostile = buildHttpFile({
      ...CODE_APP,
      name: 'x\n### injected\nGET http://evil',
      clientId: 'a\r\n@server = http://evil',
    });
    assert.doesNotMatch(hostile.text, /^### injected|^GET http:\/\/evil|^@server = http:\/\/evil/m);
    assert.equal(hostile.fileName, 'x-injected-get-http-evil.http');
  });

  it('sign-in code: every target, both flows: secrets only as environment variables; the console settings named', () => {
    for (const { target } of CODE_TARGETS) {
      for (const profile of [CODE_APP, JWT_APP]) {
        const code = generateSignInCode(profile, target);
        assert.match(code.text, /RINGCENTRAL_CLIENT_SECRET/, `${target}: reads the secret from the environment`);
        assert.match(code.text, /Issue refresh tokens\?/, `${target}: names the refresh setting`);
        assert.match(code.text, /ReadAccounts/, `${target}: names the permission`);
        assert.match(code.text, /client-123/);
        if (profile.flow === 'jwt') {
          assert.match(code.text, /RINGCENTRAL_JWT/);
        } else {
          assert.match(code.text, /S256/, `${target}: PKCE`);
          assert.match(code.text, /http:\/\/localhost:5000\/oauth2callback/);
          assert.match(code.text, /OAuth Redirect URI/);
        }
      }
    }
    const languages = CODE_TARGETS.map(({ target }) => generateSignInCode(CODE_APP, target).language);
    assert.deepEqual(languages, ['php', 'php', 'javascript', 'python', 'python', 'csharp', 'shellscript']);
  });
});
