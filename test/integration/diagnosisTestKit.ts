// Helpers for the diagnosis flow tests (diagnosis*.test.ts): real clients over node-fetch, a browser stand-in for the authorization
// code flow, and small accessors for Diagnosis values. Every failure these helpers lead to is produced by the
// emulator over real HTTP on 127.0.0.1; nothing here writes an error body by hand.
import * as assert from 'node:assert/strict';
import type { AuthorizationCodeFlowPorts } from '../../src/core/oauth/authorizationCodeFlow';
import { parseCallback } from '../../src/core/oauth/callback';
import { diagnose } from '../../src/core/diagnosis/diagnose';
import { failureFromError } from '../../src/core/diagnosis/fromError';
import type { Diagnosis, DiagnosisContext, Failure, FixAction, FlowPhase } from '../../src/core/diagnosis/types';
import type { RedirectMode } from '../../src/core/redirect/redirectUri';
import type { FetchLike, HttpRequestInit } from '../../src/core/ringcentral/http';
import { DeliveryResult, PendingAuthorizations } from '../../src/core/oauth/pendingAuthorizations';
import { RingCentralClient } from '../../src/core/ringcentral/ringcentralClient';
import { nodeFetchAdapter } from '../../src/vscode/ringcentral/httpFetch';
import type { Emulator } from '../../emulator/server';
import { scriptedServerTrust } from '../fakes/serverTrust';

/** What the extension's sign-in service would know when a failure happens. */
export function diagnosisContext(
  emu: Emulator,
  fields: {
    clientId: string;
    redirectMode: RedirectMode;
    redirectUri: string;
    hasClientSecret: boolean;
    phase?: FlowPhase;
  } & DiagnosisContext,
): DiagnosisContext {
  return { server: emu.url, uriScheme: 'vscode', ...fields };
}

export interface SentRequest {
  url: string;
  init: HttpRequestInit;
}

/** A RingCentralClient on node-fetch (the extension's adapter) that also remembers what it sent. */
export function realClient(
  emu: Emulator,
  options: { clientId: string; clientSecret?: string; timeoutMs?: number },
): { client: RingCentralClient; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fetch: FetchLike = (url, init) => {
    sent.push({ url, init });
    return nodeFetchAdapter(url, init);
  };
  const client = new RingCentralClient({
    fetch,
    server: emu.url,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    timeoutMs: options.timeoutMs ?? 5000,
    retries: 0,
    retryPauseMs: 10,
  });
  return { client, sent };
}

/** The form bodies of the token requests a client sent, in order. */
export function tokenForms(sent: readonly SentRequest[]): URLSearchParams[] {
  return sent
    .filter((s) => s.init.method === 'POST' && new URL(s.url).pathname === '/restapi/oauth/token')
    .map((s) => new URLSearchParams(s.init.body ?? ''));
}

/** One hop as a browser's network layer sees it: GET without following the redirect. */
export async function browserGet(url: string): Promise<Response> {
  return fetch(url, { redirect: 'manual', headers: { Accept: 'text/html,application/xhtml+xml' } });
}

export function locationOf(response: Response): string {
  assert.equal(response.status, 302, `expected a redirect, got ${response.status}`);
  const location = response.headers.get('location');
  assert.ok(location, 'redirect without Location');
  return location;
}

/** With auto-approve on: the address the browser lands on after the authorize URL. */
export async function followAuthorize(authorizeUrl: string): Promise<string> {
  return locationOf(await browserGet(authorizeUrl));
}

/** Auto-approve off: follow to the consent page, read its form, submit it as a browser would. */
export async function answerConsent(emu: Emulator, authorizeUrl: string, action: 'approve' | 'deny'): Promise<string> {
  const loginUrl = new URL(locationOf(await browserGet(authorizeUrl)), emu.url);
  assert.equal(loginUrl.pathname, '/restapi/oauth/login');
  const page = await browserGet(loginUrl.toString());
  assert.equal(page.status, 200);
  const html = await page.text();
  const formAction = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
  const reqId = /<input type="hidden" name="req" value="([^"]+)">/.exec(html)?.[1];
  assert.ok(formAction && reqId, 'consent page without its form');
  assert.match(html, new RegExp(`<button type="submit" id="${action}" name="action" value="${action}">`));
  const submitted = await fetch(new URL(formAction, emu.url), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ req: reqId.replace(/&amp;/g, '&'), action }).toString(),
  });
  return locationOf(submitted);
}

type Phase = Parameters<NonNullable<AuthorizationCodeFlowPorts['onPhase']>>[0];

export interface FlowHarness {
  ports: AuthorizationCodeFlowPorts;
  phases: Phase[];
  /** The phase the flow was in last: the one a failure happened in. */
  lastPhase(): Phase | undefined;
  landedOn: string[];
  deliveries: DeliveryResult[];
}

/**
 * Ports for runAuthorizationCodeFlow whose browser follows the authorize URL (auto-approve by default) and
 * hands the landing address to PendingAuthorizations, as the loopback server or the URI handler would.
 */
export function flowHarness(options: {
  client: RingCentralClient;
  redirectUri: string;
  preflight?: boolean;
  land?: (authorizeUrl: string) => Promise<string>;
  /** Runs after the browser landed and before the callback is delivered (a slow user, a paused machine). */
  beforeDeliver?: (landed: string) => void | Promise<void>;
}): FlowHarness {
  const pending = new PendingAuthorizations();
  const phases: Phase[] = [];
  const landedOn: string[] = [];
  const deliveries: DeliveryResult[] = [];
  const land = options.land ?? followAuthorize;
  const ports: AuthorizationCodeFlowPorts = {
    client: options.client,
    serverTrust: scriptedServerTrust().trust, // the emulator is on loopback: never asks
    redirectUri: options.redirectUri,
    clock: Date.now,
    preflight: options.preflight ?? false,
    onPhase: (phase) => phases.push(phase),
    waitForCallback: (state, signal) => pending.wait(state, signal),
    openBrowser: async (authorizeUrl) => {
      const landed = await land(authorizeUrl);
      landedOn.push(landed);
      await options.beforeDeliver?.(landed);
      deliveries.push(pending.deliver(parseCallback(landed)));
    },
  };
  return { ports, phases, lastPhase: () => phases[phases.length - 1], landedOn, deliveries };
}

/** The rejection of a promise that must fail. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => assert.fail(`expected a failure, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

/** failureFromError, which must understand the error, then diagnose. */
export function explain(error: unknown, context: DiagnosisContext): { failure: Failure; diagnosis: Diagnosis } {
  const failure = failureFromError(error);
  assert.ok(failure, `failureFromError did not understand ${String(error)}`);
  return { failure, diagnosis: diagnose(failure, context) };
}

type ActionOf<K extends FixAction['kind']> = Extract<FixAction, { kind: K }>;

/** The action of the first fix of this kind; fails the test when the diagnosis offers none. */
export function actionOf<K extends FixAction['kind']>(diagnosis: Diagnosis, kind: K): ActionOf<K> {
  const fix = diagnosis.fixes.find((candidate) => candidate.action?.kind === kind);
  assert.ok(
    fix?.action,
    `no ${kind} fix; the fixes are ${JSON.stringify(diagnosis.fixes.map((f) => f.action?.kind ?? f.label))}`,
  );
  return fix.action as ActionOf<K>;
}

/** Action kinds of the fixes, in rank order (undefined for fixes without an action). */
export function actionKinds(diagnosis: Diagnosis): Array<FixAction['kind'] | undefined> {
  return diagnosis.fixes.map((fix) => fix.action?.kind);
}
