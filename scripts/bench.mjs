// `npm run bench`: numbers to compare between commits, never pass/fail. Package size, module load time of the bundle,
// sign-in and refresh latency over HTTP against the local emulator, and the speed of the knowledge base, permission
// lookup and redirect-URI check. Prints a table, then one `BENCH {...}` JSON line, and writes test-results/bench.json.
// Offline; about a minute on a 2-core machine. Progress goes to stderr so stdout is only the report.
//
// Leaves dist/ holding the production bundle (as `npm run package` does); `npm run build` restores the dev bundle.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { measureLoad } from './bench/loadTime.mjs';
import { measureKnowledgeBase, measurePermissions, measureRedirectCheck } from './bench/micro.mjs';
import { measurePackage, VSIX } from './bench/packageSize.mjs';
import { measureSignIn } from './bench/signIn.mjs';
import { kib, round } from './bench/stats.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const started = performance.now();
const progress = (message) => process.stderr.write(`▶ ${message}\n`);

// ---------------------------------------------------------------------------------------------------------------
// Set-up

/** .ts files under a directory, recursively. */
function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory()
      ? tsFiles(path)
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')
        ? [path]
        : [];
  });
}

/** Sources under src/ and emulator/ whose compiled .js in out/ is missing or older than the .ts. */
function staleOutputs() {
  return [...tsFiles('src'), ...tsFiles('emulator')].filter((ts) => {
    const js = join('out', ts.replace(/\.ts$/, '.js'));
    return !existsSync(js) || statSync(js).mtimeMs < statSync(ts).mtimeMs;
  });
}

/**
 * Sections 3–6 run the tsc output in out/. Compile when any source they use has no output or a newer mtime than it,
 * so a stale out/ never gets benchmarked by mistake. tsc emits even when it reports type errors (noEmitOnError is
 * off); an unused import in some test must not stop the bench, so errors are shown and the run goes on as long as
 * every output is fresh.
 */
function ensureCompiled() {
  if (staleOutputs().length === 0) return;
  progress('compiling (out/ is missing or older than the sources)');
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    const stale = staleOutputs();
    if (stale.length > 0)
      throw new Error(`tsc -p . failed and left out/ stale for: ${stale.join(', ')}`, { cause: error });
    progress('tsc reported the errors above but emitted every file; benchmarking the emitted JavaScript');
  }
}

