// Check Redirect URI: the URI this editor sends vs the registered ones, and (optionally) RingCentral's own answer.
import * as vscode from 'vscode';
import { preflightRedirect } from '../../core/oauth/preflight';
import { checkRedirectUri } from '../../core/redirect/checkRedirectUri';
import { RedirectCheckResult } from '../../core/redirect/mismatch';
import { reconcileRedirectAnswers } from '../../core/redirect/redirectReconcile';
import type { AttemptStore } from '../attemptStore';
import type { ClientFactory } from '../ringcentral/clientFactory';
import { currentDiagnosisContext } from '../diagnosis/diagnosisContext';
import { toFlowFailure } from '../diagnosis/errorPresenter';
import type { PreflightSummary } from '../../panel/protocol';
import { resolveRedirectTarget } from './redirectStrategy';
import type { ClientSecrets } from '../secretStore';
import { readSettings } from '../settings';
import { activeApp } from '../profiles/activeApp';
import type { PreflightCache } from '../../core/oauth/preflightCache';

export interface RedirectCheckDeps {
  clients: ClientFactory;
  attempts: AttemptStore;
  secrets: ClientSecrets;
  /** A pre-flight RingCentral accepts is remembered, so the next sign-in skips its own. */
  preflightCache?: PreflightCache;
}

export function registeredFromSettings(): string[] {
  return vscode.workspace.getConfiguration('ringcentral').get<string[]>('redirect.registeredUris', []) ?? [];
}

export async function runRedirectCheck(
  deps: RedirectCheckDeps,
  registered: string[],
  withPreflight: boolean,
): Promise<{ check: RedirectCheckResult; preflight?: PreflightSummary }> {
  const settings = readSettings();
  const target = await resolveRedirectTarget(settings);
  const check = checkRedirectUri({
    sent: target.redirectUri,
    mode: target.mode,
    registered,
    dynamic: target.dynamic,
    loopbackPort: settings.loopbackPort,
    uriScheme: vscode.env.uriScheme,
  });
  const app = activeApp();
  if (!withPreflight || !app.server.ok || !app.clientId) return { check };
  const client = await deps.clients.create({
    server: app.server.url,
    clientId: app.clientId,
    profileId: app.profile?.id,
  });
  const recorder = deps.attempts.start('preflight', { server: app.server.url, clientId: app.clientId });
  const outcome = await preflightRedirect(client, target.redirectUri, recorder, deps.preflightCache);
  recorder.finish(outcome.ok ? 'ok' : 'failed');
  if (outcome.ok) return withReconciliation(check, { ok: true, detail: outcome.detail });
  const failure = toFlowFailure(outcome.error, await currentDiagnosisContext(deps.secrets, 'preflight'), recorder);
  return withReconciliation(check, { ok: false, detail: failure.diagnosis.summary, diagnosis: failure.diagnosis });
}

/** When the pasted list and the pre-flight disagree, the first warning says which to believe. */
function withReconciliation(
  check: RedirectCheckResult,
  preflight: PreflightSummary,
): { check: RedirectCheckResult; preflight: PreflightSummary } {
  const reconciliation = reconcileRedirectAnswers(check, { ok: preflight.ok, code: preflight.diagnosis?.code });
  if (!reconciliation) return { check, preflight };
  return {
    check: { ...check, warnings: [reconciliation, ...check.warnings] },
    preflight: { ...preflight, reconciliation },
  };
}
