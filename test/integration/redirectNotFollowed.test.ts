// A server that answers token, revoke and API calls with a 307 to another host must not get the request
// forwarded there: nothing reaches the second host, and the user is told that ringcentral.server is wrong.
import * as assert from 'node:assert/strict';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { diagnose } from '../../src/core/diagnosis/diagnose';
import { failureFromError } from '../../src/core/diagnosis/fromError';
import type { FetchLike } from '../../src/core/ringcentral/http';
import { RingCentralClient, TOKEN_PATH } from '../../src/core/ringcentral/ringcentralClient';
import { AttemptRecorder } from '../../src/core/trace/trace';
import { nodeFetchAdapter } from '../../src/vscode/ringcentral/httpFetch';
import { UnexpectedResponseError } from '../../src/core/errors';

const globalFetchAdapter: FetchLike = (url, init) => fetch(url, init);
const ADAPTERS: Array<[string, FetchLike]> = [
  ['node-fetch', nodeFetchAdapter],
  ['global fetch', globalFetchAdapter],
];

const REFRESH_TOKEN = 'refresh-token-that-must-stay-home-0123456789';
const ACCESS_TOKEN = 'access-token-that-must-stay-home-0123456789';
const CLIENT_SECRET = 'client-secret-that-must-stay-home-0123456789';

interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('integration: redirects on token, revoke and API calls are not followed', () => {
  let attacker: { server: Server; url: string };
  let redirector: { server: Server; url: string };
  let arrived: Recorded[];

  beforeEach(async () => {
    arrived = [];
    // Host B: records whatever arrives and answers like a token endpoint, so a followed redirect would "work".
    attacker = await listen((req, res, body) => {
      arrived.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({ access_token: 'from-b', token_type: 'bearer', expires_in: 3600, refresh_token: 'from-b-rt' }),
      );
    });
    // The configured server: 307 keeps method and body, so a follower would POST the refresh token to B.
    redirector = await listen((req, res) => {
      res.writeHead(307, { Location: `${attacker.url}${req.url ?? '/'}`, 'Content-Type': 'text/plain' });
      res.end('Temporary Redirect');
    });
  });

  afterEach(async () => {
    await close(attacker.server);
    await close(redirector.server);
  });

  for (const [name, adapter] of ADAPTERS) {
    describe(`with ${name}`, () => {
      const client = (secret?: string) =>
        new RingCentralClient({
          fetch: adapter,
          server: redirector.url,
          clientId: 'redirect-test-client',
          clientSecret: secret,
          timeoutMs: 5000,
          retries: 0,
        });

      async function redirectFailure(call: Promise<unknown>): Promise<UnexpectedResponseError> {
        const error = await call.then(
          (value) => assert.fail(`expected a rejection, got ${JSON.stringify(value)}`),
          (e: unknown) => e,
        );
        assert.ok(error instanceof UnexpectedResponseError, `expected UnexpectedResponseError, got ${String(error)}`);
        assert.equal(error.status, 307);
        return error;
      }

      function assertWrongServerDiagnosis(error: UnexpectedResponseError): void {
        const failure = failureFromError(error);
        assert.ok(failure);
        const diagnosis = diagnose(failure, { server: redirector.url, phase: 'refresh' });
        assert.equal(diagnosis.id, 'server-redirected');
        assert.deepEqual(diagnosis.fixes[0].action, { kind: 'openSettings', setting: 'ringcentral.server' });
        assert.match(diagnosis.summary, /redirect \(HTTP 307\) to 127\.0\.0\.1:\d+/);
        assert.match(error.message, /check ringcentral\.server/);
      }

      it("refresh: the refresh token and client secret never reach the redirect target, and B's tokens are not accepted", async () => {
        const recorder = new AttemptRecorder('refresh', Date.now, { server: redirector.url });
        const error = await redirectFailure(client(CLIENT_SECRET).refresh(REFRESH_TOKEN, recorder));
        assert.deepEqual(arrived, [], `the redirect was followed: ${JSON.stringify(arrived)}`);
        assertWrongServerDiagnosis(error);
        assert.equal(recorder.attempt.steps.at(-1)?.ok, false, 'the trace shows the redirect as a failed step');
        assert.ok(!JSON.stringify(recorder.attempt).includes(REFRESH_TOKEN));
      });

      it('code exchange: neither the code nor the verifier reaches the redirect target', async () => {
        const error = await redirectFailure(
          client().exchangeCode({
            code: 'code-0123456789abcdef',
            redirectUri: 'http://127.0.0.1:53134/callback',
            codeVerifier: 'verifier-0123456789abcdefghijklmnopqrstuvwxyz',
          }),
        );
        assert.deepEqual(arrived, []);
        assert.equal(error.location, `${attacker.url}${TOKEN_PATH}`);
        assertWrongServerDiagnosis(error);
      });

      it('revoke: the token is not posted to the redirect target', async () => {
        await redirectFailure(client().revoke(REFRESH_TOKEN));
        assert.deepEqual(arrived, []);
      });

      it('API call: the bearer token is not sent to the redirect target', async () => {
        await redirectFailure(client().getJson('/restapi/v1.0/account/~/extension/~', ACCESS_TOKEN));
        assert.deepEqual(arrived, []);
      });
    });
  }
});
