// Mocha entry point inside the extension host (the same run() that @vscode/test-electron calls).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { captureNotifications } from './notificationCapture';

export function run(): Promise<void> {
  if (process.env.RC_TEST_CAPTURE_DIR) captureNotifications(process.env.RC_TEST_CAPTURE_DIR);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  if (process.env.RC_TEST_GREP) mocha.grep(process.env.RC_TEST_GREP);
  for (const file of fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const failed: string[] = [];
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      const resultsFile = process.env.RC_TEST_RESULTS_FILE;
      if (resultsFile) {
        fs.writeFileSync(
          resultsFile,
          JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending, failed }),
        );
      }
      if (failures > 0) reject(new Error(`${failures} extension-host tests failed`));
      else resolve();
    });
    runner.on('fail', (test, error: Error) => failed.push(`${test.fullTitle()}: ${error.message}`));
  });
}
