// The emulator's fault injection, its developer console (/__console) and its command line.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { AUTH_CODE_ONLY_APP, DEMO_APP, JWT_BEARER_GRANT, JWT_ONLY_APP, startEmulator } from '../server';
import {
  authorize,
  basic,
  CONFIDENTIAL,
  consoleCall,
  defaultAuthorizeParams,
  getCode,
  json,
  LOOPBACK_REDIRECT,
  pkce,
  token,
  useEmulator,
  WEB_REDIRECT,
  whoAmI,
} from './emulatorTestUtils';

describe('RingCentral emulator', function () {
  this.timeout(10000);

  describe('faults', () => {
    const ctx = useEmulator({ rateLimit: false, autoApprove: true });
    const refresh = (signal?: AbortSignal): Promise<Response> =>
      fetch(`${ctx.emu.url}/restapi/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `grant_type=refresh_token&refresh_token=x&client_id=${DEMO_APP.clientId}`,
        signal,
      });

    it('5xx: 503 with an HTML page, for the named endpoint only, counting down', async () => {
      ctx.emu.setFault({ kind: '5xx', endpoint: 'token', remaining: 1 });
      assert.equal((await whoAmI(ctx.emu)).status, 401);
      const res = await refresh();
      assert.equal(res.status, 503);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(await res.text(), /Service Unavailable/);
      assert.equal((await refresh()).status, 400);
      assert.equal(ctx.emu.requests.at(-2)?.fault, '5xx');
    });

    it('hang: never answers, so the client times out', async () => {
      ctx.emu.setFault({ kind: 'hang', endpoint: 'token' });
      await assert.rejects(refresh(AbortSignal.timeout(300)), (error: Error) => error.name === 'TimeoutError');
    });

    it('malformedJson: 200 application/json that does not parse', async () => {
      ctx.emu.setFault({ kind: 'malformedJson', endpoint: 'any' });
      const res = await refresh();
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      const text = await res.text();
      assert.equal(text, '{"access_token": ');
      assert.throws(() => JSON.parse(text), SyntaxError);
    });

    it('htmlError: a 502 HTML page from a proxy', async () => {
      ctx.emu.setFault({ kind: 'htmlError', endpoint: 'api' });
      const res = await whoAmI(ctx.emu, 'x');
      assert.equal(res.status, 502);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(await res.text(), /Bad Gateway/);
    });

    it('drop: the connection closes without a response', async () => {
      ctx.emu.setFault({ kind: 'drop', endpoint: 'authorize', remaining: 1 });
      await assert.rejects(authorize(ctx.emu, defaultAuthorizeParams(pkce())), TypeError);
      assert.equal((await authorize(ctx.emu, defaultAuthorizeParams(pkce()))).status, 302);
    });

    it('close() ends hung requests so nothing waits', async () => {
      const emu = await startEmulator({ rateLimit: false });
      emu.setFault({ kind: 'hang' });
      const pending = fetch(`${emu.url}/restapi/oauth/authorize`).then(
        () => 'answered',
        () => 'failed',
      );
      while (emu.requests.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const started = Date.now();
      await emu.close();
      assert.ok(Date.now() - started < 1000);
      assert.equal(await pending, 'failed');
    });
  });

  describe('console', () => {
    const ctx = useEmulator({ rateLimit: false });

    it('lists apps without secrets, registers and patches apps', async () => {
      let res = await consoleCall(ctx.emu, 'POST', '/apps', CONFIDENTIAL);
      assert.equal(res.status, 201);
      res = await consoleCall(ctx.emu, 'GET', '/apps');
      const text = await res.text();
      for (const app of [CONFIDENTIAL, JWT_ONLY_APP, AUTH_CODE_ONLY_APP]) {
        assert.ok(!text.includes(app.clientSecret as string));
      }
      const apps = JSON.parse(text) as Array<{ clientId: string; hasSecret: boolean; clientSecret?: string }>;
      assert.deepEqual(
        apps.map((a) => [a.clientId, a.hasSecret]),
        [
          [DEMO_APP.clientId, false],
          [JWT_ONLY_APP.clientId, true],
          [AUTH_CODE_ONLY_APP.clientId, true],
          [CONFIDENTIAL.clientId, true],
        ],
      );
      res = await consoleCall(ctx.emu, 'PATCH', `/apps/${CONFIDENTIAL.clientId}`, {
        permissions: ['ReadCallLog'],
        clientSecret: null,
      });
      assert.equal(res.status, 200);
      assert.deepEqual(ctx.emu.getApp(CONFIDENTIAL.clientId)?.permissions, ['ReadCallLog']);
      assert.equal(ctx.emu.getApp(CONFIDENTIAL.clientId)?.clientSecret, undefined);
      assert.equal((await consoleCall(ctx.emu, 'PATCH', '/apps/ghost', { name: 'x' })).status, 404);
      assert.equal((await consoleCall(ctx.emu, 'POST', '/apps', { clientId: 'bad', redirectUris: 'x' })).status, 400);
    });

    it('adds redirect URIs (JSON and form), at most 10', async () => {
      ctx.emu.setAutoApprove(true);
      let res = await consoleCall(ctx.emu, 'POST', `/apps/${DEMO_APP.clientId}/redirect-uris`, { uri: WEB_REDIRECT });
      assert.equal(res.status, 200);
      assert.ok(((await res.json()) as { redirectUris: string[] }).redirectUris.includes(WEB_REDIRECT));
      assert.equal(
        (await authorize(ctx.emu, defaultAuthorizeParams(pkce(), { redirect_uri: WEB_REDIRECT }))).status,
        302,
      );

      res = await fetch(`${ctx.emu.url}/__console/apps/${DEMO_APP.clientId}/redirect-uris`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ uri: 'http://localhost:5000/oauth2callback' }).toString(),
      });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/__console');
      for (let i = 0; i < 4; i++) {
        assert.equal(
          (
            await consoleCall(ctx.emu, 'POST', `/apps/${DEMO_APP.clientId}/redirect-uris`, {
              uri: `http://127.0.0.1:${5000 + i}/cb`,
            })
          ).status,
          200,
        );
      }
      res = await consoleCall(ctx.emu, 'POST', `/apps/${DEMO_APP.clientId}/redirect-uris`, {
        uri: 'http://127.0.0.1:6000/cb',
      });
      assert.equal(res.status, 400);
      assert.match(((await res.json()) as { message: string }).message, /10/);
    });

    it('the HTML console lists apps and redirect URIs, escaped, with a plain form', async () => {
      ctx.emu.updateApp(DEMO_APP.clientId, { name: '<b>Demo</b>', redirectUris: [WEB_REDIRECT] });
      const res = await fetch(`${ctx.emu.url}/__console`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.ok(html.includes(WEB_REDIRECT.replace(/&/g, '&amp;')));
      assert.ok(html.includes('&lt;b&gt;Demo&lt;/b&gt;'));
      assert.ok(html.includes(`action="/__console/apps/${DEMO_APP.clientId}/redirect-uris"`));
      assert.ok(!/<script/i.test(html));
    });

    it('controls fault, auto-approve, rate limit, clock and JWT credentials', async () => {
      assert.equal(
        (await consoleCall(ctx.emu, 'POST', '/fault', { kind: '5xx', endpoint: 'authorize', remaining: 1 })).status,
        200,
      );
      assert.equal((await authorize(ctx.emu, defaultAuthorizeParams(pkce()))).status, 503);
      assert.equal((await consoleCall(ctx.emu, 'POST', '/fault', { kind: 'nonsense' })).status, 400);

      assert.equal((await consoleCall(ctx.emu, 'POST', '/auto-approve', { on: true })).status, 200);
      const pair = pkce();
      const code = await getCode(ctx.emu, defaultAuthorizeParams(pair));
      assert.equal((await consoleCall(ctx.emu, 'POST', '/clock', { advanceSeconds: 61 })).status, 200);
      const expired = await token(ctx.emu, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: LOOPBACK_REDIRECT,
        client_id: DEMO_APP.clientId,
        code_verifier: pair.verifier,
      });
      assert.equal(((await json(expired)) as { errors: Array<{ errorCode: string }> }).errors[0].errorCode, 'OAU-108');

      const jwt = (await (await consoleCall(ctx.emu, 'POST', '/jwt', {})).json()) as { credential: string };
      const signedIn = await token(ctx.emu, {
        grant_type: JWT_BEARER_GRANT,
        assertion: jwt.credential,
        client_id: DEMO_APP.clientId,
      });
      assert.equal(signedIn.status, 200);

      assert.equal(
        (await consoleCall(ctx.emu, 'POST', '/rate-limit', { perMinute: 1, penaltySeconds: 5 })).status,
        200,
      );
      assert.equal((await authorize(ctx.emu, defaultAuthorizeParams(pkce()))).status, 302);
      const limited = await authorize(ctx.emu, defaultAuthorizeParams(pkce()));
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '5');
      const state = (await (await consoleCall(ctx.emu, 'GET', '/state')).json()) as {
        autoApprove: boolean;
        rateLimit: unknown;
      };
      assert.equal(state.autoApprove, true);
      assert.deepEqual(state.rateLimit, { perMinute: 1, penaltySeconds: 5 });
      assert.equal((await consoleCall(ctx.emu, 'GET', '/nothing-here')).status, 404);
    });

    it('records requests with secrets masked', async () => {
      ctx.emu.registerApp(CONFIDENTIAL);
      const verifier = pkce().verifier;
      await token(
        ctx.emu,
        { grant_type: 'authorization_code', code: 'some-code-value-123456', code_verifier: verifier },
        { Authorization: basic(CONFIDENTIAL.clientId, CONFIDENTIAL.clientSecret as string) },
      );
      const res = await consoleCall(ctx.emu, 'GET', '/requests');
      const text = await res.text();
      assert.ok(!text.includes(verifier));
      assert.ok(
        !text.includes(Buffer.from(`${CONFIDENTIAL.clientId}:${CONFIDENTIAL.clientSecret}`).toString('base64')),
      );
      const [entry] = JSON.parse(text) as Array<{
        method: string;
        path: string;
        status: number;
        headers: Record<string, string>;
        form: Record<string, string>;
      }>;
      assert.equal(entry.method, 'POST');
      assert.equal(entry.path, '/restapi/oauth/token');
      assert.equal(entry.status, 403);
      assert.match(entry.headers.authorization, /^Basic \*\*\*/);
      assert.equal(entry.form.grant_type, 'authorization_code');
      assert.equal(entry.form.code, '***3456');
      assert.match(entry.form.code_verifier, /^\*\*\*/);
      assert.equal((await consoleCall(ctx.emu, 'DELETE', '/requests')).status, 200);
      assert.equal(ctx.emu.requests.length, 0);
    });
  });

  describe('cli', () => {
    it('prints one JSON line, serves the demo app, and stops on SIGTERM', async () => {
      const cli = path.join(__dirname, '..', 'cli.js');
      const child = spawn(process.execPath, [cli, '--port', '0', '--auto-approve', '--no-rate-limit'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        const firstLine = await new Promise<string>((resolve, reject) => {
          const lines = createInterface({ input: child.stdout });
          lines.once('line', resolve);
          child.once('exit', () => reject(new Error('cli exited before printing')));
        });
        const info = JSON.parse(firstLine) as { url: string; clientId: string };
        assert.equal(info.clientId, DEMO_APP.clientId);
        assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
        const state = (await (await fetch(`${info.url}/__console/state`)).json()) as {
          autoApprove: boolean;
          rateLimit: unknown;
        };
        assert.equal(state.autoApprove, true);
        assert.equal(state.rateLimit, false);
        // npm start runs this CLI: it serves the apps set up for one flow too.
        const apps = (await (await fetch(`${info.url}/__console/apps`)).json()) as Array<{ clientId: string }>;
        assert.deepEqual(
          apps.map((app) => app.clientId),
          [DEMO_APP.clientId, JWT_ONLY_APP.clientId, AUTH_CODE_ONLY_APP.clientId],
        );
      } finally {
        child.kill('SIGTERM');
      }
      assert.equal(await exited, 0);
    });
  });
});
