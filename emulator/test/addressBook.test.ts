// The emulator's REST slice beyond who-am-I: the user's personal contacts, each route needing its app permission
// (ReadContacts to read, Contacts to create), other methods answered 405, other users' data not reachable.
import * as assert from 'node:assert/strict';
import { AppRegistration } from '../server';
import { json, LOOPBACK_REDIRECT, signIn, useEmulator } from './emulatorTestUtils';

const CONTACTS = '/restapi/v1.0/account/~/extension/~/address-book/contact';

function readOnlyApp(): AppRegistration {
  return {
    clientId: 'read-contacts-only',
    redirectUris: [LOOPBACK_REDIRECT],
    permissions: ['ReadAccounts', 'ReadContacts'],
    issueRefreshTokens: true,
    grantTypes: ['authorization_code', 'refresh_token'],
  };
}

describe('RingCentral emulator: address-book contacts', function () {
  this.timeout(10000);
  const ctx = useEmulator({ rateLimit: false, autoApprove: true });

  function call(method: string, path: string, accessToken: string, body?: unknown): Promise<Response> {
    return fetch(`${ctx.emu.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${accessToken}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  it('creates a contact with Contacts, lists and reads it with ReadContacts', async () => {
    const tokens = await signIn(ctx.emu);
    const created = await call('POST', CONTACTS, tokens.access_token, { firstName: 'Charles', lastName: 'Babbage' });
    assert.equal(created.status, 200);
    const contact = (await created.json()) as { id: number; uri: string; firstName: string; lastName: string };
    assert.equal(contact.firstName, 'Charles');
    assert.equal(contact.lastName, 'Babbage');
    assert.match(contact.uri, new RegExp(`/address-book/contact/${contact.id}$`));

    const list = (await (await call('GET', CONTACTS, tokens.access_token)).json()) as { records: unknown[] };
    assert.deepEqual(list.records, [contact]);
    const one = await call('GET', `${CONTACTS}/${contact.id}`, tokens.access_token);
    assert.deepEqual(await one.json(), contact);
    assert.equal((await call('GET', `${CONTACTS}/999`, tokens.access_token)).status, 404);
  });

  it('answers CMN-401 naming Contacts when the app may only read contacts', async () => {
    ctx.emu.registerApp(readOnlyApp());
    const tokens = await signIn(ctx.emu, 'read-contacts-only');
    assert.equal((await call('GET', CONTACTS, tokens.access_token)).status, 200);
    const refused = await call('POST', CONTACTS, tokens.access_token, { firstName: 'Charles' });
    assert.equal(refused.status, 403);
    const body = (await json(refused)) as {
      errorCode: string;
      errors: Array<{ errorCode: string; permissionName: string }>;
    };
    assert.equal(body.errorCode, 'InsufficientPermissions');
    assert.equal(body.errors[0].errorCode, 'CMN-401');
    assert.equal(body.errors[0].permissionName, 'Contacts');
    assert.deepEqual(
      ((await (await call('GET', CONTACTS, tokens.access_token)).json()) as { records: [] }).records,
      [],
    );
  });

  it('refuses bodies that are not contacts, other methods, and other users', async () => {
    const tokens = await signIn(ctx.emu);
    const notObject = await call('POST', CONTACTS, tokens.access_token, ['x']);
    assert.equal(notObject.status, 400);
    const badField = await call('POST', CONTACTS, tokens.access_token, { firstName: 42 });
    assert.equal(badField.status, 400);
    assert.equal(
      ((await badField.json()) as { errors: Array<{ parameterName: string }> }).errors[0].parameterName,
      'firstName',
    );
    const put = await call('PUT', '/restapi/v1.0/account/~/extension/~', tokens.access_token, {});
    assert.equal(put.status, 405);
    assert.equal(put.headers.get('allow'), 'GET');
    const other = await call(
      'GET',
      '/restapi/v1.0/account/~/extension/62264425005/address-book/contact',
      tokens.access_token,
    );
    assert.equal(other.status, 404);
  });
});
