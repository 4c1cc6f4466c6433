// JWT credentials the console creates for a user, and how the token endpoint answers each kind, over real HTTP.
import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import {
  DEMO_APP,
  DEMO_USER,
  JWT_ONLY_APP,
  JwtCredentialInfo,
  NO_EXPIRY_SECONDS,
  OTHER_SERVER,
  SECOND_USER,
} from '../server';
import {
  base64Url,
  consoleCall,
  consoleJson,
  decodeJwt,
  json,
  jwtGrant,
  oauthError,
  TokenBody,
  useEmulator,
  whoAmI,
} from './emulatorTestUtils';

const OAU_140 = 'Invalid resource owner credentials';
const OAU_347 = 'An algorithm which is used for assertion signing is not supported for JWT Bearer grant type';

describe('RingCentral emulator: JWT credentials', function () {
  this.timeout(10000);
  const ctx = useEmulator({ rateLimit: false });

  const create = (body: unknown): Promise<JwtCredentialInfo> => consoleJson(ctx.emu, 'POST', '/jwt', body);

  it('valid (the default): RS256, the claims RingCentral puts in, never expiring; signs in its user', async () => {
    const info = await create({});
    assert.equal(info.userId, DEMO_USER.id);
    assert.equal(info.clientId, null);
    assert.equal(info.variant, 'valid');
    const { header, claims } = decodeJwt(info.credential);
    assert.deepEqual(Object.keys(header), ['kid', 'typ', 'alg']);
    assert.equal(header.alg, 'RS256');
    assert.equal(header.typ, 'JWT');
    assert.match(String(header.kid), /^[0-9a-f]{32}$/);
    assert.deepEqual(Object.keys(claims), ['aud', 'sub', 'iss', 'exp', 'iat', 'jti']);
    assert.equal(claims.aud, `${ctx.emu.url}/restapi/oauth/token`);
    assert.equal(claims.iss, ctx.emu.url);
    assert.equal(claims.sub, DEMO_USER.id);
    assert.ok(Math.abs((claims.iat as number) - Date.now() / 1000) < 60);
    assert.equal((claims.exp as number) - (claims.iat as number), NO_EXPIRY_SECONDS, '"never" is iat + 2^31 - 1 s');
    assert.deepEqual([info.issuedAt, info.expiresAt], [claims.iat, claims.exp]);

    const res = await jwtGrant(ctx.emu, info.credential, JWT_ONLY_APP);
    assert.equal(res.status, 200);
    const tokens = (await res.json()) as TokenBody;
    assert.equal(tokens.owner_id, DEMO_USER.id);
    assert.equal(tokens.scope, JWT_ONLY_APP.permissions.join(' '));
    assert.ok(tokens.refresh_token);
  });

  it('for Grace: sub is her id, the tokens are hers and who-am-I answers Grace', async () => {
    const info = await create({ user: SECOND_USER.id, clientId: JWT_ONLY_APP.clientId });
    assert.equal(decodeJwt(info.credential).claims.sub, SECOND_USER.id);
    assert.equal(info.clientId, JWT_ONLY_APP.clientId);
    const tokens = (await (await jwtGrant(ctx.emu, info.credential, JWT_ONLY_APP)).json()) as TokenBody;
    assert.equal(tokens.owner_id, SECOND_USER.id);
    const who = (await (await whoAmI(ctx.emu, tokens.access_token)).json()) as { name: string };
    assert.equal(who.name, SECOND_USER.name);
    // The in-process form does the same.
    const inProcess = ctx.emu.createJwtCredential({ user: SECOND_USER.id });
    assert.equal(decodeJwt(inProcess).claims.sub, SECOND_USER.id);
  });

  it('expired: exp in the past → invalid_grant OAU-140 (no public source names another code)', async () => {
    const info = await create({ variant: 'expired', user: SECOND_USER.id });
    assert.ok(info.expiresAt * 1000 < Date.now());
    assert.ok(info.issuedAt < info.expiresAt);
    const res = await jwtGrant(ctx.emu, info.credential, JWT_ONLY_APP);
    assert.equal(res.status, 400);
    assert.deepEqual(
      await json(res),
      oauthError('invalid_grant', 'OAU-140', OAU_140, 'The JWT credential has expired'),
    );
  });

  it('expiresInSeconds: works until then, OAU-140 once the emulator clock passes exp', async () => {
    const credential = ctx.emu.createJwtCredential({ expiresInSeconds: 3600 });
    const { claims } = decodeJwt(credential);
    assert.equal((claims.exp as number) - (claims.iat as number), 3600);
    assert.equal((await jwtGrant(ctx.emu, credential, JWT_ONLY_APP)).status, 200);
    ctx.emu.advanceClock(3601);
    const res = await jwtGrant(ctx.emu, credential, JWT_ONLY_APP);
    assert.deepEqual(
      await json(res),
      oauthError('invalid_grant', 'OAU-140', OAU_140, 'The JWT credential has expired'),
    );
  });

  it('wrongAudience: aud and iss name another server (the sandbox) → OAU-140', async () => {
    const info = await create({ variant: 'wrongAudience' });
    const { claims } = decodeJwt(info.credential);
    assert.equal(claims.aud, `${OTHER_SERVER}/restapi/oauth/token`);
    assert.equal(claims.iss, OTHER_SERVER);
    assert.equal(info.audience, `${OTHER_SERVER}/restapi/oauth/token`);
    const res = await jwtGrant(ctx.emu, info.credential, DEMO_APP);
    assert.equal(res.status, 400);
    assert.deepEqual(
      await json(res),
      oauthError('invalid_grant', 'OAU-140', OAU_140, 'The JWT credential was issued for another server'),
    );
  });

  it('hs256: header alg HS256 → OAU-347, also for an HS256 JWT made elsewhere', async () => {
    const info = await create({ variant: 'hs256' });
    assert.equal(decodeJwt(info.credential).header.alg, 'HS256');
    let res = await jwtGrant(ctx.emu, info.credential, JWT_ONLY_APP);
    assert.equal(res.status, 400);
    assert.deepEqual(await json(res), oauthError('invalid_grant', 'OAU-347', OAU_347));

    // A developer signing their own assertion with the client secret, a common mistake.
    const encode = (value: unknown): string => base64Url(Buffer.from(JSON.stringify(value)));
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: DEMO_USER.id, aud: `${ctx.emu.url}/restapi/oauth/token` })}`;
    const selfMade = `${unsigned}.${base64Url(createHmac('sha256', 'secret').update(unsigned).digest())}`;
    res = await jwtGrant(ctx.emu, selfMade, JWT_ONLY_APP);
    assert.deepEqual(await json(res), oauthError('invalid_grant', 'OAU-347', OAU_347));
  });

  it('an RS256-looking JWT the console never made, or no JWT at all → OAU-140', async () => {
    const valid = decodeJwt(ctx.emu.createJwtCredential());
    const encode = (value: unknown): string => base64Url(Buffer.from(JSON.stringify(value)));
    const forged = `${encode(valid.header)}.${encode(valid.claims)}.${base64Url(Buffer.alloc(256, 1))}`;
    let res = await jwtGrant(ctx.emu, forged, JWT_ONLY_APP);
    assert.deepEqual(
      await json(res),
      oauthError('invalid_grant', 'OAU-140', OAU_140, 'The JWT credential is not one this server issued'),
    );
    res = await jwtGrant(ctx.emu, 'not a jwt', JWT_ONLY_APP);
    assert.deepEqual(
      await json(res),
      oauthError('invalid_grant', 'OAU-140', OAU_140, 'The assertion is not a JWT credential'),
    );
  });

  it('a credential restricted to one app is refused by another (OAU-140), as before', async () => {
    const credential = ctx.emu.createJwtCredential(DEMO_APP.clientId);
    assert.equal((await jwtGrant(ctx.emu, credential, JWT_ONLY_APP)).status, 400);
    assert.equal((await jwtGrant(ctx.emu, credential, DEMO_APP)).status, 200);
  });

  it('the console refuses unknown users, variants and bad expiries (400, with the reason)', async () => {
    for (const [body, reason] of [
      [{ user: '999' }, /No user with id 999/],
      [{ variant: 'none' }, /variant must be one of: valid, expired, wrongAudience, hs256/],
      [{ expiresInSeconds: -5 }, /positive whole number/],
      [{ variant: 'expired', expiresInSeconds: 60 }, /only goes with variant valid/],
      [{ clientId: 7 }, /clientId must be a string/],
    ] as const) {
      const res = await consoleCall(ctx.emu, 'POST', '/jwt', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.match(((await json(res)) as { message: string }).message, reason);
    }
    assert.throws(() => ctx.emu.createJwtCredential({ user: '999' }), /No user with id 999/);
  });

  it('the HTML console has a JWT form; posting it shows the credential, escaped, and lists it for the secret scan', async () => {
    const page = await (await fetch(`${ctx.emu.url}/__console`)).text();
    assert.match(page, /<form method="post" action="\/__console\/jwt" id="jwt-form">/);
    for (const field of ['user', 'clientId', 'variant', 'expiresInSeconds']) {
      assert.ok(page.includes(`name="${field}"`), field);
    }
    assert.ok(page.includes(SECOND_USER.name));
    const res = await fetch(`${ctx.emu.url}/__console/jwt`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: SECOND_USER.id, clientId: '', variant: 'valid', expiresInSeconds: '' }),
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const html = await res.text();
    const credential = /<textarea id="credential"[^>]*>([^<]+)<\/textarea>/.exec(html)?.[1] ?? '';
    assert.equal(decodeJwt(credential).claims.sub, SECOND_USER.id);
    assert.ok(html.includes('expires: never'));
    assert.ok(!/<script/i.test(html));
    assert.ok(
      ctx.emu.issuedSecrets().some((secret) => secret.value === credential && secret.kind === 'JWT credential'),
    );
    assert.equal((await jwtGrant(ctx.emu, credential, JWT_ONLY_APP)).status, 200);
  });
});
