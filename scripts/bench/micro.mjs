// Sections 4–6: the pure functions behind "Explain Error…", "Check Permissions" and "Check Redirect URI", timed
// in-process on the compiled core (out/). These run on error paths and on each keystroke of a quick pick, so the
// numbers to watch are µs per call, and for permissions the one-off index build on first use.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { curlTranscript, failureMix, permissionLookups, REDIRECT_SENT, REGISTERED_NEAR_MISSES } from './fixtures.mjs';
import { microbench, round } from './stats.mjs';

const require = createRequire(import.meta.url);
const load = (module) => require(`../../out/src/core/${module}.js`);

/**
 * Must run before anything else in this process loads permissions.js: the route index is built on the first lookup
 * and cached in the module, and that first lookup is what a user waits for when opening "Check Permissions".
 */
export function measurePermissions(lookupCount = 10_000) {
  const moduleStart = performance.now();
  const { findPermissionRequirement } = load('permissions/permissions');
  const { PERMISSION_TABLE } = load('generated/permissionTable');
  const moduleLoadMs = performance.now() - moduleStart;

  const lookups = permissionLookups(PERMISSION_TABLE);
  const firstStart = performance.now();
  findPermissionRequirement(lookups[0][0], lookups[0][1]);
  const firstCallMs = performance.now() - firstStart;

  const hits = lookups.filter(([method, path]) => findPermissionRequirement(method, path) !== undefined).length;
  const bench = microbench((i) => findPermissionRequirement(...lookups[i % lookups.length]), { calls: lookupCount });
  return {
    operations: PERMISSION_TABLE.length,
    moduleLoadMs: round(moduleLoadMs),
    firstCallMs: round(firstCallMs),
    distinctLookups: lookups.length,
    hitRate: round(hits / lookups.length, 3),
    ...bench,
  };
}

export function measureKnowledgeBase({ diagnoseCalls = 20_000, parseCalls = 5_000 } = {}) {
  const { diagnose } = load('diagnosis/diagnose');
  const { parseFailureText } = load('diagnosis/parseFailureText');
  const { parseErrorBody } = load('ringcentral/ringcentralError');

  const mix = failureMix(parseErrorBody);
  // Which entries the mix reaches: a change that sends these inputs to the fallback entry shows up here, not as a
  // mysterious speed-up.
  const ids = {};
  for (const { failure, context } of mix) {
    const { id } = diagnose(failure, context);
    ids[id] = (ids[id] ?? 0) + 1;
  }
  const diagnoseBench = microbench(
    (i) => {
      const { failure, context } = mix[i % mix.length];
      return diagnose(failure, context);
    },
    { calls: diagnoseCalls },
  );

  const transcript = curlTranscript();
  const parsed = parseFailureText(transcript);
  const parseBench = microbench(() => parseFailureText(transcript), { calls: parseCalls });

  return {
    diagnose: { failures: mix.length, ids, ...diagnoseBench },
    parseFailureText: {
      inputBytes: Buffer.byteLength(transcript),
      parsedAs: parsed?.kind === 'api' ? parsed.info.code : parsed?.kind,
      ...parseBench,
    },
  };
}

export function measureRedirectCheck(calls = 10_000) {
  const { checkRedirectUri } = load('redirect/checkRedirectUri');
  const mismatch = { sent: REDIRECT_SENT, mode: 'uriHandler', uriScheme: 'vscode', registered: REGISTERED_NEAR_MISSES };
  // Same list with the right URI last: a match still compares all ten (every comparison is shown to the user).
  const matched = { ...mismatch, registered: [...REGISTERED_NEAR_MISSES.slice(0, 9), REDIRECT_SENT] };
  const result = checkRedirectUri(mismatch);
  return {
    registered: mismatch.registered.length,
    closest: result.closest === undefined ? undefined : mismatch.registered[result.closest],
    fix: result.fix.kind,
    mismatch: microbench(() => checkRedirectUri(mismatch), { calls }),
    matched: microbench(() => checkRedirectUri(matched), { calls }),
  };
}
