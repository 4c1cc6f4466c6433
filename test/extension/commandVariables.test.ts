// ${command:ringcentral.accessToken} in a real tasks.json task: the task calls the emulator's who-am-I with the
// token and prints whether it works, never the token. The token is handed out only after the workspace's consent.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { emulatorConsole, interceptMessages, resetProfiles, signOutAll } from './helpers';
import { addJwtProfile, jwtApp, signInWithJwt } from './jwtHelpers';
import { COMMANDS } from '../../src/vscode/commandIds';

const TASK_LABEL = 'RingCentral: does the token work?';
/** The same script without command variables: whatever token it sees comes from the terminal environment. */
const TERMINAL_TASK_LABEL = 'RingCentral: is there a token in this terminal?';

// Run by the task with node: reads the token from its environment, calls who-am-I, writes the verdict.
const WHO_AM_I_SCRIPT = `
const fs = require('node:fs');
const server = process.env.RINGCENTRAL_SERVER_URL;
const token = process.env.RINGCENTRAL_ACCESS_TOKEN;
if (!token || !server) {
  fs.writeFileSync(process.argv[2], 'No token in this terminal\\n');
  process.exit(0);
}
fetch(server + '/restapi/v1.0/account/~/extension/~', { headers: { Authorization: 'Bearer ' + token } })
  .then(async (response) => {
    const body = await response.json().catch(() => ({}));
    const verdict = response.status === 200 ? 'The token works: signed in as ' + body.name : 'The token does not work: HTTP ' + response.status;
    console.log(verdict);
    fs.writeFileSync(process.argv[2], verdict + '\\n');
  });
`;

function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(folder, 'the tests run with a workspace folder');
  return folder;
}

function writeTasksJson(folder: string, outFile: string, terminalOutFile: string): void {
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'who-am-i.js'), WHO_AM_I_SCRIPT);
  const tasks = {
    version: '2.0.0',
    tasks: [
      {
        label: TASK_LABEL,
        type: 'process',
        command: process.execPath,
        args: ['${workspaceFolder}/who-am-i.js', outFile],
        options: {
          env: {
            ELECTRON_RUN_AS_NODE: '1',
            RINGCENTRAL_SERVER_URL: '${command:ringcentral.server}',
            RINGCENTRAL_ACCESS_TOKEN: '${command:ringcentral.accessToken}',
          },
        },
        problemMatcher: [],
      },
      {
        label: TERMINAL_TASK_LABEL,
        type: 'process',
        command: process.execPath,
        args: ['${workspaceFolder}/who-am-i.js', terminalOutFile],
        options: { env: { ELECTRON_RUN_AS_NODE: '1' } },
        problemMatcher: [],
      },
    ],
  };
  fs.writeFileSync(path.join(folder, '.vscode', 'tasks.json'), JSON.stringify(tasks, null, 2));
}

async function findTask(label: string): Promise<vscode.Task> {
  for (let waited = 0; waited < 15_000; waited += 250) {
    const task = (await vscode.tasks.fetchTasks()).find((candidate) => candidate.name === label);
    if (task) return task;
    await new Promise((resolve) => setTimeout(resolve, 250)); // tasks.json is read again after it changes
  }
  throw new Error('the task from tasks.json was not found');
}

