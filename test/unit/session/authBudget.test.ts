import * as assert from 'node:assert/strict';
import { AuthBudget, authBudgetKey } from '../../../src/core/session/authBudget';
import { MemoryAuthRequestLog, type AuthLogEntry, type AuthRequestLog } from '../../../src/core/session/authRequestLog';
import { explainAuthBudget } from '../../../src/core/diagnosis/local/authBudgetDiagnosis';
import { AuthBudgetExceededError } from '../../../src/core/errors';
import { backoffAfter, isRateLimitError } from '../../../src/core/session/refreshFailures';

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const KEY = authBudgetKey('https://platform.ringcentral.com', 'client-a');

async function refusal(promise: Promise<unknown>): Promise<AuthBudgetExceededError> {
  const error = await promise.then(
    () => assert.fail('expected the request to be stopped'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof AuthBudgetExceededError, String(error));
  return error;
}

/** A shared log whose reads and appends take a while: two windows interleave as they would on a real disk. */
class SlowSharedLog implements AuthRequestLog {
  constructor(
    readonly inner = new MemoryAuthRequestLog(),
    private readonly delayMs = 5,
  ) {}
  private pause() {
    return new Promise((resolve) => setTimeout(resolve, this.delayMs));
  }
  async read(key: string) {
    await this.pause();
    return this.inner.read(key);
  }
  async append(key: string, entry: AuthLogEntry) {
    await this.pause();
    return this.inner.append(key, entry);
  }
  prune(key: string, before: number) {
    return this.inner.prune(key, before);
  }
}

describe("AuthBudget: RingCentral's Auth group, 5 requests per minute, counted before sending", () => {
  it('lets 5 through and stops the 6th before it goes, saying when the next one is safe and why', async () => {
    const budget = new AuthBudget();
    for (let i = 0; i < 5; i++) await budget.reserve(KEY, i === 0 ? 'preflight' : 'token', T0 + i * 1000);
    const error = await refusal(budget.reserve(KEY, 'refresh', T0 + 10_000));
    assert.equal(error.code, 'auth-budget-exceeded');
    assert.equal(error.reason, 'budget');
    assert.equal(error.kind, 'refresh');
    assert.equal(error.safeAt, T0 + 60_000, 'when the first of the five leaves the window');
    assert.equal(error.retryAfterSeconds(T0 + 10_000), 50);
    assert.match(
      error.message,
      /Auth request 6 in 60 s.*allows 5.*6th would start RingCentral's 60 s penalty, which restarts on every request made during it/,
    );
    const status = await budget.status(KEY, T0 + 10_000);
    assert.deepEqual(status, {
      used: 5,
      limit: 5,
      windowMs: 60_000,
      remaining: 0,
      resetsAt: T0 + 60_000,
      nextSafeAt: T0 + 60_000,
    });
  });

  it('a stopped request is not counted, and the next is allowed once the oldest has left the window', async () => {
    const budget = new AuthBudget();
    for (let i = 0; i < 5; i++) await budget.reserve(KEY, 'token', T0 + i * 1000);
    await refusal(budget.reserve(KEY, 'token', T0 + 59_999));
    await budget.reserve(KEY, 'token', T0 + 60_000);
    const error = await refusal(budget.reserve(KEY, 'token', T0 + 60_500));
    assert.equal(error.safeAt, T0 + 61_000);
    assert.equal((await budget.status(KEY, T0 + 60_500)).used, 5);
  });

  it('opens the sign-in page only when the code exchange after it fits too', async () => {
    const budget = new AuthBudget();
    for (let i = 0; i < 4; i++) await budget.reserve(KEY, 'refresh', T0 + i * 1000);
    const error = await refusal(budget.reserve(KEY, 'authorize', T0 + 10_000));
    assert.equal(error.needed, 2);
    assert.equal(error.safeAt, T0 + 60_000);
    assert.match(
      error.message,
      /signing in needs 2 Auth requests \(the sign-in page, then the token exchange\) and 4 of the 5/,
    );
    assert.match(
      explainAuthBudget(error, T0 + 10_000).summary,
      /only 1 of RingCentral's 5 per 60 s are left; safe again in 50 s/,
    );
    await budget.reserve(KEY, 'token', T0 + 10_000);
    await budget.reserve(KEY, 'authorize', T0 + 62_000);
  });

  it('is configurable (limit and window) and keeps keys apart', async () => {
    const budget = new AuthBudget({ limit: 2, windowMs: 10_000 });
    await budget.reserve(KEY, 'token', T0);
    await budget.reserve(KEY, 'token', T0 + 1);
    await budget.reserve('another app', 'token', T0 + 2);
    const error = await refusal(budget.reserve(KEY, 'token', T0 + 3));
    assert.equal(error.safeAt, T0 + 10_000);
    assert.match(error.message, /Auth request 3 in 10 s, and RingCentral allows 2/);
  });

  it('a 429 holds every Auth request until Retry-After is over (60 s without it), beyond the count', async () => {
    const budget = new AuthBudget();
    await budget.recordRateLimited(KEY, 30, T0);
    const error = await refusal(budget.reserve(KEY, 'preflight', T0 + 5_000));
    assert.equal(error.reason, 'penalty');
    assert.equal(error.safeAt, T0 + 31_000);
    assert.match(error.message, /rate-limiting .*answered 429.*restarts RingCentral's 60 s penalty/);
    assert.equal((await budget.status(KEY, T0 + 5_000)).penaltyUntil, T0 + 31_000);
    await budget.reserve(KEY, 'preflight', T0 + 31_000);
    await budget.recordRateLimited(KEY, undefined, T0 + 40_000);
    assert.equal((await refusal(budget.reserve(KEY, 'token', T0 + 41_000))).safeAt, T0 + 101_000);
  });

  it('counts across windows through a shared log', async () => {
    const shared = new MemoryAuthRequestLog();
    const windowA = new AuthBudget({ log: shared });
    const windowB = new AuthBudget({ log: shared });
    for (let i = 0; i < 3; i++) await windowA.reserve(KEY, 'refresh', T0 + i);
    for (let i = 0; i < 2; i++) await windowB.reserve(KEY, 'token', T0 + 10 + i);
    await refusal(windowA.reserve(KEY, 'token', T0 + 20));
    await refusal(windowB.reserve(KEY, 'token', T0 + 20));
    await windowB.recordRateLimited(KEY, 120, T0 + 30);
    assert.equal((await refusal(windowA.reserve(KEY, 'token', T0 + 60_100))).reason, 'penalty');
  });

  it('many requests at once in one window: exactly the limit goes through', async () => {
    const budget = new AuthBudget({ log: new SlowSharedLog() });
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => budget.reserve(KEY, 'token', T0)));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 5);
  });

  it('two windows racing on a slow shared log never let more than the limit through together', async () => {
    const log = new SlowSharedLog();
    let id = 0;
    const windows = [0, 1, 2].map(() => new AuthBudget({ log, newId: () => String(id++).padStart(4, '0') }));
    const attempts = windows.flatMap((w) => Array.from({ length: 4 }, () => w.reserve(KEY, 'token', T0)));
    const results = await Promise.allSettled(attempts);
    const sent = results.filter((r) => r.status === 'fulfilled').length;
    assert.ok(sent <= 5 && sent >= 1, `${sent} went through`);
  });

  it('stale entries drop off: the shared log stays small over an hour of steady use', async () => {
    const shared = new MemoryAuthRequestLog();
    const budget = new AuthBudget({ log: shared });
    for (let minute = 0; minute < 60; minute++) {
      for (let i = 0; i < 4; i++) await budget.reserve(KEY, 'refresh', T0 + minute * 60_000 + i * 5_000);
    }
    assert.ok((await shared.read(KEY)).length <= 14, `${(await shared.read(KEY)).length} entries kept`);
  });

  it('a store that cannot be read or holds junk never blocks sign-in, and this window still counts', async () => {
    const broken: AuthRequestLog = {
      read: async () => {
        throw new Error('EACCES');
      },
      append: async () => {
        throw new Error('EACCES');
      },
      prune: async () => undefined,
    };
    const budget = new AuthBudget({ log: broken });
    for (let i = 0; i < 5; i++) await budget.reserve(KEY, 'token', T0 + i);
    await refusal(budget.reserve(KEY, 'token', T0 + 10));

    const junk: AuthRequestLog = {
      read: async () => [
        null,
        'x',
        { type: 'request', at: 'soon' },
        { type: 'penalty', at: T0, until: Infinity },
        ...Array(5000).fill(7),
      ],
      append: async () => undefined,
      prune: async () => undefined,
    };
    await new AuthBudget({ log: junk }).reserve(KEY, 'token', T0);
  });

  it('a wall clock stepped back: entries from "the future" stop counting, a penalty is capped at 15 minutes', async () => {
    const shared = new MemoryAuthRequestLog();
    const budget = new AuthBudget({ log: shared });
    for (let i = 0; i < 5; i++) await budget.reserve(KEY, 'token', T0 + i);
    await budget.reserve(KEY, 'token', T0 - 2 * 3_600_000);
    await shared.append(KEY, { type: 'penalty', at: T0, until: T0 + 24 * 3_600_000 });
    assert.equal((await refusal(budget.reserve(KEY, 'token', T0 + 10))).safeAt, T0 + 10 + 15 * 60_000);
  });

  it('hooks(): counts before each request and records the 429s it sees', async () => {
    let now = T0;
    const budget = new AuthBudget({ limit: 1 });
    const hooks = budget.hooks(KEY, () => now);
    await hooks.before('preflight');
    await refusal(Promise.resolve().then(() => hooks.before('token')));
    now += 60_000;
    await hooks.after?.('token', { status: 429, retryAfterSeconds: 5 });
    assert.equal((await refusal(Promise.resolve().then(() => hooks.before('token')))).reason, 'penalty');
    await hooks.after?.('token', { status: 200 });
    now += 6_000;
    await hooks.before('token');
  });

  it('authBudgetKey: one key per server (however written) and app', () => {
    assert.equal(
      authBudgetKey('https://platform.ringcentral.com/', 'abc'),
      authBudgetKey('https://PLATFORM.ringcentral.com', ' abc'),
    );
    assert.notEqual(authBudgetKey('http://127.0.0.1:1', 'abc'), authBudgetKey('http://127.0.0.1:2', 'abc'));
  });

  it('MemoryAuthRequestLog is bounded in entries per key and in keys', async () => {
    const log = new MemoryAuthRequestLog(10, 3);
    for (let i = 0; i < 50; i++) await log.append('busy', { type: 'request', at: i, kind: 'token', id: String(i) });
    assert.deepEqual(
      (await log.read('busy')).map((entry) => entry.at),
      [40, 41, 42, 43, 44, 45, 46, 47, 48, 49],
      'the newest entries are kept',
    );
    for (let i = 0; i < 5; i++) await log.append(`k${i}`, { type: 'penalty', at: i, until: i + 1 });
    assert.equal(log.size, 3);
    assert.equal((await log.read('busy')).length, 0, 'the least recently used key went first');
    await log.prune('k4', 1_000);
    assert.equal(log.size, 2);
  });
});

