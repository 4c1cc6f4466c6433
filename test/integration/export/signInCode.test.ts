// The generated sign-in programs, run by their real interpreters against the emulator: Python (requests), plain PHP
// (curl), bash (curl) and Node (@ringcentral/sdk). Each signs in (JWT, or a code with PKCE and a checked state),
// calls who-am-I, refreshes when the server refuses the access token, and saves the rotated refresh token.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { DEMO_APP, LOOPBACK_REDIRECT, useExportEmulator } from './exportEmulatorKit';
import { describeRun, requireTool, useTempDir } from './exportKit';
import { assertPrivate, browserThatPastes, grants, RUNNERS, runProgram } from './signInCodeKit';

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

for (const runner of RUNNERS) {
  describe(`generated sign-in code: ${runner.target}, run against the emulator`, function () {
    this.timeout(120_000);
    const ctx = useExportEmulator();
    const tmp = useTempDir(`rc-code-${runner.target}-`);

    before(() =>
      requireTool(
        runner.command,
        runner.target === 'bash' ? ['-c', 'curl --version && openssl version'] : ['--version'],
      ),
    );

    it('JWT: signs in, who-am-I; later runs refresh when the token is refused and keep the rotated refresh token', async () => {
      const { emu } = ctx;
      const { env } = ctx.confidentialJwtSecrets();
      const first = await runProgram(runner, ctx.jwtProfile(), tmp.dir, env);
      assert.equal(first.status, 0, describeRun(first));
      assert.match(first.stdout, /Signed in as Ada Lovelace \(extension 62264425004\)/);
      assert.deepEqual(grants(emu), [`${JWT_GRANT} 200`, '/restapi/v1.0/account/~/extension/~ 200']);
      const tokenRequest = emu.requests.find((request) => request.form?.grant_type === JWT_GRANT);
      assert.match(tokenRequest?.headers.authorization ?? '', /^Basic/, 'a confidential app authenticates with Basic');
      assert.equal(tokenRequest?.form?.client_id, undefined);
      assertPrivate(first.tokenFile);

      for (const round of [1, 2]) {
        // The access token expires at the server; the program's clock does not know: a 401 must lead to a refresh.
        emu.advanceClock(3601);
        emu.requests.splice(0);
        const again = await runProgram(runner, ctx.jwtProfile(), tmp.dir, env);
        assert.equal(again.status, 0, `round ${round}: ${describeRun(again)}`);
        assert.match(again.stdout, /Signed in as Ada Lovelace/);
        assert.deepEqual(
          grants(emu),
          ['/restapi/v1.0/account/~/extension/~ 401', 'refresh_token 200', '/restapi/v1.0/account/~/extension/~ 200'],
          `round ${round}: ${describeRun(again)}`,
        );
        assertPrivate(again.tokenFile);
      }
    });

    it('authorization code: prints the authorize URL (S256, state), takes the pasted redirect, exchanges with PKCE', async () => {
      const { emu } = ctx;
      const browser = browserThatPastes(emu);
      const result = await runProgram(runner, ctx.codeProfile(), tmp.dir, {}, browser.onStdout);
      assert.equal(result.status, 0, describeRun(result));
      assert.match(result.stdout, /Signed in as Ada Lovelace/);
      const query = browser.seen.authorizeUrl?.searchParams;
      assert.equal(query?.get('code_challenge_method'), 'S256');
      assert.equal(query?.get('redirect_uri'), LOOPBACK_REDIRECT);
      assert.equal(query?.get('client_id'), DEMO_APP.clientId);
      assert.ok((query?.get('state') ?? '').length >= 16, 'a random state');
      assert.deepEqual(grants(emu), ['authorization_code 200', '/restapi/v1.0/account/~/extension/~ 200']);
      const exchange = emu.requests.find((request) => request.form?.grant_type === 'authorization_code');
      assert.equal(exchange?.form?.client_id, DEMO_APP.clientId, 'a public app names itself in the body');
      assert.equal(exchange?.headers.authorization, undefined);
      assert.equal(exchange?.form?.redirect_uri, LOOPBACK_REDIRECT);

      // A later run: refused access token → one refresh (the demo app issues refresh tokens) → who-am-I.
      emu.advanceClock(3601);
      emu.requests.splice(0);
      const again = await runProgram(runner, ctx.codeProfile(), tmp.dir);
      assert.equal(again.status, 0, describeRun(again));
      assert.deepEqual(grants(emu), [
        '/restapi/v1.0/account/~/extension/~ 401',
        'refresh_token 200',
        '/restapi/v1.0/account/~/extension/~ 200',
      ]);
    });

    it('authorization code: a pasted redirect with another state is refused before any token request', async () => {
      const { emu } = ctx;
      const browser = browserThatPastes(emu, (landed) => {
        landed.searchParams.set('state', 'not-the-state-we-sent');
        return landed.toString();
      });
      const result = await runProgram(runner, ctx.codeProfile(), tmp.dir, {}, browser.onStdout);
      assert.equal(result.status, 1, `the program stops with an error, on its own: ${describeRun(result)}`);
      assert.match(result.stderr, /state/i);
      assert.deepEqual(grants(emu), [], 'no token request');
      assert.equal(fs.existsSync(`${tmp.dir}/tokens.json`), false);
    });

    it('authorization code, non-interactive: a pre-authorized code and verifier from the environment', async () => {
      const { emu } = ctx;
      const result = await runProgram(runner, ctx.codeProfile(), tmp.dir, await ctx.preAuthorizedCode());
      assert.equal(result.status, 0, describeRun(result));
      assert.match(result.stdout, /Signed in as Ada Lovelace/);
      assert.deepEqual(grants(emu), ['authorization_code 200', '/restapi/v1.0/account/~/extension/~ 200']);
    });
  });
}
