// RingCentralClient over real HTTP against the local emulator, with both fetch implementations the
// extension can use: node-fetch (what VS Code ships with proxy support) and Node's global fetch.
// This file: the code exchange and the other grants.
import * as assert from 'node:assert/strict';
import { JWT_GRANT, REVOKE_PATH, WHO_AM_I_PATH } from '../../src/core/ringcentral/ringcentralClient';
import { DEMO_APP, DEMO_USER } from '../../emulator/server';
import { LOOPBACK_REDIRECT, pkce, VSCODE_REDIRECT } from '../../emulator/test/emulatorTestUtils';
import {
  ADAPTERS,
  apiError,
  CONFIDENTIAL,
  emulatorMask,
  tokenRequests,
  useClientAgainstEmulator,
} from './ringcentralClientKit';

for (const [adapterName, adapter] of ADAPTERS) {
  describe(`RingCentralClient against the emulator (${adapterName})`, () => {
    const { ctx, client, confidential, codeFor } = useClientAgainstEmulator(adapter);

    describe('code exchange', () => {
      it('public app with PKCE: client_id in the body, no Authorization header, working tokens', async () => {
        const rc = client();
        assert.equal(rc.hasClientSecret, false);
        const { code, verifier } = await codeFor();
        const tokens = await rc.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: verifier });
        assert.equal(typeof tokens.access_token, 'string');
        assert.ok(tokens.access_token.length > 20);
        assert.equal(tokens.token_type, 'bearer');
        assert.equal(tokens.expires_in, 3600);
        assert.equal(typeof tokens.refresh_token, 'string');
        assert.notEqual(tokens.refresh_token, tokens.access_token);
        assert.equal(tokens.refresh_token_expires_in, 604800);
        assert.equal(tokens.scope, DEMO_APP.permissions.join(' '));
        assert.equal(tokens.owner_id, DEMO_USER.id);

        const [request] = tokenRequests(ctx.emu);
        assert.equal(request.method, 'POST');
        assert.equal(request.status, 200);
        assert.equal(request.headers.authorization, undefined);
        assert.match(request.headers['content-type'] ?? '', /^application\/x-www-form-urlencoded/);
        assert.deepEqual(request.form, {
          grant_type: 'authorization_code',
          code: emulatorMask(code),
          redirect_uri: LOOPBACK_REDIRECT,
          code_verifier: emulatorMask(verifier),
          client_id: DEMO_APP.clientId,
        });

        const me = await rc.getJson<{ id: number; name: string; extensionNumber: string }>(
          WHO_AM_I_PATH,
          tokens.access_token,
        );
        assert.equal(String(me.id), DEMO_USER.id);
        assert.equal(me.name, DEMO_USER.name);
        assert.equal(me.extensionNumber, DEMO_USER.extensionNumber);
      });

      it('a wrong code_verifier is refused (the emulator really checks PKCE)', async () => {
        const { code } = await codeFor();
        const error = await apiError(
          client().exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: pkce().verifier }),
        );
        assert.equal(error.info.code, 'OAU-106');
        assert.equal(error.info.description, 'code_verifier does not match code_challenge');
      });

      it('confidential app: HTTP Basic with id:secret and no client_id in the body', async () => {
        const rc = confidential();
        assert.equal(rc.hasClientSecret, true);
        const { code, verifier } = await codeFor(CONFIDENTIAL.clientId);
        const tokens = await rc.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: verifier });
        assert.equal(tokens.scope, 'ReadAccounts ReadContacts');
        const [request] = tokenRequests(ctx.emu);
        const basic = Buffer.from(`${CONFIDENTIAL.clientId}:${CONFIDENTIAL.clientSecret}`).toString('base64');
        assert.equal(request.headers.authorization, `Basic ${emulatorMask(basic)}`);
        assert.equal(request.form?.client_id, undefined);
        assert.equal(request.form?.grant_type, 'authorization_code');
      });

      it('wrong client secret → OAU-146, HTTP 401, invalid_client', async () => {
        const rc = confidential('not-the-secret');
        const { code, verifier } = await codeFor(CONFIDENTIAL.clientId);
        const error = await apiError(rc.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: verifier }));
        assert.equal(error.info.code, 'OAU-146');
        assert.equal(error.info.status, 401);
        assert.equal(error.info.error, 'invalid_client');
        assert.equal(error.message, 'OAU-146 Invalid client credentials (invalid_client)');
        assert.match(error.info.rawBody ?? '', /"errorCode":"OAU-146"/);
      });

      it('a code used twice → OAU-106 the second time', async () => {
        const rc = client();
        const { code, verifier } = await codeFor();
        await rc.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: verifier });
        const error = await apiError(rc.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: verifier }));
        assert.equal(error.info.code, 'OAU-106');
        assert.equal(error.info.status, 403);
        assert.equal(error.info.error, 'invalid_grant');
        assert.equal(error.info.message, 'Invalid authorization code');
      });

      it('a code older than its 60 s lifetime → OAU-108', async () => {
        const { code, verifier } = await codeFor();
        ctx.emu.advanceClock(61);
        const error = await apiError(
          client().exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: verifier }),
        );
        assert.equal(error.info.code, 'OAU-108');
        assert.equal(error.info.message, 'Authorization code is expired');
      });

      it('a redirect_uri that differs from the authorize request → OAU-109', async () => {
        const { code, verifier } = await codeFor(DEMO_APP.clientId, LOOPBACK_REDIRECT);
        const error = await apiError(
          client().exchangeCode({ code, redirectUri: VSCODE_REDIRECT, codeVerifier: verifier }),
        );
        assert.equal(error.info.code, 'OAU-109');
        assert.equal(error.info.message, 'Redirect URIs do not match');
      });
    });

    describe('other grants', () => {
      it('jwtBearer exchanges a JWT credential with Basic client auth', async () => {
        const rc = confidential();
        const jwt = ctx.emu.createJwtCredential();
        const tokens = await rc.jwtBearer(jwt);
        assert.equal(tokens.owner_id, DEMO_USER.id);
        assert.equal(tokens.scope, CONFIDENTIAL.permissions.join(' '));
        const [request] = tokenRequests(ctx.emu);
        assert.equal(request.form?.grant_type, JWT_GRANT);
        assert.equal(request.form?.assertion, emulatorMask(jwt));
        assert.match(request.headers.authorization ?? '', /^Basic \*\*\*/);
        const me = await rc.getJson<{ name: string }>(WHO_AM_I_PATH, tokens.access_token);
        assert.equal(me.name, DEMO_USER.name);
      });

      it('a JWT credential made for another app → OAU-140', async () => {
        const error = await apiError(confidential().jwtBearer(ctx.emu.createJwtCredential('some-other-app')));
        assert.equal(error.info.code, 'OAU-140');
        assert.equal(error.info.error, 'invalid_grant');
      });

      it('refresh rotates: new tokens work, the old refresh token is dead (OAU-213), the old access token too', async () => {
        const rc = client();
        const { code, verifier } = await codeFor();
        const first = await rc.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: verifier });
        const second = await rc.refresh(first.refresh_token as string);
        assert.notEqual(second.access_token, first.access_token);
        assert.notEqual(second.refresh_token, first.refresh_token);
        assert.equal(second.owner_id, DEMO_USER.id);
        assert.equal(tokenRequests(ctx.emu)[1].form?.grant_type, 'refresh_token');
        assert.equal(tokenRequests(ctx.emu)[1].form?.refresh_token, emulatorMask(first.refresh_token as string));
        assert.equal((await rc.getJson<{ name: string }>(WHO_AM_I_PATH, second.access_token)).name, DEMO_USER.name);
        const old = await apiError(rc.getJson(WHO_AM_I_PATH, first.access_token));
        assert.equal(old.info.code, 'TokenInvalid');
        assert.equal(old.info.status, 401);
        const reused = await apiError(rc.refresh(first.refresh_token as string));
        assert.equal(reused.info.code, 'OAU-213');
        assert.equal(reused.info.error, 'invalid_grant');
      });

      it('revoke ends the session: refresh → OAU-211, access token → TokenInvalid', async () => {
        const rc = confidential();
        const tokens = await rc.jwtBearer(ctx.emu.createJwtCredential());
        await rc.revoke(tokens.access_token);
        const revoke = ctx.emu.requests.find((request) => request.path === REVOKE_PATH);
        assert.equal(revoke?.status, 200);
        assert.equal(revoke?.form?.token, emulatorMask(tokens.access_token));
        const refresh = await apiError(rc.refresh(tokens.refresh_token as string));
        assert.equal(refresh.info.code, 'OAU-211');
        assert.equal(refresh.info.message, 'Token revoked');
        const api = await apiError(rc.getJson(WHO_AM_I_PATH, tokens.access_token));
        assert.equal(api.info.code, 'TokenInvalid');
      });

      it('revoke answered with an error is thrown (wrong secret → OAU-146)', async () => {
        const tokens = await confidential().jwtBearer(ctx.emu.createJwtCredential());
        const error = await apiError(
          client({ clientId: CONFIDENTIAL.clientId, clientSecret: 'wrong' }).revoke(tokens.access_token),
        );
        assert.equal(error.info.code, 'OAU-146');
      });
    });
  });
}
