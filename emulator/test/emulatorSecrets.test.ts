// The secret scan can only find what the emulator lists: every code and token it issued (listed when issued,
// before anyone redeems or uses them), every JWT credential and client secret, and what clients sent it.
import * as assert from 'node:assert/strict';
import { DEMO_APP } from '../server';
import {
  basic,
  consoleCall,
  defaultAuthorizeParams,
  getCode,
  LOOPBACK_REDIRECT,
  pkce,
  signIn,
  token,
  useEmulator,
} from './emulatorTestUtils';

describe('emulator: issuedSecrets() for the secret scan', () => {
  const ctx = useEmulator({ autoApprove: true, rateLimit: false });
  const listed = (): Map<string, string> =>
    new Map(ctx.emu.issuedSecrets().map((secret) => [secret.value, secret.kind]));

  it('lists a code as soon as the redirect carries it, and the tokens of the answer', async () => {
    const code = await getCode(ctx.emu, defaultAuthorizeParams(pkce()));
    assert.equal(listed().get(code), 'authorization code', 'listed before it is redeemed');
    const tokens = await signIn(ctx.emu);
    assert.equal(listed().get(tokens.access_token), 'access token');
    assert.equal(listed().get(tokens.refresh_token ?? ''), 'refresh token');
  });

  it('lists JWT credentials, registered client secrets, and the secrets and verifiers clients sent', async () => {
    const jwt = ctx.emu.createJwtCredential();
    ctx.emu.registerApp({ ...DEMO_APP, clientId: 'in-process-app', clientSecret: 'in-process-secret-1' });
    const registered = await consoleCall(ctx.emu, 'POST', '/apps', {
      ...DEMO_APP,
      clientId: 'console-app',
      clientSecret: 'console-secret-2',
    });
    assert.equal(registered.status, 201);
    const console = (await (await consoleCall(ctx.emu, 'POST', '/jwt')).json()) as { credential: string };
    const pair = pkce();
    await token(
      ctx.emu,
      {
        grant_type: 'authorization_code',
        code: 'made-up-code',
        redirect_uri: LOOPBACK_REDIRECT,
        code_verifier: pair.verifier,
      },
      { Authorization: basic('console-app', 'typed-wrong-secret') },
    );
    const secrets = listed();
    assert.equal(secrets.get(jwt), 'JWT credential');
    assert.equal(secrets.get(console.credential), 'JWT credential');
    assert.equal(secrets.get('in-process-secret-1'), 'client secret');
    assert.equal(secrets.get('console-secret-2'), 'client secret');
    assert.equal(secrets.get('typed-wrong-secret'), 'client secret');
    assert.equal(secrets.get(pair.verifier), 'code verifier');
  });
});