describe('explainAuthBudget and the refresh backoff', () => {
  it('a Diagnosis with the wait, a Retry button that refreshes for a refresh, and no retry for a revoke', () => {
    const refresh = new AuthBudgetExceededError('refresh', 'budget', T0 + 42_000, 5, 5, 60_000, T0);
    const diagnosis = explainAuthBudget(refresh, T0);
    assert.equal(diagnosis.id, 'auth-budget-exceeded');
    assert.equal(diagnosis.retryAfterSeconds, 42);
    assert.equal(diagnosis.checkedLocally, true);
    assert.deepEqual(diagnosis.fixes[0].action, { kind: 'waitAndRetry', seconds: 42, then: 'refreshToken' });
    assert.match(diagnosis.summary, /Not sent \(refreshing the access token\): it would be Auth request 6 within 60 s/);
    const revoke = explainAuthBudget(
      new AuthBudgetExceededError('revoke', 'penalty', T0 + 5_000, 0, 5, 60_000, T0),
      T0,
    );
    assert.ok(revoke.fixes.every((fix) => fix.action?.kind !== 'waitAndRetry'));
    assert.match(revoke.causes.join('\n'), /removed on this machine anyway/);
  });

  it('a refresh stopped by the budget waits exactly until it is safe, as a rate limit', () => {
    const error = new AuthBudgetExceededError('refresh', 'budget', T0 + 42_000, 5, 5, 60_000, T0);
    assert.equal(isRateLimitError(error), true);
    assert.deepEqual(backoffAfter(error, true, 3, T0), {
      notBefore: T0 + 42_000,
      failures: 3,
      rateLimited: true,
      byBudget: true,
    });
  });
});
