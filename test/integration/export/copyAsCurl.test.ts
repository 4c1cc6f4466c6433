// "Copy as curl" run by the machine's bash and curl: hostile bytes arrive exactly at a local echo server, and the
// steps of a real traced flow, replayed with their secrets supplied, get the status the trace recorded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import fc from 'fast-check';
import { copyStepAsCurl, CopyAsCurlOptions, StepSecrets } from '../../../src/core/export/curl';
import type { TraceStep } from '../../../src/core/trace/trace';
import { AttemptRecorder } from '../../../src/core/trace/trace';
import { WHO_AM_I_PATH } from '../../../src/core/ringcentral/ringcentralClient';
import { nodeFetchAdapter } from '../../../src/vscode/ringcentral/httpFetch';
import { LOOPBACK_REDIRECT, pkce } from '../../../emulator/test/emulatorTestUtils';
import { CONFIDENTIAL, rejection, useClientAgainstEmulator } from '../ringcentralClientKit';
import { describeRun, requireTool, run, useTempDir } from './exportKit';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A server on 127.0.0.1 that records what it received, byte for byte. */
function useEchoServer(): { readonly url: string; readonly received: Received[] } {
  let server: http.Server | undefined;
  const received: Received[] = [];
  before(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks),
        });
        res.writeHead(201, { 'Content-Type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  });
  beforeEach(() => received.splice(0));
  after(() => new Promise<void>((resolve) => server?.close(() => resolve())));
  return {
    get url() {
      return `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
    },
    received,
  };
}

async function runBash(text: string, env: Record<string, string> = {}, cwd?: string) {
  return run('bash', ['-c', text], { env, cwd, timeoutMs: 20_000 });
}

function statusOf(output: string): number {
  const match = /^HTTP\/[\d.]+ (\d{3})/m.exec(output);
  return match ? Number(match[1]) : -1;
}

describe('Copy as curl, run by bash and curl', function () {
  this.timeout(60_000);
  before(async () => {
    await requireTool('bash');
    await requireTool('curl');
  });

  describe('hostile values reach the server exactly', () => {
    const echo = useEchoServer();
    const tmp = useTempDir('rc-curl-');

    it('quotes, $(…), backticks, newlines, ‘’, % and ! arrive byte for byte; nothing runs', async () => {
      const marker = path.join(tmp.dir, 'pwned');
      const hostile = `it's $(touch ${marker}) \`touch ${marker}\` "q" \\ !! %41 ‘’ \n line2\r\n€ & a=b`;
      const step: TraceStep = {
        at: 0,
        title: `Evil "title"\n$(touch ${marker})`,
        ok: true,
        request: {
          method: 'PUT',
          url: `${echo.url}/p/it's?q=$(touch%20x)&r='`,
          headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Hostile': `a'b"c $(touch ${marker}) \`id\` ’` },
          body: hostile,
        },
      };
      const copied = copyStepAsCurl(step, { shell: 'bash' });
      assert.ok(copied.ok);
      const result = await runBash(copied.text, {}, tmp.dir);
      assert.equal(result.status, 0, describeRun(result));
      assert.equal(echo.received.length, 1);
      const [got] = echo.received;
      assert.equal(got.method, 'PUT');
      assert.equal(got.url, `/p/it's?q=$(touch%20x)&r='`);
      assert.equal(got.headers['x-hostile'], Buffer.from(`a'b"c $(touch ${marker}) \`id\` ’`).toString('latin1'));
      assert.equal(got.body.toString('utf8'), hostile);
      assert.equal(fs.existsSync(marker), false, 'a command inside a value was run');
      assert.equal(statusOf(result.stdout), 201);
    });

    it('any body (fast-check, 30 runs): the server receives exactly the bytes recorded', async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 60 }), async (body) => {
          fc.pre(!body.includes('\0'));
          echo.received.splice(0);
          const step: TraceStep = {
            at: 0,
            title: 'property',
            ok: true,
            request: { method: 'POST', url: `${echo.url}/x`, headers: { 'Content-Type': 'text/plain' }, body },
          };
          const copied = copyStepAsCurl(step, { shell: 'bash' });
          assert.ok(copied.ok);
          const result = await runBash(copied.text);
          assert.equal(result.status, 0, describeRun(result));
          assert.equal(echo.received[0]?.body.toString('utf8'), body);
        }),
        { numRuns: 30 },
      );
    });

    it('a secret left to an environment variable is form-encoded by curl, the rest kept as recorded', async () => {
      const step: TraceStep = {
        at: 0,
        title: 'Refresh access token',
        ok: true,
        request: {
          method: 'POST',
          url: `${echo.url}/restapi/oauth/token`,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic Y29u…NzA=' },
          body: 'grant_type=refresh_token&refresh_token=U0pD%E2%80%A6x9Q&client_id=a%2Bb',
        },
      };
      const copied = copyStepAsCurl(step, { shell: 'bash', clientId: 'conf-client-id' });
      assert.ok(copied.ok);
      assert.deepEqual(copied.environmentVariables, ['RINGCENTRAL_CLIENT_SECRET', 'RINGCENTRAL_REFRESH_TOKEN']);
      const missing = await runBash(copied.text);
      assert.notEqual(missing.status, 0);
      assert.match(missing.stderr, /export RINGCENTRAL_CLIENT_SECRET first/);
      assert.equal(echo.received.length, 0, 'nothing is sent before the variables are set');
      const hostileToken = `a+b/c=d&e f'$(x)`;
      const result = await runBash(copied.text, {
        RINGCENTRAL_CLIENT_SECRET: `s3cr'et`,
        RINGCENTRAL_REFRESH_TOKEN: hostileToken,
      });
      assert.equal(result.status, 0, describeRun(result));
      const [got] = echo.received;
      const body = got.body.toString('utf8');
      assert.ok(body.startsWith('grant_type=refresh_token&refresh_token='), body);
      assert.ok(body.endsWith('&client_id=a%2Bb'), body);
      assert.equal(new URLSearchParams(got.body.toString('utf8')).get('refresh_token'), hostileToken);
      assert.equal(got.headers.authorization, `Basic ${Buffer.from(`conf-client-id:s3cr'et`).toString('base64')}`);
    });
  });

  describe('steps of a real traced flow, replayed against the emulator', () => {
    const { ctx, client, confidential, codeFor } = useClientAgainstEmulator(nodeFetchAdapter);

    async function replay(
      step: TraceStep,
      options: Omit<CopyAsCurlOptions, 'shell'>,
      env: Record<string, string> = {},
    ) {
      const copied = copyStepAsCurl(step, { shell: 'bash', ...options });
      assert.ok(copied.ok);
      const result = await runBash(copied.text, env);
      assert.equal(result.status, 0, describeRun(result));
      return { status: statusOf(result.stdout), text: copied.text, output: result.stdout };
    }

    function stepTitled(recorder: AttemptRecorder, title: RegExp): TraceStep {
      const step = recorder.attempt.steps.find((candidate) => title.test(candidate.title));
      assert.ok(step?.request && step.response, `no step ${title} in ${recorder.attempt.steps.map((s) => s.title)}`);
      return step;
    }

    it('JWT sign-in, who-am-I, refresh and revoke of a confidential app: each replay gets the recorded status', async () => {
      const rc = confidential();
      const jwt = ctx.emu.createJwtCredential(CONFIDENTIAL.clientId);
      const recorder = new AttemptRecorder('jwt', Date.now, { server: ctx.emu.url, clientId: CONFIDENTIAL.clientId });
      const first = await rc.jwtBearer(jwt, recorder);
      await rc.getJson(WHO_AM_I_PATH, first.access_token, recorder, 'Who am I');
      const second = await rc.refresh(first.refresh_token as string, recorder);
      const base = { clientId: CONFIDENTIAL.clientId };
      const secrets: StepSecrets = { clientSecret: CONFIDENTIAL.clientSecret, jwt, accessToken: second.access_token };

      const signIn = stepTitled(recorder, /JWT/);
      const replayedSignIn = await replay(signIn, { ...base, secrets });
      assert.equal(replayedSignIn.status, signIn.response?.status);
      assert.doesNotMatch(replayedSignIn.text, /…/, 'no masked value is left in a command with secrets');

      const me = stepTitled(recorder, /Who am I/);
      assert.equal((await replay(me, { ...base, secrets })).status, me.response?.status);

      // Without secrets: the same command, with the values in environment variables.
      const meFromEnv = await replay(me, base, { RINGCENTRAL_ACCESS_TOKEN: second.access_token });
      assert.equal(meFromEnv.status, 200);
      assert.match(meFromEnv.output, /Ada Lovelace/);

      // A refresh token works once: the refresh step is replayed with the current one.
      const refreshStep = stepTitled(recorder, /Refresh/);
      const refreshed = await replay(refreshStep, {
        ...base,
        secrets: { ...secrets, refreshToken: second.refresh_token },
      });
      assert.equal(refreshed.status, refreshStep.response?.status);
      const latest = JSON.parse(refreshed.output.slice(refreshed.output.indexOf('{'))) as { access_token: string };

      const revokeRecorder = new AttemptRecorder('revoke', Date.now, { server: ctx.emu.url });
      await rc.revoke(latest.access_token, revokeRecorder);
      const revoke = revokeRecorder.attempt.steps[0];
      const other = await rc.jwtBearer(jwt);
      const replayedRevoke = await replay(revoke, {
        ...base,
        secrets: { ...secrets, accessToken: other.access_token },
      });
      assert.equal(replayedRevoke.status, revoke.response?.status);
      assert.equal(ctx.emu.requests[ctx.emu.requests.length - 1].form?.token, `***${other.access_token.slice(-4)}`);
    });

    it('failed steps replay to the same failure: a wrong secret (401) and a wrong PKCE verifier (400)', async () => {
      const recorder = new AttemptRecorder('refresh', Date.now, {
        server: ctx.emu.url,
        clientId: CONFIDENTIAL.clientId,
      });
      const tokens = await confidential().jwtBearer(ctx.emu.createJwtCredential(CONFIDENTIAL.clientId));
      await rejection(confidential('wrong-secret').refresh(tokens.refresh_token as string, recorder));
      const failedRefresh = recorder.attempt.steps[0];
      assert.equal(failedRefresh.response?.status, 401);
      const replayed = await replay(failedRefresh, {
        clientId: CONFIDENTIAL.clientId,
        secrets: { clientSecret: 'wrong-secret', refreshToken: tokens.refresh_token },
      });
      assert.equal(replayed.status, 401);
      assert.match(replayed.output, /OAU-146/);

      const codeRecorder = new AttemptRecorder('signIn', Date.now, { server: ctx.emu.url });
      const { code } = await codeFor();
      const wrongVerifier = pkce().verifier;
      await rejection(
        client().exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: wrongVerifier }, codeRecorder),
      );
      const failedExchange = codeRecorder.attempt.steps[0];
      const replayedExchange = await replay(
        failedExchange,
        {},
        { RINGCENTRAL_AUTH_CODE: code, RINGCENTRAL_CODE_VERIFIER: wrongVerifier },
      );
      assert.equal(replayedExchange.status, failedExchange.response?.status);
      assert.match(replayedExchange.output, /code_verifier does not match/);
    });
  });
});
