// The Auth-request budget wired into RingCentralClient (ClientOptions.authRequests), the sign-in flow (the pre-flight
// cache, the browser's authorize) and SessionManager (refresh, sign-out), against the emulator over real HTTP with
// RingCentral's own rate limit switched on: the request that would start the emulator's penalty never reaches it.
import * as assert from 'node:assert/strict';
import { runAuthorizationCodeFlow } from '../../src/core/oauth/authorizationCodeFlow';
import { PreflightCache } from '../../src/core/oauth/preflightCache';
import {
  AUTHORIZE_PATH,
  REVOKE_PATH,
  RingCentralClient,
  TOKEN_PATH,
  WHO_AM_I_PATH,
  type AuthRequestHooks,
} from '../../src/core/ringcentral/ringcentralClient';
import { AuthBudget, authBudgetKey } from '../../src/core/session/authBudget';
import { MemoryAuthRequestLog } from '../../src/core/session/authRequestLog';
import { SessionManager } from '../../src/core/session/sessionManager';
import { AttemptRecorder } from '../../src/core/trace/trace';
import { AuthBudgetExceededError, RingCentralApiError, type AuthRequestKind } from '../../src/core/errors';
import { nodeFetchAdapter } from '../../src/vscode/ringcentral/httpFetch';
import { DEMO_APP, type Emulator } from '../../emulator/server';
import { LOOPBACK_REDIRECT, useEmulator } from '../../emulator/test/emulatorTestUtils';
import { flowHarness } from './diagnosisTestKit';
import { checkJwtCredential, jwtCredentialFacts } from '../../src/core/oauth/jwtCredential';
import { diagnose } from '../../src/core/diagnosis/diagnose';
import { failureFromError } from '../../src/core/diagnosis/fromError';
import { JWT_GRANT } from '../../src/core/ringcentral/ringcentralClient';
import { CONFIDENTIAL } from './ringcentralClientKit';
import { refreshRequests, rejection, sessionManagerKit } from './sessionManagerKit';
import { MemoryPersistence } from '../fakes/memoryPersistence';

function requestsTo(emu: Emulator, path: string) {
  return emu.requests.filter((request) => request.path === path);
}

async function budgetRefusal(promise: Promise<unknown>): Promise<AuthBudgetExceededError> {
  const error = await rejection(promise);
  assert.ok(error instanceof AuthBudgetExceededError, `expected AuthBudgetExceededError, got ${String(error)}`);
  return error;
}

