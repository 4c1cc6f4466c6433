// The set-up shared by the SessionManager integration tests: real clients against the emulator over HTTP; only
// persistence (SecretStorage in the extension) is an in-memory stand-in.
import * as assert from 'node:assert/strict';
import { RingCentralClient, TOKEN_PATH } from '../../src/core/ringcentral/ringcentralClient';
import type { StoredSession } from '../../src/core/session/session';
import { SessionManager } from '../../src/core/session/sessionManager';
import { toTokenSet } from '../../src/core/oauth/tokenSet';
import { AttemptRecorder } from '../../src/core/trace/trace';
import { whoAmI } from '../../src/core/ringcentral/whoAmI';
import { nodeFetchAdapter } from '../../src/vscode/ringcentral/httpFetch';
import { DEMO_APP, Emulator } from '../../emulator/server';
import { defaultAuthorizeParams, getCode, LOOPBACK_REDIRECT, pkce } from '../../emulator/test/emulatorTestUtils';
import { MemoryPersistence } from '../fakes/memoryPersistence';
import type { SessionChange } from '../../src/core/session/sessionPorts';

export function refreshRequests(emu: Emulator) {
  return emu.requests.filter((request) => request.path === TOKEN_PATH && request.form?.grant_type === 'refresh_token');
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => assert.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

/** clientFor, setup and signIn bound to the suite's emulator (read when called, after it started). */
export function sessionManagerKit(ctx: { readonly emu: Emulator }) {
  function clientFor(session: Pick<StoredSession, 'server' | 'clientId'>): RingCentralClient {
    return new RingCentralClient({
      fetch: nodeFetchAdapter,
      server: session.server,
      clientId: session.clientId,
      timeoutMs: 2000,
      retries: 0,
    });
  }

  function setup() {
    let now = Date.now();
    const persistence = new MemoryPersistence();
    const recorders: AttemptRecorder[] = [];
    const ended: Array<{ recorder?: AttemptRecorder; error?: unknown }> = [];
    const manager = new SessionManager({
      persistence,
      clientFor: async (session) => clientFor(session),
      clock: () => now,
      // The monotonic clock follows the test clock: jumps of the fake wall clock are time passing, not a clock step.
      monotonic: () => now,
      startAttempt: (kind, session) => {
        const recorder = new AttemptRecorder(kind, () => now, { server: session.server, clientId: session.clientId });
        recorders.push(recorder);
        return recorder;
      },
      endAttempt: (recorder, error) => ended.push({ recorder, error }),
    });
    const events: SessionChange[] = [];
    manager.onDidChange((event) => events.push(event));
    return {
      manager,
      persistence,
      events,
      recorders,
      ended,
      now: () => now,
      setNow: (value: number) => (now = value),
    };
  }

  /** A real sign-in (authorization code + PKCE), who-am-I, and add() — what the sign-in service does. */
  async function signIn(
    manager: SessionManager,
    clock: () => number,
    clientId = DEMO_APP.clientId,
  ): Promise<StoredSession> {
    const client = clientFor({ server: ctx.emu.url, clientId });
    const pair = pkce();
    const code = await getCode(ctx.emu, defaultAuthorizeParams(pair, { client_id: clientId }));
    const issuedAt = clock();
    const tokens = toTokenSet(
      await client.exchangeCode({ code, redirectUri: LOOPBACK_REDIRECT, codeVerifier: pair.verifier }),
      issuedAt,
    );
    const { account } = await whoAmI(client, tokens);
    return manager.add({
      server: ctx.emu.url,
      clientId,
      account,
      tokens,
      grant: 'authorization_code',
      redirectMode: 'loopback',
      createdAt: issuedAt,
    });
  }

  /** Two windows: two managers over one SecretStorage. */

  return { clientFor, setup, signIn };
}
