// Shared by the export integration tests: temporary folders, running real programs (newman, node, php, python3,
// bash, curl) with a bounded time, and the tools the export tests need from the machine.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../../../tools/vscode-host/paths';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
  /** Called with each stdout chunk; may write to the child's stdin (an interactive program). */
  onStdout?: (text: string, write: (line: string) => void) => void;
}

/** Runs a program without a shell; kills it after the timeout (a generated program must never hang a test). */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      options.onStdout?.(stdout, (line) => child.stdin.write(line));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: Date.now() - started });
    });
    if (options.input !== undefined) child.stdin.end(options.input);
    else if (!options.onStdout) child.stdin.end();
  });
}

export function describeRun(result: RunResult): string {
  return `exit ${result.status}\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`;
}

export function assertRanOk(result: RunResult): void {
  assert.equal(result.status, 0, describeRun(result));
}

/** A fresh temporary folder per test, removed after it. */
export function useTempDir(prefix = 'rc-export-'): { readonly dir: string } {
  let current: string | undefined;
  beforeEach(() => {
    current = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(() => {
    if (current) fs.rmSync(current, { recursive: true, force: true });
    current = undefined;
  });
  return {
    get dir(): string {
      if (!current) throw new Error('temporary folder not created');
      return current;
    },
  };
}

export const APT_PACKAGES = 'php-cli php-curl python3-requests mono-mcs curl';

/**
 * Debian's python3 (the one python3-requests installs into), not a pyenv or venv shim earlier on PATH.
 * The generated program itself says `python3`; only the test pins the interpreter that has `requests`.
 */
export const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Fails with the one command to run when a tool the export tests need is missing. */
export async function requireTool(command: string, args: string[] = ['--version']): Promise<void> {
  const result = await run(command, args, { timeoutMs: 20_000 }).catch((error: Error) => ({
    status: -1,
    stdout: '',
    stderr: error.message,
    ms: 0,
  }));
  assert.equal(
    result.status,
    0,
    `${command} is needed by the export tests and did not run (${result.stderr.trim().split('\n')[0]}). ` +
      `Run: sudo apt-get install -y ${APT_PACKAGES}   (or: node scripts/install-offline-vscode.mjs --export-tools)`,
  );
}

export const NODE_MODULES = path.join(REPO_ROOT, 'node_modules');
export const NEWMAN_CLI = path.join(NODE_MODULES, 'newman', 'bin', 'newman.js');

export function writeFile(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}
