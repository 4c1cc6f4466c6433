// Checks the redirect URI this editor sends against every URI registered on the app: which matches or is
// closest, what to warn about, and (through chooseFix) the one most useful next step.
import { chooseFix } from './chooseFix';
import { compareRedirectUris } from './compareUris';
import {
  CheckRedirectUriInput,
  MAX_COMPARED_REGISTERED,
  MAX_REGISTERED_REDIRECT_URIS,
  MismatchKind,
  RedirectCheckResult,
  RegisteredComparison,
} from './mismatch';
import { DEFAULT_LOOPBACK_PORT, isDynamicRedirectUri } from './redirectUri';
import { show, trimInvisible } from './uriText';

/** How far apart two URIs are for each kind of difference (for picking the closest registered URI). */
const DISTANCE: Readonly<Record<MismatchKind, number>> = {
  'exact-match': 0,
  whitespace: 1,
  'trailing-slash': 2,
  'letter-case': 2,
  'percent-encoding': 2,
  'editor-scheme': 3,
  query: 3,
  fragment: 3,
  userinfo: 3,
  wildcard: 3,
  'http-vs-https': 4,
  'loopback-host': 4,
  port: 4,
  'missing-port': 4,
  path: 5,
  host: 8,
  scheme: 10,
  'dynamic-host': 50,
  'not-a-url': 100,
};

function distance(comparison: RegisteredComparison, sent: string): number {
  if (comparison.matches) return 0;
  const kinds = comparison.differences.reduce((sum, d) => sum + DISTANCE[d.kind], 0);
  return kinds * 1000 + Math.min(999, editDistance(sent, comparison.registered));
}

function editDistance(a: string, b: string): number {
  if (a.length > 400 || b.length > 400) return Math.abs(a.length - b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Checks the URI this editor sends against every registered URI and picks the single most useful fix.
 */
export function checkRedirectUri(input: CheckRedirectUriInput): RedirectCheckResult {
  const { sent, mode } = input;
  const listed = input.registered;
  const registered = listed.slice(0, MAX_COMPARED_REGISTERED);
  const loopbackPort = input.loopbackPort ?? DEFAULT_LOOPBACK_PORT;
  const dynamic = input.dynamic ?? isDynamicRedirectUri(sent);
  const comparisons = registered.map((uri) => compareRedirectUris(sent, uri, { dynamic }));
  const matchIndex = registered.findIndex((uri) => uri === sent);
  const matched = matchIndex >= 0;

  let closest: number | undefined;
  if (matched) {
    closest = matchIndex;
  } else if (comparisons.length > 0) {
    let best = Infinity;
    comparisons.forEach((comparison, index) => {
      const d = distance(comparison, sent);
      if (d < best) {
        best = d;
        closest = index;
      }
    });
  }

  const warnings: string[] = [];
  if (registered.length === 0) {
    warnings.push(
      dynamic
        ? 'No redirect URI is registered on the app. Register one in the Developer Console (app → Settings → OAuth Redirect URI) and use the loopback or paste mode.'
        : `No redirect URI is registered on the app. Add ${show(sent)} in the Developer Console (app → Settings → OAuth Redirect URI).`,
    );
  }
  if (listed.length > MAX_COMPARED_REGISTERED) {
    warnings.push(
      `${listed.length} registered entries are listed; only the first ${MAX_COMPARED_REGISTERED} are compared. RingCentral allows ${MAX_REGISTERED_REDIRECT_URIS}: paste the app's own list again.`,
    );
  } else if (registered.length > MAX_REGISTERED_REDIRECT_URIS) {
    warnings.push(
      `${registered.length} redirect URIs are listed, but RingCentral allows at most ${MAX_REGISTERED_REDIRECT_URIS} per app: remove the ones you no longer use.`,
    );
  }
  const counts = new Map<string, number>();
  for (const uri of registered) {
    const key = trimInvisible(uri);
    if (key.length > 0) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [uri, count] of counts) {
    if (count > 1) warnings.push(`${show(uri)} is listed ${count} times; one entry is enough.`);
  }
  if (dynamic) {
    warnings.push(
      `The editor sends ${show(sent)}, a per-session address from a web or remote host: it changes from session to session, ` +
        `so it cannot be registered for good${matched ? ' (it matches now, but will stop matching)' : ''}. ` +
        'Use the loopback or paste redirect mode instead.',
    );
  }

  const fix = chooseFix({ ...input, registered, loopbackPort, dynamic, matched, comparisons, closest });
  return { sent, mode, matched, comparisons, closest, fix, warnings };
}
