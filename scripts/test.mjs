// `npm test`: the house-rule checks (lint), then every layer, offline, with the set-up a fresh machine lacks. Prints a
// count per layer and a closing "N passed, N failed" line. RC_TEST_LAYERS=unit,integration,… runs a subset of the
// layers; the checks run every time (a few seconds).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const LAYERS = ['unit', 'integration', 'browser', 'extension-host', 'e2e'];
const wanted = (process.env.RC_TEST_LAYERS ?? LAYERS.join(',')).split(',').map((layer) => layer.trim());
const needsVsCode = wanted.some((layer) => ['browser', 'extension-host', 'e2e'].includes(layer));

const results = [];

/** The closing lines: a count per layer (and the lint checks), then the totals; exits 1 on any failure. */
function summarizeAndExit() {
  console.log('\nTest counts per layer:');
  for (const result of results) {
    console.log(
      `  ${result.layer.padEnd(15)} ${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ''}`,
    );
  }
  for (const result of results.filter((layer) => layer.secretScan)) console.log(`  ${result.secretScan}`);
  const total = results.reduce(
    (sum, result) => ({
      passed: sum.passed + result.passed,
      failed: sum.failed + result.failed,
      skipped: sum.skipped + result.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  process.exit(total.failed > 0 ? 1 : 0);
}

/** A set-up step: if it fails, no layer can run, so the run stops here with the failure counted. */
function step(title, command, args, options = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit ${result.status})`);
    results.push({ layer: title.split(' ')[0].toLowerCase(), passed: 0, failed: 1, skipped: 0 });
    summarizeAndExit();
  }
}

/** Runs a test command, echoing its output, and reads its counts (mocha's "N passing" or our "N passed, N failed"). */
function runLayer(layer, command, args) {
  return new Promise((resolve) => {
    console.log(`\n▶ ${layer} tests`);
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const echo = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('close', (code) => {
      const count = (pattern) => Number(output.match(pattern)?.[1] ?? 0);
      let passed = count(/(\d+) passing/);
      let failed = count(/(\d+) failing/);
      let skipped = count(/(\d+) pending/);
      const plain = output.match(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/m);
      if (plain) {
        passed = Number(plain[1]);
        failed = Number(plain[2]);
        skipped = Number(plain[3] ?? 0);
      }
      if (code !== 0 && failed === 0) failed = 1; // crashed before reporting
      const secretScan = output.match(/^secret scan \(.*$/m)?.[0];
      resolve({ layer, passed, failed, skipped, secretScan });
    });
  });
}

/**
 * The house rules as checks (the same three as `npm run lint`): import boundaries and the rest of eslint.config.mjs,
 * Prettier's formatting, and the 400-line limit. Each failed check counts as one failure in the summary; the test
 * layers still run, so one run shows everything that is wrong.
 */
function lint() {
  const checks = [
    ['ESLint (import boundaries, typescript-eslint recommended)', ['node_modules/eslint/bin/eslint.js', '.']],
    ['Prettier (formatting)', ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.']],
    ['File size (400 lines at most)', ['scripts/check-file-size.mjs']],
  ];
  console.log('\n▶ Lint');
  let passed = 0;
  let failed = 0;
  for (const [title, args] of checks) {
    const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (result.status === 0) {
      passed += 1;
      console.log(`  ✔ ${title}`);
    } else {
      failed += 1;
      console.error(`  ✖ ${title} failed (exit ${result.status})`);
    }
  }
  return { layer: 'lint', passed, failed, skipped: 0 };
}

results.push(lint());

if (needsVsCode && process.env.RC_VSCODE_HOST !== 'electron') {
  step('Offline VS Code (Chromium, Node 24, code-server)', process.execPath, ['scripts/install-offline-vscode.mjs']);
}
if (wanted.includes('integration')) {
  // The export tests run generated code with PHP, Python (requests), bash + curl + openssl, and parse C# with mcs.
  step('Export tools (php-cli, php-curl, python3-requests, mono-mcs, curl, openssl)', process.execPath, [
    'scripts/install-offline-vscode.mjs',
    '--export-tools',
  ]);
}
// A clean out/: a file that moved would otherwise leave its old compiled copy behind for mocha's globs to run.
rmSync('out', { recursive: true, force: true });
step('Compile (tsc)', process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']);
step('Type-check the panel app (tsc, DOM)', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'src/panel']);
step('Bundle (esbuild)', process.execPath, ['scripts/build.mjs']);
if (wanted.includes('e2e')) {
  step('Package VSIX', process.execPath, ['scripts/package.mjs', 'test-results/ringcentral-oauth-test.vsix']);
  step('Bundle again for the extension-host tests (with source maps)', process.execPath, ['scripts/build.mjs']);
}

const mocha = 'node_modules/mocha/bin/mocha.js';
// Where each layer's compiled tests are is said once: in its .mocharc.<layer>.json, or in package.json's
// test:extension-host script (that layer runs VS Code, not mocha, from the outside).
const mochaLayer = (layer) => [process.execPath, [mocha, '--config', `.mocharc.${layer}.json`]];
const plan = {
  unit: mochaLayer('unit'),
  integration: mochaLayer('integration'),
  browser: mochaLayer('browser'),
  'extension-host': ['npm', ['run', '--silent', 'test:extension-host']],
  e2e: mochaLayer('e2e'),
};
/** The folder a mocha layer's spec glob starts in: a checkout without it (no browser tests) skips the layer. */
const specFolder = (layer) =>
  [JSON.parse(readFileSync(`.mocharc.${layer}.json`, 'utf8')).spec].flat()[0].split('/**')[0];

for (const layer of LAYERS.filter((name) => wanted.includes(name))) {
  const [command, args] = plan[layer];
  if (layer === 'browser' && !existsSync(specFolder('browser'))) continue;
  results.push(await runLayer(layer, command, args));
}

summarizeAndExit();
