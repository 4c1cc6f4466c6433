// Runs test/extension/* inside a real VS Code, against a RingCentral emulator started here.
// Usage: node out/test/extension/runExtensionTests.js  (exit code = failures; prints "N passed, N failed")
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { startEmulator } from '../../emulator/server';
import { scanExtensionHostRun } from '../secretScan/extensionHostScan';
import { launchBrowser, screenshotPath } from '../../tools/vscode-host/browser';
import { codeServerAvailable, startCodeServer, workbenchUrl } from '../../tools/vscode-host/codeServer';
import { chooseHost } from '../../tools/vscode-host/hostChoice';
import { CACHE_DIR, REPO_ROOT, RESULTS_DIR } from '../../tools/vscode-host/paths';

interface SuiteResult {
  passes: number;
  failures: number;
  pending: number;
  failed: string[];
}

const TESTS_PATH = path.join(REPO_ROOT, 'out/test/extension/index.js');
const RUN_TIMEOUT_MS = 8 * 60_000;
const CODE_SERVER_NAME = 'extension-tests';

async function main(): Promise<number> {
  const host = await chooseHost();
  const emulator = await startEmulator({ rateLimit: false });
  const resultsFile = path.join(RESULTS_DIR, `extension-tests-${host}.json`);
  fs.rmSync(resultsFile, { force: true });
  const workspace = path.join(RESULTS_DIR, 'workspace');
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.mkdirSync(workspace, { recursive: true });
  // Traces, webview states and notifications are copied here for the secret scan (see src/vscode/testCapture.ts).
  const captureDir = path.join(RESULTS_DIR, 'secret-scan', 'extension-host');
  fs.rmSync(captureDir, { recursive: true, force: true });
  fs.mkdirSync(captureDir, { recursive: true });
  const startedAt = Date.now();
  const env: Record<string, string> = {
    RC_EMULATOR_URL: emulator.url,
    RC_TEST_HOST: host,
    RC_TEST_RESULTS_FILE: resultsFile,
    RC_TEST_CAPTURE_DIR: captureDir,
  };
  if (process.env.RC_TEST_GREP) env.RC_TEST_GREP = process.env.RC_TEST_GREP;
  console.log(
    `Extension-host tests in ${host === 'electron' ? 'desktop VS Code (@vscode/test-electron)' : 'code-server (offline route)'}; emulator at ${emulator.url}`,
  );
  try {
    if (host === 'electron') {
      const { runTests } = await import('@vscode/test-electron');
      await runTests({
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath: TESTS_PATH,
        extensionTestsEnv: env,
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      }).catch(() => undefined); // the results file carries the verdict
    } else {
      if (!codeServerAvailable()) {
        throw new Error(
          'code-server is not installed: run node scripts/install-offline-vscode.mjs (npm test does this for you).',
        );
      }
      await runInCodeServer(workspace, env);
    }
  } finally {
    if (process.env.RC_TEST_DEBUG) {
      for (const request of emulator.requests)
        console.log(
          `emulator: ${request.method} ${request.path} ${JSON.stringify(request.query ?? {})} ${JSON.stringify(request.form ?? {})}`,
        );
    }
    await emulator.close();
  }
  if (!fs.existsSync(resultsFile)) {
    console.error('The extension-host suite wrote no results: it did not run to the end.');
    console.log('0 passed, 1 failed');
    return 1;
  }
  const result = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SuiteResult;
  const scan = scanExtensionHostRun({
    captureDir,
    logRoots: [
      host === 'electron'
        ? path.join(CACHE_DIR, 'user-data', 'logs')
        : path.join(RESULTS_DIR, 'code-server', CODE_SERVER_NAME),
    ],
    since: startedAt,
    secrets: emulator.issuedSecrets(),
    // A filtered run may not reach the panel or sign in at all.
    required: process.env.RC_TEST_GREP
      ? []
      : ['RingCentral log lines', 'trace', ...(host === 'code-server' ? ['webview-state'] : [])],
  });
  console.log(scan.text);
  if (scan.ok) result.passes += 1;
  else {
    result.failures += 1;
    result.failed.push('secret scan: see above');
  }
  for (const title of result.failed) console.error(`  failed: ${title}`);
  console.log(
    `extension-host: ${result.passes} passed, ${result.failures} failed${result.pending ? `, ${result.pending} skipped` : ''}`,
  );
  return result.failures > 0 ? 1 : 0;
}

async function runInCodeServer(workspace: string, env: Record<string, string>): Promise<void> {
  // The browser's return through the URI handler would otherwise wait on VS Code's "Allow … to open this URI?"
  // dialog, which the end-to-end tests click like a person; here the user has ticked "do not ask again".
  const server = await startCodeServer({
    name: CODE_SERVER_NAME,
    settings: { 'extensions.confirmedUriHandlerExtensionIds': ['rcdevtools.ringcentral-oauth'] },
  });
  const context = await launchBrowser('extension-tests');
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    if (process.env.RC_TEST_DEBUG) {
      context.on('page', (opened) => {
        console.log(`browser tab opened: ${opened.url()}`);
        opened.on('response', (response) =>
          console.log(`browser tab response: ${response.status()} ${response.url()}`),
        );
        opened.on('console', (message) => console.log(`browser tab console: ${message.text()}`));
      });
    }
    let settle: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (type === 'error') console.error(line);
      else console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
    await page.goto(
      workbenchUrl(server, {
        folder: workspace,
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath: TESTS_PATH,
        extensionEnvironment: env,
      }),
    );
    const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), RUN_TIMEOUT_MS));
    const code = await Promise.race([exited, timeout]);
    if (code !== 0) {
      await page.screenshot({ path: screenshotPath('extension-tests-end') }).catch(() => undefined);
    }
    if (code === -1) console.error(`The extension-host suite did not finish within ${RUN_TIMEOUT_MS / 60000} minutes.`);
  } finally {
    await context.close();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