describe('the Auth-request budget against the emulator (RingCentral rate limit on: 5 per minute)', () => {
  // The emulator's own limit is on: a 6th request would get 429 and restart its 60 s penalty.
  const ctx = useEmulator({ autoApprove: true });

  function client(authRequests?: AuthRequestHooks, overrides: { clientId?: string; clientSecret?: string } = {}) {
    return new RingCentralClient({
      fetch: nodeFetchAdapter,
      server: ctx.emu.url,
      clientId: overrides.clientId ?? DEMO_APP.clientId,
      clientSecret: overrides.clientSecret,
      timeoutMs: 5000,
      retries: 1,
      retryPauseMs: 10,
      authRequests,
    });
  }

  function confidentialWithBudget(budget: AuthBudget) {
    ctx.emu.registerApp(CONFIDENTIAL);
    return client(budget.hooks(authBudgetKey(ctx.emu.url, CONFIDENTIAL.clientId)), {
      clientId: CONFIDENTIAL.clientId,
      clientSecret: CONFIDENTIAL.clientSecret,
    });
  }

  it('stops the 6th Auth request before it is sent, so RingCentral never starts its penalty', async () => {
    const rc = confidentialWithBudget(new AuthBudget());
    for (let i = 0; i < 5; i++) await rc.jwtBearer(ctx.emu.createJwtCredential());
    const recorder = new AttemptRecorder('jwt', Date.now, {});
    const error = await budgetRefusal(rc.jwtBearer(ctx.emu.createJwtCredential(), recorder));
    assert.equal(error.kind, 'jwt');
    assert.ok(error.safeAt > Date.now() + 50_000);
    const tokens = requestsTo(ctx.emu, TOKEN_PATH);
    assert.equal(tokens.length, 5, 'the 6th never reached the server');
    assert.ok(tokens.every((request) => request.status === 200));
    const [step] = recorder.attempt.steps;
    assert.equal(step.title, 'Not sent: Exchange JWT credential for tokens');
    assert.equal(step.ok, false);
    assert.match(step.note ?? '', /RingCentral allows 5/);
  });

  it('reports every Auth request with its kind, each retry too, and never a REST call', async () => {
    const seen: Array<[AuthRequestKind, number | undefined]> = [];
    const recording: AuthRequestHooks = {
      before: (kind) => void seen.push([kind, undefined]),
      after: (kind, answer) => void seen.push([kind, answer.status]),
    };
    ctx.emu.setRateLimit(false);
    ctx.emu.registerApp(CONFIDENTIAL);
    const rc = client(recording, { clientId: CONFIDENTIAL.clientId, clientSecret: CONFIDENTIAL.clientSecret });
    const authorizeUrl = `${ctx.emu.url}${AUTHORIZE_PATH}?response_type=code&client_id=${CONFIDENTIAL.clientId}&redirect_uri=${encodeURIComponent(LOOPBACK_REDIRECT)}&state=s&code_challenge=${'a'.repeat(43)}&code_challenge_method=S256`;
    await rc.preflightAuthorize(authorizeUrl);
    await rc.beforeBrowserAuthorize();
    const tokens = await rc.jwtBearer(ctx.emu.createJwtCredential());
    await rc.getJson(WHO_AM_I_PATH, tokens.access_token);
    ctx.emu.setFault({ kind: '5xx', endpoint: 'token', remaining: 1 });
    const refreshed = await rc.refresh(tokens.refresh_token ?? '');
    await rc.revoke(refreshed.refresh_token ?? '');
    assert.deepEqual(seen, [
      ['preflight', undefined],
      ['preflight', 302],
      ['authorize', undefined],
      ['jwt', undefined],
      ['jwt', 200],
      ['refresh', undefined],
      ['refresh', 503],
      ['refresh', undefined],
      ['refresh', 200],
      ['revoke', undefined],
      ['revoke', 200],
    ]);
  });

  it('a 429 from RingCentral holds every later Auth request on this machine until its Retry-After is over', async () => {
    ctx.emu.setRateLimit({ perMinute: 2, penaltySeconds: 60 });
    const budget = new AuthBudget();
    const rc = confidentialWithBudget(budget);
    await rc.jwtBearer(ctx.emu.createJwtCredential());
    await rc.jwtBearer(ctx.emu.createJwtCredential());
    const limited = await rejection(rc.jwtBearer(ctx.emu.createJwtCredential()));
    assert.ok(limited instanceof RingCentralApiError && limited.info.status === 429, String(limited));
    const error = await budgetRefusal(rc.jwtBearer(ctx.emu.createJwtCredential()));
    assert.equal(error.reason, 'penalty');
    assert.ok(error.safeAt >= Date.now() + 55_000, 'Retry-After 60 s, plus a margin');
    assert.equal(requestsTo(ctx.emu, TOKEN_PATH).length, 3, "nothing restarted the emulator's penalty");
  });

  it('a second sign-in within 10 minutes skips its pre-flight, and the budget only opens the browser when the code exchange fits', async () => {
    const budget = new AuthBudget({ log: new MemoryAuthRequestLog() });
    const cache = new PreflightCache({ clock: Date.now });
    const rc = client(budget.hooks(authBudgetKey(ctx.emu.url, DEMO_APP.clientId)));
    const signIn = () => {
      const harness = flowHarness({ client: rc, redirectUri: LOOPBACK_REDIRECT, preflight: true });
      harness.ports.preflightCache = cache;
      harness.ports.recorder = new AttemptRecorder('signIn', Date.now, {});
      return { harness, run: runAuthorizationCodeFlow(harness.ports, new AbortController().signal) };
    };

    const first = signIn();
    await first.run;
    assert.deepEqual(first.harness.phases, ['preflight', 'authorize', 'callback', 'token']);
    const second = signIn();
    await second.run;
    assert.deepEqual(second.harness.phases, ['authorize', 'callback', 'token'], 'no pre-flight the second time');
    assert.match(second.harness.ports.recorder?.attempt.steps[1].title ?? '', /^Pre-flight skipped/);
    assert.equal(requestsTo(ctx.emu, AUTHORIZE_PATH).length, 3, 'pre-flight + two browser authorizes');
    assert.equal(requestsTo(ctx.emu, TOKEN_PATH).length, 2);

    // Five Auth requests spent: a third sign-in cannot fit the sign-in page and its code exchange.
    const third = signIn();
    const error = await budgetRefusal(third.run);
    assert.equal(error.kind, 'authorize');
    assert.equal(error.needed, 2);
    assert.deepEqual(third.harness.landedOn, [], 'the browser never opened');
    assert.equal(requestsTo(ctx.emu, AUTHORIZE_PATH).length, 3);
    assert.ok(ctx.emu.requests.every((request) => request.status !== 429));
  });

  it("the emulator's JWT credential passes the local check, pasted from a .env file; one for another app is explained in JWT words", async () => {
    const rc = confidentialWithBudget(new AuthBudget());
    const credential = ctx.emu.createJwtCredential();
    const check = checkJwtCredential(`RC_JWT="${credential}"\n`, { server: ctx.emu.url, now: Date.now() });
    assert.ok(check.ok, check.ok ? '' : check.problem.diagnosis.summary);
    assert.deepEqual(
      check.warnings.map((w) => w.code),
      ['jwt-paste-cleaned'],
    );
    assert.equal(check.credential, credential);
    assert.equal(check.credentialServer, ctx.emu.url);
    assert.ok((await rc.jwtBearer(check.credential)).access_token);

    // Restricted to another app: nothing local can see that; RingCentral (here the emulator) answers OAU-140.
    const restricted = checkJwtCredential(ctx.emu.createJwtCredential('some-other-app'), {
      server: ctx.emu.url,
      now: Date.now(),
    });
    assert.ok(restricted.ok);
    const error = await rejection(rc.jwtBearer(restricted.credential));
    const failure = failureFromError(error);
    assert.ok(failure);
    const diagnosis = diagnose(failure, {
      phase: 'jwt',
      grantType: JWT_GRANT,
      server: ctx.emu.url,
      clientId: CONFIDENTIAL.clientId,
      jwtCredential: jwtCredentialFacts(restricted, Date.now()),
    });
    assert.equal(diagnosis.code, 'OAU-140');
    assert.match(diagnosis.summary, /refused the JWT credential/);
    assert.ok(
      diagnosis.causes.some((cause) =>
        cause.includes(`restricted to specific apps, and this app (the client id ${CONFIDENTIAL.clientId})`),
      ),
    );

    // A production credential is stopped before it is sent to the emulator at all.
    const production = checkJwtCredential(
      credential.replace(/^[^.]+\.[^.]+/, (headerAndPayload) => {
        const [header, payload] = headerAndPayload.split('.');
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
        const moved = {
          ...claims,
          aud: 'https://platform.ringcentral.com/restapi/oauth/token',
          iss: 'https://platform.ringcentral.com',
        };
        return `${header}.${Buffer.from(JSON.stringify(moved)).toString('base64url')}`;
      }),
      { server: ctx.emu.url, now: Date.now() },
    );
    assert.equal(production.ok ? 'ok' : production.problem.code, 'jwt-wrong-server');
  });

  it('SessionManager: a refresh the budget stops is not sent and waits until it is safe; sign-out still signs out', async () => {
    const kit = sessionManagerKit(ctx);
    const budget = new AuthBudget();
    let now = Date.now();
    const manager = new SessionManager({
      persistence: new MemoryPersistence(),
      clientFor: async (session) =>
        new RingCentralClient({
          fetch: nodeFetchAdapter,
          server: session.server,
          clientId: session.clientId,
          timeoutMs: 2000,
          retries: 0,
          authRequests: budget.hooks(authBudgetKey(session.server, session.clientId), () => now),
        }),
      clock: () => now,
      monotonic: () => now,
    });
    const session = await kit.signIn(manager, () => now);
    const key = authBudgetKey(ctx.emu.url, DEMO_APP.clientId);
    for (let i = 0; i < 5; i++) await budget.reserve(key, 'refresh', now);

    const error = await budgetRefusal(manager.refresh(session.id));
    assert.equal(refreshRequests(ctx.emu).length, 0);
    const status = manager.status(manager.get(session.id) ?? session);
    assert.equal(status.state, 'rateLimited');
    assert.equal(status.notBefore, error.safeAt);
    assert.equal(manager.get(session.id)?.refreshBackoff?.byBudget, true, 'the notice can say nothing was sent');
    assert.ok(manager.get(session.id), 'the session is kept');

    const deferred = await rejection(manager.refresh(session.id));
    assert.match(String((deferred as Error).message), /one more now would start its 60 s penalty\. Nothing was sent\./);
    assert.equal(refreshRequests(ctx.emu).length, 0);

    const signedOut = await manager.signOut(session.id);
    assert.equal(signedOut.revoked, false);
    assert.ok(signedOut.error instanceof AuthBudgetExceededError);
    assert.equal(manager.get(session.id), undefined, 'removed on this machine anyway');
    assert.equal(requestsTo(ctx.emu, REVOKE_PATH).length, 0);

    now = error.safeAt;
    await budget.reserve(key, 'refresh', now);
  });
});
