// Section 3: sign-in and refresh latency over real HTTP against the local emulator, wired the way the extension wires
// the core (see src/vscode/oauth/signInService.ts and test/integration/authorizationCodeFlow.test.ts): pre-flight on, Node's
// global fetch, a trace recorder per attempt, and a "browser" that follows the authorize URL and hands the address it
// lands on to PendingAuthorizations, as the loopback server or URI handler would.
//
// The emulator runs in this process, so each number includes the server's own work on the same event loop and CPU;
// it is a measure of our client-side overhead plus a fast local server, not of RingCentral's latency.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { latencySummary, round } from './stats.mjs';

const require = createRequire(import.meta.url);
const load = (module) => require(`../../out/${module}.js`);

/** Registered on the emulator's demo app; nothing needs to listen there, the browser port only reads the Location. */
const REDIRECT_URI = 'http://127.0.0.1:53134/callback';
const WARMUP = 5;

export async function measureSignIn({ signIns = 50, refreshes = 50 } = {}) {
  const { startEmulator, DEMO_APP } = load('emulator/server');
  const { runAuthorizationCodeFlow } = load('src/core/oauth/authorizationCodeFlow');
  const { RingCentralClient } = load('src/core/ringcentral/ringcentralClient');
  const { PendingAuthorizations } = load('src/core/oauth/pendingAuthorizations');
  const { parseCallback } = load('src/core/oauth/callback');
  const { AttemptRecorder } = load('src/core/trace/trace');
  const { SessionManager } = load('src/core/session/sessionManager');
  const { ServerTrust } = load('src/core/ringcentral/serverTrust');

  const emu = await startEmulator({ rateLimit: false, autoApprove: true });
  try {
    const client = new RingCentralClient({
      fetch: (url, init) => fetch(url, init),
      server: emu.url,
      clientId: DEMO_APP.clientId,
      timeoutMs: 10_000,
      retries: 0,
    });
    const pending = new PendingAuthorizations();
    const newRecorder = (kind) => new AttemptRecorder(kind, Date.now, { server: emu.url, clientId: DEMO_APP.clientId });

    /** A browser's network layer: GET the authorize URL without following, land on the Location (auto-approve). */
    async function openBrowser(authorizeUrl) {
      const response = await fetch(authorizeUrl, {
        redirect: 'manual',
        headers: { Accept: 'text/html,application/xhtml+xml' },
      });
      await response.arrayBuffer(); // drain, so the keep-alive socket is reused
      const location = response.headers.get('location');
      if (response.status !== 302 || !location)
        throw new Error(`authorize answered ${response.status} without a redirect`);
      const delivery = pending.deliver(parseCallback(location));
      if (delivery !== 'accepted') throw new Error(`callback not accepted: ${delivery}`);
    }

    /** One sign-in; returns total ms, per-phase ms and the tokens. */
    async function signIn() {
      const marks = {};
      const recorder = newRecorder('signIn');
      const start = performance.now();
      const result = await runAuthorizationCodeFlow(
        {
          client,
          // The emulator is on loopback: trusted by rule, so this never asks.
          serverTrust: new ServerTrust({
            memory: { has: () => false, add: async () => undefined },
            confirm: async () => false,
          }),
          redirectUri: REDIRECT_URI,
          clock: Date.now,
          recorder,
          preflight: true,
          onPhase: (phase) => (marks[phase] = performance.now()),
          waitForCallback: (state, signal) => pending.wait(state, signal),
          openBrowser,
        },
        AbortSignal.timeout(10_000), // a hung request fails the bench instead of stalling it
      );
      const end = performance.now();
      recorder.finish('ok');
      return {
        totalMs: end - start,
        phases: {
          preflight: marks.authorize - marks.preflight,
          browser: marks.callback - marks.authorize,
          token: end - marks.token,
        },
        tokens: result.tokens,
      };
    }

    // The first sign-in is reported apart: it pays for connection set-up and cold (unoptimised) code.
    const cold = await signIn();
    for (let i = 0; i < WARMUP; i++) await signIn();
    const runs = [];
    for (let i = 0; i < signIns; i++) runs.push(await signIn());

    // Refresh through SessionManager, as the extension's timer does: single-flight, rotation persisted before use.
    // The persistence port serialises like SecretSessionPersistence, without the OS keychain.
    // One JSON string per session, like SecretStorage; the port is SessionPersistence (src/core/session/sessionPorts.ts).
    const stored = new Map();
    const manager = new SessionManager({
      persistence: {
        readAll: async () => [...stored.values()].map((json) => JSON.parse(json)),
        read: async (id) => (stored.has(id) ? JSON.parse(stored.get(id)) : undefined),
        put: async (session) => void stored.set(session.id, JSON.stringify(session)),
        remove: async (id) => void stored.delete(id),
      },
      clientFor: async () => client,
      clock: Date.now,
      startAttempt: (kind) => newRecorder(kind),
      endAttempt: (recorder, error) => recorder?.finish(error ? 'failed' : 'ok'),
    });
    const { tokens } = runs[runs.length - 1];
    const session = await manager.add({
      server: emu.url,
      clientId: DEMO_APP.clientId,
      account: { id: tokens.ownerId, label: 'Benchmark user', profileKnown: true },
      tokens,
      grant: 'authorization_code',
      redirectMode: 'loopback',
      createdAt: Date.now(),
    });
    for (let i = 0; i < WARMUP; i++) await manager.refresh(session.id);
    const refreshMs = [];
    for (let i = 0; i < refreshes; i++) {
      const start = performance.now();
      await manager.refresh(session.id);
      refreshMs.push(performance.now() - start);
    }

    const phase = (name) => latencySummary(runs.map((run) => run.phases[name])).p50;
    return {
      signIn: { ...latencySummary(runs.map((run) => run.totalMs)), coldMs: round(cold.totalMs), warmup: WARMUP },
      signInPhasesP50: { preflight: phase('preflight'), browser: phase('browser'), token: phase('token') },
      refresh: { ...latencySummary(refreshMs), warmup: WARMUP },
      emulatorRequests: emu.requests.length,
    };
  } finally {
    await emu.close();
  }
}
