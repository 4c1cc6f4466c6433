// The Postman export, loaded by Postman's own collection library and run by newman against the emulator over
// real HTTP: every request must pass its own tests, and the tokens must chain through the environment.
// postman-collection declares its module in types/index.d.ts, which package.json does not point at.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient module file, nothing to import
/// <reference path="../../../node_modules/postman-collection/types/index.d.ts" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Collection, Item } from 'postman-collection';
import { buildPostmanExport } from '../../../src/core/export/postman';
import type { ExportProfile } from '../../../src/core/export/profile';
import { REVOKE_PATH, TOKEN_PATH, WHO_AM_I_PATH } from '../../../src/core/ringcentral/ringcentralClient';
import type { Emulator } from '../../../emulator/server';
import { DEMO_APP, LOOPBACK_REDIRECT, unrelatedVerifier, useExportEmulator } from './exportEmulatorKit';
import { describeRun, NEWMAN_CLI, run, useTempDir, writeFile } from './exportKit';

interface NewmanOutcome {
  status: number | null;
  output: string;
  environment: Record<string, string>;
  /** What the emulator answered, in order: "POST /restapi/oauth/token refresh_token 200". */
  exchanges: string[];
}

async function runNewman(
  emu: Emulator,
  dir: string,
  files: Array<{ fileName: string; text: string }>,
  envVars: Record<string, string> = {},
): Promise<NewmanOutcome> {
  const [collectionFile, environmentFile] = files.map((file) => writeFile(dir, file.fileName, file.text));
  const exported = path.join(dir, 'environment-after.json');
  const args = [NEWMAN_CLI, 'run', collectionFile, '-e', environmentFile, '--export-environment', exported];
  for (const [key, value] of Object.entries(envVars)) args.push('--env-var', `${key}=${value}`);
  args.push('--color', 'off', '--disable-unicode', '--timeout-request', '10000');
  const result = await run(process.execPath, args, { cwd: dir, timeoutMs: 60_000 });
  const environment: Record<string, string> = {};
  if (fs.existsSync(exported)) {
    const parsed = JSON.parse(fs.readFileSync(exported, 'utf8')) as { values: Array<{ key: string; value: string }> };
    for (const { key, value } of parsed.values) environment[key] = value;
  }
  const exchanges = emu.requests.map((request) => {
    const grant = typeof request.form?.grant_type === 'string' ? ` ${request.form.grant_type}` : '';
    return `${request.method} ${request.path}${grant} ${request.status}`;
  });
  return { status: result.status, output: describeRun(result), environment, exchanges };
}

