import * as assert from 'node:assert/strict';
import {
  canRefresh,
  formatTimeLeft,
  readTokenResponse,
  secondsLeft,
  toTokenSet,
  TokenSet,
} from '../../../src/core/oauth/tokenSet';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

const FULL = {
  access_token: 'access-1',
  token_type: 'bearer',
  expires_in: 3600,
  refresh_token: 'refresh-1',
  refresh_token_expires_in: 604800,
  scope: 'ReadAccounts ReadContacts',
  owner_id: 62264425004,
  endpoint_id: 'ep-1',
  session_id: '1234567890123',
};

describe('tokenSet', () => {
  describe('readTokenResponse', () => {
    it('reads a full response, turning numeric ids into strings', () => {
      assert.deepEqual(readTokenResponse(FULL), {
        access_token: 'access-1',
        token_type: 'bearer',
        expires_in: 3600,
        refresh_token: 'refresh-1',
        refresh_token_expires_in: 604800,
        scope: 'ReadAccounts ReadContacts',
        owner_id: '62264425004',
        endpoint_id: 'ep-1',
        session_id: '1234567890123',
        id_token: undefined,
      });
    });

    it('trusts the server expires_in, even a short one, and a numeric string', () => {
      assert.equal(readTokenResponse({ ...FULL, expires_in: 600 }).expires_in, 600);
      assert.equal(readTokenResponse({ ...FULL, expires_in: '1200' }).expires_in, 1200);
    });

    it('falls back to 3600 s and bearer when expires_in or token_type is missing', () => {
      const response = readTokenResponse({ access_token: 'a' });
      assert.equal(response.expires_in, 3600);
      assert.equal(response.token_type, 'bearer');
      assert.equal(response.refresh_token, undefined);
      assert.equal(response.refresh_token_expires_in, undefined);
      assert.equal(readTokenResponse({ access_token: 'a', expires_in: 'soon' }).expires_in, 3600);
    });

    it('throws, naming what is missing, for a body without access_token', () => {
      assert.throws(() => readTokenResponse({ token_type: 'bearer' }), /without an access_token/);
      assert.throws(() => readTokenResponse({ access_token: '' }), /without an access_token/);
      assert.throws(() => readTokenResponse('text'), /without a JSON object/);
      assert.throws(() => readTokenResponse(null), /without a JSON object/);
    });
  });

  describe('toTokenSet', () => {
    it('computes absolute expiry times from the injected clock', () => {
      const set = toTokenSet(readTokenResponse(FULL), NOW);
      assert.deepEqual(set, {
        accessToken: 'access-1',
        tokenType: 'bearer',
        accessExpiresAt: NOW + 3_600_000,
        refreshToken: 'refresh-1',
        refreshExpiresAt: NOW + 604_800_000,
        scope: 'ReadAccounts ReadContacts',
        ownerId: '62264425004',
        endpointId: 'ep-1',
        sessionId: '1234567890123',
        issuedAt: NOW,
      });
    });

    it('has no refresh expiry without a refresh token, or without its lifetime', () => {
      const { refresh_token: _r, refresh_token_expires_in: _l, ...withoutRefresh } = FULL;
      assert.equal(toTokenSet(readTokenResponse(withoutRefresh), NOW).refreshExpiresAt, undefined);
      const { refresh_token_expires_in: _x, ...withoutLifetime } = FULL;
      const set = toTokenSet(readTokenResponse(withoutLifetime), NOW);
      assert.equal(set.refreshToken, 'refresh-1');
      assert.equal(set.refreshExpiresAt, undefined);
      assert.equal(
        toTokenSet(readTokenResponse({ ...FULL, refresh_token_expires_in: 'x' }), NOW).refreshExpiresAt,
        undefined,
      );
    });

    it('missing expires_in → one hour from now', () => {
      assert.equal(toTokenSet(readTokenResponse({ access_token: 'a' }), NOW).accessExpiresAt, NOW + 3_600_000);
    });
  });

  it('secondsLeft floors and never goes below 0', () => {
    assert.equal(secondsLeft(NOW + 90_999, NOW), 90);
    assert.equal(secondsLeft(NOW + 1000, NOW), 1);
    assert.equal(secondsLeft(NOW + 999, NOW), 0);
    assert.equal(secondsLeft(NOW - 5000, NOW), 0);
  });

  it('formatTimeLeft (the status bar) picks readable units, and says expired at zero', () => {
    const cases: Array<[number, string]> = [
      [-3, 'expired'],
      [0, 'expired'],
      [1, '1 s'],
      [59, '59 s'],
      [60, '1 min 0 s'],
      [250, '4 min 10 s'],
      [599, '9 min 59 s'],
      [600, '10 min'],
      [3540, '59 min'],
      [3599, '59 min'],
      [3600, '1 h 0 min'],
      [5430, '1 h 30 min'],
      [86399, '23 h 59 min'],
      [86400, '1 d 0 h'],
      [183600, '2 d 3 h'],
      [604800, '7 d 0 h'],
    ];
    for (const [seconds, text] of cases) assert.equal(formatTimeLeft(seconds), text, String(seconds));
  });

  it('canRefresh needs a refresh token that has not expired', () => {
    const base: TokenSet = { accessToken: 'a', tokenType: 'bearer', accessExpiresAt: NOW, issuedAt: NOW - 3_600_000 };
    assert.equal(canRefresh(base, NOW), false);
    assert.equal(canRefresh({ ...base, refreshToken: 'r' }, NOW), true);
    assert.equal(canRefresh({ ...base, refreshToken: 'r', refreshExpiresAt: NOW + 1 }, NOW), true);
    assert.equal(canRefresh({ ...base, refreshToken: 'r', refreshExpiresAt: NOW }, NOW), false);
    assert.equal(canRefresh({ ...base, refreshToken: '', refreshExpiresAt: NOW + 1000 }, NOW), false);
  });
});
