// "Copy as curl" on a trace step, through the same request the diagnostics panel posts ({command: 'copyAsCurl',
// attemptId, stepIndex, shell, withSecrets}), in a real VS Code against the emulator: masked by default, one modal
// before any secret goes to the clipboard, nothing copied when declined, and the copied command run by bash and
// curl gets the status the trace recorded — with the session's current token after a refresh replaced the old one.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CommandResult,
  copiedAccessToken,
  emulatorConsole,
  interceptMessages,
  resetProfiles,
  signOutAll,
} from './helpers';
import { addJwtProfile, jwtApp, signInWithJwt } from './jwtHelpers';
import { COMMANDS } from '../../src/vscode/commandIds';
import type { FlowAttempt } from '../../src/core/trace/trace';

const CAPTURE_DIR = process.env.RC_TEST_CAPTURE_DIR;
const CONFIRM = 'Copy with Secrets';

interface Outcome {
  copied: boolean;
  cancelled?: boolean;
  inlined: string[];
  environmentVariables: string[];
  notes: string[];
}

/** The newest recorded state of each attempt, from the traces the extension captured for the secret scan. */
function capturedAttempts(): FlowAttempt[] {
  const file = path.join(CAPTURE_DIR ?? '', 'trace.jsonl');
  const byId = new Map<string, FlowAttempt>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const attempt = JSON.parse(line) as FlowAttempt;
    byId.set(attempt.id, attempt);
  }
  return [...byId.values()];
}

/** Posts what the panel posts; answers the modal with `answer`; returns the outcome, the clipboard and the dialogs. */
async function copyStep(
  attemptId: string,
  stepIndex: number,
  shell: 'bash' | 'powershell',
  withSecrets: boolean,
  answer?: string,
) {
  await vscode.env.clipboard.writeText('clipboard-before');
  const dialogs = interceptMessages((shown) => (shown.options?.modal ? answer : undefined));
  try {
    const outcome = (await vscode.commands.executeCommand(COMMANDS.copyStepAsCurl, {
      command: 'copyAsCurl',
      attemptId,
      stepIndex,
      shell,
      withSecrets,
    })) as Outcome;
    const modals = dialogs.shown.filter((shown) => shown.options?.modal);
    return { outcome, clipboard: await vscode.env.clipboard.readText(), modals, shown: dialogs.shown };
  } finally {
    dialogs.restore();
  }
}

/** Runs a copied command with bash; returns the HTTP status curl printed (-i) and the body. */
function runWithCurl(text: string): Promise<{ status: number; output: string }> {
  return new Promise((resolve, reject) => {
    execFile('bash', ['-c', text], { timeout: 20_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`bash failed: ${error.message}\n${stderr}`));
      else resolve({ status: Number(/^HTTP\/[\d.]+ (\d{3})/m.exec(stdout)?.[1] ?? -1), output: stdout });
    });
  });
}

