// Runs a generated sign-in program the way its user would (its own interpreter, a fresh folder, secrets in the
// environment), against the emulator; and plays the browser for the authorization-code programs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateSignInCode, CodeTarget } from '../../../src/core/export/code';
import type { ExportProfile } from '../../../src/core/export/profile';
import type { Emulator } from '../../../emulator/server';
import { NODE_MODULES, PYTHON, run, RunResult, writeFile } from './exportKit';

export interface Runner {
  target: CodeTarget;
  command: string;
  env?: Record<string, string>;
}

export const RUNNERS: Runner[] = [
  { target: 'python', command: PYTHON },
  { target: 'php', command: 'php' },
  { target: 'bash', command: 'bash' },
  // The program says require('@ringcentral/sdk'); the test folder has no node_modules of its own.
  { target: 'node', command: process.execPath, env: { NODE_PATH: NODE_MODULES } },
];

export interface ProgramRun extends RunResult {
  tokenFile: string;
}

/** Writes the generated program into `dir` and runs it there. */
export async function runProgram(
  runner: Runner,
  profile: ExportProfile,
  dir: string,
  env: Record<string, string> = {},
  onStdout?: (text: string, write: (line: string) => void) => void,
): Promise<ProgramRun> {
  const code = generateSignInCode(profile, runner.target);
  const file = path.join(dir, code.fileName);
  if (!fs.existsSync(file)) writeFile(dir, code.fileName, code.text);
  const tokenFile = path.join(dir, 'tokens.json');
  const result = await run(runner.command, [file], {
    cwd: dir,
    env: {
      ...runner.env,
      RINGCENTRAL_TOKEN_FILE: tokenFile,
      RINGCENTRAL_CLIENT_SECRET: undefined,
      RINGCENTRAL_JWT: undefined,
      ...env,
    },
    onStdout,
    timeoutMs: 30_000,
  });
  return { ...result, tokenFile };
}

/** Plays the browser: opens the authorize URL the program printed (auto-approve) and pastes where it landed. */
export function browserThatPastes(emu: Emulator, alter: (landed: URL) => string = (landed) => landed.toString()) {
  let answered = false;
  const seen: { authorizeUrl?: URL } = {};
  const onStdout = (text: string, write: (line: string) => void) => {
    const match = /^(http:\/\/127\.0\.0\.1:\d+\/restapi\/oauth\/authorize\?\S+)$/m.exec(text);
    if (!match || answered || !/Paste/i.test(text)) return;
    answered = true;
    seen.authorizeUrl = new URL(match[1]);
    void fetch(match[1], { redirect: 'manual' }).then((response) => {
      const location = response.headers.get('location');
      write(`${location ? alter(new URL(location)) : `no redirect: HTTP ${response.status}`}\n`);
    });
  };
  return { onStdout, seen };
}

export function grants(emu: Emulator): string[] {
  return emu.requests
    .filter((request) => request.path !== '/restapi/oauth/authorize')
    .map((request) => `${request.form?.grant_type ?? request.path} ${request.status}`);
}

export function assertPrivate(file: string): void {
  assert.equal(fs.statSync(file).mode & 0o077, 0, `${file} must be readable by its owner only`);
}
