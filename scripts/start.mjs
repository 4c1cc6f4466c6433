// `npm start`: a real VS Code with this extension, pointed at the bundled RingCentral emulator and its demo app
// (or at your own app when RINGCENTRAL_CLIENT_ID is set). Desktop VS Code (`code` on PATH) when there is one,
// otherwise code-server from the npm registry, opened in your browser.
//   RINGCENTRAL_CLIENT_ID=… [RINGCENTRAL_SERVER=https://platform.ringcentral.com] npm start   → your own app
//   RC_START_HOST=code-server npm start                                                       → force code-server
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
const hasCode = spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
const host = process.env.RC_START_HOST ?? (hasCode ? 'desktop' : 'code-server');
const ownApp = process.env.RINGCENTRAL_CLIENT_ID;

if (host === 'code-server') run(process.execPath, ['scripts/install-offline-vscode.mjs']);
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']);
run(process.execPath, ['scripts/build.mjs']);

const children = [];
const stopAll = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

/** Starts the emulator with the demo app and resolves with its URL. */
function startEmulator() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['out/emulator/cli.js', '--port', process.env.RC_EMULATOR_PORT ?? '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    child.stdout.once('data', (line) => resolve(JSON.parse(String(line))));
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
  });
}

const app = ownApp
  ? { url: process.env.RINGCENTRAL_SERVER ?? 'https://platform.ringcentral.com', clientId: ownApp }
  : await startEmulator();

const workspace = path.join(root, 'test-results', 'demo-workspace');
fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
fs.writeFileSync(
  path.join(workspace, '.vscode', 'settings.json'),
  JSON.stringify(
    {
      'ringcentral.server': app.url,
      'ringcentral.clientId': app.clientId,
      // The demo app registers the URI-handler URIs of desktop editors and http://127.0.0.1:53134/callback.
      // A browser-hosted VS Code makes a new callback URI per session, so it uses the loopback redirect.
      'ringcentral.redirect.mode': host === 'desktop' ? 'uriHandler' : 'loopback',
    },
    null,
    2,
  ),
);
fs.writeFileSync(
  path.join(workspace, 'README.md'),
  `# RingCentral OAuth Toolkit — demo workspace\n\nRun **RingCentral: Sign In** from the command palette (F1).\n${ownApp ? '' : `The emulator's developer console is at ${app.url}/__console.\n`}`,
);

if (host === 'desktop') {
  const code = spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`, workspace], { stdio: 'inherit' });
  children.push(code);
  console.log(
    `\nVS Code opened with the extension${ownApp ? ` for client id ${ownApp}` : ` against the emulator at ${app.url}`}. Ctrl+C stops the emulator.`,
  );
} else {
  run(process.execPath, ['scripts/package.mjs', 'test-results/ringcentral-oauth-dev.vsix']);
  const { startCodeServer } = await import(path.join(root, 'out/tools/vscode-host/codeServer.js'));
  const server = await startCodeServer({
    name: 'start',
    install: [path.join(root, 'test-results/ringcentral-oauth-dev.vsix')],
    smokeTestDriver: false,
    port: process.env.RC_CODE_SERVER_PORT ? Number(process.env.RC_CODE_SERVER_PORT) : undefined,
  });
  children.push({ kill: () => void server.stop() });
  console.log(
    `\nOpen ${server.url}/?folder=${encodeURIComponent(workspace)} in your browser (code-server = VS Code in the browser).`,
  );
  console.log(
    `The extension is installed${ownApp ? ` for client id ${ownApp}` : ` and points at the emulator (${app.url}, demo user Ada Lovelace)`}. Ctrl+C stops everything.`,
  );
}