describe('Copy as curl from the diagnostics panel (extension host)', function () {
  before(function () {
    // The attempt ids come from the traces the harness captures.
    if (!CAPTURE_DIR) this.skip();
  });
  after(async () => {
    await signOutAll();
    await resetProfiles();
  });

  it('copies masked by default, asks once before secrets, copies nothing when declined; the command gets the recorded status', async () => {
    const app = await jwtApp();
    await addJwtProfile('Emulator – curl (JWT)', app);
    const credential = await emulatorConsole.createJwt({ clientId: app.clientId });
    const signedIn = await signInWithJwt(credential, app);
    assert.equal(signedIn.result.ok, true, JSON.stringify(signedIn.result));
    const attempt = capturedAttempts().find(
      (candidate) => candidate.kind === 'jwt' && candidate.clientId === app.clientId && candidate.outcome === 'ok',
    );
    assert.ok(attempt, 'the JWT sign-in was traced');
    const tokenIndex = attempt.steps.findIndex((step) => step.request?.url.endsWith('/restapi/oauth/token'));
    const whoAmIIndex = attempt.steps.findIndex((step) => step.request?.url.includes('/extension/~'));
    assert.ok(tokenIndex >= 0 && whoAmIIndex >= 0, JSON.stringify(attempt.steps.map((step) => step.title)));
    assert.equal(attempt.steps[tokenIndex].response?.status, 200);

    // Masked: no dialog, the secrets are variables, none of their values is in the text.
    const masked = await copyStep(attempt.id, tokenIndex, 'bash', false);
    assert.equal(masked.outcome.copied, true);
    assert.deepEqual(masked.outcome.inlined, []);
    assert.deepEqual(masked.outcome.environmentVariables, ['RINGCENTRAL_CLIENT_SECRET', 'RINGCENTRAL_JWT']);
    assert.equal(masked.modals.length, 0);
    assert.ok(masked.clipboard.includes('"$RINGCENTRAL_CLIENT_SECRET"'), masked.clipboard);
    assert.ok(masked.clipboard.includes(`-u '${app.clientId}:'"$RINGCENTRAL_CLIENT_SECRET"`), masked.clipboard);
    assert.ok(!masked.clipboard.includes(app.clientSecret) && !masked.clipboard.includes(credential));
    assert.ok(!masked.clipboard.includes('…'), 'no masked text is copied');

    // With secrets, declined: one modal naming what and whose; the clipboard is untouched.
    const declined = await copyStep(attempt.id, tokenIndex, 'bash', true, undefined);
    assert.equal(declined.outcome.copied, false);
    assert.equal(declined.outcome.cancelled, true);
    assert.equal(declined.clipboard, 'clipboard-before');
    assert.equal(declined.modals.length, 1);
    assert.match(declined.modals[0].message, /contains the client secret and the JWT credential of/);
    assert.ok(declined.modals[0].message.includes(app.clientId));
    assert.deepEqual(declined.modals[0].items, [CONFIRM]);
    const dialogText = JSON.stringify(declined.modals);
    assert.ok(!dialogText.includes(app.clientSecret) && !dialogText.includes(credential), 'no secret in the dialog');

    // With secrets, confirmed: the real values, and curl gets the status the trace recorded.
    const confirmed = await copyStep(attempt.id, tokenIndex, 'bash', true, CONFIRM);
    assert.equal(confirmed.outcome.copied, true);
    assert.deepEqual(confirmed.outcome.inlined, ['clientSecret', 'jwt']);
    assert.deepEqual(confirmed.outcome.environmentVariables, []);
    assert.equal(confirmed.modals.length, 1);
    assert.ok(confirmed.clipboard.includes(`${app.clientId}:${app.clientSecret}`));
    assert.ok(confirmed.clipboard.includes(`assertion=${credential}`));
    assert.ok(!JSON.stringify(confirmed.shown).includes(app.clientSecret), 'no secret in any notification');
    assert.equal((await runWithCurl(confirmed.clipboard)).status, 200);

    const powershell = await copyStep(attempt.id, tokenIndex, 'powershell', true, CONFIRM);
    assert.match(powershell.clipboard, /Invoke-WebRequest @request/);
    assert.ok(powershell.clipboard.includes(`'${app.clientId}:${app.clientSecret}'`), powershell.clipboard);

    // A refresh replaces the access token: the who-am-I step gets the current one, with a note saying so.
    await emulatorConsole.advanceClock(5);
    const refreshed = (await vscode.commands.executeCommand(COMMANDS.refreshToken)) as CommandResult;
    assert.equal(refreshed.ok, true, JSON.stringify(refreshed));
    const whoAmI = await copyStep(attempt.id, whoAmIIndex, 'bash', true, CONFIRM);
    assert.deepEqual(whoAmI.outcome.inlined, ['accessToken']);
    assert.match(whoAmI.modals[0].options?.detail ?? '', /a refresh replaced it/);
    assert.ok(whoAmI.clipboard.includes(`Bearer ${await copiedAccessToken()}`));
    const replayed = await runWithCurl(whoAmI.clipboard);
    assert.equal(replayed.status, attempt.steps[whoAmIIndex].response?.status);
    assert.equal(replayed.status, 200);
  });

  it('rejects a malformed request and a step that is gone, copying nothing', async () => {
    await vscode.env.clipboard.writeText('clipboard-before');
    const malformed = (await vscode.commands.executeCommand(COMMANDS.copyStepAsCurl, {
      attemptId: 'x',
      stepIndex: 0,
      shell: 'cmd.exe',
      withSecrets: false,
    })) as Outcome;
    assert.equal(malformed.copied, false);
    const messages = interceptMessages();
    try {
      const gone = (await vscode.commands.executeCommand(COMMANDS.copyStepAsCurl, {
        attemptId: 'no-such-attempt',
        stepIndex: 0,
        shell: 'bash',
        withSecrets: true,
      })) as Outcome;
      assert.equal(gone.copied, false);
      assert.match(messages.shown[0]?.message ?? '', /no longer in the history/);
    } finally {
      messages.restore();
    }
    assert.equal(await vscode.env.clipboard.readText(), 'clipboard-before');
  });
});