describe('Postman export run by newman against the emulator', function () {
  this.timeout(90_000);
  const ctx = useExportEmulator();
  const tmp = useTempDir('rc-postman-');

  it('loads with postman-collection: four requests, the PKCE helper, the variables it names', () => {
    const profile: ExportProfile = {
      name: 'Loader check',
      server: 'https://platform.ringcentral.com',
      clientId: 'abc',
      flow: 'authorizationCode',
      redirectUri: 'http://localhost:5000/oauth2callback',
      registeredRedirectUris: ['http://localhost:5000/oauth2callback'],
      hasClientSecret: false,
    };
    const { collection, warnings } = buildPostmanExport(profile);
    assert.deepEqual(warnings, []);
    const loaded = new Collection(JSON.parse(JSON.stringify(collection)));
    const items = loaded.items.all() as Item[];
    const names = items.map((item) => `${item.request.method} ${item.request.url.getPath()} ${item.name}`);
    assert.deepEqual(names, [
      `POST ${TOKEN_PATH} Exchange an authorization code (PKCE)`,
      `POST ${TOKEN_PATH} Refresh the access token`,
      `GET ${WHO_AM_I_PATH} Who am I`,
      `POST ${REVOKE_PATH} Revoke (sign out)`,
    ]);
    const auth = loaded.auth?.parameters().toObject() as Record<string, unknown>;
    assert.equal((loaded.toJSON() as { auth: { type: string } }).auth.type, 'oauth2');
    assert.equal(auth.grant_type, 'authorization_code_with_pkce');
    assert.equal(auth.challengeAlgorithm, 'S256');
    assert.equal(auth.redirect_uri, 'http://localhost:5000/oauth2callback');
    assert.equal(auth.authUrl, '{{RINGCENTRAL_SERVER_URL}}/restapi/oauth/authorize');
    assert.equal(auth.accessTokenUrl, '{{RINGCENTRAL_SERVER_URL}}/restapi/oauth/token');
    assert.equal(auth.clientId, '{{RINGCENTRAL_CLIENT_ID}}');
    // The serialised form round-trips (what Postman's importer reads).
    assert.equal(loaded.toJSON().item.length, 4);
  });

  it('JWT profile of a confidential app: sign-in, refresh, who-am-I and revoke pass; tokens chain', async () => {
    const { emu } = ctx;
    const { clientSecret, jwt } = ctx.confidentialJwtSecrets();
    const profile = ctx.jwtProfile({ name: 'Emulator JWT', server: `${emu.url}/` });
    const exported = buildPostmanExport(profile, { includeSecrets: { clientSecret, jwt } });
    assert.deepEqual(exported.warnings, []);
    const outcome = await runNewman(emu, tmp.dir, exported.files);
    assert.equal(outcome.status, 0, outcome.output);
    assert.deepEqual(outcome.exchanges, [
      `POST ${TOKEN_PATH} urn:ietf:params:oauth:grant-type:jwt-bearer 200`,
      `POST ${TOKEN_PATH} refresh_token 200`,
      `GET ${WHO_AM_I_PATH} 200`,
      `POST ${REVOKE_PATH} 200`,
    ]);
    assert.match(outcome.output, /Signed in as.*Ada Lovelace/);
    // Basic client authentication on every token and revoke request, never client_id in the body.
    for (const request of emu.requests.filter((r) => r.method === 'POST')) {
      assert.match(request.headers.authorization ?? '', /^Basic/);
      assert.equal(request.form?.client_id, undefined);
    }
    // After the revoke, the environment holds no token any more.
    assert.equal(outcome.environment.RINGCENTRAL_ACCESS_TOKEN ?? '', '');
    assert.equal(outcome.environment.RINGCENTRAL_REFRESH_TOKEN ?? '', '');
  });

  it('auth-code profile of a public app: the exchange of a code the emulator issued, then the chain', async () => {
    const { emu } = ctx;
    const code = await ctx.preAuthorizedCode();
    const exported = buildPostmanExport(ctx.codeProfile({ name: 'Emulator PKCE' }));
    const environment = JSON.parse(exported.files[1].text) as { values: Array<{ key: string; value: string }> };
    assert.equal(
      environment.values.find((value) => value.key === 'RINGCENTRAL_REDIRECT_URI')?.value,
      LOOPBACK_REDIRECT,
    );
    const outcome = await runNewman(emu, tmp.dir, exported.files, code);
    assert.equal(outcome.status, 0, outcome.output);
    assert.deepEqual(outcome.exchanges, [
      `GET /restapi/oauth/authorize 302`,
      `POST ${TOKEN_PATH} authorization_code 200`,
      `POST ${TOKEN_PATH} refresh_token 200`,
      `GET ${WHO_AM_I_PATH} 200`,
      `POST ${REVOKE_PATH} 200`,
    ]);
    const exchange = emu.requests.find((request) => request.form?.grant_type === 'authorization_code');
    assert.equal(exchange?.form?.client_id, DEMO_APP.clientId);
    assert.equal(exchange?.form?.redirect_uri, LOOPBACK_REDIRECT);
    assert.equal(exchange?.headers.authorization, undefined);
  });

  it('a code with the wrong PKCE verifier fails the run (newman reports the failed test)', async () => {
    const { emu } = ctx;
    const code = await ctx.preAuthorizedCode();
    const exported = buildPostmanExport(ctx.codeProfile({ name: 'Emulator PKCE', registeredRedirectUris: undefined }));
    const outcome = await runNewman(emu, tmp.dir, exported.files, {
      ...code,
      RINGCENTRAL_CODE_VERIFIER: unrelatedVerifier(),
    });
    assert.notEqual(outcome.status, 0, outcome.output);
    assert.match(outcome.output, /Code exchange: HTTP 200/);
    assert.match(outcome.output, /OAU-106/);
  });
});
