import * as assert from 'node:assert/strict';
import {
  PREFLIGHT_CACHE_TTL_MS,
  PreflightCache,
  preflightCacheKey,
  type PreflightCacheStore,
} from '../../../src/core/oauth/preflightCache';

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const TARGET = {
  server: 'https://platform.ringcentral.com',
  clientId: 'abc',
  redirectUri: 'http://127.0.0.1:53134/callback',
};

class MapStore implements PreflightCacheStore {
  readonly values = new Map<string, number>();
  async read(key: string) {
    return this.values.get(key);
  }
  async write(key: string, at: number) {
    this.values.set(key, at);
  }
  async remove(key: string) {
    this.values.delete(key);
  }
}

describe('PreflightCache', () => {
  it('remembers an accepted pre-flight for 10 minutes, then asks again', async () => {
    let now = T0;
    const cache = new PreflightCache({ clock: () => now });
    assert.equal(await cache.acceptedAt(TARGET), undefined);
    await cache.remember(TARGET);
    now += PREFLIGHT_CACHE_TTL_MS - 1;
    assert.equal(await cache.acceptedAt(TARGET), T0);
    now += 1;
    assert.equal(await cache.acceptedAt(TARGET), undefined);
  });

  it('is per server, client id and exact redirect URI (a trailing slash on the server does not matter)', async () => {
    const cache = new PreflightCache({ clock: () => T0 });
    await cache.remember(TARGET);
    assert.equal(await cache.acceptedAt({ ...TARGET, server: `${TARGET.server}/` }), T0);
    assert.equal(await cache.acceptedAt({ ...TARGET, clientId: 'other' }), undefined);
    assert.equal(await cache.acceptedAt({ ...TARGET, redirectUri: `${TARGET.redirectUri}/` }), undefined);
    assert.equal(
      await cache.acceptedAt({ ...TARGET, redirectUri: TARGET.redirectUri.replace('127.0.0.1', 'localhost') }),
      undefined,
    );
    assert.equal(await cache.acceptedAt({ ...TARGET, server: 'https://platform.devtest.ringcentral.com' }), undefined);
  });

  it('forget() drops it here and in the shared store', async () => {
    const store = new MapStore();
    const cache = new PreflightCache({ clock: () => T0, store });
    await cache.remember(TARGET);
    await cache.forget(TARGET);
    assert.equal(await cache.acceptedAt(TARGET), undefined);
    assert.equal(store.values.size, 0);
  });

  it('shares answers across windows through the store, and never trusts one from the future', async () => {
    let now = T0;
    const store = new MapStore();
    await new PreflightCache({ clock: () => now, store }).remember(TARGET);
    const otherWindow = new PreflightCache({ clock: () => now, store });
    now += 60_000;
    assert.equal(await otherWindow.acceptedAt(TARGET), T0);
    now = T0 - 3_600_000; // the clock stepped back an hour
    assert.equal(await otherWindow.acceptedAt(TARGET), undefined);
  });

  it('a store that fails or holds junk only costs a pre-flight', async () => {
    const failing: PreflightCacheStore = {
      read: async () => {
        throw new Error('locked');
      },
      write: async () => {
        throw new Error('locked');
      },
      remove: async () => {
        throw new Error('locked');
      },
    };
    const cache = new PreflightCache({ clock: () => T0, store: failing });
    assert.equal(await cache.acceptedAt(TARGET), undefined);
    await cache.remember(TARGET);
    assert.equal(await cache.acceptedAt(TARGET), T0, 'this window still remembers');
    await cache.forget(TARGET);
    const junk = new PreflightCache({ clock: () => T0, store: { ...failing, read: async () => NaN as number } });
    assert.equal(await junk.acceptedAt(TARGET), undefined);
  });

  it('does not store absurdly long keys, and keeps at most 64 entries', async () => {
    const long = { ...TARGET, redirectUri: `http://127.0.0.1/${'a'.repeat(5000)}` };
    assert.equal(preflightCacheKey(long), undefined);
    const cache = new PreflightCache({ clock: () => T0 });
    await cache.remember(long);
    assert.equal(await cache.acceptedAt(long), undefined);
    for (let i = 0; i < 70; i++) await cache.remember({ ...TARGET, clientId: `c${i}` });
    assert.equal(await cache.acceptedAt({ ...TARGET, clientId: 'c0' }), undefined);
    assert.equal(await cache.acceptedAt({ ...TARGET, clientId: 'c69' }), T0);
  });
});