/** Runs the task; resolves with the file it wrote, or undefined when it did not run within the wait. */
async function runTask(outFile: string, waitMs: number, label = TASK_LABEL): Promise<string | undefined> {
  fs.rmSync(outFile, { force: true });
  const task = await findTask(label);
  await vscode.tasks.executeTask(task).then(
    () => undefined,
    () => undefined, // a refused variable cancels the task: the file then stays absent
  );
  for (let waited = 0; waited < waitMs; waited += 200) {
    if (fs.existsSync(outFile) && fs.readFileSync(outFile, 'utf8').endsWith('\n'))
      return fs.readFileSync(outFile, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return undefined;
}

describe('${command:ringcentral.accessToken} in tasks.json', function () {
  this.timeout(120_000);
  afterEach(async () => {
    await signOutAll();
    await resetProfiles();
  });

  it('hands the token to a task only after the workspace allows it; the task proves it works without printing it', async () => {
    const folder = workspaceFolder();
    const outFile = path.join(folder, 'who-am-i.out');
    writeTasksJson(folder, outFile, path.join(folder, 'terminal.out'));
    const app = await jwtApp();
    await addJwtProfile('Emulator – tasks (JWT)', app);
    const signedIn = await signInWithJwt(await emulatorConsole.createJwt({ clientId: app.clientId }), app);
    assert.equal(signedIn.result.ok, true, JSON.stringify(signedIn.result));

    // Declined: the task never gets the token.
    const declined = interceptMessages(() => undefined);
    try {
      assert.equal(await runTask(outFile, 5_000), undefined, 'without consent the task did not run');
    } finally {
      declined.restore();
    }
    assert.ok(
      declined.shown.some((shown) => shown.options?.modal && /tasks and launch configurations/.test(shown.message)),
      'the user was asked',
    );

    // Allowed once for this workspace: the task runs and the token works.
    const allowed = interceptMessages((shown) =>
      shown.items.includes('Allow in This Workspace') ? 'Allow in This Workspace' : undefined,
    );
    let verdict: string | undefined;
    try {
      verdict = await runTask(outFile, 30_000);
    } finally {
      allowed.restore();
    }
    assert.equal(verdict, 'The token works: signed in as Ada Lovelace\n');
    assert.equal(allowed.shown.filter((shown) => shown.options?.modal).length, 1);

    // Asked once per workspace: the next run does not ask again.
    const again = interceptMessages(() => undefined);
    try {
      assert.equal(await runTask(outFile, 30_000), 'The token works: signed in as Ada Lovelace\n');
    } finally {
      again.restore();
    }
    assert.equal(again.shown.filter((shown) => shown.options?.modal).length, 0);
    await vscode.commands.executeCommand('ringcentral.terminalEnvironment', 'revoke');
  });

  it('puts the token in new terminals only when switched on, and takes it away on sign-out', async () => {
    const folder = workspaceFolder();
    const outFile = path.join(folder, 'terminal.out');
    writeTasksJson(folder, path.join(folder, 'who-am-i.out'), outFile);
    const app = await jwtApp();
    await addJwtProfile('Emulator – terminals (JWT)', app);
    const signedIn = await signInWithJwt(await emulatorConsole.createJwt({ clientId: app.clientId }), app);
    assert.equal(signedIn.result.ok, true, JSON.stringify(signedIn.result));

    assert.equal(await runTask(outFile, 30_000, TERMINAL_TASK_LABEL), 'No token in this terminal\n', 'off by default');

    const allowed = interceptMessages((shown) =>
      shown.items.includes('Allow in This Workspace') ? 'Allow in This Workspace' : undefined,
    );
    try {
      const on = (await vscode.commands.executeCommand(COMMANDS.terminalEnvironment, 'on')) as { enabled: boolean };
      assert.equal(on.enabled, true);
    } finally {
      allowed.restore();
    }
    assert.ok(
      allowed.shown.some((shown) => shown.options?.modal && /new terminals of this workspace/.test(shown.message)),
      'the user was asked for this route too',
    );
    assert.equal(await runTask(outFile, 30_000, TERMINAL_TASK_LABEL), 'The token works: signed in as Ada Lovelace\n');

    await vscode.commands.executeCommand(COMMANDS.signOut);
    assert.equal(
      await runTask(outFile, 30_000, TERMINAL_TASK_LABEL),
      'No token in this terminal\n',
      'sign-out cleared it',
    );
    await vscode.commands.executeCommand(COMMANDS.terminalEnvironment, 'revoke');
  });
});
