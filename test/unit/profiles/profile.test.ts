import * as assert from 'node:assert/strict';
import {
  accountIdOf,
  parseProfiles,
  sessionsForAccount,
  profileProblem,
  sessionOfProfile,
  sessionsOfProfile,
  SETTINGS_PROFILE_ID,
  type Profile,
} from '../../../src/core/profiles/profile';
import { sessionIdFor, type StoredSession } from '../../../src/core/session/session';

const PROD = 'https://platform.ringcentral.com';

function session(overrides: Partial<StoredSession>): StoredSession {
  return {
    id: 'x',
    server: PROD,
    clientId: 'crm-sync',
    account: { id: '101', label: 'Ada Lovelace', profileKnown: true },
    tokens: { accessToken: 'a', accessExpiresAt: 1, issuedAt: 0 } as StoredSession['tokens'],
    grant: 'jwt',
    createdAt: 1,
    ...overrides,
  };
}

describe('profiles', () => {
  const crmSync: Profile = {
    id: 'p-1',
    name: 'Prod – CRM sync (JWT)',
    server: PROD,
    clientId: 'crm-sync',
    flow: 'jwt',
  };

  it('reads saved profiles, dropping anything that is not one (a hand-edited or hostile value)', () => {
    const parsed = parseProfiles([
      crmSync,
      { ...crmSync, id: 'p-1' }, // duplicate id
      { ...crmSync, id: SETTINGS_PROFILE_ID }, // may not shadow the settings profile
      { ...crmSync, id: 'p-2', server: 'http://evil.example.com' }, // plain http off loopback
      { ...crmSync, id: 'p-3', flow: 'password' },
      { ...crmSync, id: 'p-4', clientId: 'has space' },
      { ...crmSync, id: 'p-5', name: '' },
      'nonsense',
      null,
      { ...crmSync, id: 'p-6', server: 'https://platform.ringcentral.com/' },
    ]);
    assert.deepEqual(
      parsed.map((profile) => profile.id),
      ['p-1', 'p-6'],
    );
    assert.equal(parsed[1].server, PROD, 'the server is normalised');
    assert.deepEqual(parseProfiles({ not: 'a list' }), []);
    assert.equal(parseProfiles(Array.from({ length: 500 }, (_, i) => ({ ...crmSync, id: `p-${i}` }))).length, 50);
  });

  it('says what to change in a profile that cannot be saved', () => {
    assert.match(profileProblem({ name: ' ', server: PROD, clientId: 'a' }) ?? '', /name/);
    assert.match(profileProblem({ name: 'n', server: 'ftp://x', clientId: 'a' }) ?? '', /.+/);
    assert.match(profileProblem({ name: 'n', server: PROD, clientId: '' }) ?? '', /Client ID/);
    assert.equal(profileProblem({ name: 'n', server: PROD, clientId: 'abc' }), undefined);
  });

  it("finds a profile's sessions: its own, and sessions from before profiles for the same app", () => {
    const own = session({ id: 'own', profileId: 'p-1', createdAt: 5 });
    const legacy = session({ id: 'legacy', createdAt: 3 });
    const otherProfile = session({ id: 'other', profileId: 'p-2', createdAt: 9 });
    const otherApp = session({ id: 'app', clientId: 'else', createdAt: 10 });
    const found = sessionsOfProfile(crmSync, [legacy, own, otherProfile, otherApp]);
    assert.deepEqual(
      found.map((s) => s.id),
      ['own', 'legacy'],
    );
    assert.equal(sessionOfProfile(crmSync, [legacy, own])?.id, 'own', 'the newest first');
    assert.equal(sessionOfProfile(crmSync, [otherProfile, otherApp]), undefined);
  });

  it('keeps one session per account per profile; the settings profile keeps the ids of before', () => {
    assert.equal(sessionIdFor(PROD, 'crm-sync', '101'), `${PROD}|crm-sync|101`);
    assert.equal(sessionIdFor(PROD, 'crm-sync', '101', SETTINGS_PROFILE_ID), `${PROD}|crm-sync|101`);
    assert.notEqual(sessionIdFor(PROD, 'crm-sync', '101', 'p-1'), sessionIdFor(PROD, 'crm-sync', '101', 'p-2'));
  });

  it("gives each profile's session its own account, and getSession({ account }) only that account's session", () => {
    const adaSettings = session({ id: 's1' });
    const adaCrm = session({ id: 's2', profileId: 'p-1' });
    const graceCrm = session({
      id: 's3',
      profileId: 'p-2',
      account: { id: '102', label: 'Grace Hopper', profileKnown: true },
    });
    assert.equal(accountIdOf(adaSettings), `${PROD}|101`, 'the id accounts had before profiles');
    const ids = new Set([adaSettings, adaCrm, graceCrm].map(accountIdOf));
    assert.equal(ids.size, 3);
    const all = [adaSettings, adaCrm, graceCrm];
    assert.deepEqual(
      sessionsForAccount(all, { id: accountIdOf(graceCrm) }).map((s) => s.id),
      ['s3'],
    );
    assert.deepEqual(
      sessionsForAccount(all, { id: accountIdOf(adaCrm) }).map((s) => s.id),
      ['s2'],
    );
    assert.equal(sessionsForAccount(all, undefined).length, 3);
    assert.equal(sessionsForAccount(all, { id: 'someone else' }).length, 0);
  });
});
