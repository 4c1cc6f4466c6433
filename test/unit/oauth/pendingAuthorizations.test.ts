import * as assert from 'node:assert/strict';
import { parseCallback } from '../../../src/core/oauth/callback';
import { CallbackOutcome, PendingAuthorizations } from '../../../src/core/oauth/pendingAuthorizations';

/** Resolves to 'pending' if the promise has not settled after the current macrotask. */
async function peek<T>(promise: Promise<T>): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((resolve) => setImmediate(() => resolve('pending')))]);
}

describe('PendingAuthorizations', () => {
  it('hands a callback to the attempt that owns its state', async () => {
    const pending = new PendingAuthorizations();
    const controller = new AbortController();
    const waiting = pending.wait('state-a', controller.signal);
    assert.equal(pending.size, 1);
    assert.equal(pending.deliver(parseCallback('?code=the-code&state=state-a')), 'accepted');
    assert.deepEqual(await waiting, { kind: 'code', code: 'the-code', state: 'state-a', expiresIn: undefined });
    assert.equal(pending.size, 0);
  });

  it('routes each callback to its own attempt when several are pending', async () => {
    const pending = new PendingAuthorizations();
    const signal = new AbortController().signal;
    const a = pending.wait('A', signal);
    const b = pending.wait('B', signal);
    assert.equal(pending.deliver({ kind: 'code', code: 'code-b', state: 'B' }), 'accepted');
    assert.equal(pending.deliver({ kind: 'code', code: 'code-a', state: 'A' }), 'accepted');
    assert.equal(((await a) as { code: string }).code, 'code-a');
    assert.equal(((await b) as { code: string }).code, 'code-b');
  });

  it('accepts a state at most once', async () => {
    const pending = new PendingAuthorizations();
    const waiting = pending.wait('once', new AbortController().signal);
    assert.equal(pending.deliver({ kind: 'code', code: 'first', state: 'once' }), 'accepted');
    assert.equal(pending.deliver({ kind: 'code', code: 'second', state: 'once' }), 'unknown-state');
    assert.equal(((await waiting) as { code: string }).code, 'first');
  });

  it('reports an unknown state and leaves the pending attempt waiting', async () => {
    const pending = new PendingAuthorizations();
    const waiting = pending.wait('mine', new AbortController().signal);
    assert.equal(pending.deliver({ kind: 'code', code: 'c', state: 'someone-else' }), 'unknown-state');
    assert.equal(pending.deliver({ kind: 'error', error: 'access_denied', state: 'someone-else' }), 'unknown-state');
    assert.equal(await peek(waiting), 'pending');
    assert.equal(pending.size, 1);
  });

  it('reports invalid callbacks without touching pending attempts', async () => {
    const pending = new PendingAuthorizations();
    const waiting = pending.wait('s', new AbortController().signal);
    assert.equal(pending.deliver(parseCallback('garbage')), 'invalid');
    assert.equal(pending.deliver(parseCallback('?code=only-a-code')), 'invalid');
    assert.equal(await peek(waiting), 'pending');
  });

  it('a state-less error from the loopback port or URI handler cancels nothing (any local page could send one)', async () => {
    const pending = new PendingAuthorizations();
    const waiting = pending.wait('only', new AbortController().signal);
    assert.equal(pending.deliver(parseCallback('?error=access_denied')), 'unknown-state');
    assert.equal(await peek(waiting), 'pending');
  });

  it('the paste box may send an error without state to the single pending attempt', async () => {
    const pending = new PendingAuthorizations();
    const waiting = pending.wait('only', new AbortController().signal);
    assert.equal(
      pending.deliver(parseCallback('?error=access_denied&error_description=no'), { toOnlyPending: true }),
      'accepted',
    );
    const outcome: CallbackOutcome = await waiting;
    assert.deepEqual(outcome, { kind: 'error', error: 'access_denied', description: 'no', state: undefined });
    assert.equal(pending.size, 0);
  });

  it('does not guess the owner of a state-less error when several attempts are pending', async () => {
    const pending = new PendingAuthorizations();
    const signal = new AbortController().signal;
    const a = pending.wait('A', signal);
    const b = pending.wait('B', signal);
    assert.equal(pending.deliver({ kind: 'error', error: 'access_denied' }, { toOnlyPending: true }), 'unknown-state');
    assert.equal(await peek(a), 'pending');
    assert.equal(await peek(b), 'pending');
  });

  it('a state-less error with nothing pending is unknown', () => {
    assert.equal(new PendingAuthorizations().deliver({ kind: 'error', error: 'access_denied' }), 'unknown-state');
  });

  it('abort rejects with the signal reason and forgets the state', async () => {
    const pending = new PendingAuthorizations();
    const controller = new AbortController();
    const waiting = pending.wait('s', controller.signal);
    const reason = new Error('user cancelled');
    controller.abort(reason);
    await assert.rejects(waiting, (error) => error === reason);
    assert.equal(pending.size, 0);
    assert.equal(pending.deliver({ kind: 'code', code: 'late', state: 's' }), 'unknown-state');
  });

  it('an already-aborted signal rejects at once and registers nothing', async () => {
    const pending = new PendingAuthorizations();
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await assert.rejects(pending.wait('s', controller.signal), /gone/);
    assert.equal(pending.size, 0);
  });

  it('aborting after delivery changes nothing', async () => {
    const pending = new PendingAuthorizations();
    const controller = new AbortController();
    const waiting = pending.wait('s', controller.signal);
    pending.deliver({ kind: 'code', code: 'c', state: 's' });
    controller.abort(new Error('too late'));
    assert.equal(((await waiting) as { code: string }).code, 'c');
  });
});
