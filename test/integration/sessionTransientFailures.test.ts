// SessionManager against the emulator: a transient failure (5xx, hang, malformed JSON, HTML page, dropped
// connection) keeps the session and its stored tokens.
import * as assert from 'node:assert/strict';
import { useEmulator } from '../../emulator/test/emulatorTestUtils';
import { RingCentralApiError, TransportError } from '../../src/core/errors';

import { rejection, sessionManagerKit } from './sessionManagerKit';

describe('SessionManager against the emulator: transient failures', () => {
  const ctx = useEmulator({ rateLimit: false, autoApprove: true });
  const { setup, signIn } = sessionManagerKit(ctx);

  describe('a transient failure keeps the session', () => {
    it('5xx: refreshError is set and persisted, tokens unchanged; the next refresh clears it', async () => {
      const { manager, persistence, events, now } = setup();
      const session = await signIn(manager, now);
      events.length = 0;
      ctx.emu.setFault({ kind: '5xx', endpoint: 'token' });
      const error = await rejection(manager.refresh(session.id));
      assert.ok(error instanceof RingCentralApiError, String(error));
      assert.equal(error.info.status, 503);
      const kept = manager.get(session.id);
      assert.equal(kept?.tokens.refreshToken, session.tokens.refreshToken);
      assert.match(kept?.refreshError ?? '', /HTTP 503/);
      assert.equal(persistence.stored()[0].refreshError, kept?.refreshError);
      assert.deepEqual(
        events.map((event) => event.type),
        ['changed'],
      );

      ctx.emu.setFault(null);
      const refreshed = await manager.refresh(session.id);
      assert.equal(refreshed.refreshError, undefined);
      assert.equal(persistence.stored()[0].refreshError, undefined);
      assert.notEqual(refreshed.tokens.refreshToken, session.tokens.refreshToken);
    });

    it('a dropped connection: TransportError RESET, session kept, its refresh token still good', async () => {
      const { manager, now } = setup();
      const session = await signIn(manager, now);
      ctx.emu.setFault({ kind: 'drop', endpoint: 'token', remaining: 1 });
      const error = await rejection(manager.refresh(session.id));
      assert.ok(error instanceof TransportError, String(error));
      assert.equal(error.code, 'RESET');
      assert.equal(manager.list().length, 1);
      assert.match(manager.get(session.id)?.refreshError ?? '', /failed/);
      const refreshed = await manager.refresh(session.id);
      assert.equal(refreshed.refreshError, undefined);
    });

    // The fault-matrix rows the client tests cover one level down: here the session and its stored tokens survive.
    for (const [kind, expected] of [
      ['hang', (error: unknown) => error instanceof TransportError && error.code === 'TIMEOUT'],
      ['malformedJson', (error: unknown) => error instanceof Error && /JSON|unexpected|parse/i.test(error.message)],
      ['htmlError', (error: unknown) => error instanceof Error && /HTML|text\/html|unexpected/i.test(error.message)],
    ] as const) {
      it(`${kind} on refresh: a clear error, the stored tokens unchanged, the next refresh works`, async function () {
        this.timeout(10_000);
        const { manager, persistence, now } = setup();
        const session = await signIn(manager, now);
        ctx.emu.setFault({ kind, endpoint: 'token', remaining: 1 });
        const error = await rejection(manager.refresh(session.id));
        assert.ok(expected(error), `${kind}: ${String(error)}`);
        assert.equal(persistence.stored()[0].tokens.refreshToken, session.tokens.refreshToken);
        assert.equal(manager.get(session.id)?.tokens.accessToken, session.tokens.accessToken);
        assert.ok(manager.get(session.id)?.refreshError, 'the failure is on the session for the status bar');
        const refreshed = await manager.refresh(session.id);
        assert.notEqual(refreshed.tokens.refreshToken, session.tokens.refreshToken);
      });
    }

    it('refreshDue swallows failures (they are on the session), never throws at the timer', async () => {
      const { manager, now, setNow } = setup();
      const session = await signIn(manager, now);
      setNow(session.tokens.accessExpiresAt);
      ctx.emu.setFault({ kind: 'drop', endpoint: 'token' });
      await manager.refreshDue();
      assert.match(manager.get(session.id)?.refreshError ?? '', /failed/);
    });
  });
});
