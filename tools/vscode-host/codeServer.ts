// code-server from the npm registry: a real VS Code (web workbench + Node extension host) on machines
// that cannot download desktop VS Code. See ../../../shared/vscode-offline-e2e.md for the recipe.
import { ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { CODE_SERVER_ENTRY, NODE24, RESULTS_DIR } from './paths';
import { freePort } from './freePort';

export { freePort };

export interface CodeServer {
  url: string;
  port: number;
  root: string;
  userDataDir: string;
  extensionsDir: string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** A fresh folder for this run's user data, extensions, XDG dirs and TMPDIR. */
  name: string;
  /** User settings written before start. */
  settings?: Record<string, unknown>;
  /** VSIX files to install before start. */
  install?: string[];
  /** Environment for the server (and so for the extension host). */
  env?: Record<string, string>;
  /** Needed to pass extension tests in the workbench URL; it also changes how dialogs and toasts behave. */
  smokeTestDriver?: boolean;
  /** Fixed port (npm start); default a free one. */
  port?: number;
}

export function codeServerAvailable(): boolean {
  return fs.existsSync(NODE24) && fs.existsSync(CODE_SERVER_ENTRY);
}

function isolatedEnv(root: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dirs = { XDG_CONFIG_HOME: 'xdg-config', XDG_DATA_HOME: 'xdg-data', XDG_CACHE_HOME: 'xdg-cache', TMPDIR: 'tmp' };
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const [key, dir] of Object.entries(dirs)) {
    const full = path.join(root, dir);
    fs.mkdirSync(full, { recursive: true });
    env[key] = full;
  }
  // The extension host must not inherit test runner switches that change mocha's behaviour.
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

export async function installExtension(root: string, extensionsDir: string, vsix: string): Promise<void> {
  await promisify(execFile)(
    NODE24,
    [CODE_SERVER_ENTRY, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    {
      env: isolatedEnv(root),
      timeout: 120_000,
    },
  );
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const root = path.join(RESULTS_DIR, 'code-server', options.name);
  fs.rmSync(root, { recursive: true, force: true });
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'workbench.tips.enabled': false,
        'chat.disableAIFeatures': true,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'git.openRepositoryInParentFolders': 'never',
        ...options.settings,
      },
      null,
      2,
    ),
  );
  for (const vsix of options.install ?? []) {
    await installExtension(root, extensionsDir, vsix);
  }
  const port = options.port ?? (await freePort());
  const log = fs.openSync(path.join(root, 'code-server.log'), 'w');
  const child: ChildProcess = spawn(
    NODE24,
    [
      CODE_SERVER_ENTRY,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--reconnection-grace-time',
      '30',
      ...(options.smokeTestDriver === false ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
    ],
    { env: isolatedEnv(root, options.env), stdio: ['ignore', log, log], detached: false },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with ${child.exitCode}; see ${path.join(root, 'code-server.log')}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`code-server did not answer /healthz within 60 s; see ${path.join(root, 'code-server.log')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    port,
    root,
    userDataDir,
    extensionsDir,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The workbench URL that loads an extension under development and runs its tests (code-server rejects the CLI flags). */
export function workbenchUrl(
  server: CodeServer,
  options: {
    folder: string;
    extensionDevelopmentPath?: string;
    extensionTestsPath?: string;
    extensionEnvironment?: Record<string, string>;
  },
): string {
  const remote = (file: string) => `vscode-remote://127.0.0.1:${server.port}${file}`;
  const payload: Array<[string, string]> = [['skipWelcome', 'true']];
  if (options.extensionDevelopmentPath)
    payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  if (options.extensionEnvironment)
    payload.push(['extensionEnvironment', JSON.stringify(options.extensionEnvironment)]);
  return `${server.url}/?folder=${encodeURIComponent(options.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
