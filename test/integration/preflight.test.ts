// preflightRedirect: the authorize request without a browser, against the emulator over HTTP.
import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { FetchLike } from '../../src/core/ringcentral/http';
import { preflightRedirect, PreflightOutcome } from '../../src/core/oauth/preflight';
import { AUTHORIZE_PATH, RingCentralClient } from '../../src/core/ringcentral/ringcentralClient';
import { AttemptRecorder } from '../../src/core/trace/trace';
import { nodeFetchAdapter } from '../../src/vscode/ringcentral/httpFetch';
import { DEMO_APP, RecordedRequest } from '../../emulator/server';
import { LOOPBACK_REDIRECT, useEmulator, VSCODE_REDIRECT } from '../../emulator/test/emulatorTestUtils';
import { RingCentralApiError, TransportError, UnexpectedResponseError } from '../../src/core/errors';

const globalFetchAdapter: FetchLike = (url, init) => fetch(url, init);

function failed(outcome: PreflightOutcome): unknown {
  if (outcome.ok) assert.fail(`expected a failure, got: ${outcome.detail}`);
  return outcome.error;
}

function apiFailure(outcome: PreflightOutcome): RingCentralApiError {
  const error = failed(outcome);
  assert.ok(error instanceof RingCentralApiError, `expected RingCentralApiError, got ${String(error)}`);
  return error;
}

describe('preflightRedirect against the emulator', () => {
  const ctx = useEmulator({ rateLimit: false });

  function client(
    clientId = DEMO_APP.clientId,
    fetch: FetchLike = nodeFetchAdapter,
    server = ctx.emu.url,
  ): RingCentralClient {
    return new RingCentralClient({ fetch, server, clientId, timeoutMs: 2000, retries: 0 });
  }

  function authorizeRequests(): RecordedRequest[] {
    return ctx.emu.requests.filter((request) => request.path === AUTHORIZE_PATH);
  }

  for (const [name, fetch] of [
    ['node-fetch', nodeFetchAdapter],
    ['global fetch', globalFetchAdapter],
  ] as const) {
    it(`accepted: a registered redirect URI gets a 302 to the sign-in page (${name})`, async () => {
      const outcome = await preflightRedirect(client(DEMO_APP.clientId, fetch), LOOPBACK_REDIRECT);
      assert.deepEqual(outcome, {
        ok: true,
        detail: 'HTTP 302 to the sign-in page: RingCentral accepted the client id and this redirect URI.',
      });
      const [request] = authorizeRequests();
      assert.equal(request.status, 302);
      assert.equal(request.query.response_type, 'code');
      assert.equal(request.query.client_id, DEMO_APP.clientId);
      assert.equal(request.query.redirect_uri, LOOPBACK_REDIRECT);
      assert.equal(request.query.code_challenge_method, 'S256');
      assert.match(String(request.query.code_challenge), /^[A-Za-z0-9_-]{43}$/);
      assert.match(request.headers.accept ?? '', /application\/json/);
    });
  }

  it('preflightAuthorize does not follow the redirect: the Location is the login page, no code issued', async () => {
    const url = `${ctx.emu.url}${AUTHORIZE_PATH}?response_type=code&client_id=${DEMO_APP.clientId}&redirect_uri=${encodeURIComponent(VSCODE_REDIRECT)}`;
    const result = await client().preflightAuthorize(url);
    assert.equal(result.accepted, true);
    assert.equal(result.status, 302);
    assert.ok(
      result.accepted && result.location.startsWith(`${ctx.emu.url}/restapi/oauth/login?req=`),
      JSON.stringify(result),
    );
    assert.equal(ctx.emu.requests.length, 1, 'the login page was not fetched');
  });

  it('OAU-113: the app has no redirect URI registered', async () => {
    ctx.emu.registerApp({ ...DEMO_APP, clientId: 'jwt-only', redirectUris: [] });
    const error = apiFailure(await preflightRedirect(client('jwt-only'), LOOPBACK_REDIRECT));
    assert.equal(error.info.code, 'OAU-113');
    assert.equal(error.info.error, 'invalid_client');
    assert.equal(error.info.message, 'No redirect uri is registered for the client');
    assert.equal(error.info.status, 400);
  });

  it('OAU-109: the redirect URI is not registered byte for byte', async () => {
    for (const redirect of [
      `${LOOPBACK_REDIRECT}/`,
      'http://localhost:53134/callback',
      'http://127.0.0.1:53135/callback',
    ]) {
      const error = apiFailure(await preflightRedirect(client(), redirect));
      assert.equal(error.info.code, 'OAU-109', redirect);
      assert.equal(error.info.error, 'invalid_grant');
    }
  });

  it('OAU-153: unknown client id', async () => {
    const error = apiFailure(await preflightRedirect(client('no-such-client'), LOOPBACK_REDIRECT));
    assert.equal(error.info.code, 'OAU-153');
    assert.equal(error.info.message, 'Invalid client: no-such-client');
  });

  it('a server that cannot be reached is a failure, not a throw', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = failed(
      await preflightRedirect(
        client(DEMO_APP.clientId, nodeFetchAdapter, `http://127.0.0.1:${port}`),
        LOOPBACK_REDIRECT,
      ),
    );
    assert.ok(error instanceof TransportError);
    assert.equal(error.code, 'ECONNREFUSED');
  });

  it('an HTML proxy page is an UnexpectedResponseError', async () => {
    ctx.emu.setFault({ kind: 'htmlError', endpoint: 'authorize' });
    const error = failed(await preflightRedirect(client(), LOOPBACK_REDIRECT));
    assert.ok(error instanceof UnexpectedResponseError);
    assert.equal(error.status, 502);
    assert.match(error.contentType, /^text\/html/);
  });

  it('records the pre-flight step with the answer', async () => {
    ctx.emu.registerApp({ ...DEMO_APP, clientId: 'jwt-only', redirectUris: [] });
    const recorder = new AttemptRecorder('preflight', Date.now, {});
    await preflightRedirect(client(), LOOPBACK_REDIRECT, recorder);
    await preflightRedirect(client('jwt-only'), LOOPBACK_REDIRECT, recorder);
    const steps = recorder.attempt.steps;
    assert.deepEqual(
      steps.map((step) => [step.title, step.ok, step.response?.status]),
      [
        ['Pre-flight: authorize request without a browser', true, 302],
        ['Pre-flight: authorize request without a browser', false, 400],
      ],
    );
    assert.match(steps[0].response?.headers.location ?? '', /\/restapi\/oauth\/login\?req=/);
    assert.match(steps[1].response?.body ?? '', /OAU-113/);
  });
});