function git(args) {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** What the numbers were measured on: they only compare across runs on similar machines and Node versions. */
function environment() {
  const cpus = os.cpus();
  const commit = git(['rev-parse', '--short', 'HEAD']);
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryBytes: os.totalmem(),
    loadAverage1m: round(os.loadavg()[0]),
    commit: commit && (git(['status', '--porcelain']) ? `${commit}+uncommitted` : commit),
    date: new Date().toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Report

const MIB = 1024 * 1024;
const ms = (value) => `${value.toFixed(2)} ms`;
const us = (value) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} µs/call`;
const triple = (s) => `${s.p50.toFixed(2)} / ${s.p95.toFixed(2)} / ${s.max.toFixed(2)} ms`;

function printReport(r) {
  const rows = [];
  const head = (title) => rows.push([title, '']);
  const row = (label, value) => rows.push([`  ${label}`, value]);
  const { environment: env, package: pkg, load, signIn, knowledgeBase: kb, permissions: perm, redirect } = r;

  head('Package');
  row(
    'dist/extension.js (production, minified)',
    `${kib(pkg.bundleBytes)} (${pkg.bundleBytes} B), built in ${pkg.buildMs} ms`,
  );
  row('dist/knowledge.js (loaded on first use)', `${kib(pkg.knowledgeBytes)} (${pkg.knowledgeBytes} B)`);
  row(
    `VSIX ${VSIX}`,
    `${kib(pkg.vsixBytes)} (${pkg.vsixBytes} B), ${pkg.vsixFiles} files, ${kib(pkg.vsixUncompressedBytes)} unpacked`,
  );
  row(
    'bundle inside the VSIX (deflated)',
    pkg.bundleInVsixCompressedBytes === undefined ? 'not found' : kib(pkg.bundleInVsixCompressedBytes),
  );
  row(
    `top bundle contributors (of ${pkg.bundleInputs} inputs)`,
    pkg.metafileMatchesBundle ? '' : '(metafile size ≠ dist: build options drifted)',
  );
  for (const { file, bytes, share } of pkg.topContributors)
    row(`  ${file}`, `${kib(bytes).padStart(9)}  ${(share * 100).toFixed(1).padStart(4)}%`);

  head(`Module load (require dist/extension.js, vscode stubbed, ${load.runs} fresh processes)`);
  row('median / min / max', `${ms(load.medianMs)} / ${ms(load.minMs)} / ${ms(load.maxMs)}`);
  row(
    'process RSS after load (median)',
    `${(load.rssAfterBytes / MIB).toFixed(1)} MiB (+${(load.rssDeltaBytes / MIB).toFixed(1)} MiB over bare Node)`,
  );
  if (load.reference) {
    const ref = load.reference;
    row(
      "GitHub Authentication (code-server's), same stub, alternating",
      `${ms(ref.medianMs)} / ${ms(ref.minMs)} / ${ms(ref.maxMs)}`,
    );
    row(
      'module load vs GitHub Authentication (medians)',
      `${ms(load.medianMs)} vs ${ms(ref.medianMs)} (${load.ratio.toFixed(2)}×)`,
    );
  } else {
    row('GitHub Authentication', 'not measured: code-server is not installed (npm run setup)');
  }

  head(
    `Sign-in over HTTP (emulator in-process, pre-flight on, ${signIn.signIn.n} runs after ${signIn.signIn.warmup} warm-up)`,
  );
  row('sign-in p50 / p95 / max', triple(signIn.signIn));
  row('first (cold) sign-in', ms(signIn.signIn.coldMs));
  row(
    'phases p50: pre-flight / browser / token',
    `${signIn.signInPhasesP50.preflight.toFixed(2)} / ${signIn.signInPhasesP50.browser.toFixed(2)} / ${signIn.signInPhasesP50.token.toFixed(2)} ms`,
  );
  row(`refresh p50 / p95 / max (SessionManager, ${signIn.refresh.n} runs)`, triple(signIn.refresh));

  head('Knowledge base (median of 5 batches)');
  row(`diagnose(), ${kb.diagnose.failures} failures, ${kb.diagnose.calls} calls`, us(kb.diagnose.usPerCall));
  row(
    `parseFailureText(), ${(kb.parseFailureText.inputBytes / 1024).toFixed(1)} KiB curl -v → ${kb.parseFailureText.parsedAs}`,
    us(kb.parseFailureText.usPerCall),
  );

  head(`Permissions (${perm.operations} operations)`);
  row('module load / first lookup (builds the index)', `${ms(perm.moduleLoadMs)} / ${ms(perm.firstCallMs)}`);
  row(
    `lookup, ${perm.distinctLookups} varied paths (${Math.round(perm.hitRate * 100)}% hits), ${perm.calls} calls`,
    us(perm.usPerCall),
  );

  head(`Redirect URI check (${redirect.registered} registered)`);
  row('no match', `${us(redirect.mismatch.usPerCall)} (closest: ${redirect.closest})`);
  row('match (the last of the ten)', us(redirect.matched.usPerCall));

  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  console.log('RingCentral OAuth Toolkit — benchmark');
  console.log(
    `Node ${env.node} · ${env.platform} · ${env.cpus} × ${env.cpuModel} · ${(env.memoryBytes / 1024 ** 3).toFixed(1)} GiB · load ${env.loadAverage1m} · ${env.commit ?? 'no git'}`,
  );
  console.log('');
  for (const [label, value] of rows) console.log(value ? `${label.padEnd(width)}${value}` : label);
  console.log('');
  console.log(`Total ${(r.totalMs / 1000).toFixed(1)} s`);
}

// ---------------------------------------------------------------------------------------------------------------
// Run: sections in this order on purpose. Permissions comes first among the in-process sections so its first lookup
// is really the first (the index is cached in the module); sign-in comes last so its sockets and the emulator are
// not alive while the micro-benchmarks run.

ensureCompiled();
const results = { environment: environment() };

progress('package size: production build, VSIX, esbuild metafile');
results.package = await measurePackage();

progress('module load: 15 fresh Node processes each, this bundle and GitHub Authentication');
results.load = measureLoad('dist/extension.js', 15);

progress('permissions');
results.permissions = measurePermissions(10_000);

progress('knowledge base');
results.knowledgeBase = measureKnowledgeBase({ diagnoseCalls: 20_000, parseCalls: 5_000 });

progress('redirect URI check');
results.redirect = measureRedirectCheck(10_000);

progress('sign-in and refresh against the emulator');
results.signIn = await measureSignIn({ signIns: 50, refreshes: 50 });

results.totalMs = Math.round(performance.now() - started);
printReport(results);
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/bench.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(`BENCH ${JSON.stringify(results)}`);
