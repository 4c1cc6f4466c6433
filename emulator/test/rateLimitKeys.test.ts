// The Auth rate-limit group counts per (user, app) once the user is known, per app (or IP) before, and its penalty
// restarts on every request made during it: asserted through the console's read-out, over real HTTP.
import * as assert from 'node:assert/strict';
import { DEMO_APP, DEMO_USER, JWT_ONLY_APP, SECOND_USER } from '../server';
import {
  authorize,
  consoleJson,
  defaultAuthorizeParams,
  getCode,
  jwtGrant,
  LOOPBACK_REDIRECT,
  pkce,
  postForm,
  token,
  TokenBody,
  useEmulator,
} from './emulatorTestUtils';

interface Counter {
  key: string;
  requestsInWindow: number;
  penaltyEndsAt: number | null;
  penaltySecondsLeft: number;
  userId?: string;
  clientId?: string;
  ip?: string;
}

interface ReadOut {
  settings: { perMinute: number; penaltySeconds: number } | false;
  windowSeconds: number;
  now: number;
  counters: Counter[];
}

const pair = (userId: string, clientId: string): string => `user:${userId}|client:${clientId}`;

describe('RingCentral emulator: Auth rate-limit counters', function () {
  this.timeout(10000);
  // A clock that stands still unless a test moves it, so penalty ends can be asserted to the millisecond.
  const start = Date.now();
  const ctx = useEmulator({ autoApprove: true, now: () => start });

  const readOut = (): Promise<ReadOut> => consoleJson<ReadOut>(ctx.emu, 'GET', '/rate-limit');
  async function counter(key: string): Promise<Counter | undefined> {
    return (await readOut()).counters.find((entry) => entry.key === key);
  }
  const jwtFor = (userId: string, app = JWT_ONLY_APP): Promise<Response> =>
    jwtGrant(ctx.emu, ctx.emu.createJwtCredential({ user: userId }), app);

  it('a JWT grant counts for its credential’s user and the app: Ada’s penalty leaves Grace and Ada’s other app alone', async () => {
    for (let i = 0; i < 5; i++) {
      assert.equal((await jwtFor(DEMO_USER.id)).status, 200);
    }
    const limited = await jwtFor(DEMO_USER.id);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '60');
    const graceRes = await jwtFor(SECOND_USER.id);
    assert.equal(graceRes.status, 200, 'Grace has her own budget');
    assert.equal(graceRes.headers.get('x-rate-limit-remaining'), '4');
    assert.equal((await jwtFor(DEMO_USER.id, DEMO_APP)).status, 200, 'the pair is (user, app)');

    const out = await readOut();
    assert.deepEqual(out.settings, { perMinute: 5, penaltySeconds: 60 });
    assert.equal(out.windowSeconds, 60);
    assert.deepEqual(await counter(pair(DEMO_USER.id, JWT_ONLY_APP.clientId)), {
      key: pair(DEMO_USER.id, JWT_ONLY_APP.clientId),
      requestsInWindow: 5,
      penaltyEndsAt: out.now + 60_000,
      penaltySecondsLeft: 60,
      userId: DEMO_USER.id,
      clientId: JWT_ONLY_APP.clientId,
    });
    assert.equal((await counter(pair(SECOND_USER.id, JWT_ONLY_APP.clientId)))?.requestsInWindow, 1);
    assert.equal((await counter(pair(DEMO_USER.id, DEMO_APP.clientId)))?.requestsInWindow, 1);
    assert.deepEqual(
      ctx.emu
        .rateLimitCounters()
        .map((entry) => entry.key)
        .sort(),
      [
        pair(DEMO_USER.id, DEMO_APP.clientId),
        pair(DEMO_USER.id, JWT_ONLY_APP.clientId),
        pair(SECOND_USER.id, JWT_ONLY_APP.clientId),
      ].sort(),
    );
  });

  it('the penalty restarts on every request made during it, and a served penalty empties the window', async () => {
    for (let i = 0; i < 6; i++) {
      await jwtFor(DEMO_USER.id);
    }
    const key = pair(DEMO_USER.id, JWT_ONLY_APP.clientId);
    assert.equal((await readOut()).now, start);
    assert.equal((await counter(key))?.penaltyEndsAt, start + 60_000);

    ctx.emu.advanceClock(45);
    assert.equal((await jwtFor(DEMO_USER.id)).status, 429);
    let entry = await counter(key);
    assert.equal(entry?.penaltyEndsAt, start + 105_000, 'restarted 45 s in: ends 60 s later');
    assert.equal(entry?.penaltySecondsLeft, 60);
    assert.equal(entry?.requestsInWindow, 5, 'the two refused requests are not counted');

    ctx.emu.advanceClock(45);
    const stillLimited = await jwtFor(DEMO_USER.id);
    assert.equal(stillLimited.status, 429, '90 s after the first 429: without the restart this would pass');
    entry = await counter(key);
    assert.equal(entry?.penaltyEndsAt, start + 150_000);
    assert.equal(entry?.requestsInWindow, 0, 'the 5 counted requests are now more than 60 s old');

    ctx.emu.advanceClock(59);
    assert.equal((await counter(key))?.penaltySecondsLeft, 1);
    ctx.emu.advanceClock(1);
    assert.equal(await counter(key), undefined, 'penalty served, nothing counted');
    const after = await jwtFor(DEMO_USER.id);
    assert.equal(after.status, 200);
    assert.equal(after.headers.get('x-rate-limit-remaining'), '4');
    assert.deepEqual(await counter(key), {
      key,
      requestsInWindow: 1,
      penaltyEndsAt: null,
      penaltySecondsLeft: 0,
      userId: DEMO_USER.id,
      clientId: JWT_ONLY_APP.clientId,
    });
  });

  it('refresh counts for the refresh token’s owner, revoke for the token’s owner, a code exchange for the code’s user', async () => {
    ctx.emu.setAutoApprove(true, SECOND_USER.id);
    const verifierPair = pkce();
    const code = await getCode(ctx.emu, defaultAuthorizeParams(verifierPair));
    const exchanged = await token(ctx.emu, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: LOOPBACK_REDIRECT,
      client_id: DEMO_APP.clientId,
      code_verifier: verifierPair.verifier,
    });
    const tokens = (await exchanged.json()) as TokenBody;
    const refreshed = (await (
      await token(ctx.emu, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        client_id: DEMO_APP.clientId,
      })
    ).json()) as TokenBody;
    // The used refresh token still names its owner.
    await token(ctx.emu, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      client_id: DEMO_APP.clientId,
    });
    await postForm(ctx.emu, '/restapi/oauth/revoke', { token: refreshed.access_token, client_id: DEMO_APP.clientId });

    assert.equal((await counter(pair(SECOND_USER.id, DEMO_APP.clientId)))?.requestsInWindow, 4);
    // authorize came before anyone signed in: it counts for the app.
    assert.equal((await counter(`client:${DEMO_APP.clientId}`))?.requestsInWindow, 1);
  });

  it('before a user is known it counts for the app; a request naming no registered app counts for its IP address', async () => {
    await authorize(ctx.emu, defaultAuthorizeParams(pkce()));
    await token(ctx.emu, { grant_type: 'refresh_token', refresh_token: 'not-a-token', client_id: DEMO_APP.clientId });
    await jwtGrant(ctx.emu, 'not-a-jwt', JWT_ONLY_APP);
    await postForm(ctx.emu, '/restapi/oauth/revoke', { token: 'unknown', client_id: DEMO_APP.clientId });
    await token(ctx.emu, { grant_type: 'refresh_token', refresh_token: 'x', client_id: 'no-such-app' });
    await authorize(ctx.emu, defaultAuthorizeParams(pkce(), { client_id: 'no-such-app' }));

    const out = await readOut();
    const byKey = new Map(out.counters.map((entry) => [entry.key, entry]));
    assert.equal(byKey.get(`client:${DEMO_APP.clientId}`)?.requestsInWindow, 3);
    assert.equal(byKey.get(`client:${JWT_ONLY_APP.clientId}`)?.requestsInWindow, 1);
    assert.deepEqual(byKey.get('ip:127.0.0.1'), {
      key: 'ip:127.0.0.1',
      requestsInWindow: 2,
      penaltyEndsAt: null,
      penaltySecondsLeft: 0,
      ip: '127.0.0.1',
    });
    assert.equal(out.counters.length, 3);
  });

  it('the read-out shows rate limiting off, and the HTML console shows the counters', async () => {
    await jwtFor(DEMO_USER.id);
    const html = await (await fetch(`${ctx.emu.url}/__console`)).text();
    assert.ok(html.includes(`<code>${pair(DEMO_USER.id, JWT_ONLY_APP.clientId)}</code></td><td>1</td>`), html);
    ctx.emu.setRateLimit(false);
    const out = await readOut();
    assert.equal(out.settings, false);
    assert.deepEqual(out.counters, []);
  });
});
