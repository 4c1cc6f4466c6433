// Check Redirect URI has two answers: the list of registered URIs the user pasted (or keeps in settings)
// and the pre-flight, where RingCentral itself answers for this client id and redirect URI. When they
// disagree, say which to believe: the pre-flight is RingCentral's own answer; the list is a copy that can
// be out of date or belong to another app.
import type { RedirectCheckResult } from './mismatch';

export interface PreflightAnswer {
  ok: boolean;
  /** RingCentral's code when the pre-flight failed (OAU-109, OAU-113…). */
  code?: string;
}

const REDIRECT_CODES = new Set(['OAU-109', 'OAU-113']);

export function reconcileRedirectAnswers(
  check: RedirectCheckResult,
  preflight: PreflightAnswer | undefined,
): string | undefined {
  if (!preflight || check.comparisons.length === 0) {
    return undefined;
  }
  if (!check.matched && preflight.ok) {
    return `The pasted list says ${check.sent} is not registered, but RingCentral accepted it in the pre-flight. Believe the pre-flight: it is RingCentral's own answer for this app, so the pasted list is probably out of date. Copy the current list from the Developer Console (your app → Settings → Auth) into ringcentral.redirect.registeredUris, or clear it.`;
  }
  if (check.matched && !preflight.ok && preflight.code && REDIRECT_CODES.has(preflight.code)) {
    return `The pasted list contains ${check.sent}, but RingCentral refused it in the pre-flight (${preflight.code}). Believe the pre-flight: it is RingCentral's own answer, so the pasted list is probably out of date or belongs to another app. Check the client id, and register ${check.sent} on the app in the Developer Console.`;
  }
  return undefined;
}
