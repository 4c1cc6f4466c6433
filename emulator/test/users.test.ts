// Two users in the emulator's account: who signs in (consent page, auto-approve, login_hint) and who-am-I answering
// for the token's owner, over real HTTP.
import * as assert from 'node:assert/strict';
import { DEMO_APP, DEMO_USER, DemoUser, SECOND_USER } from '../server';
import {
  authorize,
  consoleCall,
  consoleJson,
  defaultAuthorizeParams,
  json,
  LOOPBACK_REDIRECT,
  pkce,
  postForm,
  signIn,
  token,
  TokenBody,
  useEmulator,
  whoAmI,
} from './emulatorTestUtils';

interface Me {
  id: number;
  name: string;
  extensionNumber: string;
  contact: { email: string };
  account: { id: string };
  uri: string;
}

async function me(res: Response): Promise<Me> {
  assert.equal(res.status, 200);
  return (await res.json()) as Me;
}

function assertIs(who: Me, user: DemoUser): void {
  assert.equal(String(who.id), user.id);
  assert.equal(who.name, user.name);
  assert.equal(who.extensionNumber, user.extensionNumber);
  assert.equal(who.contact.email, user.email);
  assert.equal(who.account.id, user.accountId);
}

describe('RingCentral emulator: two users', function () {
  this.timeout(10000);
  const ctx = useEmulator({ rateLimit: false });

  /** Authorize, then the consent page's form as a browser posts it; resolves with the token answer. */
  async function signInOnPage(form: Record<string, string>, overrides: Record<string, string> = {}) {
    const pair = pkce();
    const res = await authorize(ctx.emu, defaultAuthorizeParams(pair, overrides), 'text/html');
    const reqId = new URL(res.headers.get('location') as string).searchParams.get('req') as string;
    const approved = await postForm(ctx.emu, '/restapi/oauth/login', { req: reqId, action: 'approve', ...form });
    return { approved, reqId, pair };
  }

  async function exchange(approved: Response, verifier: string): Promise<TokenBody> {
    assert.equal(approved.status, 302, await approved.clone().text());
    const code = new URL(approved.headers.get('location') as string).searchParams.get('code') ?? '';
    const res = await token(ctx.emu, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: LOOPBACK_REDIRECT,
      client_id: DEMO_APP.clientId,
      code_verifier: verifier,
    });
    assert.equal(res.status, 200);
    return (await res.json()) as TokenBody;
  }

  it('the console lists both users of the one account', async () => {
    const users = await consoleJson<DemoUser[]>(ctx.emu, 'GET', '/users');
    assert.deepEqual(users, [DEMO_USER, SECOND_USER]);
    assert.equal(SECOND_USER.accountId, DEMO_USER.accountId);
    assert.notEqual(SECOND_USER.id, DEMO_USER.id);
    assert.deepEqual(ctx.emu.users(), [DEMO_USER, SECOND_USER]);
  });

  it('the consent page offers both users, Ada preselected; login_hint preselects another', async () => {
    const open = async (overrides: Record<string, string> = {}): Promise<string> => {
      const res = await authorize(ctx.emu, defaultAuthorizeParams(pkce(), overrides), 'text/html');
      return (await fetch(res.headers.get('location') as string)).text();
    };
    let html = await open();
    assert.match(html, /<select id="user-select" name="user">/);
    assert.ok(html.includes(`<option value="${DEMO_USER.id}" selected>`), 'Ada is the default');
    assert.ok(html.includes(`<option value="${SECOND_USER.id}">`));
    assert.ok(html.includes(SECOND_USER.email));
    html = await open({ login_hint: SECOND_USER.email });
    assert.ok(html.includes(`<option value="${SECOND_USER.id}" selected>`), 'login_hint names Grace');
    assert.ok(!html.includes(`<option value="${DEMO_USER.id}" selected>`));
  });

  it('choosing Grace on the page signs in Grace: owner_id and who-am-I are hers; Ada stays the default', async () => {
    const grace = await signInOnPage({ user: SECOND_USER.id });
    const graceTokens = await exchange(grace.approved, grace.pair.verifier);
    assert.equal(graceTokens.owner_id, SECOND_USER.id);
    assertIs(await me(await whoAmI(ctx.emu, graceTokens.access_token)), SECOND_USER);

    const ada = await signInOnPage({});
    const adaTokens = await exchange(ada.approved, ada.pair.verifier);
    assert.equal(adaTokens.owner_id, DEMO_USER.id);
    assertIs(await me(await whoAmI(ctx.emu, adaTokens.access_token)), DEMO_USER);
    // Each token keeps answering for its own owner.
    assertIs(await me(await whoAmI(ctx.emu, graceTokens.access_token)), SECOND_USER);
  });

  it('a plain form may name the user by email or extension (username); an unknown one is refused, the request kept', async () => {
    const byExtension = await signInOnPage({ username: SECOND_USER.extensionNumber });
    assert.equal((await exchange(byExtension.approved, byExtension.pair.verifier)).owner_id, SECOND_USER.id);

    const unknown = await signInOnPage({ username: 'nobody@example.com' });
    assert.equal(unknown.approved.status, 400);
    assert.match(await unknown.approved.text(), /No user with this email/);
    const retried = await postForm(ctx.emu, '/restapi/oauth/login', {
      req: unknown.reqId,
      action: 'approve',
      user: SECOND_USER.id,
    });
    assert.equal((await exchange(retried, unknown.pair.verifier)).owner_id, SECOND_USER.id);
  });

  it('Grace’s own extension answers by id; Ada’s extension is not hers to read', async () => {
    const grace = await signInOnPage({ user: SECOND_USER.id });
    const tokens = await exchange(grace.approved, grace.pair.verifier);
    const byId = await fetch(
      `${ctx.emu.url}/restapi/v1.0/account/${SECOND_USER.accountId}/extension/${SECOND_USER.id}`,
      { headers: { Authorization: `Bearer ${tokens.access_token}` } },
    );
    assertIs(await me(byId), SECOND_USER);
    const ada = await fetch(`${ctx.emu.url}/restapi/v1.0/account/~/extension/${DEMO_USER.id}`, {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    assert.equal(ada.status, 404);
  });

  it('auto-approve signs in the user the console chose (JSON, in-process), Ada until then', async () => {
    let answer = await consoleJson<{ autoApprove: boolean; user: string }>(ctx.emu, 'POST', '/auto-approve', {
      on: true,
    });
    assert.deepEqual(answer, { autoApprove: true, user: DEMO_USER.id });
    assert.equal((await signIn(ctx.emu)).owner_id, DEMO_USER.id);

    answer = await consoleJson(ctx.emu, 'POST', '/auto-approve', { on: true, user: SECOND_USER.id });
    assert.deepEqual(answer, { autoApprove: true, user: SECOND_USER.id });
    const grace = await signIn(ctx.emu);
    assert.equal(grace.owner_id, SECOND_USER.id);
    assertIs(await me(await whoAmI(ctx.emu, grace.access_token)), SECOND_USER);
    const state = await consoleJson<{ autoApproveUser: string }>(ctx.emu, 'GET', '/state');
    assert.equal(state.autoApproveUser, SECOND_USER.id);

    // Turning it off and on again without `user` keeps the choice; the in-process API can change it back.
    await consoleJson(ctx.emu, 'POST', '/auto-approve', { on: false });
    await consoleJson(ctx.emu, 'POST', '/auto-approve', { on: true });
    assert.equal((await signIn(ctx.emu)).owner_id, SECOND_USER.id);
    ctx.emu.setAutoApprove(true, DEMO_USER.id);
    assert.equal((await signIn(ctx.emu)).owner_id, DEMO_USER.id);

    const bad = await consoleCall(ctx.emu, 'POST', '/auto-approve', { on: true, user: '999' });
    assert.equal(bad.status, 400);
    assert.match(((await json(bad)) as { message: string }).message, /No user with id 999/);
    assert.throws(() => ctx.emu.setAutoApprove(true, '999'), /No user with id 999/);
  });

  it('the console renames Ada by default and Grace by id; who-am-I shows the new name', async () => {
    ctx.emu.setAutoApprove(true, SECOND_USER.id);
    const tokens = await signIn(ctx.emu);
    assert.deepEqual(
      await consoleJson(ctx.emu, 'PATCH', '/user', { name: 'Rear Admiral Hopper', id: SECOND_USER.id }),
      {
        id: SECOND_USER.id,
        name: 'Rear Admiral Hopper',
      },
    );
    assert.equal((await me(await whoAmI(ctx.emu, tokens.access_token))).name, 'Rear Admiral Hopper');
    assert.deepEqual(await consoleJson(ctx.emu, 'PATCH', '/user', { name: 'Countess Lovelace' }), {
      id: DEMO_USER.id,
      name: 'Countess Lovelace',
    });
    assert.equal((await consoleCall(ctx.emu, 'PATCH', '/user', { name: 'x', id: 'nobody' })).status, 400);
  });
});
